// Browser benchmarks of the built app against baselines measured in the same run: load time vs a
// bare MapLibre page on the same GeoJSON, bytes over the wire vs MapLibre itself, 100 000
// imported points, and the peak JS heap of the page during each.
import { createWriteStream, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, Locator, Page } from '@playwright/test';
import ts from 'typescript';
import type { LayerSpecification, LngLatBoundsLike, StyleSpecification } from 'maplibre-gl';
import { styleImages } from '../../src/lib/map/icons';
import { buildStyle } from '../../src/lib/map/style';
import { FIRST_PAINT_SOURCES, packCatalogue } from '../../src/lib/map/catalogue';
import { FIRST_MEANINGFUL_PAINT } from '../../src/lib/map/first-paint';
import {
	countryLabelCollection,
	provinceLabelCollection,
	townLabelCollection
} from '../../src/lib/map/place-labels';
import { placeLabels } from '../../src/lib/geo/label-points';
import { languageNames, type MapLanguage } from '../../src/lib/geo/place-names';
import { parseScenarioMeta } from '../../src/lib/geo/pack';
import type { BenchRow } from './buffers';
import type { BenchServer } from './server';
import { DEFAULT_DIR } from './default-pack';
import { packBounds } from '../../src/lib/map/view';

const DIST = 'node_modules/maplibre-gl/dist/';

/** The 95th percentile (nearest rank below). */
export function p95(values: number[]): number {
	return [...values].sort((a, b) => a - b)[Math.floor(0.95 * (values.length - 1))]!;
}

/**
 * In-page code that resolves once the map (`map`) is idle with source `id` loaded and drawn.
 * Written as a string: tsx would otherwise wrap the callbacks with a helper the page lacks.
 */
function whenSourceDrawn(id: string): string {
	return `new Promise((resolve) => {
		const check = () => {
			if (map.isSourceLoaded(${JSON.stringify(id)}) && map.loaded()) {
				map.off('idle', check);
				resolve();
			}
		};
		map.on('idle', check);
		check();
	})`;
}

