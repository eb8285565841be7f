// Print-ready snapshots: PNG and PDF exports at a paper size and dpi, their limits, and the
// browser's own print. Files are decoded in Node (pngjs, pdf.js) and checked pixel by pixel.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Download, Page } from '@playwright/test';
import geographiclib from 'geographiclib-geodesic';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { PNG } from 'pngjs';
import { palette } from '../../src/lib/map/palette';
import { type Rect } from '../../src/lib/print/layout';
import { ALL_ELEMENTS, planSnapshot, type SnapshotRequest } from '../../src/lib/print/plan';
import { readPngDpi, readPngText } from '../../src/lib/print/png-meta';
import { clickImported, expect, openMap, projectToPage, test } from './fixtures';

const PANJGUR: [number, number] = [64.09459, 26.97186];
/** The default pack's actor colours, as its scenario.json gives them. */
const actorColour: Record<string, string> = Object.fromEntries(
	(
		JSON.parse(readFileSync('geodata/scenarios/iran-pakistan-2024/scenario.json', 'utf8')) as {
			actors: { id: string; colour: string }[];
		}
	).actors.map((a) => [a.id, a.colour])
);
const SARAVAN: [number, number] = [62.33096, 27.37089];
const standardFontDataUrl =
	join(
		dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json')),
		'standard_fonts'
	) + '/';

async function selectPanjgur(page: Page) {
	const p = await projectToPage(page, PANJGUR);
	await page.mouse.click(p.x, p.y);
	await expect(
		page.getByRole('region', { name: /Iranian missile and drone strike near Panjgur/ })
	).toBeVisible();
}

async function openDialog(page: Page) {
	await page.getByRole('button', { name: 'Print / export' }).click();
	const dialog = page.getByRole('dialog', { name: 'Print / export the map' });
	await expect(dialog).toBeVisible();
	return dialog;
}

async function exportFile(page: Page, button: RegExp): Promise<Download> {
	const dialog = page.getByRole('dialog', { name: 'Print / export the map' });
	const download = page.waitForEvent('download', { timeout: 60_000 });
	await dialog.getByRole('button', { name: button }).click();
	const file = await download;
	await expect(dialog.getByRole('status')).toContainText(`Saved ${file.suggestedFilename()}`);
	return file;
}

function hex(png: PNG, x: number, y: number): string {
	const i = (png.width * y + x) * 4;
	return '#' + [0, 1, 2].map((c) => png.data[i + c]!.toString(16).padStart(2, '0')).join('');
}

/** Colour counts and luminance variance of a rectangle (mm) of a page rendered at `dpi`. */
function region(png: PNG, rectMm: Rect, dpi: number) {
	const s = dpi / 25.4;
	const x0 = Math.round(rectMm.x * s);
	const y0 = Math.round(rectMm.y * s);
	const x1 = Math.round((rectMm.x + rectMm.w) * s);
	const y1 = Math.round((rectMm.y + rectMm.h) * s);
	const counts = new Map<string, number>();
	const sums = new Map<string, [number, number]>();
	let sum = 0;
	let sumSq = 0;
	for (let y = y0 + 2; y < y1 - 2; y++)
		for (let x = x0 + 2; x < x1 - 2; x++) {
			const colour = hex(png, x, y);
			counts.set(colour, (counts.get(colour) ?? 0) + 1);
			const [sx, sy] = sums.get(colour) ?? [0, 0];
			sums.set(colour, [sx + x, sy + y]);
			const i = (png.width * y + x) * 4;
			const lum = 0.299 * png.data[i]! + 0.587 * png.data[i + 1]! + 0.114 * png.data[i + 2]!;
			sum += lum;
			sumSq += lum * lum;
		}
	const n = (x1 - x0 - 4) * (y1 - y0 - 4);
	/** Mean position (px) of the pixels of exactly this colour. */
	const centroid = (colour: string): [number, number] => {
		const [sx, sy] = sums.get(colour)!;
		const k = counts.get(colour)!;
		return [sx / k, sy / k];
	};
	return { counts, centroid, variance: sumSq / n - (sum / n) ** 2 };
}

