// Imported data and links that used to corrupt, crash or freeze the app: colliding file names,
// huge names, exports with every layer off, long titles, spoofed text direction, dead selections.
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import Papa from 'papaparse';
import { clickImported, expect, iso, openMap, test } from './fixtures';

const dataPanel = (page: Page) => page.getByRole('region', { name: 'Your data' });
const fileInput = (page: Page) => page.getByLabel('Import a GeoJSON, CSV, KML or FlatGeobuf file');
const details = (page: Page) => page.locator('section.inspector');

// Open ground, away from every event, town and crossing, so a click finds the imported point.
const IRAN_A: [number, number] = [59.6, 27.5];
const IRAN_B: [number, number] = [60.2, 28.6];
const PAKISTAN_A: [number, number] = [64.6, 27.9];
const PAKISTAN_B: [number, number] = [63.6, 26.5];

async function importCsv(page: Page, name: string, body: string | Buffer) {
	await fileInput(page).setInputFiles({
		name,
		mimeType: 'text/csv',
		buffer: typeof body === 'string' ? Buffer.from(body) : body
	});
}

/** The downloaded analysis CSV, as records keyed by column name. */
async function downloadCsv(page: Page): Promise<Record<string, string>[]> {
	const [download] = await Promise.all([
		page.waitForEvent('download'),
		dataPanel(page).getByRole('button', { name: 'Download CSV' }).click()
	]);
	const text = readFileSync(await download.path(), 'utf8');
	expect(text.charCodeAt(0), 'a UTF-8 byte-order mark first, for Excel').toBe(0xfeff);
	return Papa.parse<Record<string, string>>(text.slice(1).trimEnd(), {
		header: true,
		newline: '\r\n'
	}).data;
}

const row = (page: Page, sel: string) => new URL(page.url()).searchParams.get(sel);

test('files whose names collide keep their own points, through selection and export', async ({
	page
}) => {
	await openMap(page);
	const status = dataPanel(page).getByRole('status');
	// Each pair slugs to the same id prefix: before, the second file's points took the first's ids.
	const files = [
		{ file: 'Sites.csv', name: 'Alpha', at: IRAN_A, side: 'Iran' },
		{ file: 'sites.csv', name: 'Bravo', at: PAKISTAN_A, side: 'Pakistan' },
		{ file: 'سراوان.csv', name: 'Charlie', at: IRAN_B, side: 'Iran' },
		{ file: 'پنجگور.csv', name: 'Delta', at: PAKISTAN_B, side: 'Pakistan' }
	];
	for (const { file, name, at } of files) {
		await importCsv(page, file, `name,lat,lon\n${name},${at[1]},${at[0]}\n`);
		await expect(status).toHaveText(`Imported 1 point from ${iso(file)}.`);
	}
	await expect(page.getByRole('status').filter({ hasText: /Computed in/ })).toBeVisible();

	const check = async (kept: typeof files) => {
		const rows = (await downloadCsv(page)).filter((r) => r['kind'] === 'imported');
		expect(rows.map((r) => r['name']).sort()).toEqual(kept.map((f) => f.name).sort());
		expect(new Set(rows.map((r) => r['id'])).size).toBe(rows.length);
		for (const { name, at, side } of kept) {
			const r = rows.find((x) => x['name'] === name)!;
			expect([Number(r['longitude_deg']), Number(r['latitude_deg']), r['side']], name).toEqual([
				...at,
				side
			]);
		}
	};
	await check(files);

	// Clicking each point selects that point, named with its own file and row.
	for (const { file, name, at } of files) {
		await clickImported(page, at);
		await expect(details(page).getByRole('heading', { level: 2 })).toHaveText(name);
		await expect(details(page).getByText(`${file}, row 2`, { exact: true })).toBeVisible();
	}

	// Removing a file leaves the others' points exactly as they were.
	await dataPanel(page).getByRole('button', { name: 'Remove Sites.csv', exact: true }).click();
	await expect(status).toHaveText(`Removed ${iso('Sites.csv')}.`);
	await check(files.slice(1));
});

test('a very long name is labelled and shown by its start, and exported whole', async ({
	page
}) => {
	await openMap(page, `/?view=${IRAN_A[0]},${IRAN_A[1]},8`);
	const name = 'N'.repeat(20_000);
	const value = 'v'.repeat(200_000);
	await importCsv(
		page,
		'long.csv',
		`name,note,lat,lon\n${name},${value},${IRAN_A[1]},${IRAN_A[0]}\n`
	);
	await expect(dataPanel(page).getByRole('status')).toContainText('Imported 1 point');
	// At zoom 8 the label is drawn: MapLibre threw on every frame for names over 16,384 characters.
	await expect(page.locator('[data-map-state]')).toHaveAttribute('data-map-state', 'idle');
	for (let i = 0; i < 5; i++) await page.evaluate(() => window.borderline!.map.redraw());
	await clickImported(page, IRAN_A);
	const heading = details(page).getByRole('heading', { level: 2 });
	await expect(heading).toHaveText(`${'N'.repeat(200)}… (19,800 more characters)`);
	await expect(
		details(page).getByText(`${'v'.repeat(500)}… (199,500 more characters)`)
	).toBeVisible();
	const box = (await details(page).boundingBox())!;
	expect(box.height, 'the details panel stays a readable size').toBeLessThan(3000);
	await expect(page.getByRole('status').filter({ hasText: /Computed in/ })).toBeVisible();
	const rows = (await downloadCsv(page)).filter((r) => r['kind'] === 'imported');
	expect(rows[0]!['name']).toBe(name);
});

