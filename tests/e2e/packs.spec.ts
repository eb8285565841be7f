// Scenario packs are data: a copy of the default pack's folder under a new slug and title, and a
// rebuild, give a third page at /s/<slug>/ with that title, with no source file changed. A pack
// opened from a .zip is checked whole before it replaces what is on screen.
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { pointToLineDistance } from '@turf/turf';
import { zipSync, type Zippable } from 'fflate';
import { buildWithPackCopy } from '../../scripts/bench/pack-copy';
import { startBenchServer } from '../../scripts/bench/server';
import { canvasColours, openMap, test as appTest } from './fixtures';

const DEFAULT = 'geodata/scenarios/iran-pakistan-2024';

appTest(
	'the default pack opens at / and at its own URL, listed in the switcher',
	async ({ page }) => {
		for (const path of ['/', '/s/iran-pakistan-2024/']) {
			await openMap(page, path);
			await expect(page).toHaveTitle('Iran–Pakistan strikes, January 2024 · Borderline');
			await expect(page.getByRole('heading', { level: 1 })).toHaveText(
				'Iran–Pakistan strikes, January 2024'
			);
		}
		// A permalink of the pack's own page stays on that page.
		await page.locator('[data-event-id="panjgur-2024-01-16"]').click();
		await expect.poll(() => new URL(page.url()).pathname).toBe('/s/iran-pakistan-2024/');
		await expect
			.poll(() => new URL(page.url()).searchParams.get('sel'))
			.toBe('events:panjgur-2024-01-16');
		await page.getByText(/^Scenarios \(\d+\)$/).click();
		const nav = page.getByRole('navigation', { name: 'Scenarios' });
		await expect(
			nav.getByRole('link', { name: /Iran–Pakistan strikes, January 2024/ })
		).toHaveAttribute('aria-current', 'page');
		await expect(nav.getByRole('link', { name: /2023-12-14 – 2024-01-29/ })).toBeVisible();
	}
);

appTest(
	'the India–Pakistan pack opens at its own URL, names its disputed line and clears the old selection',
	async ({ page }) => {
		await openMap(page, '/?sel=events:panjgur-2024-01-16');
		await page.getByText(/^Scenarios \(\d+\)$/).click();
		const nav = page.getByRole('navigation', { name: 'Scenarios' });
		await nav.getByRole('link', { name: /India–Pakistan strikes, May 2025/ }).click();
		await expect(page).toHaveURL(/\/s\/india-pakistan-2025\/$/);
		await expect(page.locator('[data-map-state]')).toHaveAttribute('data-map-state', 'idle');
		await expect(page).toHaveTitle('India–Pakistan strikes, May 2025 · Borderline');
		// Nothing of the Iran–Pakistan scenario is left selected.
		await expect(page.getByRole('region', { name: 'Details' })).toContainText(
			'Select an event, town, crossing or province'
		);
		const border = page.getByRole('region', { name: 'Border and cross-border distances' });
		await expect(border).toContainText(/India–Pakistan border: 2,659\.9 km/);
		await expect(border).toContainText(
			/Disputed line\. In Kashmir the line is the Line of Control/
		);
		// The governments' own figures, with who gave them; and where a side gave none, it says so.
		await expect(
			border.getByRole('link', { name: /^IBTimes India: “Home Ministry/ })
		).toHaveAttribute(
			'href',
			'https://www.ibtimes.co.in/home-ministry-ups-ante-border-security-takes-concrete-initiatives-foil-paks-evil-designs-853917'
		);
		await expect(border).toContainText(
			/India's figure:\s+3,323 km, the border, including the Line of Control, given by Ministry of Home Affairs of India/
		);
		await expect(border).toContainText(
			"Pakistan's government: no figure found in its own sources."
		);
		// The pack has no sourced crossing: the legend does not list what nothing draws.
		const legend = page.getByRole('region', { name: 'Legend' });
		await expect(legend.getByText('Town', { exact: true })).toBeVisible();
		await expect(legend.getByText('Border crossing')).toHaveCount(0);
		// 19 Indian strikes against 4 Pakistani ones: the nearest six first, the rest on request.
		const pairs = border.locator('ul.pairs > li');
		await expect(pairs).toHaveCount(6);
		await border.getByRole('button', { name: 'Show all 76 pairs' }).click();
		await expect(pairs).toHaveCount(76);
		// Buffer bands are recomputed for this border; the two Punjabs are told apart.
		const band = page.getByRole('article', { name: 'Within 10 km of the border' });
		await expect(band.getByRole('rowheader', { name: 'Punjab (India)' })).toBeVisible({
			timeout: 60_000
		});
		await expect(band.getByRole('rowheader', { name: 'Punjab (Pakistan)' })).toBeVisible();
		// An event's sources are linked.
		await page.getByRole('button', { name: /Indian strike on the Bilal mosque/ }).click();
		const details = page.getByRole('region', { name: /^Indian strike on the Bilal mosque/ });
		await expect(details.getByRole('link', { name: /^Anadolu Agency: “/ })).toHaveAttribute(
			'href',
			/^https:\/\/www\.aa\.com\.tr\//
		);
	}
);

