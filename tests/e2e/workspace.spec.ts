// The analyst's workspace: layer control and legend, timeline, permalinks, accessibility, narrow screens.
import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { palette } from '../../src/lib/map/palette';
import { canvasColours, expect, openMap, projectToPage, test } from './fixtures';

type Line = { properties: { primary: boolean }; geometry: { coordinates: [number, number][] } };
const borders = JSON.parse(
	readFileSync('geodata/scenarios/iran-pakistan-2024/borders.geojson', 'utf8')
) as { features: Line[] };
const borderVertex = borders.features.find((f) => f.properties.primary)!.geometry.coordinates[70]!;

const layersPanel = (page: Page) => page.getByRole('region', { name: 'Layers' });
const legend = (page: Page) => page.getByRole('region', { name: 'Legend' });

async function settle(page: Page) {
	await page.evaluate(
		() =>
			new Promise<void>((resolve) => {
				const map = window.borderline!.map as unknown as {
					once(e: string, f: () => void): void;
					triggerRepaint(): void;
				};
				map.once('idle', () => resolve());
				map.triggerRepaint();
			})
	);
}

async function setGroup(page: Page, group: string, visible: boolean) {
	const boxes = layersPanel(page).getByRole('group', { name: group }).getByRole('checkbox');
	for (const box of await boxes.all()) await box.setChecked(visible);
	await settle(page);
}

// A string label is matched exactly: the pack's OpenStreetMap line is "Iran–Pakistan border, …".
const groups: { group: string; probe: [number, number]; legendLabel: RegExp | string }[] = [
	{ group: 'Context', probe: [63.5, 30.25], legendLabel: /Country \(land\)/ },
	{ group: 'Border region', probe: borderVertex, legendLabel: 'Iran–Pakistan border' },
	{ group: 'Provinces', probe: [63.6, 28.4], legendLabel: /Province struck/ },
	{ group: 'Events', probe: [64.09459, 26.97186], legendLabel: /Event by Iran/ }
];

for (const { group, probe, legendLabel } of groups) {
	test(`toggling the ${group} group changes the map and the legend`, async ({ page }) => {
		await openMap(page);
		// Wait for the buffer bands too, so nothing else changes the map during the test.
		await expect(page.getByRole('status').filter({ hasText: /Computed in/ })).toBeVisible();
		await settle(page);
		const before = await canvasColours(page, probe, 1);
		await expect(legend(page).getByText(legendLabel, { exact: true })).toBeVisible();
		await setGroup(page, group, false);
		const hidden = await canvasColours(page, probe, 1);
		expect(hidden).not.toEqual(before);
		await expect(legend(page).getByText(legendLabel, { exact: true })).toHaveCount(0);
		await setGroup(page, group, true);
		expect(await canvasColours(page, probe, 1)).toEqual(before);
		await expect(legend(page).getByText(legendLabel, { exact: true })).toBeVisible();
	});
}

test('toggling the Analysis group hides the buffer bands', async ({ page }) => {
	await openMap(page);
	await expect(page.getByRole('status').filter({ hasText: /Computed in/ })).toBeVisible();
	await settle(page);
	// 20 km inside Pakistan from the border: inside the 25 and 50 km bands.
	const probe: [number, number] = [borderVertex[0] + 0.2, borderVertex[1]];
	const withBands = await canvasColours(page, probe);
	await setGroup(page, 'Analysis', false);
	expect(await canvasColours(page, probe)).not.toEqual(withBands);
	await expect(legend(page).getByText(/Buffer band/)).toHaveCount(0);
});

test('an opacity slider fades a layer without hiding it', async ({ page }) => {
	await openMap(page);
	const probe: [number, number] = [63.6, 28.4];
	expect(await canvasColours(page, probe)).toEqual([palette.sideInvolved[1]]);
	await layersPanel(page).getByRole('slider', { name: 'Opacity of Provinces' }).fill('0.5');
	await settle(page);
	const faded = (await canvasColours(page, probe))[0]!;
	expect(faded).not.toEqual(palette.sideInvolved[1]);
	expect(faded).not.toEqual(palette.sideLand[1]);
});