export function median(values: number[]): number {
	const s = [...values].sort((a, b) => a - b);
	const m = Math.floor(s.length / 2);
	return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

export type HeapPeaks = {
	/** Peak of the page's main thread (MB). */
	mainMb: number;
	/** Peak of all its workers together (MB), and each worker's own peak, by script name. */
	workersMb: number;
	byWorker: Record<string, number>;
};

/**
 * Samples the JS heap of the page's main thread and of every worker every 100 ms until stopped.
 * Workers are reached through the browser's DevTools protocol (a page session sees only the main
 * thread); the bench runs one browser context at a time, so every worker is this page's.
 */
export async function heapSampler(browser: Browser, page: Page): Promise<() => Promise<HeapPeaks>> {
	const cdp = await page.context().newCDPSession(page);
	await cdp.send('Performance.enable');
	const browserCdp = await browser.newBrowserCDPSession();
	const replies = new Map<number, (message: { result?: { usedSize: number } }) => void>();
	let nextId = 1;
	browserCdp.on('Target.receivedMessageFromTarget', (event) => {
		const message = JSON.parse(event.message) as { id?: number; result?: { usedSize: number } };
		if (message.id !== undefined) replies.get(message.id)?.(message);
	});
	const sessions = new Map<string, string>();
	const workerHeap = async (sessionId: string): Promise<number> => {
		const id = nextId++;
		const reply = new Promise<{ result?: { usedSize: number } }>((resolve) => {
			replies.set(id, resolve);
			setTimeout(() => resolve({}), 1000);
		});
		await browserCdp.send('Target.sendMessageToTarget', {
			sessionId,
			message: JSON.stringify({ id, method: 'Runtime.getHeapUsage' })
		});
		const message = await reply;
		replies.delete(id);
		return message.result?.usedSize ?? 0;
	};

	const peaks: HeapPeaks = { mainMb: 0, workersMb: 0, byWorker: {} };
	const mb = (bytes: number) => bytes / 1024 / 1024;
	let running = true;
	const loop = (async () => {
		while (running) {
			try {
				const { metrics } = await cdp.send('Performance.getMetrics');
				const used = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0;
				peaks.mainMb = Math.max(peaks.mainMb, mb(used));
				const { targetInfos } = await browserCdp.send('Target.getTargets');
				let total = 0;
				// A worker still starting has no script URL yet: it is sampled from the next tick.
				for (const target of targetInfos.filter((t) => t.type === 'worker' && t.url)) {
					let sessionId = sessions.get(target.targetId);
					if (!sessionId) {
						({ sessionId } = await browserCdp.send('Target.attachToTarget', {
							targetId: target.targetId,
							flatten: false
						}));
						sessions.set(target.targetId, sessionId);
					}
					const file = target.url.split('/').pop() ?? target.url;
					const name = file.replace(/[.-][\w-]{8}\.m?js$/, '').replace(/\.m?js$/, '');
					const used = mb(await workerHeap(sessionId));
					total += used;
					peaks.byWorker[name] = Math.max(peaks.byWorker[name] ?? 0, used);
				}
				peaks.workersMb = Math.max(peaks.workersMb, total);
			} catch {
				/* a worker or the page went away between two samples */
			}
			await new Promise((r) => setTimeout(r, 100));
		}
	})();
	return async () => {
		running = false;
		await loop;
		await browserCdp.detach().catch(() => {});
		return peaks;
	};
}

/**
 * Starts recording the page's long tasks (main thread, over 50 ms) from now; the returned
 * function gives the longest one since (0 when none was over 50 ms). Written as strings: tsx
 * would otherwise wrap the callbacks with a helper that does not exist in the page.
 */
export async function longTaskWatch(page: Page): Promise<() => Promise<number>> {
	await page.evaluate(`(() => {
		if (!window.__longTasks) {
			window.__longTasks = [];
			new PerformanceObserver((list) => window.__longTasks.push(...list.getEntries())).observe({
				type: 'longtask'
			});
		}
		window.__longTaskFrom = performance.now();
	})()`);
	return () =>
		page.evaluate<number>(`Math.max(0, ...window.__longTasks
			.filter((e) => e.startTime >= window.__longTaskFrom)
			.map((e) => Math.round(e.duration)))`);
}

export const describeWorkers = (peaks: HeapPeaks) =>
	Object.entries(peaks.byWorker)
		.map(([name, peak]) => `${name} ${peak.toFixed(0)} MB`)
		.join(', ');

/** A bare MapLibre page: one module script, a style, the map, and the title set at its first idle. */
function mapPage(
	style: StyleSpecification,
	/** The opening view, as the app fits it: the pack's bounds. */
	bounds: LngLatBoundsLike,
	images: ReturnType<typeof styleImages> = [],
	asTheApp = false
): string {
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
${asTheApp ? "import { paintWhenComplete } from '/__bench/first-paint.js';" : ''}
maplibregl.setWorkerUrl('/__bench/maplibre-gl-worker.mjs');
const map = new maplibregl.Map({ container: 'map', style: ${JSON.stringify(style)}, bounds: ${JSON.stringify(bounds)}, fitBoundsOptions: { padding: 20 }${asTheApp ? ', validateStyle: false, fadeDuration: 0' : ''} });
${asTheApp ? `paintWhenComplete(map, undefined, ${JSON.stringify(FIRST_PAINT_SOURCES)});` : ''}
for (const i of ${JSON.stringify(imageList)})
	map.addImage(i.id, { width: i.width, height: i.height, data: new Uint8Array(i.data) }, { pixelRatio: i.pixelRatio });
map.once('idle', () => { window.__idleAt = performance.now(); document.title = 'idle'; });
window.__map = map;
</script></body></html>`;
}

/** The same GeoJSON files, one plain layer per file, nothing else: the issue's baseline. */
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

export async function benchLoad(
	browser: Browser,
	server: BenchServer,
	runs: number
): Promise<BenchRow[]> {
	const base = server.base;
	const assetDir = 'build/_app/immutable/assets/';
	const assetFiles = readdirSync(assetDir);
	// The default pack's six layers, found among every pack's hashed assets by their bytes (each
	// pack has a countries.<hash>.geojson).
	const packDir = `${DEFAULT_DIR}/`;
	const assets: Record<string, string> = {};
	for (const layer of ['countries', 'provinces', 'borders', 'towns', 'crossings', 'events']) {
		const bytes = readFileSync(`${packDir}${layer}.geojson`);
		const f = assetFiles.find(
			(f) =>
				f.startsWith(`${layer}.`) &&
				f.endsWith('.geojson') &&
				readFileSync(assetDir + f).equals(bytes)
		);
		if (!f) throw new Error(`no built asset holds ${packDir}${layer}.geojson`);
		assets[layer] = `/_app/immutable/assets/${f}`;
	}
	const asset = (prefix: string) =>
		`/_app/immutable/assets/${assetFiles.find((f) => f.startsWith(prefix) && f.endsWith('.woff2'))}`;
	// The app's own style (all layers, labels in the same fonts) with the files' URLs as data, so
	// the table can tell what the style costs MapLibre from what the app adds around it.
	const meta = parseScenarioMeta(
		'scenario.json',
		JSON.parse(readFileSync(`${packDir}scenario.json`, 'utf8'))
	);
	const { actors } = meta;
	// With the pack's extra layers, as the app draws them.
	const extraAssets = Object.fromEntries(
		meta.extraLayers.flatMap((extra) => {
			if (extra.file === undefined) return [];
			const bytes = readFileSync(packDir + extra.file);
			const f = assetFiles.find(
				(f) => f.endsWith('.geojson') && readFileSync(assetDir + f).equals(bytes)
			);
			if (!f) throw new Error(`no built asset holds ${packDir}${extra.file}`);
			return [[`extra-${extra.id}`, `/_app/immutable/assets/${f}`]];
		})
	);
	// The place labels as the app derives them once the files are loaded, in each map language.
	const read = (layer: string) => JSON.parse(readFileSync(`${packDir}${layer}.geojson`, 'utf8'));
	const labels = placeLabels(
		{
			countries: read('countries').features,
			provinces: read('provinces').features,
			towns: read('towns').features
		},
		meta.bounds
	);
	// The app's fonts: its prebuilt glyphs (static/glyphs, in the build) and the font files.
	const glyphs = JSON.parse(readFileSync('static/glyphs/MANIFEST.json', 'utf8')) as {
		pbf: string[];
	};
	const appStyle = (lang: MapLanguage) =>
		buildStyle(
			{
				...Object.fromEntries(
					Object.entries({ ...assets, ...extraAssets }).map(([name, url]) => [name, base + url])
				),
				countryLabels: countryLabelCollection(labels.countries, lang),
				provinceLabels: provinceLabelCollection(labels.provinces, lang),
				towns: townLabelCollection(labels.towns, lang)
			},
			{
				latin: asset('noto-sans-latin-400-normal.'),
				latinExt: asset('noto-sans-latin-ext-400-normal.'),
				arabic: asset('noto-naskh-arabic-arabic-400-normal.'),
				glyphs: { url: `${base}/glyphs/{fontstack}/{range}.pbf`, pbf: glyphs.pbf }
			},
			actors,
			undefined,
			packCatalogue(meta),
			meta.border.sides
		);
	server.files.set('/__bench/bare.html', mapPage(plainStyle(assets), packBounds(meta)));
	// The app's map options too: no run-time style validation, no label fade, the paint hold.
	for (const lang of ['en', 'fa', 'ur'] as const)
		server.files.set(
			`/__bench/styled${lang === 'en' ? '' : `-${lang}`}.html`,
			mapPage(appStyle(lang), packBounds(meta), styleImages(actors, 1), true)
		);
	// The same without a label: what the labels cost.
	const unlabelled = appStyle('en');
	unlabelled.layers = unlabelled.layers.filter(
		(layer) => layer.type !== 'symbol' || !('text-field' in (layer.layout ?? {}))
	);
	server.files.set(
		'/__bench/styled-unlabelled.html',
		mapPage(unlabelled, packBounds(meta), styleImages(actors, 1), true)
	);
	server.files.set(
		'/__bench/first-paint.js',
		ts.transpileModule(readFileSync('src/lib/map/first-paint.ts', 'utf8'), {
			compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 }
		}).outputText
	);
	for (const name of ['maplibre-gl.mjs', 'maplibre-gl-worker.mjs', 'maplibre-gl.css'])
		server.files.set(`/__bench/${name}`, readFileSync(DIST + name));

	// The app and its style in a bare page, each in the three map languages.
	const kinds = [
		'app',
		'app-fa',
		'app-ur',
		'bare',
		'styled',
		'styled-fa',
		'styled-ur',
		'styled-unlabelled'
	] as const;
	type Kind = (typeof kinds)[number];
	const times = Object.fromEntries(kinds.map((k) => [k, [] as number[]])) as Record<Kind, number[]>;
	/** In-page times from navigation: the app's first meaningful paint, the bare page's idle. */
	const firstPaint = { app: [] as number[], bare: [] as number[] };
	const none = (): HeapPeaks => ({ mainMb: 0, workersMb: 0, byWorker: {} });
	const heaps = { app: none(), bare: none() };
	const keepPeaks = (into: HeapPeaks, run: HeapPeaks) => {
		into.mainMb = Math.max(into.mainMb, run.mainMb);
		into.workersMb = Math.max(into.workersMb, run.workersMb);
		for (const [name, peak] of Object.entries(run.byWorker))
			into.byWorker[name] = Math.max(into.byWorker[name] ?? 0, peak);
	};
	// Timed runs sample nothing (the DevTools traffic of heap sampling would slow the pages it
	// times); the heap is sampled in runs of its own, after them.
	const heapRuns = runs ? 3 : 0;
	for (let i = 0; i < runs + heapRuns; i++) {
		const sampled = i >= runs;
		// Rotate the order, so no page always runs first (or right after another). The heap is
		// reported for the app and the bare page only.
		const order = sampled ? (['app', 'bare'] as const) : kinds;
		for (let k = 0; k < order.length; k++) {
			const which = order[(i + k) % order.length]!;
			const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
			const page = await context.newPage();
			const stop = sampled ? await heapSampler(browser, page) : null;
			const t0 = Date.now();
			if (which.startsWith('app')) {
				await page.goto(which === 'app' ? base : `${base}/?lang=${which.slice(4)}`);
				await page.locator('[data-map-state="idle"]').waitFor({ timeout: 60_000 });
			} else {
				await page.goto(`${base}/__bench/${which}.html`);
				await page.waitForFunction(() => document.title === 'idle', null, { timeout: 60_000 });
			}
			if (stop) keepPeaks(heaps[which as keyof typeof heaps], await stop());
			else times[which].push(Date.now() - t0);
			if (!stop && (which === 'app' || which === 'bare'))
				firstPaint[which].push(
					await page.evaluate<number>(
						which === 'app'
							? `performance.getEntriesByName(${JSON.stringify(FIRST_MEANINGFUL_PAINT)})[0]?.startTime ?? NaN`
							: 'window.__idleAt'
					)
				);
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
			name: 'navigation → first meaningful paint: border and events drawn (ms, in page)',
			medianMs: median(firstPaint.app.filter(Number.isFinite)),
			baselineMs: median(firstPaint.bare.filter(Number.isFinite)),
			note: "the app's first frame (labels follow in the complete one); baseline: the bare page's idle"
		},
		{
			name: "  of which MapLibre drawing the app's style (ms)",
			medianMs: median(times.styled),
			baselineMs: median(times.bare),
			note: "bare MapLibre page with the app's full style, map options and the same files"
		},
		{
			name: '  of which the app around the map (ms)',
			medianMs: median(times.app),
			baselineMs: median(times.styled),
			note: "baseline: the app's style in a bare MapLibre page"
		},
		{
			name: "  of which the labels, in the app's style (ms)",
			medianMs: median(times.styled),
			baselineMs: median(times['styled-unlabelled']),
			note: 'baseline: the same page without a text label'
		},
		...(['fa', 'ur'] as const).flatMap((lang) => [
			{
				name: `navigation → map idle, labels in ${languageNames[lang].english} (ms)`,
				medianMs: median(times[`app-${lang}`]),
				baselineMs: median(times.app),
				note: `lang=${lang}; baseline: the app in English`
			},
			{
				name: `  MapLibre drawing the app's style in ${languageNames[lang].english} (ms)`,
				medianMs: median(times[`styled-${lang}`]),
				baselineMs: median(times.styled),
				note: "baseline: the app's style in English, in a bare MapLibre page"
			},
			{
				name: `  the app in ${languageNames[lang].english} against bare MapLibre (ms)`,
				medianMs: median(times[`app-${lang}`]),
				baselineMs: median(times.bare)
			}
		]),
		{
			name: 'peak JS heap during load (MB, main thread; 3 sampled runs, untimed)',
			medianMs: heaps.app.mainMb,
			baselineMs: heaps.bare.mainMb
		},
		{
			name: 'peak JS heap during load (MB, workers together; same runs)',
			medianMs: heaps.app.workersMb,
			baselineMs: heaps.bare.workersMb,
			note: describeWorkers(heaps.app)
		}
	];
}

