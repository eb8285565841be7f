// Benchmark of the snapshot export, driven through the real "Print / export" dialog: time from
// pressing Export to the downloaded file, A4 landscape PNG at 96/150/300 dpi (median of several
// runs), and the largest paper and dpi the dialog offers that renders on this machine.

import type { Locator, Page } from '@playwright/test';
import type { BenchRow } from './buffers';

const RUNS = 5;

export type ExportOptions = {
	format: 'png' | 'pdf';
	paper: string;
	orientation: 'landscape' | 'portrait';
	dpi: number;
	title?: string;
	/** The briefing (overview and a page per drawn event) instead of one snapshot. */
	briefing?: boolean;
};

/** Median of a list of numbers. */
function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	const mid = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

async function openDialog(page: Page): Promise<Locator> {
	const dialog = page.getByRole('dialog', { name: 'Print / export the map' });
	if (!(await dialog.isVisible()))
		await page.getByRole('button', { name: 'Print / export' }).click();
	await dialog.waitFor();
	return dialog;
}

/** Chooses the options, exports once, and returns the time in ms (null if refused or failed). */
export async function exportOnce(
	page: Page,
	{ format, paper, orientation, dpi, title, briefing }: ExportOptions
): Promise<{ ms: number | null; detail: string }> {
	const dialog = await openDialog(page);
	if (title !== undefined) await dialog.getByRole('textbox', { name: 'Title' }).fill(title);
	await dialog
		.getByRole('radio', { name: format === 'pdf' ? 'PDF document' : 'PNG image' })
		.check();
	await dialog.getByRole('combobox', { name: 'Paper' }).selectOption(paper);
	const turn = dialog.getByRole('radio', {
		name: orientation === 'portrait' ? 'Portrait' : 'Landscape'
	});
	if (await turn.isEnabled()) await turn.check();
	await dialog.getByRole('combobox', { name: 'Resolution' }).selectOption(`${dpi} dpi`);
	const exportButton = dialog.getByRole('button', {
		name: briefing ? /^Export briefing PDF/ : /^Export (PNG|PDF)$/
	});
	if (!(await exportButton.isEnabled())) return { ms: null, detail: await limitText(dialog) };
	const size = (await dialog.getByText(/ · page .* px · map .* px/).textContent())?.trim();
	const started = performance.now();
	const download = page.waitForEvent('download', { timeout: 300_000 }).catch(() => null);
	await exportButton.click();
	const failure = dialog
		.getByRole('alert')
		.waitFor({ timeout: 300_000 })
		.then(() => null)
		.catch(() => null);
	const file = await Promise.race([download, failure]);
	const ms = performance.now() - started;
	if (!file) return { ms: null, detail: await limitText(dialog) };
	await file.delete();
	return { ms, detail: size ?? '' };
}

async function limitText(dialog: Locator): Promise<string> {
	const alert = dialog.getByRole('alert');
	return (await alert.count()) ? ((await alert.first().textContent()) ?? '').trim() : 'failed';
}

/**
 * @param context a page on the built app, map idle, and the long-task recorder of page.ts
 * @returns the rows; medianMs is NaN for a size that was refused or failed (the note says why)
 */