test('a date window filters the map and the panels', async ({ page }) => {
	await openMap(page);
	const events = page.getByRole('region', { name: 'Events and distances' });
	await expect(events.getByRole('button', { name: /Rask/ })).toBeVisible();
	const from = Date.parse('2024-01-16T00:00:00Z') / 86_400_000;
	const to = Date.parse('2024-01-18T00:00:00Z') / 86_400_000;
	const timeline = page.getByRole('region', { name: 'Timeline' });
	await timeline.getByRole('slider', { name: 'From' }).fill(String(from));
	await timeline.getByRole('slider', { name: 'To' }).fill(String(to));
	await expect(timeline.getByText(/Showing 2024-01-16 to 2024-01-18/)).toBeVisible();
	await expect(events.getByRole('button', { name: /Rask/ })).toHaveCount(0);
	await expect(events.getByRole('button', { name: /Erbil/ })).toHaveCount(0);
	await expect(events.getByRole('button', { name: /Panjgur/ })).toBeVisible();
	await expect(events.getByRole('button', { name: /Saravan/ })).toBeVisible();
	await settle(page);
	const rendered = await page.evaluate(() =>
		(
			window.borderline!.map as unknown as {
				querySourceFeatures(s: string): { properties: { id: string } }[];
			}
		)
			.querySourceFeatures('events')
			.map((f) => f.properties.id)
	);
	expect([...new Set(rendered)].sort()).toEqual(['panjgur-2024-01-16', 'saravan-2024-01-18']);
	await expect(page).toHaveURL(/from=2024-01-16&to=2024-01-18/);
	await expect(
		timeline.getByText(/Ambassadors of Iran and Pakistan return to their posts/)
	).toBeVisible();
});

test('the play button steps the window through the dates', async ({ page }) => {
	await openMap(page);
	const timeline = page.getByRole('region', { name: 'Timeline' });
	await timeline.getByRole('button', { name: 'Play' }).click();
	await expect(timeline.getByText(/Showing 2023-12-14 to 2023-12-1[5-9]/)).toBeVisible();
	await timeline.getByRole('button', { name: 'Pause' }).click();
	await expect(timeline.getByRole('button', { name: 'Play' })).toBeVisible();
});

test('a permalink restores view, layers, selection, buffer and dates', async ({ page }) => {
	await openMap(
		page,
		'/?sel=events%3Apanjgur-2024-01-16&bands=5,20,40&side=Pakistan&hide=towns&from=2024-01-10&to=2024-01-20&view=63.5,27.2,7,0'
	);
	await expect(
		page.getByRole('region', { name: /Iranian missile and drone strike near Panjgur/ })
	).toBeVisible();
	const buffers = page.getByRole('region', { name: 'Buffer zones along the border' });
	await expect(buffers.getByRole('spinbutton', { name: 'Inner band distance in km' })).toHaveValue(
		'5'
	);
	await expect(buffers.getByRole('radio', { name: 'Pakistan' })).toBeChecked();
	await expect(layersPanel(page).getByRole('checkbox', { name: 'Towns' })).not.toBeChecked();
	await expect(
		page.getByRole('region', { name: 'Timeline' }).getByText(/Showing 2024-01-10 to 2024-01-20/)
	).toBeVisible();
	const view = await page.evaluate(() => {
		const m = window.borderline!.map as unknown as {
			getCenter(): { lng: number; lat: number };
			getZoom(): number;
		};
		return { ...m.getCenter(), zoom: m.getZoom() };
	});
	expect(view.lng).toBeCloseTo(63.5, 3);
	expect(view.lat).toBeCloseTo(27.2, 3);
	expect(view.zoom).toBeCloseTo(7, 3);
});

test('a malformed permalink gives notices and still shows the map', async ({ page }) => {
	await openMap(page, '/?sel=nowhere&bands=abc&view=1,2&from=2024-99-01&hide=rivers&radius=-1');
	const notices = page.getByRole('status').filter({ hasText: /Ignored/ });
	await expect(notices).toContainText('selection');
	await expect(notices).toContainText('buffer distances');
	await expect(notices).toContainText('map view');
	await expect(notices).toContainText('date window');
	await expect(notices).toContainText('unknown layers');
	await expect(notices).toContainText('event radius');
	expect(await canvasColours(page, [63.6, 28.4])).toEqual([palette.sideInvolved[1]]);
});