appTest(
	"a pack's extra layer (the OpenStreetMap border line) is listed, drawn, credited and linked",
	async ({ page }) => {
		await openMap(page);
		const name = 'Iran–Pakistan border, OpenStreetMap line';
		const toggle = page
			.getByRole('region', { name: 'Layers' })
			.getByRole('group', { name: 'Context' })
			.getByRole('checkbox', { name });
		await expect(toggle).toBeChecked();
		const legend = page.getByRole('region', { name: 'Legend' });
		await expect(legend.getByText(name)).toBeVisible();
		await expect(page.locator('.maplibregl-ctrl-attrib')).toContainText(
			'© OpenStreetMap contributors (ODbL)'
		);
		// Drawn where it parts from the Natural Earth line: a vertex of it 3 km or more away.
		const osm = JSON.parse(readFileSync(`${DEFAULT}/border-osm.geojson`, 'utf8'));
		const ne = json('borders.geojson').features.find(
			(b: { properties: { primary: boolean } }) => b.properties.primary
		);
		const probe = (osm.features[0].geometry.coordinates.flat() as [number, number][]).find(
			(p) => pointToLineDistance(p, ne, { units: 'kilometers' }) > 3
		)!;
		const before = await canvasColours(page, probe, 1);
		await toggle.uncheck();
		await expect.poll(() => canvasColours(page, probe, 1)).not.toEqual(before);
		await expect(legend.getByText(name)).toHaveCount(0);
		await expect.poll(() => new URL(page.url()).searchParams.get('hide')).toBe('extra-border-osm');
		// The link reopens it hidden.
		await page.reload();
		await expect(page.locator('[data-map-state]')).toHaveAttribute('data-map-state', 'idle');
		await expect(toggle).not.toBeChecked();
	}
);

test('a copied pack folder and a rebuild make a new scenario page, no code changed', async ({
	page
}) => {
	test.setTimeout(300_000);
	const slug = `copied-pack-${process.pid}`;
	const out = buildWithPackCopy(
		slug,
		(_folder, meta) => ({ ...meta, slug, title: 'A copied scenario, for the test' }),
		{ testHooks: false, stdio: 'pipe' }
	);
	const server = await startBenchServer(join(out, 'site'));
	try {
		await page.goto(`${server.base}/s/${slug}/`);
		await expect(page.locator('[data-map-state]')).toHaveAttribute('data-map-state', 'idle', {
			timeout: 60_000
		});
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(
			'A copied scenario, for the test'
		);
		await expect(page).toHaveTitle('A copied scenario, for the test · Borderline');
		// A production build (no VITE_TEST_HOOKS) leaves the tests' map handle out.
		expect(await page.evaluate(() => 'borderline' in window)).toBe(false);
		await page.getByText(/^Scenarios \(\d+\)$/).click();
		const nav = page.getByRole('navigation', { name: 'Scenarios' });
		// The two shipped packs and the copy.
		await expect(nav.getByRole('link')).toHaveCount(3);
		await expect(nav.getByRole('link', { name: /A copied scenario, for the test/ })).toBeVisible();
		// The default pack is still what / opens.
		await nav.getByRole('link', { name: /Iran–Pakistan strikes/ }).click();
		await expect(page).toHaveURL(`${server.base}/s/iran-pakistan-2024/`);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(
			'Iran–Pakistan strikes, January 2024'
		);
		await page.goto(`${server.base}/`);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(
			'Iran–Pakistan strikes, January 2024'
		);
	} finally {
		await server.close();
		rmSync(out, { recursive: true, force: true });
	}
});