const liveView = (page: Page) =>
	page.evaluate(() => {
		const map = window.borderline!.map as unknown as {
			getCenter(): { lng: number; lat: number };
			getZoom(): number;
			getCanvas(): HTMLCanvasElement;
		};
		const c = map.getCenter();
		return { lng: c.lng, lat: c.lat, zoom: map.getZoom(), width: map.getCanvas().width };
	});

async function pdfText(bytes: Uint8Array) {
	const pdf = await getDocument({ data: bytes, standardFontDataUrl }).promise;
	const pages = [];
	for (let i = 1; i <= pdf.numPages; i++) {
		const p = await pdf.getPage(i);
		const content = await p.getTextContent();
		const text = content.items.map((item) => ('str' in item ? item.str : '')).join(' ');
		pages.push({ view: p.view, text: text.replace(/\s+/g, ' ') });
	}
	return pages;
}

test('exports a PNG at A4 landscape 150 dpi: exact size, map and legend in the style colours', async ({
	page
}, testInfo) => {
	await openMap(page);
	await selectPanjgur(page);
	const before = await liveView(page);
	const dialog = await openDialog(page);
	await expect(dialog.getByRole('textbox', { name: 'Title' })).toHaveValue(
		'Iran–Pakistan strikes, January 2024 — Iranian missile and drone strike near Panjgur'
	);
	await dialog.getByRole('radio', { name: 'PNG image' }).check();
	await dialog.getByRole('combobox', { name: 'Paper' }).selectOption('A4');
	await dialog.getByRole('radio', { name: 'Landscape' }).check();
	await dialog.getByRole('combobox', { name: 'Resolution' }).selectOption('150 dpi');
	await expect(dialog.getByText('page 1,754 × 1,240 px')).toBeVisible();

	const file = await exportFile(page, /Export PNG/);
	expect(file.suggestedFilename()).toBe(
		'borderline_iran-pakistan-2024_panjgur-2024-01-16_a4-landscape_150dpi.png'
	);
	const path = testInfo.outputPath(file.suggestedFilename());
	await file.saveAs(path);
	const bytes = readFileSync(path);
	const png = PNG.sync.read(bytes);
	expect([png.width, png.height]).toEqual([1754, 1240]);
	expect(readPngDpi(bytes)).toBe(150);

	// The same plan the app used tells where the map and the legend column are.
	const request: SnapshotRequest = {
		format: 'png',
		paper: 'a4',
		orientation: 'landscape',
		dpi: 150,
		title: 'x',
		elements: ALL_ELEMENTS,
		screenPx: { widthPx: 0, heightPx: 0 }
	};
	const { frame } = planSnapshot(request, true);
	const map = region(png, frame.map, 150);
	expect(map.variance, 'map area is not blank').toBeGreaterThan(100);
	for (const colour of [palette.sideInvolved[1], palette.borderPrimary, palette.sea])
		expect(map.counts.get(colour) ?? 0, `map has ${colour}`).toBeGreaterThan(200);
	const legend = region(png, frame.columns[0]!, 150);
	for (const colour of [
		palette.sideLand[0],
		palette.sideLand[1],
		palette.sideInvolved[0],
		palette.province,
		palette.borderPrimary,
		palette.crossing,
		actorColour.iran!,
		actorColour.pakistan!
	])
		expect(legend.counts.get(colour) ?? 0, `legend has ${colour}`).toBeGreaterThan(40);
	// The legend column is furniture on white, not a second map.
	expect(legend.counts.get(palette.sea) ?? 0).toBe(0);

	// The printed scale is the map's: the Saravan (Pakistan) and Panjgur (Iran) markers are as far
	// apart on paper as the WGS84 geodesic between the two events, at the scale the file states.
	const text = readPngText(bytes);
	expect(text['Title']).toBe(
		'Iran–Pakistan strikes, January 2024 — Iranian missile and drone strike near Panjgur'
	);
	expect(text['Copyright']).toContain('GeoNames');
	const denominator = Number(text['Description']!.match(/scale 1:([\d,]+)/)![1]!.replace(/,/g, ''));
	const [ax, ay] = map.centroid(actorColour.pakistan!);
	const [bx, by] = map.centroid(actorColour.iran!);
	const paperMm = (Math.hypot(bx - ax, by - ay) / 150) * 25.4;
	const geodesicM = geographiclib.Geodesic.WGS84.Inverse(
		SARAVAN[1],
		SARAVAN[0],
		PANJGUR[1],
		PANJGUR[0]
	).s12!;
	// 1.5 %: the map's scale varies with latitude (0.3 % between the centre and these points),
	// Web Mercator's sphere is not the ellipsoid (up to 0.5 %), and 1 px of marker position.
	expect(Math.abs((paperMm / 1000) * denominator - geodesicM) / geodesicM).toBeLessThan(0.015);

	// The live map was not moved or resized, and no off-screen map is left behind.
	expect(await liveView(page)).toEqual(before);
	await expect(page.locator('[data-print-map]')).toHaveCount(0);
	// Escape closes the dialog and nothing else: the selection stays.
	await page.keyboard.press('Escape');
	await expect(dialog).toBeHidden();
	await expect(
		page.getByRole('region', { name: /Iranian missile and drone strike near Panjgur/ })
	).toBeVisible();
});