test('back and forward move between deliberate changes', async ({ page }) => {
	await openMap(page);
	await layersPanel(page).getByRole('checkbox', { name: 'Towns' }).uncheck();
	await expect(page).toHaveURL(/hide=towns/);
	await page.waitForTimeout(1100);
	await page.getByRole('button', { name: /Pakistani strikes around Saravan/ }).click();
	await expect(page).toHaveURL(/sel=events/);
	await page.goBack();
	await expect(page).not.toHaveURL(/sel=events/);
	await expect(page.getByRole('heading', { name: 'Details' })).toBeVisible();
	await expect(layersPanel(page).getByRole('checkbox', { name: 'Towns' })).not.toBeChecked();
	await page.goForward();
	await expect(page).toHaveURL(/sel=events/);
	await expect(
		page.getByRole('region', { name: /Pakistani strikes around Saravan/ })
	).toBeVisible();
});

test('the copy-link button copies the current link', async ({ page, context }) => {
	await context.grantPermissions(['clipboard-read', 'clipboard-write']);
	await openMap(page, '/?sel=events%3Asaravan-2024-01-18');
	await page.getByRole('button', { name: 'Copy link' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'Link copied' })).toBeVisible();
	expect(await page.evaluate(() => navigator.clipboard.readText())).toContain(
		'sel=events%3Asaravan-2024-01-18'
	);
});

test('the main page has no serious or critical accessibility violations', async ({ page }) => {
	await openMap(page);
	const results = await new AxeBuilder({ page }).analyze();
	const serious = results.violations.filter((v) =>
		['serious', 'critical'].includes(v.impact ?? '')
	);
	expect(
		serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
	).toEqual([]);
});

test('the export dialog has no serious or critical accessibility violations', async ({ page }) => {
	await openMap(page);
	await page.getByRole('button', { name: 'Print / export' }).click();
	await expect(page.getByRole('dialog', { name: 'Print / export the map' })).toBeVisible();
	const results = await new AxeBuilder({ page }).analyze();
	const serious = results.violations.filter((v) =>
		['serious', 'critical'].includes(v.impact ?? '')
	);
	expect(
		serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
	).toEqual([]);
});

test.describe('narrow screens', () => {
	test.use({ viewport: { width: 390, height: 800 } });

	test('the map stays usable and the panels become a bottom sheet', async ({ page }) => {
		await openMap(page);
		const map = (await page.locator('.maplibregl-canvas').boundingBox())!;
		expect(map.width).toBeGreaterThan(380);
		expect(map.height).toBeGreaterThan(600);
		const panels = page.getByRole('complementary', { name: 'Panels' });
		const sheet = (await panels.boundingBox())!;
		expect(sheet.y + sheet.height).toBeCloseTo(800, 0);
		expect(sheet.height).toBeLessThanOrEqual(800 * 0.46);
		// The opening view shows every located event above the sheet.
		for (const at of [
			[61.4014, 26.2356],
			[62.33096, 27.37089],
			[64.09459, 26.97186]
		] as [number, number][]) {
			const p = await projectToPage(page, at);
			expect(p.y, `event at ${at} above the sheet`).toBeLessThan(sheet.y - 10);
			expect(p.y).toBeGreaterThan(map.y);
			expect(p.x).toBeGreaterThan(0);
			expect(p.x).toBeLessThan(390);
		}
		await panels.getByRole('button', { name: 'Hide panels' }).click();
		expect((await panels.boundingBox())!.height).toBeLessThan(60);
		await panels.getByRole('button', { name: 'Show panels' }).click();
		await page.getByRole('button', { name: /Pakistani strikes around Saravan/ }).click();
		await expect(
			page.getByRole('region', { name: /Pakistani strikes around Saravan/ })
		).toBeVisible();
	});
});
