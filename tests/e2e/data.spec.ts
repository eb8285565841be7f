// Own data in, results out: import GeoJSON, CSV and KML points, refuse broken files without losing
// anything, and download the analysis.
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { zipSync } from 'fflate';
import {
	clickImported,
	expect,
	importedShown,
	iso,
	openMap,
	projectToPage,
	test
} from './fixtures';

const dataPanel = (page: Page) => page.getByRole('region', { name: 'Your data' });
const fileInput = (page: Page) => page.getByLabel('Import a GeoJSON, CSV, KML or FlatGeobuf file');

/** Waits until the map holds and has drawn `count` imported points (its worker reads them). */
async function drawn(page: Page, count: number): Promise<void> {
	await expect.poll(() => importedIds(page).then((ids) => ids.length)).toBe(count);
	await expect(page.locator('[data-map-state]')).toHaveAttribute('data-map-state', 'idle');
}

/** The ids of the points the map's imported tiles are made of (in their worker). */
async function importedIds(page: Page): Promise<string[]> {
	return page.evaluate(() => window.borderline!.importedIds());
}

test('imports a GeoJSON and a CSV file, analysed like the events', async ({ page }) => {
	await openMap(page);
	await fileInput(page).setInputFiles('tests/fixtures/import/towns-near-border.geojson');
	await expect(dataPanel(page).getByRole('status')).toContainText(/Imported 3 points/);
	await fileInput(page).setInputFiles('tests/fixtures/import/sites.csv');
	await expect(dataPanel(page).getByRole('status')).toContainText(
		`Imported 3 points from ${iso('sites.csv')}`
	);
	await expect.poll(() => importedIds(page).then((ids) => ids.length)).toBe(6);
	// Selecting an imported point on the map opens it with its distance to the border.
	await clickImported(page, [61.74573, 25.04852]);
	const details = page.getByRole('region', { name: 'Jiwani' });
	await expect(details.getByText('From your file')).toBeVisible();
	await expect(details.getByText(/\d+\.\d km; Pakistan side/)).toBeVisible();
	// Band membership: Jiwani is within 25 km of the border.
	await expect(
		page
			.getByRole('region', { name: 'Buffer zones along the border' })
			.getByRole('article', { name: 'Within 25 km of the border' })
	).toContainText(/Your points inside:.*Jiwani/);
});

const broken: [string, RegExp][] = [
	['not-json.geojson', /Not valid JSON/],
	['truncated.geojson', /ends before the JSON is complete/],
	['latitude-over-90.geojson', /latitude|range/i],
	['no-coordinate-columns.csv', /latitude|longitude/i],
	['only-lines-polygons.geojson', /point/i],
	['empty-featurecollection.geojson', /no features/i]
];

test('broken files are refused with the problem named, and earlier imports stay', async ({
	page
}) => {
	await openMap(page);
	await fileInput(page).setInputFiles('tests/fixtures/import/sites.csv');
	await expect(dataPanel(page).getByRole('status')).toContainText(/Imported 3 points/);
	for (const [file, message] of broken) {
		await fileInput(page).setInputFiles(`tests/fixtures/bad/${file}`);
		const alert = dataPanel(page).getByRole('alert');
		await expect(alert).toContainText(file);
		await expect(alert).toContainText(message);
		await expect.poll(() => importedIds(page).then((ids) => ids.length)).toBe(3);
	}
	await expect(page.locator('[data-map-state]')).toHaveAttribute('data-map-state', 'idle');
	await expect(dataPanel(page).getByRole('listitem')).toContainText(['sites.csv: 3 points']);
});

test('a file above the size limit is refused with the limit named', async ({ page }) => {
	await openMap(page);
	await fileInput(page).setInputFiles({
		name: 'huge.geojson',
		mimeType: 'application/geo+json',
		buffer: Buffer.alloc(21 * 1024 * 1024, 32)
	});
	await expect(dataPanel(page).getByRole('alert')).toContainText(
		/huge\.geojson.*21\.0 MB.*20\.0 MB limit/
	);
});