test('exports a one-page PDF of the paper size with searchable title and credits', async ({
	page
}, testInfo) => {
	// One day's events: their sources fit the page (more continue on further pages; see below).
	await openMap(page, '/?from=2024-01-16&to=2024-01-16');
	await selectPanjgur(page);
	const dialog = await openDialog(page);
	await dialog.getByRole('radio', { name: 'PDF document' }).check();
	await dialog.getByRole('combobox', { name: 'Paper' }).selectOption('A4');
	await dialog.getByRole('radio', { name: 'Landscape' }).check();
	await dialog.getByRole('combobox', { name: 'Resolution' }).selectOption('150 dpi');
	const file = await exportFile(page, /Export PDF/);
	expect(file.suggestedFilename()).toBe(
		'borderline_iran-pakistan-2024_panjgur-2024-01-16_a4-landscape_150dpi.pdf'
	);
	const path = testInfo.outputPath(file.suggestedFilename());
	await file.saveAs(path);
	const pages = await pdfText(new Uint8Array(readFileSync(path)));
	expect(pages).toHaveLength(1);
	// A4 landscape in PDF points (1 pt = 1/72 in): 841.89 × 595.28.
	const [x0, y0, x1, y1] = pages[0]!.view;
	expect(x1! - x0!).toBeCloseTo((297 / 25.4) * 72, 1);
	expect(y1! - y0!).toBeCloseTo((210 / 25.4) * 72, 1);
	const text = pages[0]!.text;
	expect(text).toContain(
		'Iran–Pakistan strikes, January 2024 — Iranian missile and drone strike near Panjgur'
	);
	expect(text).toContain('Natural Earth');
	expect(text).toContain('Towns © GeoNames, CC BY 4.0');
	expect(text).toContain('Iran–Pakistan border');
	// The pack's extra layer is in the legend and its dataset in the credits (ODbL asks it).
	expect(text).toContain('Iran–Pakistan border, OpenStreetMap line');
	expect(text).toContain('© OpenStreetMap contributors (ODbL)');
	expect(text).toContain('Sources of the events shown');
	expect(text).toMatch(/Scale 1:[\d,]+ at 2\d\.\d° N/);
});