/** The default pack's files, with some replaced (undefined leaves one out), zipped in its folder. */
function zippedPack(changes: Record<string, Uint8Array | undefined> = {}): Buffer {
	const files: Zippable = {};
	for (const name of readdirSync(DEFAULT))
		files[name] = new Uint8Array(readFileSync(`${DEFAULT}/${name}`));
	for (const [name, value] of Object.entries(changes))
		if (value === undefined) delete files[name];
		else files[name] = value;
	return Buffer.from(zipSync({ 'a-pack': files }, { level: 6 }));
}
const json = (name: string) => JSON.parse(readFileSync(`${DEFAULT}/${name}`, 'utf8'));
const bytes = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));

appTest(
	'a pack opened from a .zip is checked first: a broken one changes nothing',
	async ({ page }) => {
		await openMap(page);
		const heading = page.getByRole('heading', { level: 1 });
		const meta = json('scenario.json');
		const events = json('events.geojson');
		events.features[2].geometry.coordinates = [0, 0];
		const broken: [string, Buffer, RegExp][] = [
			[
				'bad JSON',
				zippedPack({ 'scenario.json': new TextEncoder().encode('{"slug": ') }),
				/^scenario\.json: not valid JSON/
			],
			[
				'a layer missing',
				zippedPack({ 'towns.geojson': undefined }),
				/^towns\.geojson: is missing from the pack$/
			],
			[
				'border sides not in the countries',
				zippedPack({
					'scenario.json': bytes({
						...meta,
						border: { ...meta.border, sides: ['Iran', 'Atlantis'] }
					})
				}),
				/^scenario\.json: at border\.sides: "Atlantis" is not a country of countries\.geojson$/
			],
			[
				'an event outside every country',
				zippedPack({ 'events.geojson': bytes(events) }),
				/^events\.geojson: at features\.2 .*\[0, 0\] lies outside every country/
			],
			[
				'a 50 MB file',
				zippedPack({ 'provinces.geojson': new Uint8Array(51 * 1024 * 1024) }),
				/^provinces\.geojson: expands to 51\.0 MB; a pack file may be at most 50\.0 MB$/
			],
			[
				'entries expanding past the limit',
				zippedPack(
					Object.fromEntries(
						Array.from({ length: 5 }, (_, i) => [
							`filler-${i}.bin`,
							new Uint8Array(45 * 1024 * 1024)
						])
					)
				),
				/^bad\.zip: expands to \d+\.\d MB or more; a pack may be at most 200\.0 MB expanded$/
			]
		];
		const input = page.getByLabel('Open a scenario pack (.zip)');
		const alert = page.getByRole('alert').filter({ hasText: 'The pack was not opened' });
		for (const [what, zip, message] of broken) {
			await appTest.step(what, async () => {
				await input.setInputFiles({ name: 'bad.zip', mimeType: 'application/zip', buffer: zip });
				await expect(alert.getByRole('listitem').first()).toHaveText(message);
				await expect(heading).toHaveText('Iran–Pakistan strikes, January 2024');
				await expect(page.locator('[data-map-state]')).toHaveAttribute('data-map-state', 'idle');
			});
		}
		// The scenario on screen still works: an event can be selected.
		await page.locator('[data-event-id="panjgur-2024-01-16"]').click();
		await expect(page.locator('[data-event-id="panjgur-2024-01-16"]')).toHaveAttribute(
			'aria-pressed',
			'true'
		);

		// A good pack replaces it, in this tab only; closing it brings the page's own back.
		const good = zippedPack({
			'scenario.json': bytes({ ...meta, slug: 'from-a-zip', title: 'Opened from a zip' })
		});
		await input.setInputFiles({ name: 'good.zip', mimeType: 'application/zip', buffer: good });
		await expect(heading).toHaveText('Opened from a zip');
		await expect(page.locator('[data-map-state]')).toHaveAttribute('data-map-state', 'idle');
		await expect(page.getByRole('button', { name: 'Copy link' })).toBeDisabled();
		await expect(page.locator('[data-event-id="panjgur-2024-01-16"]')).toHaveAttribute(
			'aria-pressed',
			'false'
		);
		await page.getByText(/^Scenarios \(2 \+ 1 opened\)$/).click();
		await page.getByRole('button', { name: 'Close it' }).click();
		await expect(heading).toHaveText('Iran–Pakistan strikes, January 2024');
		await expect(page.locator('[data-map-state]')).toHaveAttribute('data-map-state', 'idle');
	}
);