test('names from a file are shown as text, never as HTML', async ({ page }) => {
	await openMap(page);
	await page.evaluate(() => ((window as unknown as { pwned: boolean }).pwned = false));
	const payload = {
		type: 'FeatureCollection',
		features: [
			{
				type: 'Feature',
				geometry: { type: 'Point', coordinates: [62.0, 27.0] },
				properties: { name: '<img src=x onerror="window.pwned=true">', link: 'javascript:alert(1)' }
			}
		]
	};
	await fileInput(page).setInputFiles({
		name: 'xss.geojson',
		mimeType: 'application/geo+json',
		buffer: Buffer.from(JSON.stringify(payload))
	});
	await expect(dataPanel(page).getByRole('status')).toContainText(/Imported 1 point/);
	await clickImported(page, [62.0, 27.0]);
	await expect(
		page.getByRole('heading', { name: '<img src=x onerror="window.pwned=true">' })
	).toBeVisible();
	await expect(page.getByText('javascript:alert(1)')).toBeVisible();
	expect(await page.locator('img[src="x"]').count()).toBe(0);
	expect(await page.evaluate(() => (window as unknown as { pwned: boolean }).pwned)).toBe(false);
});

test('downloads the analysis as GeoJSON, CSV, KML and FlatGeobuf, which imports back', async ({
	page
}) => {
	await openMap(page);
	await fileInput(page).setInputFiles('tests/fixtures/import/sites.csv');
	await expect(dataPanel(page).getByRole('status')).toContainText(/Imported 3 points/);
	await expect(page.getByRole('status').filter({ hasText: /Computed in/ })).toBeVisible();

	const [geo] = await Promise.all([
		page.waitForEvent('download'),
		dataPanel(page).getByRole('button', { name: 'Download GeoJSON' }).click()
	]);
	expect(geo.suggestedFilename()).toMatch(
		/^borderline_iran-pakistan-2024_analysis_\d{4}-\d{2}-\d{2}\.geojson$/
	);
	const collection = JSON.parse(readFileSync(await geo.path(), 'utf8'));
	const names = collection.features.map((f: { properties: { name: string } }) => f.properties.name);
	expect(names).toContain('Iranian missile and drone strike near Panjgur');
	expect(names).toContain('Jiwani');
	const panjgur = collection.features.find(
		(f: { properties: { name: string } }) =>
			f.properties.name === 'Iranian missile and drone strike near Panjgur'
	);
	expect(panjgur.properties.border_km).toBeGreaterThan(50);
	expect(collection.metadata.scenario).toBe('iran-pakistan-2024');

	const [csv] = await Promise.all([
		page.waitForEvent('download'),
		dataPanel(page).getByRole('button', { name: 'Download CSV' }).click()
	]);
	expect(csv.suggestedFilename()).toMatch(/\.csv$/);
	const text = readFileSync(await csv.path(), 'utf8');
	const [header, ...rows] = text.trim().split('\r\n');
	expect(header).toMatch(/border_km/);
	expect(rows).toHaveLength(6 + 3);
	expect(text).toContain('Jiwani');

	const [kml] = await Promise.all([
		page.waitForEvent('download'),
		dataPanel(page).getByRole('button', { name: 'Download KML' }).click()
	]);
	expect(kml.suggestedFilename()).toMatch(/^borderline_iran-pakistan-2024_analysis_.*\.kml$/);
	const placemarks = readFileSync(await kml.path(), 'utf8').match(/<Placemark>/g) ?? [];
	expect(placemarks).toHaveLength(6 + 3);

	const [fgb] = await Promise.all([
		page.waitForEvent('download'),
		dataPanel(page).getByRole('button', { name: 'Download FlatGeobuf' }).click()
	]);
	expect(fgb.suggestedFilename()).toMatch(/^borderline_iran-pakistan-2024_analysis_.*\.fgb$/);
	await fileInput(page).setInputFiles({
		name: 'analysis.fgb',
		mimeType: 'application/flatgeobuf',
		buffer: readFileSync(await fgb.path())
	});
	await expect(dataPanel(page).getByRole('status')).toContainText(
		/Imported 9 points from .?analysis\.fgb.?\./
	);
});

