// PDF text: the embedded fonts' coverage (read from the npm TrueType files), stand-ins for what they
// lack, Arabic joining and visual order, and a real jsPDF document read back by pdf.js.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { jsPDF } from 'jspdf';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import { pdfTextWriter } from '../../src/lib/print/compose-pdf';
import { fontCoverage, type PdfFonts } from '../../src/lib/print/pdf-fonts';
import { pdfRuns, toPrintable, unprintableInPdf } from '../../src/lib/print/pdf-text';

const require = createRequire(import.meta.url);
const file = (path: string) => new Uint8Array(readFileSync(require.resolve(path)));
const bytes = {
	'sans-normal': file('@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf'),
	'sans-bold': file('@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf'),
	'naskh-normal': file(
		'@expo-google-fonts/noto-naskh-arabic/400Regular/NotoNaskhArabic_400Regular.ttf'
	),
	'naskh-bold': file('@expo-google-fonts/noto-naskh-arabic/700Bold/NotoNaskhArabic_700Bold.ttf')
};
const parser = (jsPDF.API as unknown as { TTFFont: Parameters<typeof fontCoverage>[0] }).TTFFont;
const covers = fontCoverage(parser, bytes);
const fonts: PdfFonts = {
	covers,
	base64: Object.fromEntries(
		Object.entries(bytes).map(([key, data]) => [key, Buffer.from(data).toString('base64')])
	) as PdfFonts['base64']
};
const shaper = new jsPDF();
const shape = (letters: string) => shaper.processArabic(letters);
const code = (char: string) => char.codePointAt(0)!;

/** Visual order back to logical for a line of one direction, joined forms back to letters. */
const logicalOfRtl = (visual: string) => [...visual].reverse().join('').normalize('NFKC');

describe('PDF font coverage', () => {
	it('is read from the files: Latin with diacritics in Noto Sans, Persian and Urdu in Naskh', () => {
		for (const char of 'Sarāvān Mīrjāveh Khāsh – “é” ° ×')
			expect(covers('sans', code(char))).toBe(true);
		expect(covers('sans', code('س'))).toBe(false);
		// Persian and Urdu letters and the joined forms the shaper produces (ﺳ initial sīn, ﮐ initial kāf).
		for (const char of 'سراوانکوئٹہگچپژیے،ﺳﮐ') expect(covers('naskh', code(char))).toBe(true);
		expect(covers('sans', code('≈'))).toBe(false);
		expect(covers('naskh', code('≈'))).toBe(false);
		expect(covers('sans', code('🚀'))).toBe(false);
	});

	it('gives stand-ins for what neither font has and names what is lost', () => {
		expect(toPrintable('Sarāvān ≈ 5 km, a → b, ≤ 3 🚀', covers)).toBe(
			'Sarāvān ~ 5 km, a -> b, <= 3 ?'
		);
		expect(unprintableInPdf('حمله به سراوان 🚀 ≈', covers)).toEqual(['🚀']);
		expect(unprintableInPdf('Sarāvān – “Koh-i-Sabz”, ایران، پاکستان', covers)).toEqual([]);
	});
});

describe('pdfRuns', () => {
	it('joins Persian letters and puts a right-to-left line in visual order', () => {
		const text = 'سراوان، سیستان و بلوچستان';
		const { runs, rtl } = pdfRuns(text, covers, shape);
		expect(rtl).toBe(true);
		expect(runs.map((r) => r.face)).toEqual(['naskh']);
		const visual = runs[0]!.text;
		expect(visual).not.toBe(text);
		expect(logicalOfRtl(visual)).toBe(text);
		// The line's first letter (sīn, joined to rē) is drawn last, in its initial form.
		expect(visual.at(-1)).toBe('\uFEB3');
	});

	it('joins Urdu letters (ٹ, ہ, ئ) the same way', () => {
		const text = 'کوئٹہ، گوادر، تربت';
		const { runs } = pdfRuns(text, covers, shape);
		expect(logicalOfRtl(runs.map((r) => r.text).join(''))).toBe(text);
	});

	it('keeps an English line left to right with the Persian name turned inside it', () => {
		const { runs, rtl } = pdfRuns('Panjgur (پنجگور) 2024', covers, shape);
		expect(rtl).toBe(false);
		expect(runs.map((r) => r.face)).toEqual(['sans', 'naskh', 'sans']);
		expect(runs[0]!.text).toBe('Panjgur (');
		expect(logicalOfRtl(runs[1]!.text)).toBe('پنجگور');
		expect(runs[2]!.text).toBe(') 2024');
	});

	it('mirrors brackets inside a right-to-left line', () => {
		const { runs } = pdfRuns('سراوان (ایران)', covers, shape);
		const visual = runs.map((r) => r.text).join('');
		// Read right to left, "(ایران)" comes first on the left: its closing bracket, turned.
		expect(visual.replace(/[^()]/g, '')).toBe('()');
		expect(visual.startsWith('(')).toBe(true);
		expect(logicalOfRtl(visual).replace(/[()]/g, (b) => (b === '(' ? ')' : '('))).toBe(
			'سراوان (ایران)'
		);
	});
});

async function textOf(pdf: ArrayBuffer): Promise<string> {
	const doc = await getDocument({ data: new Uint8Array(pdf) }).promise;
	const page = await doc.getPage(1);
	const content = await page.getTextContent();
	return content.items.map((item) => ('str' in item ? item.str : '')).join(' ');
}

describe('a PDF written with the embedded fonts', () => {
	it('embeds every font it uses and gives the Persian text back', async () => {
		const doc = new jsPDF({ unit: 'mm', format: 'a5', putOnlyUsedFonts: true, compress: true });
		const writer = pdfTextWriter(doc, fonts, shape);
		const line = (text: string, y: number, bold = false) =>
			writer.write({
				kind: 'text',
				text,
				x: 10,
				y,
				sizePt: 12,
				bold,
				colour: '#000000',
				align: 'left',
				angleDeg: 0
			});
		line('Strikes near Sarāvān, 18 January 2024', 20, true);
		line('سراوان، سیستان و بلوچستان', 30);
		line('پنجگور، بلوچستان', 40, true);
		const pdf = doc.output('arraybuffer');
		const raw = Buffer.from(pdf).toString('latin1');
		// Three faces used (sans bold, Naskh regular and bold), each a CID TrueType font with its
		// file embedded; no standard 14 font, which a viewer would have to stand in for.
		expect(raw.match(/\/Subtype \/Type0/g)?.length).toBe(3);
		expect(raw.match(/\/FontFile2 \d+ 0 R/g)?.length).toBe(3);
		expect(raw).not.toMatch(/\/BaseFont \/(Helvetica|Times|Courier)/);
		const text = (await textOf(pdf)).normalize('NFKC');
		expect(text).toContain('Sarāvān');
		// pdf.js reads the drawn (visual, joined) glyphs back in reading order.
		expect(text).toContain('سراوان، سیستان و بلوچستان');
		expect(text).toContain('پنجگور، بلوچستان');
		expect(writer.measure('سراوان', 12, false)).toBeGreaterThan(5);
	});
});
