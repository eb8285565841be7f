// A served layer (scenario.json extraLayers with tiles): a copy of the default pack with its own
// towns built into a PMTiles archive by `npm run pack:tiles`, rebuilt, is drawn from the archive
// by range requests on the app's origin, listed and toggled like any extra layer.
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { buildWithPackCopy } from '../../scripts/bench/pack-copy';
import { startBenchServer } from '../../scripts/bench/server';

const DEFAULT = 'geodata/scenarios/iran-pakistan-2024';
const LABEL = 'Towns, served as vector tiles (test layer)';

/** The names of the served layer's towns the map draws now. */
function drawnTowns(page: Page): Promise<string[]> {
	return page.evaluate(() => {
		const map = (
			window as unknown as {
				borderline: {
					map: {
						queryRenderedFeatures(o: { layers: string[] }): {
							properties: Record<string, unknown>;
						}[];
					};
				};
			}
		).borderline.map;
		return map
			.queryRenderedFeatures({ layers: ['extra-towns-served-circle'] })
			.map((f) => String(f.properties['name']))
			.sort();
	});
}

test('a served layer is drawn from its PMTiles archive by range requests, and toggled off', async ({
	page
}) => {
	test.setTimeout(300_000);
	const slug = `served-layer-${process.pid}`;
	const out = buildWithPackCopy(
		slug,
		(folder, meta) => {
			mkdirSync(`${folder}/layers`);
			execFileSync(
				'npm',
				[
					'run',
					'--silent',
					'pack:tiles',
					'--',
					`${DEFAULT}/towns.geojson`,
					`${folder}/layers/towns.pmtiles`,
					'--layer',
					'towns',
					'--kind',
					'points',
					'--max-zoom',
					'10',
					'--attribution',
					'Towns © GeoNames, CC BY 4.0'
				],
				{ stdio: 'pipe' }
			);
			const towns = {
				id: 'towns-served',
				tiles: 'layers/towns.pmtiles',
				sourceLayer: 'towns',
				kind: 'points',
				label: LABEL,
				colour: '#7b1fa2',
				source: {
					publisher: 'GeoNames',
					agency: null,
					title: "The pack's own towns (towns.geojson), tiled by npm run pack:tiles",
					date: null,
					url: 'https://www.geonames.org/',
					noUrlReason: null,
					archiveUrl: null,
					accessed: null
				}
			};
			return {
				...meta,
				slug,
				title: 'A pack with a served layer, for the test',
				extraLayers: [...meta.extraLayers, towns]
			};
		},
		{ testHooks: true, check: true, stdio: 'pipe' }
	);
	const server = await startBenchServer(join(out, 'site'));
	const problems: string[] = [];
	const archiveRequests: { range: string | undefined; status: number }[] = [];
	page.on('pageerror', (e) => problems.push(e.message));
	page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
	page.on('request', (r) => {
		if (!r.url().startsWith(server.base + '/') && !/^(data|blob):/.test(r.url()))
			problems.push(`request outside the app's origin: ${r.url()}`);
	});
	page.on('response', async (r) => {
		if (r.url().endsWith('.pmtiles'))
			archiveRequests.push({
				range: (await r.request().headerValue('range')) ?? undefined,
				status: r.status()
			});
	});
	await page.addInitScript(() =>
		document.addEventListener('securitypolicyviolation', (e) =>
			console.error(`CSP ${e.effectiveDirective} blocked ${e.blockedURI}`)
		)
	);
	try {
		await page.goto(`${server.base}/s/${slug}/`);
		await expect(page.locator('[data-map-state]')).toHaveAttribute('data-map-state', 'idle', {
			timeout: 60_000
		});
		const toggle = page
			.getByRole('region', { name: 'Layers' })
			.getByRole('group', { name: 'Context' })
			.getByRole('checkbox', { name: LABEL });
		await expect(toggle).toBeChecked();
		const legend = page.getByRole('region', { name: 'Legend' });
		await expect(legend.getByText(LABEL)).toBeVisible();
		await expect(page.locator('.maplibregl-ctrl-attrib')).toContainText('GeoNames');

		// Drawn: the towns of the opening view, Panjgur and Turbat among them, from the archive.
		await expect
			.poll(() => drawnTowns(page))
			.toEqual(expect.arrayContaining(['Panjgur', 'Turbat']));
		// Read by byte ranges (the header and root directory first), never whole.
		expect(archiveRequests.length).toBeGreaterThanOrEqual(2);
		for (const r of archiveRequests) {
			expect(r.range).toMatch(/^bytes=\d+-\d+$/);
			expect(r.status).toBe(206);
		}

		await toggle.uncheck();
		await expect.poll(() => drawnTowns(page)).toEqual([]);
		await expect(legend.getByText(LABEL)).toHaveCount(0);
		await expect
			.poll(() => new URL(page.url()).searchParams.get('hide'))
			.toBe('extra-towns-served');
		await toggle.check();
		await expect.poll(() => drawnTowns(page)).toContain('Panjgur');
		expect(problems).toEqual([]);
	} finally {
		await server.close();
		rmSync(out, { recursive: true, force: true });
	}
});
