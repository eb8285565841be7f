// The foundation map: opens offline, draws sourced layers in their colours, and opens inspectors.
import { readFileSync } from 'node:fs';
import { palette } from '../../src/lib/map/palette';
import { canvasColours, expect, openMap, projectToPage, test } from './fixtures';

type Line = { properties: { primary: boolean }; geometry: { coordinates: [number, number][] } };
const borders = JSON.parse(
	readFileSync('geodata/scenarios/iran-pakistan-2024/borders.geojson', 'utf8')
) as { features: Line[] };
const borderLine = borders.features.find((f) => f.properties.primary)!.geometry.coordinates;

test('opens on the scenario with the map idle', async ({ page }) => {
	await openMap(page);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(/Iran–Pakistan strikes/);
	await expect(page.getByRole('region', { name: /Map of the Iran–Pakistan border/ })).toBeVisible();
	const attribution = page.locator('.maplibregl-ctrl-attrib');
	await expect(attribution).toContainText('Natural Earth');
	await expect(attribution).toContainText('GeoNames');
});

test('draws the involved province and the border in their style colours', async ({ page }) => {
	await openMap(page);
	// Inside Balochistan, away from labels, symbols and uncertainty circles.
	expect(await canvasColours(page, [63.6, 28.4])).toEqual([palette.sideInvolved[1]]);
	// Middle of the border line: the line is 3.5 px wide, so its core pixel is the exact colour.
	const vertex = borderLine[Math.floor(borderLine.length / 3)]!;
	expect(await canvasColours(page, vertex, 2)).toContain(palette.borderPrimary);
	// Arabian Sea south of the coast.
	expect(await canvasColours(page, [62.0, 24.8])).toEqual([palette.sea]);
});

test('clicking a strike opens its inspector with a source link', async ({ page }) => {
	await openMap(page);
	const panjgur = await projectToPage(page, [64.09459, 26.97186]);
	await page.mouse.click(panjgur.x, panjgur.y);
	const details = page.getByRole('region', {
		name: /Iranian missile and drone strike near Panjgur/
	});
	await expect(details).toBeVisible();
	await expect(details.getByText('Stand-in location').first()).toBeVisible();
	const link = details.getByRole('link', { name: /Dawn: “Panic grips Koh-i-Sabz”/ });
	await expect(link).toHaveAttribute(
		'href',
		'https://www.dawn.com/news/1806685/panic-grips-koh-i-sabz'
	);
	// The map's own selection follows: the Events list shows the same event as pressed.
	await expect(
		page.getByRole('button', { name: /Iranian missile and drone strike near Panjgur/ })
	).toHaveAttribute('aria-pressed', 'true');
	await page.keyboard.press('Escape');
	await expect(page.getByRole('heading', { name: 'Details' })).toBeVisible();
});

test('selecting an event in the list opens its inspector', async ({ page }) => {
	await openMap(page);
	await page.getByRole('button', { name: /Pakistani strikes around Saravan/ }).click();
	const details = page.getByRole('region', { name: /Pakistani strikes around Saravan/ });
	// The casualty claims stand side by side: each claimant with their own figure and carrier.
	const claims = details.getByRole('table');
	const vahidi = claims.getByRole('row', { name: /^Ahmad Vahidi, Interior minister of Iran/ });
	await expect(vahidi.getByRole('cell').first()).toHaveText('9');
	await expect(
		vahidi.getByRole('link', { name: 'Xinhua, carried by Shanghai Daily (shine.cn)' })
	).toHaveAttribute('href', 'https://www.shine.cn/news/world/2401186228/');
	const marhamati = claims.getByRole('row', { name: /^Alireza Marhamati/ });
	await expect(marhamati).toHaveCount(3); // 7, then 9, then 10: each report kept
	await expect(details.getByRole('link', { name: /^Amu TV: “/ })).toHaveAttribute(
		'href',
		'https://amu.tv/80181/'
	);
});

test('a malformed geodata file is named in the UI and the other layers still draw', async ({
	page
}) => {
	await page.route(/\/events\.[^/]*\.geojson$/, (route) =>
		route.fulfill({
			contentType: 'application/json',
			body: '{"type": "FeatureCollection", "features": ['
		})
	);
	await openMap(page);
	const alert = page.getByRole('alert');
	await expect(alert).toContainText('events.geojson');
	await expect(alert).toContainText('not valid JSON');
	expect(await canvasColours(page, [63.6, 28.4])).toEqual([palette.sideInvolved[1]]);
});

