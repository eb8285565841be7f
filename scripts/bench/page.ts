// Browser benchmarks of the built app against baselines measured in the same run: load time vs a
// bare MapLibre page on the same GeoJSON, bytes over the wire vs MapLibre itself, 100 000
// imported points, and the peak JS heap of the page during each.
import { readdirSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import type { Browser, CDPSession, Page } from '@playwright/test';
import type { LayerSpecification, StyleSpecification } from 'maplibre-gl';
import { styleImages } from '../../src/lib/map/icons';
import { buildStyle } from '../../src/lib/map/style';
import type { BenchRow } from './buffers';

const DIST = 'node_modules/maplibre-gl/dist/';

function median(values: number[]): number {
	const s = [...values].sort((a, b) => a - b);
	const m = Math.floor(s.length / 2);
	return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** Samples the page's JS heap every 100 ms until stopped; returns the peak in MB. */
async function heapSampler(cdp: CDPSession): Promise<() => Promise<number>> {
	await cdp.send('Performance.enable');
	let peak = 0;
	let running = true;
	const loop = (async () => {
		while (running) {
			const { metrics } = await cdp.send('Performance.getMetrics');
			const used = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0;
			peak = Math.max(peak, used);
			await new Promise((r) => setTimeout(r, 100));
		}
	})();
	return async () => {
		running = false;
		await loop;
		return peak / 1024 / 1024;
	};
}

/** A bare MapLibre page: one module script, a style, the map, and the title set at its first idle. */
function mapPage(style: StyleSpecification, images: ReturnType<typeof styleImages> = []): string {
	const imageList = images.map(({ id, image, pixelRatio }) => ({
		id,
		width: image.width,
		height: image.height,
		data: Array.from(image.data),
		pixelRatio
	}));
	return `<!doctype html><html><head><meta charset="utf-8"><link rel="stylesheet" href="/__bench/maplibre-gl.css">
<style>html,body,#map{margin:0;height:100%}</style></head><body><div id="map"></div>
<script type="module">
import * as maplibregl from '/__bench/maplibre-gl.mjs';
maplibregl.setWorkerUrl('/__bench/maplibre-gl-worker.mjs');
const map = new maplibregl.Map({ container: 'map', style: ${JSON.stringify(style)}, bounds: [[59.3, 24.6], [65.3, 30.4]], fitBoundsOptions: { padding: 20 } });
for (const i of ${JSON.stringify(imageList)})
	map.addImage(i.id, { width: i.width, height: i.height, data: new Uint8Array(i.data) }, { pixelRatio: i.pixelRatio });
map.once('idle', () => { document.title = 'idle'; });
</script></body></html>`;
}

/** The same GeoJSON files, one plain layer per file, nothing else: the baseline. */
function plainStyle(files: Record<string, string>): StyleSpecification {
	const kinds: Record<string, 'fill' | 'line' | 'circle'> = {
		countries: 'fill',
		provinces: 'fill',
		borders: 'line',
		towns: 'circle',
		crossings: 'circle',
		events: 'circle'
	};
	const style: StyleSpecification = {
		version: 8,
		sources: {},
		layers: [{ id: 'bg', type: 'background', paint: { 'background-color': '#c6d9e4' } }]
	};
	for (const [name, url] of Object.entries(files)) {
		style.sources[name] = { type: 'geojson', data: url };
		style.layers.push({ id: name, type: kinds[name]!, source: name } as LayerSpecification);
	}
	return style;
}

export async function benchLoad(browser: Browser, base: string, runs: number): Promise<BenchRow[]> {
	const assetDir = 'build/_app/immutable/assets/';
	const assetFiles = readdirSync(assetDir);
	const assets: Record<string, string> = {};
	for (const f of assetFiles.filter((f) => f.endsWith('.geojson')))
		assets[f.split('.')[0]!] = `/_app/immutable/assets/${f}`;
	const asset = (prefix: string) =>
		`/_app/immutable/assets/${assetFiles.find((f) => f.startsWith(prefix) && f.endsWith('.woff2'))}`;
	// The app's own style (all layers, labels in the same fonts) with the files' URLs as data, so
	// the table can tell what the style costs MapLibre from what the app adds around it.
	const appStyle = buildStyle(
		Object.fromEntries(Object.entries(assets).map(([name, url]) => [name, base + url])),
		{
			latin: asset('noto-sans-latin-400-normal.'),
			latinExt: asset('noto-sans-latin-ext-400-normal.')
		}
	);
	const pages: Record<string, string> = {
		'bare.html': mapPage(plainStyle(assets)),
		'styled.html': mapPage(appStyle, styleImages(1))
	};

	const kinds = ['app', 'bare', 'styled'] as const;
	const times: Record<(typeof kinds)[number], number[]> = { app: [], bare: [], styled: [] };
	const heaps: Record<(typeof kinds)[number], number> = { app: 0, bare: 0, styled: 0 };
	for (let i = 0; i < runs; i++) {
		// Rotate the order, so no page always runs first (or right after another).
		for (let k = 0; k < kinds.length; k++) {
			const which = kinds[(i + k) % kinds.length]!;
			const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
			const page = await context.newPage();
			await page.route('**/__bench/**', (route) => {
				const name = new URL(route.request().url()).pathname.replace('/__bench/', '');
				if (pages[name]) return route.fulfill({ contentType: 'text/html', body: pages[name] });
				const type = name.endsWith('.css') ? 'text/css' : 'text/javascript';
				return route.fulfill({ contentType: type, body: readFileSync(DIST + name) });
			});
			const cdp = await context.newCDPSession(page);
			const stop = await heapSampler(cdp);
			const t0 = Date.now();
			if (which === 'app') {
				await page.goto(base);
				await page.locator('[data-map-state="idle"]').waitFor({ timeout: 60_000 });
			} else {
				await page.goto(`${base}/__bench/${which}.html`);
				await page.waitForFunction(() => document.title === 'idle', null, { timeout: 60_000 });
			}
			times[which].push(Date.now() - t0);
			heaps[which] = Math.max(heaps[which], await stop());
			await context.close();
		}
	}
	return [
		{
			name: 'navigation → map idle (ms)',
			medianMs: median(times.app),
			baselineMs: median(times.bare),
			note: 'baseline: bare MapLibre, same GeoJSON, one plain layer per file'
		},
		{
			name: "  of which MapLibre drawing the app's style (ms)",
			medianMs: median(times.styled),
			baselineMs: median(times.bare),
			note: "bare MapLibre page with the app's full style and the same files"
		},
		{
			name: '  of which the app around the map (ms)',
			medianMs: median(times.app),
			baselineMs: median(times.styled),
			note: "baseline: the app's style in a bare MapLibre page"
		},
		{
			name: 'peak JS heap during load (MB, main thread)',
			medianMs: heaps.app,
			baselineMs: heaps.bare
		}
	];
}

/** Bytes the page transfers (gzip, as a server compressing text would send them). */
export async function benchBytes(page: Page, base: string): Promise<BenchRow[]> {
	const bodies: { url: string; bytes: Buffer }[] = [];
	page.on('response', async (r) => {
		try {
			// A file fetched twice (the app and MapLibre's worker read the same geodata) crosses the
			// wire once: the second answer comes from the cache or as a bodiless revalidation.
			if ((await r.request().sizes()).responseBodySize <= 0) return;
			bodies.push({ url: r.url(), bytes: await r.body() });
		} catch {
			/* redirects and aborted requests have no body */
		}
	});
	await page.goto(base);
	await page.locator('[data-map-state="idle"]').waitFor({ timeout: 60_000 });
	await page
		.getByRole('status')
		.filter({ hasText: /Computed in/ })
		.waitFor({ timeout: 60_000 });
	await page.waitForTimeout(500);
	const gz = (b: Buffer) => gzipSync(b, { level: 9 }).length;
	const isJs = (u: string) => /\.m?js(\?|$)/.test(u);
	const jsKb = bodies.filter((b) => isJs(b.url)).reduce((s, b) => s + gz(b.bytes), 0) / 1024;
	const allKb = bodies.reduce((s, b) => s + gz(b.bytes), 0) / 1024;
	const dataKb =
		bodies.filter((b) => b.url.endsWith('.geojson')).reduce((s, b) => s + gz(b.bytes), 0) / 1024;
	const maplibreKb =
		(gz(readFileSync(DIST + 'maplibre-gl.mjs')) +
			gz(readFileSync(DIST + 'maplibre-gl-worker.mjs'))) /
		1024;
	return [
		{
			name: 'JavaScript over the wire (KB gzip)',
			medianMs: jsKb,
			baselineMs: maplibreKb,
			note: 'baseline: MapLibre JS + worker'
		},
		{
			name: 'everything over the wire (KB gzip)',
			medianMs: allKb,
			baselineMs: maplibreKb,
			note: `of which geodata ${dataKb.toFixed(0)} KB`
		}
	];
}

/** 100 000 generated points: import + analysis time, and frame times while panning. */
export async function bench100k(browser: Browser, base: string): Promise<BenchRow[]> {
	let seed = 42;
	const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
	const rows = ['name,latitude,longitude'];
	for (let i = 0; i < 100_000; i++)
		rows.push(`P${i},${(24.5 + random() * 6).toFixed(5)},${(59 + random() * 6.5).toFixed(5)}`);
	const csv = Buffer.from(rows.join('\n'));

	const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
	const page = await context.newPage();
	await page.goto(base);
	await page.locator('[data-map-state="idle"]').waitFor({ timeout: 60_000 });
	await page
		.getByRole('status')
		.filter({ hasText: /Computed in/ })
		.waitFor({ timeout: 60_000 });
	const panFrames = () =>
		page.evaluate(async () => {
			const map = (
				window as unknown as {
					borderline: { map: { panBy(o: [number, number], opts: object): void } };
				}
			).borderline.map;
			const deltas: number[] = [];
			let last = performance.now();
			for (let i = 0; i < 90; i++) {
				map.panBy([i < 45 ? 12 : -12, 0], { duration: 0 });
				await new Promise<void>((r) => requestAnimationFrame(() => r()));
				const now = performance.now();
				deltas.push(now - last);
				last = now;
			}
			return deltas.slice(1);
		});
	const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(0.95 * (xs.length - 1))]!;
	const before = await panFrames();

	const cdp = await context.newCDPSession(page);
	const stop = await heapSampler(cdp);
	const t0 = Date.now();
	await page
		.getByLabel('Import a GeoJSON or CSV file')
		.setInputFiles({ name: 'points-100k.csv', mimeType: 'text/csv', buffer: csv });
	await page
		.getByRole('status')
		.filter({ hasText: /Imported 100,000 points/ })
		.waitFor({ timeout: 300_000 });
	const importMs = Date.now() - t0;
	// Wait for MapLibre to tile and draw them.
	await page.evaluate(
		() =>
			new Promise<void>((resolve) =>
				(
					window as unknown as { borderline: { map: { once(e: string, f: () => void): void } } }
				).borderline.map.once('idle', () => resolve())
			)
	);
	const drawnMs = Date.now() - t0;
	const heap = await stop();
	const after = await panFrames();
	await context.close();
	return [
		{
			name: '100 000 points: import + analysis (ms, until the panel reports them)',
			medianMs: importMs
		},
		{ name: '100 000 points: until drawn on the map (ms)', medianMs: drawnMs },
		{
			name: 'pan frame interval p95 with 100 000 points (ms)',
			medianMs: p95(after),
			baselineMs: p95(before),
			note: 'baseline: same pan before the import'
		},
		{ name: 'peak JS heap during import (MB, main thread)', medianMs: heap }
	];
}