test('a size beyond the WebGL limit is refused before rendering, with the largest that works', async ({
	page
}) => {
	// Pretend this GPU's renderbuffers stop at 2,000 px, as on small mobile GPUs.
	await page.addInitScript(() => {
		for (const proto of [WebGLRenderingContext.prototype, WebGL2RenderingContext.prototype]) {
			const get = proto.getParameter;
			proto.getParameter = function (this: WebGLRenderingContext, name: number) {
				return name === this.MAX_RENDERBUFFER_SIZE ? 2000 : get.call(this, name);
			};
		}
	});
	await openMap(page);
	const dialog = await openDialog(page);
	await dialog.getByRole('combobox', { name: 'Paper' }).selectOption('A4');
	await dialog.getByRole('radio', { name: 'Landscape' }).check();
	await dialog.getByRole('combobox', { name: 'Resolution' }).selectOption('300 dpi');
	const alert = dialog.getByRole('alert');
	await expect(alert).toContainText('too large for this browser');
	await expect(alert).toContainText('WebGL renders at most 2,000 px per side');
	await expect(dialog.getByRole('button', { name: /Export PNG/ })).toBeDisabled();

	const offer = alert.getByRole('button', { name: /Use \d+ dpi, the largest that works/ });
	const dpi = Number((await offer.textContent())!.match(/Use (\d+) dpi/)![1]);
	expect(dpi).toBeGreaterThan(150);
	expect(dpi).toBeLessThan(300);
	await offer.click();
	await expect(alert).toHaveCount(0);
	await expect(dialog.getByRole('combobox', { name: 'Resolution' })).toHaveValue(String(dpi));
	const file = await exportFile(page, /Export PNG/);
	expect(file.suggestedFilename()).toBe(`borderline_iran-pakistan-2024_a4-landscape_${dpi}dpi.png`);
	const png = PNG.sync.read(readFileSync((await file.path())!));
	expect([png.width, png.height]).toEqual([
		Math.round((297 / 25.4) * dpi),
		Math.round((210 / 25.4) * dpi)
	]);
});

test('an export can be cancelled while it renders; the dialog is keyboard-accessible', async ({
	page
}) => {
	await openMap(page);
	let downloads = 0;
	page.on('download', () => downloads++);
	const dialog = await openDialog(page);
	await dialog.getByRole('combobox', { name: 'Paper' }).selectOption('A3');
	await dialog.getByRole('combobox', { name: 'Resolution' }).selectOption('300 dpi');
	await dialog.getByRole('button', { name: /Export PNG/ }).click();
	await expect(dialog.getByRole('status')).toContainText(/Rendering map… \d+%/);
	await dialog.getByRole('button', { name: 'Cancel export' }).click();
	await expect(dialog.getByRole('status')).toHaveText('Export cancelled.');
	await expect(page.locator('[data-print-map]')).toHaveCount(0);
	expect(downloads).toBe(0);

	// Escape closes the dialog and gives focus back to the button that opened it.
	await page.keyboard.press('Escape');
	await expect(dialog).toBeHidden();
	await expect(page.getByRole('button', { name: 'Print / export' })).toBeFocused();
});

test("the browser's print is one page with the map, legend and panels, without controls", async ({
	page
}) => {
	await openMap(page);
	await selectPanjgur(page);
	await page.emulateMedia({ media: 'print' });
	const printMap = page.getByRole('img', { name: /Map of the current view/ });
	await expect(printMap).toBeVisible();
	// The print shows a copy of the map taken as printing began: the map's colours, not a blank.
	const colours = await printMap.locator('canvas').evaluate((canvas: HTMLCanvasElement) => {
		const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
		const seen = new Set<number>();
		for (let i = 0; i < data.length; i += 4 * 97)
			seen.add((data[i]! << 16) | (data[i + 1]! << 8) | data[i + 2]!);
		return seen.size;
	});
	expect(colours).toBeGreaterThan(20);
	const pdf = await page.pdf({ format: 'A4', printBackground: true });
	const pages = await pdfText(new Uint8Array(pdf));
	expect(pages).toHaveLength(1);
	const text = pages[0]!.text;
	expect(text).toContain('Iran–Pakistan strikes, January 2024');
	expect(text).toContain('Iran–Pakistan border');
	expect(text).toContain('Iranian missile and drone strike near Panjgur');
	expect(text).not.toContain('Print / export');
	expect(text).not.toContain('Close details');
});

