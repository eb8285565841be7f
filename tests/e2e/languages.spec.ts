// The map language: Persian names on the map's labels and in the panels, kept in the link.
import type { Page } from '@playwright/test';
import { expect, openMap, test } from './fixtures';

type LabelQuery = {
	queryRenderedFeatures(options: { layers: string[] }): { properties: Record<string, unknown> }[];
};

/** The label texts the map has placed on a layer now. */
const placedLabels = (page: Page, layer: string) =>
	page.evaluate(
		(id) =>
			(window.borderline!.map as unknown as LabelQuery)
				.queryRenderedFeatures({ layers: [id] })
				.map((f) => String(f.properties['label'])),
		layer
	);

test('choosing Persian names the places in Persian, and a reload keeps it', async ({ page }) => {
	await openMap(page);
	await expect.poll(() => placedLabels(page, 'countries-label')).toContain('Pakistan');
	const language = page.getByRole('group', { name: 'Map language' });
	await language.getByRole('radio', { name: 'فارسی' }).check();
	await expect(page).toHaveURL(/[?&]lang=fa\b/);
	await expect(language).toContainText('Persian names for 34 of 34 countries');
	const persian = ['ایران', 'پاکستان', 'افغانستان'];
	await expect
		.poll(() => placedLabels(page, 'countries-label'))
		.toEqual(expect.arrayContaining(persian));
	expect(await placedLabels(page, 'countries-label')).not.toContain('Pakistan');

	await page.reload();
	await expect(page.locator('[data-map-state]')).toHaveAttribute('data-map-state', 'idle');
	await expect(language.getByRole('radio', { name: 'فارسی' })).toBeChecked();
	await expect
		.poll(() => placedLabels(page, 'countries-label'))
		.toEqual(expect.arrayContaining(persian));
	// The panels name the selected province in Persian too, marked as such.
	await page.goto('/?lang=fa&sel=provinces:PAK-1108');
	const heading = page.getByRole('heading', { level: 2, name: 'ایالت بلوچستان پاکستان' });
	await expect(heading.locator('[lang="fa"]')).toBeVisible();
	await expect(page.getByText('In English: Balochistan')).toBeVisible();
});