/** Opens the app and waits until the map is drawn and the analysis has reported its figures. */
export async function openSettledApp(page: Page, url: string): Promise<void> {
	await page.goto(url);
	await page.locator('[data-map-state="idle"]').waitFor({ timeout: 60_000 });
	await page
		.getByRole('status')
		.filter({ hasText: /Computed in/ })
		.waitFor({ timeout: 60_000 });
}

/** Bytes the page transfers (gzip, as a server compressing text would send them). */
export async function benchBytes(page: Page, base: string): Promise<BenchRow[]> {
	const bodies: { url: string; bytes: Buffer }[] = [];
	const seen = new Set<string>();
	page.on('response', async (r) => {
		try {
			// A file read twice (the app and MapLibre's worker read the same geodata) crosses the
			// wire once: the second read is answered by the cache, or by a revalidation without a
			// body. Count each URL once.
			if (seen.has(r.url())) return;
			seen.add(r.url());
			bodies.push({ url: r.url(), bytes: await r.body() });
		} catch {
			/* redirects and aborted requests have no body */
		}
	});
	await openSettledApp(page, base);
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
/** Imports a 1-row CSV; its time until reported, and the longest main-thread task meanwhile. */
async function importOneRow(page: Page): Promise<{ ms: number; longestMs: number }> {
	const longest = await longTaskWatch(page);
	const started = Date.now();
	await page.getByLabel('Import a GeoJSON, CSV, KML or FlatGeobuf file').setInputFiles({
		name: 'one-more.csv',
		mimeType: 'text/csv',
		buffer: Buffer.from('name,latitude,longitude\nOne,27.1,62.1\n')
	});
	await page
		.getByRole('status')
		.filter({ hasText: /Imported 1 point from .one-more\.csv/ })
		.waitFor({ timeout: 300_000 });
	return { ms: Date.now() - started, longestMs: await longest() };
}

/**
 * MapLibre alone loading the same points as a plain GeoJSON source (one circle layer) into the
 * bare page of `benchLoad`, from adding the source until the map is idle with it drawn (ms).
 */
async function bareLoadPoints(
	browser: Browser,
	base: string,
	url: string
): Promise<{ ms: number; longestTaskMs: number }> {
	const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
	const page = await context.newPage();
	await page.goto(`${base}/__bench/bare.html`);
	await page.waitForFunction(() => document.title === 'idle', null, { timeout: 60_000 });
	const result = await page.evaluate<{ ms: number; longestTaskMs: number }>(`(async () => {
		const map = window.__map;
		const tasks = [];
		new PerformanceObserver((list) => tasks.push(...list.getEntries())).observe({ type: 'longtask' });
		const t0 = performance.now();
		map.addSource('points', { type: 'geojson', data: ${JSON.stringify(url)} });
		map.addLayer({ id: 'points', type: 'circle', source: 'points' });
		await ${whenSourceDrawn('points')};
		const ms = performance.now() - t0;
		await new Promise((resolve) => setTimeout(resolve, 100));
		const longestTaskMs = Math.max(0, ...tasks.filter((e) => e.startTime >= t0).map((e) => Math.round(e.duration)));
		return { ms, longestTaskMs };
	})()`);
	await context.close();
	return result;
}

/** 100 000 generated points over the region: a CSV for the app, GeoJSON for bare MapLibre. */
export function points100k(server: BenchServer): Buffer {
	let seed = 42;
	const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
	const rows = ['name,latitude,longitude'];
	const features: string[] = [];
	for (let i = 0; i < 100_000; i++) {
		const lat = (24.5 + random() * 6).toFixed(5);
		const lon = (59 + random() * 6.5).toFixed(5);
		rows.push(`P${i},${lat},${lon}`);
		features.push(
			`{"type":"Feature","geometry":{"type":"Point","coordinates":[${lon},${lat}]},"properties":{"name":"P${i}"}}`
		);
	}
	server.files.set(
		'/__bench/points-100k.geojson',
		`{"type":"FeatureCollection","features":[${features.join(',')}]}`
	);
	return Buffer.from(rows.join('\n'));
}

/** Imports the CSV on the open page, timed from the file's arrival to the map idle with it. */
async function import100k(
	page: Page,
	csv: Buffer
): Promise<{ reportedMs: number; drawnMs: number }> {
	const input = page.getByLabel('Import a GeoJSON, CSV, KML or FlatGeobuf file');
	// Timed in the page, from the file's arrival (the input's change event) to the map idle with
	// the points drawn, as the baseline is.
	await markArrival(input);
	await input.setInputFiles({ name: 'points-100k.csv', mimeType: 'text/csv', buffer: csv });
	await page
		.getByRole('status')
		.filter({ hasText: /Imported 100,000 points/ })
		.waitFor({ timeout: 300_000 });
	const reportedMs = await page.evaluate<number>('performance.now() - window.__t0');
	return { reportedMs, drawnMs: await untilDrawn(page) };
}

/**
 * The longest main-thread task from the file's arrival on (longTaskWatch records them): the
 * harness's own decoding of the file in the page, in the task that fires the change event, is
 * not the app's.
 */
const longestSinceArrival = (page: Page) =>
	page.evaluate<number>(`Math.max(0, ...window.__longTasks
		.filter((e) => e.startTime >= window.__t0)
		.map((e) => Math.round(e.duration)))`);

/** Bare MapLibre loading the 100k points (see points100k), medians of three runs. */
async function bare100k(
	browser: Browser,
	base: string
): Promise<{ ms: number; longestTaskMs: number }> {
	const runs: { ms: number; longestTaskMs: number }[] = [];
	for (let i = 0; i < 3; i++)
		runs.push(await bareLoadPoints(browser, base, '/__bench/points-100k.geojson'));
	return {
		ms: median(runs.map((r) => r.ms)),
		longestTaskMs: median(runs.map((r) => r.longestTaskMs))
	};
}

export async function bench100k(browser: Browser, server: BenchServer): Promise<BenchRow[]> {
	const base = server.base;
	const csv = points100k(server);
	const bare = await bare100k(browser, base);

	const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
	const page = await context.newPage();
	await openSettledApp(page, base);
	const panFrames = () => panFrameTimes(page);
	// The renderer's own floor: the longest task while the page pans with nothing imported (each
	// frame is drawn in software here, a pan frame a main-thread task of its own).
	const panLongest = await longTaskWatch(page);
	const before = await panFrames();
	const panLongestMs = await panLongest();

	const stop = await heapSampler(browser, page);
	const { reportedMs, drawnMs } = await import100k(page, csv);
	const longestMs = await longestSinceArrival(page);
	const phases = await page.evaluate<Record<string, number>>(`Object.fromEntries(
		performance.getEntriesByType('measure')
			.filter((m) => m.name.startsWith('import: '))
			.map((m) => [m.name.slice(8), m.duration]))`);
	const heap = await stop();
	const after = await panFrames();

	// One more small file after the large one: it used to freeze the page for ~40 s (a quadratic
	// merge of the stored distances), so its longest main-thread task is what matters. Baseline:
	// the same file imported on a fresh page.
	const second = await importOneRow(page);
	await context.close();
	const fresh = await browser.newContext({ viewport: { width: 1280, height: 800 } });
	const freshPage = await fresh.newPage();
	await openSettledApp(freshPage, base);
	const alone = await importOneRow(freshPage);
	await fresh.close();
	const phase = (name: string) => phases[name] ?? 0;
	return [
		{
			name: '100 000 points: import, analysis and drawing (ms, file in → map idle)',
			medianMs: drawnMs,
			baselineMs: bare.ms,
			note: 'baseline: bare MapLibre loading the same points as a plain GeoJSON source'
		},
		{ name: '  of which reading and checking the CSV (worker)', medianMs: phase('read') },
		{
			name: '  of which measuring: side, both lines, towns, crossings (worker)',
			medianMs: phase('measure')
		},
		{ name: '  of which packing the columns (worker)', medianMs: phase('pack') },
		{ name: '  of which receiving them (main thread)', medianMs: phase('receive') },
		{
			name: '  of which MapLibre loading and drawing them',
			medianMs: drawnMs - reportedMs
		},
		{
			name: '100 000 points: longest main-thread task during the import (ms)',
			medianMs: longestMs,
			baselineMs: bare.longestTaskMs,
			note: "from the file's arrival; baseline: bare MapLibre loading the same points; 0 = no task over 50 ms"
		},
		{
			name: '  against the longest task while panning before the import (ms)',
			medianMs: longestMs,
			baselineMs: panLongestMs,
			note: 'baseline: the same page panning 45 frames with nothing imported'
		},
		{
			name: 'pan frame interval p95 with 100 000 points (ms)',
			medianMs: p95(after),
			baselineMs: p95(before),
			note: 'baseline: same pan before the import'
		},
		{
			name: '100 000 points, then 1 more: that import (ms)',
			medianMs: second.ms,
			baselineMs: alone.ms,
			note: 'baseline: the same 1-point file on a fresh page'
		},
		{
			name: '100 000 points, then 1 more: longest main-thread task (ms)',
			medianMs: second.longestMs,
			baselineMs: alone.longestMs,
			note: '0 = no task over 50 ms'
		},
		{ name: 'peak JS heap during import (MB, main thread)', medianMs: heap.mainMb },
		{
			name: 'peak JS heap during import (MB, workers together)',
			medianMs: heap.workersMb,
			note: describeWorkers(heap)
		}
	];
}

/**
 * The 100k import again, in a browser whose GPU process presents the frames (Chromium without
 * --disable-gpu; WebGL still on SwiftShader). With --disable-gpu the compositor draws in software
 * and takes each WebGL frame back on the main thread, which waits while SwiftShader rasterizes it:
 * every frame is then a main-thread task as long as its rasterization, whatever the page does.
 * Here a long task is the app's own work, or MapLibre's.
 */
export async function bench100kGpuPresented(
	browser: Browser,
	server: BenchServer
): Promise<BenchRow[]> {
	const csv = points100k(server);
	const bare = await bare100k(browser, server.base);
	const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
	const page = await context.newPage();
	await openSettledApp(page, server.base);
	const panLongest = await longTaskWatch(page);
	const before = await panFrameTimes(page);
	const panLongestMs = await panLongest();
	const { drawnMs } = await import100k(page, csv);
	const after = await panFrameTimes(page);
	const longestMs = await longestSinceArrival(page);
	await context.close();
	return [
		{
			name: '100 000 points: import, analysis and drawing (ms, file in → map idle)',
			medianMs: drawnMs,
			baselineMs: bare.ms,
			note: 'baseline: bare MapLibre loading the same points, in this browser'
		},
		{
			name: '100 000 points: longest main-thread task, import and pan (ms)',
			medianMs: longestMs,
			baselineMs: bare.longestTaskMs,
			note: "from the file's arrival through 90 pan frames; baseline: bare MapLibre loading them; 0 = none over 50 ms"
		},
		{
			name: '  against the longest task while panning before the import (ms)',
			medianMs: longestMs,
			baselineMs: panLongestMs,
			note: '0 = no task over 50 ms'
		},
		{
			name: 'pan frame interval p95 with 100 000 points (ms)',
			medianMs: p95(after),
			baselineMs: p95(before),
			note: 'baseline: same pan before the import'
		}
	];
}

/**
 * 1 000 000 generated points in a CSV of about 100 MB (ACLED-like rows: a date and a note beside
 * the coordinates), read in chunks: time to import and to draw, the main thread's longest task,
 * peak heaps, and frame times while panning over them.
 */
export async function bench1M(browser: Browser, base: string): Promise<BenchRow[]> {
	const file = join(tmpdir(), 'borderline-bench-1m.csv');
	let seed = 7;
	const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
	const out = createWriteStream(file);
	out.write('event_id,event_date,latitude,longitude,location,notes\n');
	for (let i = 0; i < 1_000_000; i++) {
		const lat = (24.5 + random() * 6).toFixed(5);
		const lon = (59 + random() * 6.5).toFixed(5);
		const line = `G${i},2024-01-${String(1 + (i % 28)).padStart(2, '0')},${lat},${lon},Site ${i},"Generated point ${i} for the bench, not an event"\n`;
		if (!out.write(line)) await new Promise<void>((r) => out.once('drain', () => r()));
	}
	await new Promise((r) => out.end(r));
	const sizeMb = statSync(file).size / 1024 / 1024;

	const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
	const page = await context.newPage();
	await openSettledApp(page, base);
	const stop = await heapSampler(browser, page);
	const longest = await longTaskWatch(page);
	const input = page.getByLabel('Import a GeoJSON, CSV, KML or FlatGeobuf file');
	await markArrival(input);
	await input.setInputFiles(file);
	await page
		.getByRole('status')
		.filter({ hasText: /Imported 1,000,000 points/ })
		.waitFor({ timeout: 900_000 });
	const importMs = await page.evaluate<number>('performance.now() - window.__t0');
	const longestImportMs = await longest();
	const drawnMs = await untilDrawn(page);
	const heap = await stop();
	const frames = await panFrameTimes(page);
	await context.close();
	rmSync(file);
	return [
		{
			name: `1 000 000 points (${sizeMb.toFixed(0)} MB CSV, read in chunks): until imported and measured (ms)`,
			medianMs: importMs
		},
		{ name: '1 000 000 points: until drawn on the map (ms)', medianMs: drawnMs },
		{
			name: '1 000 000 points: longest main-thread task while importing (ms)',
			medianMs: longestImportMs
		},
		{ name: 'pan frame interval p95 with 1 000 000 points (ms)', medianMs: p95(frames) },
		{ name: 'peak JS heap during the import (MB, main thread)', medianMs: heap.mainMb },
		{
			name: 'peak JS heap during the import (MB, workers together)',
			medianMs: heap.workersMb,
			note: describeWorkers(heap)
		}
	];
}

/** Notes the time a file arrives at the input (its change event) as window.__t0. */
function markArrival(input: Locator): Promise<void> {
	return input.evaluate((el) =>
		el.addEventListener(
			'change',
			() => ((window as unknown as { __t0: number }).__t0 = performance.now()),
			{ once: true }
		)
	);
}

/**
 * Milliseconds from the file's arrival (window.__t0, set at the input's change event) until the
 * map is idle with the imported points loaded and drawn.
 */
function untilDrawn(page: Page): Promise<number> {
	return page.evaluate<number>(`(async () => {
		const map = window.borderline.map;
		await ${whenSourceDrawn('imported')};
		return performance.now() - window.__t0;
	})()`);
}

/** Frame intervals (ms) while the map pans 45 steps east and back, one step per frame. */
export function panFrameTimes(page: Page): Promise<number[]> {
	return page.evaluate(async () => {
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
}