test('imports still work when a geodata file other than the border failed to load', async ({
	page
}) => {
	await page.route(/\/events\.[^/]*\.geojson$/, (route) =>
		route.fulfill({ contentType: 'application/json', body: '{"type": "FeatureCollection"' })
	);
	await openMap(page);
	await expect(page.getByRole('alert').filter({ hasText: 'events.geojson' })).toBeVisible();
	await fileInput(page).setInputFiles('tests/fixtures/import/sites.csv');
	await expect(dataPanel(page).getByRole('status')).toContainText(/Imported 3 points/);
});

test('a large import reaches the map as tiles made in a worker, within the CSP', async ({
	page
}) => {
	const blocked: string[] = [];
	page.on('console', (m) => {
		if (/Content.Security.Policy|Refused to connect/i.test(m.text())) blocked.push(m.text());
	});
	await openMap(page);
	const rows = ['name,latitude,longitude'];
	for (let i = 0; i < 6_000; i++)
		rows.push(
			`P${i},${(25 + (i % 60) * 0.08).toFixed(3)},${(60 + Math.floor(i / 60) * 0.04).toFixed(3)}`
		);
	await fileInput(page).setInputFiles({
		name: 'many.csv',
		mimeType: 'text/csv',
		buffer: Buffer.from(rows.join('\n'))
	});
	await expect(dataPanel(page).getByRole('status')).toContainText('Imported 6,000 points');
	await drawn(page, 6_000);
	// Drawn from tiles of the page's own scheme; in view (all 6,000 are), clusters and single
	// points together stand for every one.
	await importedShown(page, 6_000);
	const source = await page.evaluate(() => {
		const map = window.borderline!.map as unknown as {
			getStyle(): { sources: Record<string, { type: string; tiles?: string[] }> };
		};
		return map.getStyle().sources['imported'];
	});
	expect(source?.type).toBe('vector');
	expect(source?.tiles?.[0]).toMatch(/^borderline-imported:\/\//);
	expect(blocked).toEqual([]);
});

test('dense imports are drawn as numbered clusters that zoom in on click', async ({ page }) => {
	await openMap(page);
	// 400 points within about 5 km of one place near Saravan, plus one far away.
	const rows = ['name,latitude,longitude'];
	for (let i = 0; i < 400; i++)
		rows.push(
			`S${i},${(27.37 + (i % 20) * 0.002).toFixed(4)},${(62.33 + Math.floor(i / 20) * 0.002).toFixed(4)}`
		);
	rows.push('Lone,25.5,63.5');
	await fileInput(page).setInputFiles({
		name: 'dense.csv',
		mimeType: 'text/csv',
		buffer: Buffer.from(rows.join('\n'))
	});
	await expect(dataPanel(page).getByRole('status')).toContainText(/Imported 401 points/);
	// Every point is still in the data; on screen the crowd is one circle counting them.
	await expect.poll(() => importedIds(page).then((ids) => ids.length)).toBe(401);
	const rendered = () =>
		page.evaluate(() => {
			const map = window.borderline!.map;
			const clusters = map.queryRenderedFeatures({ layers: ['imported-clusters'] });
			return {
				clusters: clusters.length,
				counted: clusters.reduce((s, c) => s + Number(c.properties['point_count']), 0),
				points: map.queryRenderedFeatures({ layers: ['imported-circle'] }).length,
				zoom: map.getZoom()
			};
		});
	await expect.poll(async () => (await rendered()).counted).toBe(400);
	const before = await rendered();
	expect(before.points).toBe(1);
	const crowd = await projectToPage(page, [62.349, 27.389]);
	await page.mouse.click(crowd.x, crowd.y);
	await expect.poll(async () => (await rendered()).zoom).toBeGreaterThan(before.zoom + 1);
	await expect(page.locator('.maplibregl-canvas')).toBeVisible();
});

test('imports KML and KMZ placemarks, naming a skipped line by its placemark', async ({ page }) => {
	await openMap(page, '/s/india-pakistan-2025/');
	await fileInput(page).setInputFiles('tests/fixtures/import/stand-ins.kml');
	const status = dataPanel(page).getByRole('status');
	await expect(status).toContainText(`Imported 3 points from ${iso('stand-ins.kml')}`);
	await expect(dataPanel(page)).toContainText('placemark 4');
	// The same document zipped as Google Earth does (doc.kml), measured like any point.
	const kmz = zipSync({
		'doc.kml': new Uint8Array(readFileSync('tests/fixtures/import/stand-ins.kml'))
	});
	await fileInput(page).setInputFiles({
		name: 'stand-ins.kmz',
		mimeType: 'application/vnd.google-earth.kmz',
		buffer: Buffer.from(kmz)
	});
	await expect(status).toContainText(`Imported 3 points from ${iso('stand-ins.kmz')}`);
	await expect.poll(() => importedIds(page).then((ids) => ids.length)).toBe(6);
	// Measured like any point: Pūnch, 7.3 km from the line, is inside the 10 km band.
	await expect(
		page
			.getByRole('region', { name: 'Buffer zones along the border' })
			.getByRole('article', { name: 'Within 10 km of the border' })
	).toContainText(/Your points inside:.*Pūnch/);
});

test('ACLED and UCDP GED exports import as events, and the events download as ACLED CSV that reads back', async ({
	page
}) => {
	// The fixtures are the pack's own events at their own sites: hide the pack's events, so a
	// click on a site selects the imported row.
	await openMap(page, '/?hide=events');
	const status = dataPanel(page).getByRole('status');
	await fileInput(page).setInputFiles('tests/fixtures/import/acled-iran-pakistan-2024.csv');
	await expect(status).toContainText(
		`Imported 6 points from ${iso('acled-iran-pakistan-2024.csv')}`
	);
	await expect(dataPanel(page)).toContainText('Read as a ACLED export');
	await drawn(page, 6);
	// An imported row shows its event: codes, actors and the lowest toll ACLED records.
	await clickImported(page, [61.4014, 26.2356]);
	const details = page.getByRole('region', { name: /Police headquarters in the town of Rask/ });
	await expect(details.getByRole('heading', { name: 'ACLED event' })).toBeVisible();
	await expect(details).toContainText('Battles → Armed clash');
	await expect(details).toContainText('ACLED geo_precision 1');
	await expect(details).toContainText('Jaish al-Adl · Police Forces of Iran');

	await dataPanel(page)
		.getByRole('button', { name: `Remove acled-iran-pakistan-2024.csv` })
		.click();
	await fileInput(page).setInputFiles('tests/fixtures/import/ucdp-ged-iran-pakistan-2024.csv');
	await expect(status).toContainText(
		`Imported 6 points from ${iso('ucdp-ged-iran-pakistan-2024.csv')}`
	);
	await drawn(page, 6);
	await clickImported(page, [64.09459, 26.97186]);
	const ged = page.getByRole('region', { name: /Sabz Koh \(Koh-i-Sabz\) village/ });
	await expect(ged.getByRole('heading', { name: 'UCDP GED event' })).toBeVisible();
	await expect(ged).toContainText('UCDP where_prec 3');
	await expect(ged).toContainText('2024-01-16');

	const [acled] = await Promise.all([
		page.waitForEvent('download'),
		dataPanel(page).getByRole('button', { name: 'Download ACLED CSV' }).click()
	]);
	expect(acled.suggestedFilename()).toMatch(
		/^borderline_iran-pakistan-2024_events_acled_\d{4}-\d{2}-\d{2}\.csv$/
	);
	const text = readFileSync(await acled.path(), 'utf8');
	expect(text.replace(/^\uFEFF/, '').split('\r\n')[0]).toBe(
		'event_id_cnty,event_date,time_precision,disorder_type,event_type,sub_event_type,actor1,actor2,' +
			'civilian_targeting,country,admin1,admin2,location,latitude,longitude,geo_precision,source,' +
			'source_scale,notes,fatalities,timestamp'
	);
	// The file the app wrote is the fixture the import read: our own events, nothing invented.
	expect(text).toBe(readFileSync('tests/fixtures/import/acled-iran-pakistan-2024.csv', 'utf8'));
});