test('a snapshot cites and explains only what the map draws', async ({ page }, testInfo) => {
	const exportPdfText = async (path: string) => {
		await openMap(page, path);
		const dialog = await openDialog(page);
		await dialog.getByRole('radio', { name: 'PDF document' }).check();
		await dialog.getByRole('combobox', { name: 'Paper' }).selectOption('A4');
		await dialog.getByRole('combobox', { name: 'Resolution' }).selectOption('96 dpi');
		const file = await exportFile(page, /Export PDF/);
		const saved = testInfo.outputPath(file.suggestedFilename());
		await file.saveAs(saved);
		return (await pdfText(new Uint8Array(readFileSync(saved)))).map((p) => p.text).join(' ');
	};
	// One day in the window: only the Panjgur strike is drawn, so only it is cited.
	const oneDay = await exportPdfText('/?from=2024-01-16&to=2024-01-16');
	expect(oneDay).toContain('Sources of the events shown');
	expect(oneDay).toContain('Iranian missile and drone strike near Panjgur (2024-01-16)');
	expect(oneDay).not.toContain('Pakistani strikes around Saravan');
	expect(oneDay).not.toContain('Jaish al-Adl attack on Rask');
	// Nothing imported and nothing selected: neither has a legend entry.
	expect(oneDay).not.toContain('Imported point (your data)');
	expect(oneDay).not.toContain('Buffer around the selected event');
	// Events layer off: no event is drawn, so none is cited.
	const noEvents = await exportPdfText('/?hide=events');
	expect(noEvents).not.toContain('Sources of the events shown');
});

test('the default title names a selected imported point', async ({ page }) => {
	await openMap(page);
	await page.getByLabel('Import a GeoJSON, CSV, KML or FlatGeobuf file').setInputFiles({
		name: 'camps.csv',
		mimeType: 'text/csv',
		buffer: Buffer.from('name,lat,lon\nCamp Alpha,27.5,59.6\n')
	});
	await expect(page.getByRole('region', { name: 'Your data' }).getByRole('status')).toContainText(
		'Imported 1 point'
	);
	await clickImported(page, [59.6, 27.5]);
	await expect(page.getByRole('heading', { name: 'Camp Alpha' })).toBeVisible();
	const dialog = await openDialog(page);
	await expect(dialog.getByRole('textbox', { name: 'Title' })).toHaveValue(
		'Iran–Pakistan strikes, January 2024 — Camp Alpha'
	);
});

/** Fonts a PDF's bytes declare: every one must carry its file (no viewer stand-ins). */
function pdfFonts(bytes: Buffer) {
	const raw = bytes.toString('latin1');
	return {
		fonts: raw.match(/\/Type \/Font\b/g)?.length ?? 0,
		composite: raw.match(/\/Subtype \/Type0/g)?.length ?? 0,
		embedded: raw.match(/\/FontFile2 \d+ 0 R/g)?.length ?? 0,
		standard: /\/BaseFont \/(Helvetica|Times|Courier|Symbol|ZapfDingbats)/.test(raw)
	};
}