export async function benchExport({
	page,
	longTaskWatch
}: {
	page: Page;
	longTaskWatch: (page: Page) => Promise<() => Promise<number>>;
}): Promise<(BenchRow & { runs: number[] })[]> {
	const rows: (BenchRow & { runs: number[] })[] = [];
	// A 10,000-character title (the field keeps its first 300) used to freeze the page for
	// seconds while it was trimmed to fit one character at a time. Baseline: the default title.
	{
		const options: ExportOptions = {
			format: 'png',
			paper: 'A4',
			orientation: 'landscape',
			dpi: 96
		};
		await exportOnce(page, options); // warm-up
		const measure = async (title?: string) => {
			const stop = await longTaskWatch(page);
			const { ms } = await exportOnce(page, { ...options, title });
			return { ms, task: await stop() };
		};
		const longest = {
			default: await measure(),
			long: await measure('Strike on the border, '.repeat(455).slice(0, 10_000))
		};
		rows.push(
			{
				name: 'export A4 96 dpi with a 10,000-character title',
				medianMs: Math.round(longest.long.ms ?? Number.NaN),
				baselineMs: Math.round(longest.default.ms ?? Number.NaN),
				runs: [],
				note: 'baseline: the default title'
			},
			{
				name: '  its longest main-thread task',
				medianMs: longest.long.task,
				baselineMs: longest.default.task,
				runs: [],
				note: 'baseline: the default title'
			}
		);
		// Closed, the dialog sets the default title again when it next opens.
		await page.keyboard.press('Escape');
		await page.getByRole('dialog', { name: 'Print / export the map' }).waitFor({ state: 'hidden' });
	}
	for (const dpi of [96, 150, 300]) {
		const options: ExportOptions = { format: 'png', paper: 'A4', orientation: 'landscape', dpi };
		await exportOnce(page, options); // warm-up: loads the export code and fonts
		const runs = [];
		let note = '';
		for (let i = 0; i < RUNS; i++) {
			const { ms, detail } = await exportOnce(page, options);
			if (ms === null) {
				note = detail;
				break;
			}
			runs.push(Math.round(ms));
			note = detail;
		}
		rows.push({
			name: `export A4 landscape ${dpi} dpi`,
			medianMs: runs.length ? Math.round(median(runs)) : Number.NaN,
			runs,
			note: runs.length === RUNS ? note : `failed: ${note}`
		});
	}

	// One PDF page against the briefing of every drawn event (the overview and a page each).
	{
		const pdf: ExportOptions = { format: 'pdf', paper: 'A4', orientation: 'landscape', dpi: 150 };
		await exportOnce(page, pdf); // warm-up: loads jsPDF and the PDF fonts
		const single = [];
		const whole = [];
		for (let i = 0; i < 3; i++) {
			single.push((await exportOnce(page, pdf)).ms ?? Number.NaN);
			whole.push((await exportOnce(page, { ...pdf, briefing: true })).ms ?? Number.NaN);
		}
		const events = Number(
			(
				await (
					await openDialog(page)
				)
					.getByRole('button', { name: /^Export briefing PDF/ })
					.textContent()
			)?.match(/\((\d+) event/)?.[1] ?? Number.NaN
		);
		rows.push({
			name: `briefing PDF, all ${events} drawn events, A4 landscape 150 dpi`,
			medianMs: Math.round(median(whole)),
			baselineMs: Math.round(median(single)),
			runs: whole.map(Math.round),
			note: `baseline: one PDF snapshot of the same view; ${events + 1} maps, ${Math.round(median(whole) / (events + 1))} ms a map`
		});
	}

	// Largest first: the first that renders is the largest this machine can export.
	const candidates: Omit<ExportOptions, 'format'>[] = [
		{ paper: 'A3', orientation: 'landscape', dpi: 300 },
		{ paper: 'A3', orientation: 'landscape', dpi: 150 },
		{ paper: 'A4', orientation: 'landscape', dpi: 300 }
	];
	const gl = await page.evaluate(() => {
		const gl = document.createElement('canvas').getContext('webgl2');
		if (!gl) return 'no WebGL2';
		const text = `MAX_RENDERBUFFER_SIZE ${gl.getParameter(gl.MAX_RENDERBUFFER_SIZE)}, MAX_TEXTURE_SIZE ${gl.getParameter(gl.MAX_TEXTURE_SIZE)}`;
		gl.getExtension('WEBGL_lose_context')?.loseContext();
		return text;
	});
	for (const candidate of candidates) {
		const { ms, detail } = await exportOnce(page, { format: 'png', ...candidate });
		const name = `largest that renders: ${candidate.paper} ${candidate.orientation} ${candidate.dpi} dpi`;
		if (ms !== null) {
			rows.push({
				name,
				medianMs: Math.round(ms),
				runs: [Math.round(ms)],
				note: `${detail}; ${gl}`
			});
			break;
		}
		rows.push({ name: `${name}: refused`, medianMs: Number.NaN, runs: [], note: detail });
	}
	const dialog = page.getByRole('dialog', { name: 'Print / export the map' });
	if (await dialog.isVisible()) await page.keyboard.press('Escape');
	return rows;
}