test('a selection of an imported point is cleared when its file is removed', async ({ page }) => {
	await openMap(page);
	await importCsv(page, 'sites.csv', `name,lat,lon\nAlpha,${IRAN_A[1]},${IRAN_A[0]}\n`);
	await expect(dataPanel(page).getByRole('status')).toContainText('Imported 1 point');
	await clickImported(page, IRAN_A);
	await expect(details(page).getByRole('heading', { name: 'Alpha' })).toBeVisible();
	await expect.poll(() => row(page, 'sel')).toMatch(/^imported:/);
	await dataPanel(page).getByRole('button', { name: 'Remove sites.csv', exact: true }).click();
	await expect.poll(() => row(page, 'sel')).toBeNull();
	await expect(details(page).getByRole('heading', { name: 'Details' })).toBeVisible();
	// An edited file of the same name does not inherit the old selection either.
	await importCsv(page, 'sites.csv', `name,lat,lon\nOther,${IRAN_A[1]},${IRAN_A[0]}\n`);
	await expect(dataPanel(page).getByRole('status')).toContainText('Imported 1 point');
	await expect(details(page).getByRole('heading', { name: 'Details' })).toBeVisible();
	// A link to an imported point that is not there names what it looked for.
	await openMap(page, '/?sel=imported:f1-sites-csv-2');
	await expect(page.getByRole('status').filter({ hasText: /Ignored/ })).toContainText(
		`Ignored the link's selection “${iso('f1-sites-csv-2')}”: no such imported point.`
	);
});

test("user text cannot reverse the app's sentences (U+202E)", async ({ page }) => {
	await openMap(page, '/?loc=%E2%80%AEestimate');
	const notice = page
		.getByRole('status')
		.filter({ hasText: /Ignored/ })
		.getByRole('listitem');
	expect(await notice.textContent()).toBe(
		"Ignored the link's location mode “\u2068\u202Eestimate\u2069”: expected mapped or estimate."
	);
	// On screen the value comes before the words after it: unisolated, U+202E reversed the rest
	// of the sentence, putting "expected mapped or estimate" before the value.
	const order = await notice.evaluate((li) => {
		li.style.whiteSpace = 'nowrap';
		const range = document.createRange();
		const text = li.firstChild!;
		const at = (word: string) => {
			const i = text.textContent!.indexOf(word);
			range.setStart(text, i);
			range.setEnd(text, i + word.length);
			return range.getBoundingClientRect().left;
		};
		return { mode: at('mode'), value: at('estimate'), expected: at('expected') };
	});
	expect(order.mode).toBeLessThan(order.value);
	expect(order.value).toBeLessThan(order.expected);

	const spoofed = '\u202Evsc.stnemtsujda.csv';
	await importCsv(page, spoofed, `name,lat,lon\n\u202EAlpha,${IRAN_A[1]},${IRAN_A[0]}\n`);
	await expect(dataPanel(page).getByRole('status')).toHaveText(
		`Imported 1 point from ${iso(spoofed)}.`
	);
	await expect(dataPanel(page).locator('.files bdi')).toHaveText(spoofed);
});

test('a Windows-1252 file is read as such, with a warning', async ({ page }) => {
	await openMap(page);
	const body = Buffer.concat([
		Buffer.from('name,lat,lon\ncaf'),
		Buffer.from([0xe9]),
		Buffer.from(`,${IRAN_A[1]},${IRAN_A[0]}\n`)
	]);
	await importCsv(page, 'cp1252.csv', body);
	await expect(dataPanel(page).getByRole('status')).toContainText(
		'The file is not valid UTF-8; it was read as Windows-1252'
	);
	await clickImported(page, IRAN_A);
	await expect(details(page).getByRole('heading', { name: 'café' })).toBeVisible();
});

test('export finishes with every toggle layer off', async ({ page }) => {
	await openMap(page, '/?hide=towns,crossings,events');
	await page.getByRole('button', { name: 'Print / export' }).click();
	const dialog = page.getByRole('dialog', { name: 'Print / export the map' });
	await dialog.getByRole('combobox', { name: 'Paper' }).selectOption('A4');
	await dialog.getByRole('combobox', { name: 'Resolution' }).selectOption('96 dpi');
	for (const format of ['PNG', 'PDF'] as const) {
		if (format === 'PDF') await dialog.getByLabel('PDF document').check();
		const download = page.waitForEvent('download', { timeout: 60_000 });
		await dialog.getByRole('button', { name: `Export ${format}` }).click();
		const file = await download;
		await expect(dialog.getByRole('status')).toContainText(`Saved ${file.suggestedFilename()}`);
	}
});

test('the export title is capped, and a PDF title the font cannot print is warned of', async ({
	page
}) => {
	await openMap(page);
	await page.getByRole('button', { name: 'Print / export' }).click();
	const dialog = page.getByRole('dialog', { name: 'Print / export the map' });
	const title = dialog.getByRole('textbox', { name: 'Title' });
	await title.fill('T'.repeat(30_000));
	expect((await title.inputValue()).length).toBe(300);
	await title.fill('حمله به سراوان 🚀');
	const warning = dialog.getByText(/The PDF's fonts cannot print/);
	await expect(warning).toHaveCount(0);
	await dialog.getByLabel('PDF document').check();
	// Persian prints in the embedded Noto Naskh Arabic; only the emoji is lost.
	await expect(warning).toContainText('one character');
	await expect(warning).toContainText('🚀');
	await expect(title).toHaveAccessibleDescription(/would print as “\?”/);
	await title.fill('Sarāvān – “Koh-i-Sabz”');
	await expect(warning).toHaveCount(0);
});