test('in Persian, the PDF snapshot and the briefing embed their fonts and carry Persian text', async ({
	page
}, testInfo) => {
	await openMap(page, '/?lang=fa');
	const dialog = await openDialog(page);
	await dialog.getByRole('radio', { name: 'PDF document' }).check();
	await dialog.getByRole('combobox', { name: 'Resolution' }).selectOption('96 dpi');
	const snapshot = await exportFile(page, /^Export PDF$/);
	const snapshotPath = testInfo.outputPath(snapshot.suggestedFilename());
	await snapshot.saveAs(snapshotPath);
	const snapshotBytes = readFileSync(snapshotPath);
	const [overviewPage] = await pdfText(new Uint8Array(snapshotBytes));
	// The legend names the border's sides in the chosen language (CLDR's Persian names).
	expect(overviewPage!.text.normalize('NFKC')).toContain('ایران');
	expect(overviewPage!.text.normalize('NFKC')).toContain('پاکستان');
	const fonts = pdfFonts(snapshotBytes);
	expect(fonts.standard).toBe(false);
	expect(fonts.composite).toBeGreaterThanOrEqual(2);
	expect(fonts.embedded).toBe(fonts.composite);

	// The briefing: the overview, then a page (or more) per drawn event.
	const briefingButton = dialog.getByRole('button', { name: /Export briefing PDF \(\d+ events\)/ });
	const count = Number((await briefingButton.textContent())!.match(/\((\d+) events\)/)![1]);
	expect(count).toBeGreaterThan(3);
	const briefing = await exportFile(page, /Export briefing PDF/);
	expect(briefing.suggestedFilename()).toBe(
		'borderline_iran-pakistan-2024_briefing_a4-landscape_96dpi.pdf'
	);
	const briefingPath = testInfo.outputPath(briefing.suggestedFilename());
	await briefing.saveAs(briefingPath);
	const bytes = readFileSync(briefingPath);
	const pages = await pdfText(new Uint8Array(bytes));
	expect(pages.length).toBeGreaterThanOrEqual(count + 1);
	const all = pages.map((p) => p.text.normalize('NFKC')).join('\n');
	expect(all).toContain('ایران');
	// Each event's page: its title, facts, claims, distances and sources.
	const eventPages = pages.filter((p) => p.text.includes('Facts'));
	expect(eventPages).toHaveLength(count);
	// An event's page, and the pages its claims and sources continue on (headed with its title).
	const saravan = pages
		.filter((p) => p.text.includes('Pakistani strikes around Saravan (Operation'))
		.map((p) => p.text)
		.join('\n');
	expect(saravan).toContain('Casualty claims');
	expect(saravan).toMatch(/Distance to the border: [\d.,]+ km \(range [\d.,]+ km–[\d.,]+ km/);
	expect(saravan).toContain('Nearest border crossing: ');
	expect(saravan).toContain('https://');
	const briefingFonts = pdfFonts(bytes);
	expect(briefingFonts.standard).toBe(false);
	expect(briefingFonts.embedded).toBe(briefingFonts.composite);
});

test('country and province labels are placed on the printed map at every resolution', async ({
	page
}) => {
	await openMap(page, '/?lang=fa');
	const dialog = await openDialog(page);
	await dialog.getByRole('combobox', { name: 'Paper' }).selectOption('A4');
	await dialog.getByRole('radio', { name: 'Landscape' }).check();
	for (const dpi of [96, 150, 300]) {
		await dialog.getByRole('combobox', { name: 'Resolution' }).selectOption(`${dpi} dpi`);
		await exportFile(page, /^Export PNG$/);
		const placed = await page.evaluate(() => window.borderline!.printLabels!);
		expect(placed.pixelRatio).toBeCloseTo(dpi / 96, 5);
		const names = (layer: string) =>
			placed.labels.filter((l) => l.layer === layer).map((l) => l.label);
		// The border's countries and involved provinces, in Persian (CLDR, Natural Earth).
		expect(names('countries-label'), `${dpi} dpi`).toEqual(
			expect.arrayContaining(['ایران', 'پاکستان', 'افغانستان'])
		);
		expect(names('provinces-label-involved'), `${dpi} dpi`).toHaveLength(2);
	}
});
