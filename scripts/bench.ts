// `npm run bench`: performance figures as ratios against baselines measured in the same run.
// Node part: buffer-band updates. Browser part (Debian Chromium, built app): time to map idle,
// and the snapshot export. Prints a table; never used as a test.
import { spawn } from 'node:child_process';
import { chromium } from '@playwright/test';
import { chromiumArgs } from '../playwright.config';
import { benchBuffers, type BenchRow } from './bench/buffers';
import {
	bench100k,
	bench100kGpuPresented,
	bench1M,
	benchBytes,
	benchLoad,
	describeWorkers,
	heapSampler,
	longTaskWatch,
	openSettledApp
} from './bench/page';
import { startBenchServer } from './bench/server';
import { benchExport } from './bench/export';
import { benchExportSideBySide } from './bench/export-baselines';
import { benchTiles } from './bench/tiles';

// `npm run bench -- 100k export` runs only those parts (buffers, load, bytes, 100k, 1m, drag, export,
// tiles);
// the 100k baseline needs the load part's bare page, which it then sets up itself.
const only = new Set(process.argv.slice(2));
const wanted = (part: string) => only.size === 0 || only.has(part);

// Page load varies most from run to run on this software renderer: more runs for a steadier median.
const LOAD_RUNS = 9;

function printTable(title: string, rows: BenchRow[]) {
	console.log(`\n${title}`);
	console.log('| measure | median | baseline | ratio |');
	console.log('|---|---:|---:|---:|');
	for (const r of rows) {
		const ratio = r.baselineMs ? (r.medianMs / r.baselineMs).toFixed(2) + '×' : '';
		console.log(
			`| ${r.name}${r.note ? ` (${r.note})` : ''} | ${r.medianMs.toFixed(1)} | ${r.baselineMs?.toFixed(1) ?? ''} | ${ratio} |`
		);
	}
}

