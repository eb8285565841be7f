// Linked analysis panels: panel ↔ map selection, buffer bands, keyboard use and URL restore.
import { palette } from '../../src/lib/map/palette';
import { canvasColours, expect, openMap, projectToPage, test } from './fixtures';
import type { Page } from '@playwright/test';

const eventRow = (page: Page, name: RegExp) =>
	page.getByRole('region', { name: 'Events and distances' }).getByRole('button', { name });

async function mapCentre(page: Page) {
	const box = (await page.locator('.maplibregl-canvas').boundingBox())!;
	return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

async function waitForMapSettled(page: Page) {
	await page.evaluate(
		() =>
			new Promise<void>((resolve) => {
				const map = window.borderline!.map as unknown as {
					isMoving(): boolean;
					once(e: string, f: () => void): void;
				};
				if (!map.isMoving()) resolve();
				else map.once('idle', () => resolve());
			})
	);
}

test('selecting an event in the panel centres the map on it', async ({ page }) => {
	await openMap(page);
	await eventRow(page, /Iranian missile and drone strike near Panjgur/).click();
	await page.waitForFunction(() => {
		const c = (
			window.borderline!.map as unknown as { getCenter(): { lng: number; lat: number } }
		).getCenter();
		return Math.abs(c.lng - 64.09459) < 0.01 && Math.abs(c.lat - 26.97186) < 0.01;
	});
	await waitForMapSettled(page);
	// Clear the selection, then click the map centre: the event under it is selected again.
	await page.keyboard.press('Escape');
	await expect(page.getByRole('heading', { name: 'Details' })).toBeVisible();
	const centre = await mapCentre(page);
	await page.mouse.click(centre.x, centre.y);
	const details = page.getByRole('region', {
		name: /Iranian missile and drone strike near Panjgur/
	});
	await expect(details.getByText(/To the border/)).toBeVisible();
	await expect(details.getByText(/stand-in location; Pakistan side/)).toBeVisible();
});

test('clicking an event on the map selects and reveals its row', async ({ page }) => {
	await openMap(page);
	const rask = await projectToPage(page, [61.4014, 26.2356]);
	await page.mouse.click(rask.x, rask.y);
	const row = eventRow(page, /Jaish al-Adl attack on Rask/);
	await expect(row).toHaveAttribute('aria-pressed', 'true');
	await expect(row).toBeInViewport();
	await expect(row).toContainText(/Border \d+\.\d km \(range/);
});

test('hovering a row highlights the event on the map', async ({ page }) => {
	await openMap(page);
	await eventRow(page, /Pakistani strikes around Saravan/).hover();
	await expect
		.poll(() =>
			page.evaluate(
				() =>
					(
						window.borderline!.map as unknown as {
							getFeatureState(f: object): { hover?: boolean };
						}
					).getFeatureState({ source: 'events', id: 'saravan-2024-01-18' }).hover ?? false
			)
		)
		.toBe(true);
});

test('rows are keyboard operable: arrows move, Enter selects, Escape clears', async ({ page }) => {
	await openMap(page);
	const first = eventRow(page, /Jaish al-Adl attack on Rask/);
	await first.focus();
	await page.keyboard.press('ArrowDown');
	await expect(eventRow(page, /IRGC ballistic missile strike on Erbil/)).toBeFocused();
	await page.keyboard.press('End');
	await expect(eventRow(page, /Gunmen kill Pakistani labourers/)).toBeFocused();
	await page.keyboard.press('ArrowUp');
	await page.keyboard.press('Enter');
	await expect(eventRow(page, /Pakistani strikes around Saravan/)).toHaveAttribute(
		'aria-pressed',
		'true'
	);
	await page.keyboard.press('Escape');
	await expect(eventRow(page, /Pakistani strikes around Saravan/)).toHaveAttribute(
		'aria-pressed',
		'false'
	);
});

test('changing a buffer distance changes the band on the map and the figures', async ({ page }) => {
	await openMap(page);
	const panel = page.getByRole('region', { name: 'Buffer zones along the border' });
	await expect(panel.getByRole('article', { name: 'Within 50 km of the border' })).toBeVisible();
	const areaText = () =>
		panel
			.getByRole('article', { name: /Within \d+ km of the border/ })
			.last()
			.textContent();
	const before = await areaText();
	// 100 km from the border inside Pakistan, away from symbols: no band at 50 km, band at 150 km.
	const probe: [number, number] = [64.0, 28.6];
	expect(await canvasColours(page, probe)).toEqual([palette.sideInvolved[1]]);
	await panel.getByRole('spinbutton', { name: 'Outer band distance in km' }).fill('150');
	await panel.getByRole('spinbutton', { name: 'Outer band distance in km' }).press('Enter');
	await expect(panel.getByRole('article', { name: 'Within 150 km of the border' })).toBeVisible();
	await expect(panel.getByRole('status')).toHaveText(/Computed in \d+ ms/);
	await expect(panel.getByRole('article', { name: 'Within 50 km of the border' })).toHaveCount(0);
	const after = await areaText();
	expect(after).not.toEqual(before);
	await expect(panel.getByRole('article', { name: 'Within 150 km of the border' })).toContainText(
		/Panjgur \(town/
	);
	await waitForMapSettled(page);
	await expect.poll(() => canvasColours(page, probe)).not.toEqual([palette.sideInvolved[1]]);
});

test('a reload restores the selection and the buffer settings', async ({ page }) => {
	await openMap(page);
	await eventRow(page, /Pakistani strikes around Saravan/).click();
	const panel = page.getByRole('region', { name: 'Buffer zones along the border' });
	await panel.getByRole('spinbutton', { name: 'Inner band distance in km' }).fill('5');
	await panel.getByRole('spinbutton', { name: 'Inner band distance in km' }).press('Enter');
	await panel.getByRole('radio', { name: 'Pakistan' }).check();
	await expect(page).toHaveURL(/sel=events%3Asaravan-2024-01-18/);
	await expect(page).toHaveURL(/bands=5%2C25%2C50/);
	await expect(page).toHaveURL(/side=Pakistan/);
	await page.reload();
	await expect(page.locator('[data-map-state]')).toHaveAttribute('data-map-state', 'idle');
	await expect(eventRow(page, /Pakistani strikes around Saravan/)).toHaveAttribute(
		'aria-pressed',
		'true'
	);
	await expect(panel.getByRole('spinbutton', { name: 'Inner band distance in km' })).toHaveValue(
		'5'
	);
	await expect(panel.getByRole('radio', { name: 'Pakistan' })).toBeChecked();
	await expect(panel.getByRole('article', { name: 'Within 5 km of the border' })).toContainText(
		'Balochistan'
	);
});

test('distances can use the constraint estimates instead of the stand-ins', async ({ page }) => {
	await openMap(page);
	const row = eventRow(page, /Pakistani strikes around Saravan/);
	await expect(row).toContainText('stand-in location');
	await page.getByRole('radio', { name: /Constraint estimates/ }).check();
	// The estimates come from the analysis worker, which starts once the map has drawn: on two
	// software-rendering cores that can take longer than the default wait.
	await expect(row).toContainText('constraint estimate', { timeout: 45_000 });
	// The estimate area lies within 4 km of the border, so the interval shrinks to ≈ 0–4 km.
	await expect(row).toContainText(/Border 0\.0 km–4\.\d km over the constraint area/);
	await row.click();
	const details = page.getByRole('region', { name: /Pakistani strikes around Saravan/ });
	await expect(details.getByRole('heading', { name: /Location estimate/ })).toBeVisible();
	// The reported distance the estimate rests on, with its claimant.
	await expect(details.getByRole('listitem').filter({ hasText: /read as 0–4 km/ })).toContainText(
		'Ahmad Vahidi, Interior minister of Iran'
	);
});

test('dragging a band slider updates the figures as it moves and the map on release', async ({
	page
}) => {
	await openMap(page);
	const panel = page.getByRole('region', { name: 'Buffer zones along the border' });
	await expect(panel.getByRole('status')).toHaveText(/Computed in \d+ ms/);
	const slider = panel.getByRole('slider', { name: 'Outer band (km)' });
	await slider.scrollIntoViewIfNeeded();
	const box = (await slider.boundingBox())!;
	const y = box.y + box.height / 2;
	// The thumb sits at 50 of 1–200 km; drag it to the far right (200 km).
	await page.mouse.move(box.x + (box.width * 49) / 199, y);
	await page.mouse.down();
	for (let i = 1; i <= 10; i++) await page.mouse.move(box.x + (box.width * (49 + 15 * i)) / 199, y);
	await expect(panel.getByRole('article', { name: /Within 1\d\d km of the border/ })).toBeVisible();
	// Mid-drag the map still shows the bands from before the drag (widest: 50 km).
	const widestOnMap = () =>
		page.evaluate(() => {
			const source = (
				window.borderline!.map as unknown as {
					getSource(id: string): {
						serialize(): { data: { features: { properties: { distanceKm: number } }[] } };
					};
				}
			).getSource('bands');
			return Math.max(...source.serialize().data.features.map((f) => f.properties.distanceKm));
		});
	expect(await widestOnMap()).toBe(50);
	await page.mouse.move(box.x + box.width + 20, y);
	await page.mouse.up();
	await expect(panel.getByRole('article', { name: 'Within 200 km of the border' })).toBeVisible();
	await expect.poll(widestOnMap).toBe(200);
	const probe: [number, number] = [64.3, 29.0]; // ~150 km inside Pakistan, away from symbols
	await expect.poll(() => canvasColours(page, probe)).not.toEqual([palette.sideInvolved[1]]);
});

test('every border distance is given under both lines, and the chosen line is measured first and kept in the link', async ({
	page
}) => {
	await openMap(page);
	const row = eventRow(page, /Pakistani strikes around Saravan/);
	await expect(row).toContainText(
		/\d+\.\d km \(Natural Earth 1:10m\) · \d+\.\d km \(OpenStreetMap\) · spread \d+\.\d km/
	);
	const bands = page.getByRole('region', { name: 'Buffer zones along the border' });
	await expect(bands.getByRole('status')).toHaveText(/Computed in \d+ ms/);
	await expect(bands.getByRole('row', { name: /^Pakistan/ }).first()).toContainText(
		/OpenStreetMap [\d,]+ km² · spread [\d,]+ km²/
	);
	const border = page.getByRole('region', { name: 'Border and cross-border distances' });
	await expect(border).toContainText(
		/Measured on each line:\s+817\.4 km \(Natural Earth 1:10m\) · 992\.1 km \(OpenStreetMap\)/
	);
	const figures = async () =>
		(await row.innerText()).match(/([\d.]+) km \(Natural Earth 1:10m\)/)![1];
	const ne = await figures();
	await border.getByRole('radio', { name: 'the OpenStreetMap line' }).check();
	await expect(page).toHaveURL(/[?&]line=openstreetmap/);
	// The OpenStreetMap figure leads now; the Natural Earth one stays beside it, unchanged.
	await expect(row).toContainText(
		/\d+\.\d km \(OpenStreetMap\) · \d+\.\d km \(Natural Earth 1:10m\) · spread/
	);
	expect(await figures()).toBe(ne);
	await expect(page.getByRole('region', { name: 'Events and distances' })).toContainText(
		'measured to the OpenStreetMap border line'
	);
	// The bands are measured from the chosen line, with the other line's areas beside them.
	await expect(bands.getByRole('row', { name: /^Pakistan/ }).first()).toContainText(
		/Natural Earth 1:10m [\d,]+ km² · spread/,
		{ timeout: 30_000 }
	);
	await page.reload();
	await expect(page.locator('[data-map-state]')).toHaveAttribute('data-map-state', 'idle');
	await expect(border.getByRole('radio', { name: 'the OpenStreetMap line' })).toBeChecked();
	await border.getByRole('radio', { name: 'the Natural Earth 1:10m line' }).check();
	await expect(page).not.toHaveURL(/line=/);
});