test('a file the map loads itself but the schema refuses is named and not drawn', async ({
	page
}) => {
	// Valid JSON, so MapLibre's worker would draw it: the app's check must take it off the map.
	await page.route(/\/provinces\.[^/]*\.geojson$/, async (route) => {
		const response = await route.fetch();
		const data = (await response.json()) as { features: { properties: { name: unknown } }[] };
		data.features[0]!.properties.name = 42;
		await route.fulfill({ response, json: data });
	});
	await openMap(page);
	const alert = page.getByRole('alert');
	await expect(alert).toContainText('provinces.geojson');
	await expect(alert).toContainText('features.0.properties.name');
	// Balochistan shows Pakistan's land tint under it, not the involved-province fill.
	await expect.poll(() => canvasColours(page, [63.6, 28.4])).toEqual([palette.sideLand[1]]);
});

test('a shipped file that is not JSON is named and the other layers still draw', async ({
	page
}) => {
	await page.route(/\/countries\.[^/]*\.geojson$/, (route) =>
		route.fulfill({ contentType: 'application/json', body: '{"type": "Feature' })
	);
	await openMap(page);
	await expect(page.getByRole('alert')).toContainText('countries.geojson');
	expect(await canvasColours(page, [63.6, 28.4])).toEqual([palette.sideInvolved[1]]);
});

test('hovering a feature shows a pointer and highlights it', async ({ page }) => {
	await openMap(page);
	const panjgur = await projectToPage(page, [64.09459, 26.97186]);
	await page.mouse.move(panjgur.x, panjgur.y);
	await expect(page.locator('.maplibregl-canvas')).toHaveCSS('cursor', 'pointer');
	const hoverState = () =>
		page.evaluate(
			() =>
				(
					window.borderline!.map as unknown as {
						getFeatureState(f: { source: string; id: string }): { hover?: boolean };
					}
				).getFeatureState({ source: 'events', id: 'panjgur-2024-01-16' }).hover ?? false
		);
	await expect.poll(hoverState).toBe(true);
	// Afghanistan: land with nothing to pick (its provinces are not shipped), away from the
	// attribution along the map's bottom edge.
	const away = await projectToPage(page, [63.5, 30.2]);
	await page.mouse.move(away.x, away.y);
	await expect(page.locator('.maplibregl-canvas')).not.toHaveCSS('cursor', 'pointer');
	await expect.poll(hoverState).toBe(false);
});

test('clicking a province opens its details', async ({ page }) => {
	await openMap(page);
	const inBalochistan = await projectToPage(page, [63.6, 28.4]);
	await page.mouse.click(inBalochistan.x, inBalochistan.y);
	const details = page.getByRole('region', { name: 'Balochistan' });
	await expect(details.getByText('Involved in the strikes')).toBeVisible();
	await expect(details.getByText('Yes', { exact: true })).toBeVisible();
});

test('an event read in two places draws both readings, each with its wording and source', async ({
	page
}) => {
	await openMap(page, '/?sel=events:sirkan-2024-01-27');
	const details = page.getByRole('region', { name: /Gunmen kill Pakistani labourers/ });
	const readings = details
		.getByRole('heading', { name: 'Other readings of the place' })
		.locator('xpath=following-sibling::ul[1]');
	await expect(readings.getByRole('listitem')).toHaveCount(2);
	await expect(readings).toContainText('“in a house in the Sirkan neighbourhood of Saravan city”');
	await expect(readings).toContainText('AFP, carried by ARY News');
	await expect(readings).toContainText('Sirkan town, Bam Pasht');
	// Both readings are on the map as hollow marks, labelled with the event and the reading.
	const labels = await page.evaluate(() => {
		const map = window.borderline!.map as unknown as {
			queryRenderedFeatures(o: { layers: string[] }): { properties: Record<string, unknown> }[];
		};
		return map
			.queryRenderedFeatures({ layers: ['candidates-circle'] })
			.map((f) => String(f.properties['label']))
			.sort();
	});
	expect(labels).toEqual([
		'Sirkan killings? Sirkan neighbourhood of Saravan city',
		'Sirkan killings? Sirkan town, Bam Pasht'
	]);
	// The precision disc of the event covers both readings; the legend names the hollow marks.
	await expect(page.getByRole('region', { name: 'Legend' })).toContainText(
		"Another reading of an event's place"
	);
});

test('lists every official crossing, also the one no source places on the map', async ({
	page
}) => {
	await openMap(page);
	const panel = page.getByRole('region', { name: 'Border and cross-border distances' });
	const crossings = panel
		.getByRole('heading', { name: 'Official crossings' })
		.locator('xpath=following-sibling::ul[1]')
		.locator(':scope > li');
	await expect(crossings).toHaveCount(3);
	await expect(crossings.filter({ hasText: 'Taftan–Mirjaveh' })).toContainText(
		/drawn 4\.2 km from the line, its location known to 5 km/
	);
	await expect(crossings.filter({ hasText: 'Gabd–Rimdan' })).toContainText(
		'opened 2020-12-19: Not on the map: no source places it'
	);
});