async function run(command: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<void> {
	await new Promise<void>((resolve, reject) => {
		const child = spawn(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
		child.on('exit', (code) =>
			code === 0 ? resolve() : reject(new Error(`${command} exited ${code}`))
		);
	});
}

/**
 * Frame intervals while the outer band slider moves 1 → 200 km one step per animation frame,
 * against the same loop on the idle page (the baseline). Bands are computed in the worker, so
 * the main thread should keep its frame rate.
 */
async function benchDrag(
	browser: import('@playwright/test').Browser,
	base: string
): Promise<BenchRow[]> {
	const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
	await openSettledApp(page, base);
	// Written as a string: tsx would otherwise wrap the named callbacks with a helper that does
	// not exist in the page.
	const frames = (drag: boolean) =>
		page.evaluate<number[]>(`(async () => {
			const slider = document.querySelector('#band-2');
			const deltas = [];
			let last = performance.now();
			let km = 1;
			await new Promise((resolve) => {
				function frame(t) {
					deltas.push(t - last);
					last = t;
					if (km > 200) {
						if (${drag}) slider.dispatchEvent(new Event('change', { bubbles: true }));
						return resolve();
					}
					if (${drag}) {
						slider.value = String(km);
						slider.dispatchEvent(new Event('input', { bubbles: true }));
					}
					km++;
					requestAnimationFrame(frame);
				}
				requestAnimationFrame(frame);
			});
			return deltas.slice(1);
		})()`);
	const idle = await frames(false);
	const stop = await heapSampler(browser, page);
	const drag = await frames(true);
	const heap = await stop();
	await page.close();
	const p = (xs: number[], q: number) =>
		[...xs].sort((a, b) => a - b)[Math.floor(q * (xs.length - 1))]!;
	const long = (xs: number[]) => xs.filter((x) => x > 50).length;
	return [
		{ name: 'frame interval p50', medianMs: p(drag, 0.5), baselineMs: p(idle, 0.5) },
		{ name: 'frame interval p95', medianMs: p(drag, 0.95), baselineMs: p(idle, 0.95) },
		{ name: 'longest frame', medianMs: Math.max(...drag), baselineMs: Math.max(...idle) },
		{
			name: 'frames over 50 ms (count, not ms)',
			medianMs: long(drag),
			baselineMs: long(idle),
			note: `${drag.length} frames`
		},
		{ name: 'peak JS heap during the drag (MB, main thread)', medianMs: heap.mainMb },
		{
			name: 'peak JS heap during the drag (MB, workers together)',
			medianMs: heap.workersMb,
			note: describeWorkers(heap)
		}
	];
}

async function main() {
	if (wanted('buffers'))
		printTable('Buffer bands (Node, @turf/turf; median of 15 runs)', benchBuffers());

	const launch = (args = chromiumArgs) =>
		chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args });
	// A served layer of a million synthetic points, in an app built with a pack of its own.
	if (wanted('tiles')) {
		const browser = await launch();
		try {
			printTable(
				'A served layer: 1,000,000 synthetic points as PMTiles, same origin (Chromium)',
				await benchTiles(browser)
			);
		} finally {
			await browser.close();
		}
	}
	if (!['load', 'bytes', '100k', '1m', 'drag', 'export'].some(wanted)) return;

	// With the test hook (window.borderline), which the benches drive the map through.
	await run('npx', ['vite', 'build', '--logLevel', 'warn'], { VITE_TEST_HOOKS: '1' });
	const server = await startBenchServer('build');
	const BASE = server.base;
	const browser = await launch();
	try {
		// The load part also sets up the bare MapLibre page the 100k part measures against.
		const load = await benchLoad(browser, server, wanted('load') ? LOAD_RUNS : 0);
		if (wanted('load'))
			printTable(`Page load (Chromium, SwiftShader; median of ${LOAD_RUNS} runs each)`, load);
		if (wanted('bytes')) {
			const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
			printTable('Bytes over the wire', await benchBytes(page, BASE));
			await page.close();
		}
		if (wanted('100k')) {
			printTable('Imported points', await bench100k(browser, server));
			// Where each frame is not read back on the main thread, as on a machine with a GPU.
			const presented = await launch(chromiumArgs.filter((arg) => arg !== '--disable-gpu'));
			try {
				printTable(
					'Imported points, frames presented by the GPU process (no --disable-gpu; WebGL on SwiftShader as above)',
					await bench100kGpuPresented(presented, server)
				);
			} finally {
				await presented.close();
			}
		}
		if (wanted('1m'))
			printTable('A million imported points (Chromium)', await bench1M(browser, BASE));
		if (wanted('drag'))
			printTable(
				'Slider drag, outer band 1 → 200 km, one step per frame (Chromium)',
				await benchDrag(browser, BASE)
			);
		if (!wanted('export')) return;

		const page = await browser.newPage({
			viewport: { width: 1280, height: 800 },
			acceptDownloads: true
		});
		await page.goto(BASE);
		await page.locator('[data-map-state="idle"]').waitFor({ timeout: 60_000 });
		const stop = await heapSampler(browser, page);
		const exportRows: BenchRow[] = await benchExport({ page, longTaskWatch });
		const heap = await stop();
		exportRows.push(
			{ name: 'peak JS heap during the exports (MB, main thread)', medianMs: heap.mainMb },
			{
				name: 'peak JS heap during the exports (MB, workers together)',
				medianMs: heap.workersMb,
				note: describeWorkers(heap)
			}
		);
		printTable('Snapshot export (Chromium)', exportRows);
		// Same page and view: ours against a plain MapLibre render and @watergis/maplibre-gl-export.
		printTable(
			'Export speed, side by side: A4 landscape 300 dpi PNG (Chromium; median of 5 runs each)',
			await benchExportSideBySide({ page, server })
		);
	} finally {
		await browser.close();
		await server.close();
	}
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
