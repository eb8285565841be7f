// Export speed, side by side: our A4 landscape 300 dpi PNG (the real dialog) against a plain
// off-screen MapLibre render of the same style, view and pixels (the limit) and against
// @watergis/maplibre-gl-export, all in the app's page, on its live map, in interleaved runs.
import { readFileSync } from 'node:fs';
import { build } from 'esbuild';
import type { Page } from '@playwright/test';
import { ALL_ELEMENTS, planSnapshot } from '../../src/lib/print/plan';
import { fitZoom } from '../../src/lib/print/scale';
import type { BenchRow } from './buffers';
import { exportOnce, type ExportOptions } from './export';
import type { BenchServer } from './server';
import type { BaselineResult } from './export-baselines-page';

const RUNS = 5;
const DPI = 300;
const PLUGIN = '@watergis/maplibre-gl-export';
const MAPLIBRE_DIST = 'node_modules/maplibre-gl/dist/';

function median(values: number[]): number {
	const s = [...values].sort((a, b) => a - b);
	const m = Math.floor(s.length / 2);
	return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/**
 * The in-page module, bundled with the plugin; `maplibre-gl` stays the bench's served build
 * (the same file the bare pages use), so the plain render and the plugin share one MapLibre.
 */
async function pageBundle(): Promise<string> {
	const result = await build({
		entryPoints: ['scripts/bench/export-baselines-page.ts'],
		bundle: true,
		format: 'esm',
		target: 'es2022',
		write: false,
		logLevel: 'warning',
		plugins: [
			{
				name: 'served-maplibre',
				setup(b) {
					b.onResolve({ filter: /^maplibre-gl$/ }, () => ({
						path: '/__bench/maplibre-gl.mjs',
						external: true
					}));
				}
			}
		]
	});
	return result.outputFiles[0]!.text;
}

/** A size the dialog states ("… · page 3,508 × 2,480 px · map …"), in px. */
function dialogPx(text: string, what: 'page' | 'map'): [number, number] {
	const m = new RegExp(`${what} ([\\d,]+) × ([\\d,]+) px`).exec(text);
	const n = (s: string | undefined) => Number(s?.replaceAll(',', '') ?? Number.NaN);
	return [n(m?.[1]), n(m?.[2])];
}

type Kind = 'ours' | 'plain' | 'plugin' | 'plainPage';
type Measure = { ms: number; widthPx: number; heightPx: number; bytes: number };

/**
 * @param page the built app (with window.borderline), map idle, the print dialog closed
 * @returns rows for the table: medians of RUNS runs each after a warm-up of each
 */
export async function benchExportSideBySide({
	page,
	server
}: {
	page: Page;
	server: BenchServer;
}): Promise<BenchRow[]> {
	server.files.set('/__bench/export-baselines.js', await pageBundle());
	for (const name of ['maplibre-gl.mjs', 'maplibre-gl-worker.mjs'])
		server.files.set(`/__bench/${name}`, readFileSync(MAPLIBRE_DIST + name));
	server.files.set(
		'/__bench/maplibre-gl-export.css',
		readFileSync(`node_modules/${PLUGIN}/dist/maplibre-gl-export.css`)
	);
	const pluginVersion = (
		JSON.parse(readFileSync(`node_modules/${PLUGIN}/package.json`, 'utf8')) as { version: string }
	).version;
	// Written as strings: tsx would otherwise wrap callbacks with a helper the page lacks.
	await page.evaluate(`(async () => {
		const link = document.createElement('link');
		link.rel = 'stylesheet';
		link.href = '/__bench/maplibre-gl-export.css';
		document.head.append(link);
		window.__exportBaselines = await import('/__bench/export-baselines.js');
	})()`);
	const live = await page.evaluate<{ widthPx: number; heightPx: number; zoom: number }>(`(() => {
		const map = window.borderline.map;
		const canvas = map.getCanvas();
		return { widthPx: canvas.clientWidth, heightPx: canvas.clientHeight, zoom: map.getZoom() };
	})()`);

	// The app's plan for the dialog's defaults (every element on, a title, no selection), and
	// the zoom its print map gets (fitted to the print area).
	const plan = planSnapshot(
		{
			format: 'png',
			paper: 'a4',
			orientation: 'landscape',
			dpi: DPI,
			title: 'Title',
			elements: ALL_ELEMENTS,
			screenPx: { widthPx: live.widthPx, heightPx: live.heightPx }
		},
		false
	);
	const printZoom = fitZoom(live.zoom, live, plan.frame.mapCssPx);
	// The plugin's map is the whole sheet: A4 landscape in CSS px, at the live zoom.
	const sheetCssPx = { widthPx: (297 * 96) / 25.4, heightPx: (210 * 96) / 25.4 };

	const ours: ExportOptions = { format: 'png', paper: 'A4', orientation: 'landscape', dpi: DPI };
	let dialogSize = '';
	const measure = async (kind: Kind): Promise<Measure> => {
		if (kind === 'ours') {
			const { ms, detail } = await exportOnce(page, ours);
			if (ms === null) throw new Error(`our export failed: ${detail}`);
			dialogSize = detail;
			// Closed between runs, so every measure starts from the same page.
			await page.keyboard.press('Escape');
			await page
				.getByRole('dialog', { name: 'Print / export the map' })
				.waitFor({ state: 'hidden' });
			const [widthPx, heightPx] = dialogPx(detail, 'page');
			return { ms, widthPx, heightPx, bytes: Number.NaN };
		}
		const call =
			kind === 'plugin'
				? 'pluginExport()'
				: kind === 'plain'
					? `plainRender(${JSON.stringify(plan.frame.mapCssPx)}, ${plan.pixelRatio}, ${printZoom})`
					: `plainRender(${JSON.stringify(sheetCssPx)}, ${plan.pixelRatio}, ${live.zoom})`;
		return page.evaluate<BaselineResult>(`window.__exportBaselines.${call}`);
	};

	const kinds: Kind[] = ['ours', 'plain', 'plugin', 'plainPage'];
	const results = Object.fromEntries(kinds.map((k) => [k, [] as Measure[]])) as Record<
		Kind,
		Measure[]
	>;
	for (const kind of kinds) await measure(kind); // warm-up: code, fonts, workers, tiles
	// Rotated, so no kind always runs first or right after another.
	for (let i = 0; i < RUNS; i++)
		for (let k = 0; k < kinds.length; k++) {
			const kind = kinds[(i + k) % kinds.length]!;
			results[kind].push(await measure(kind));
		}

	const med = (kind: Kind) => Math.round(median(results[kind].map((r) => r.ms)));
	const runs = (kind: Kind) => results[kind].map((r) => Math.round(r.ms)).join(', ');
	const px = (kind: Kind) => {
		const sizes = [...new Set(results[kind].map((r) => `${r.widthPx} × ${r.heightPx}`))];
		return `${sizes.join(' / ')} px`;
	};
	const kb = (kind: Kind) =>
		`${Math.round(median(results[kind].map((r) => r.bytes)) / 1024).toLocaleString('en')} KB`;
	// Our map area must be the plain render's pixels exactly, or the ratio compares unlike work.
	const mapPx = `${plan.mapPx.widthPx} × ${plan.mapPx.heightPx} px`;
	const dialogMapPx = `${dialogPx(dialogSize, 'map').join(' × ')} px`;
	const sameMap = dialogMapPx === mapPx && px('plain') === mapPx;
	return [
		{
			name: `ours: A4 landscape ${DPI} dpi PNG, the dialog's Export to the downloaded file`,
			medianMs: med('ours'),
			baselineMs: med('plain'),
			note: `page ${px('ours')}, map ${dialogMapPx}; baseline: the plain render of that map${sameMap ? '' : ' (PIXELS DIFFER)'}; runs ${runs('ours')}`
		},
		{
			name: 'plain MapLibre render of our map area → PNG blob (the limit)',
			medianMs: med('plain'),
			note: `${px('plain')} at pixelRatio ${plan.pixelRatio}, zoom ${printZoom.toFixed(2)}, ${kb('plain')}; runs ${runs('plain')}`
		},
		{
			name: `${PLUGIN} ${pluginVersion}: A4 landscape ${DPI} dpi PNG (its generateMap)`,
			medianMs: med('plugin'),
			baselineMs: med('plainPage'),
			note: `${px('plugin')}, all map, live zoom ${live.zoom.toFixed(2)}, ${kb('plugin')}; baseline: the plain render at its size; runs ${runs('plugin')}`
		},
		{
			name: "plain MapLibre render of the plugin's sheet → PNG blob",
			medianMs: med('plainPage'),
			note: `${px('plainPage')}, ${kb('plainPage')}; runs ${runs('plainPage')}`
		},
		{
			name: 'ours against the plugin',
			medianMs: med('ours'),
			baselineMs: med('plugin'),
			note: `both write an A4 ${DPI} dpi PNG: ${px('ours')} against ${px('plugin')} (MapLibre rounds the plugin's sheet up)`
		}
	];
}
