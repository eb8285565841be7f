// `npm run bench`: performance figures as ratios against baselines measured in the same run.
// Node part: buffer-band updates. Browser part (Debian Chromium, built app): time to map idle,
// and the snapshot export. Prints a table; never used as a test.
import { spawn, type ChildProcess } from 'node:child_process';
import { chromium } from '@playwright/test';
import { chromiumArgs } from '../playwright.config';
import { benchBuffers, type BenchRow } from './bench/buffers';
// @ts-expect-error -- plain ESM module without types
import { benchExport } from './bench/export.mjs';

const PORT = 4174;
const BASE = `http://127.0.0.1:${PORT}`;
const RUNS = 5;

function median(values: number[]): number {
	const s = [...values].sort((a, b) => a - b);
	const m = Math.floor(s.length / 2);
	return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

function printTable(title: string, rows: BenchRow[]) {
	console.log(`\n${title}`);
	console.log('| measure | median ms | baseline ms | ratio |');
	console.log('|---|---:|---:|---:|');
	for (const r of rows) {
		const ratio = r.baselineMs ? (r.medianMs / r.baselineMs).toFixed(2) + '×' : '';
		console.log(
			`| ${r.name}${r.note ? ` (${r.note})` : ''} | ${r.medianMs.toFixed(1)} | ${r.baselineMs?.toFixed(1) ?? ''} | ${ratio} |`
		);
	}
}

async function run(command: string, args: string[]): Promise<void> {
	await new Promise<void>((resolve, reject) => {
		const child = spawn(command, args, { stdio: 'inherit' });
		child.on('exit', (code) =>
			code === 0 ? resolve() : reject(new Error(`${command} exited ${code}`))
		);
	});
}

async function startPreview(): Promise<ChildProcess> {
	const server = spawn(
		'npx',
		['vite', 'preview', '--host', '127.0.0.1', '--port', String(PORT), '--strictPort'],
		{
			stdio: 'ignore',
			detached: true
		}
	);
	for (let i = 0; i < 100; i++) {
		try {
			if ((await fetch(BASE)).ok) return server;
		} catch {
			/* not up yet */
		}
		await new Promise((r) => setTimeout(r, 200));
	}
	throw new Error('vite preview did not start');
}

async function main() {
	printTable('Buffer bands (Node, @turf/turf; median of 15 runs)', benchBuffers());

	await run('npx', ['vite', 'build', '--logLevel', 'warn']);
	const server = await startPreview();
	const browser = await chromium.launch({
		executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
		args: chromiumArgs
	});
	try {
		const idle: number[] = [];
		for (let i = 0; i < RUNS; i++) {
			const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
			const t0 = Date.now();
			await page.goto(BASE);
			await page.locator('[data-map-state="idle"]').waitFor({ timeout: 60_000 });
			idle.push(Date.now() - t0);
			await page.close();
		}
		printTable(`Page (Chromium, SwiftShader; median of ${RUNS} runs)`, [
			{ name: 'navigation → map idle', medianMs: median(idle) }
		]);

		const page = await browser.newPage({
			viewport: { width: 1280, height: 800 },
			acceptDownloads: true
		});
		await page.goto(BASE);
		await page.locator('[data-map-state="idle"]').waitFor({ timeout: 60_000 });
		const exportRows = (await benchExport({ page })) as BenchRow[];
		printTable('Snapshot export (Chromium)', exportRows);
	} finally {
		await browser.close();
		if (server.pid) process.kill(-server.pid);
	}
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
