// Text for the PDF's embedded fonts: Noto Sans for Latin, Greek and Cyrillic, Noto Naskh Arabic for
// Persian and Urdu. A PDF places glyphs, it does not shape or order text, so this module does what
// a text engine would: Arabic letters take their joined forms, right-to-left runs are put in visual
// order (the Unicode bidirectional algorithm, bidi-js), and the line is cut into runs of one face.
// Characters neither font has get an ASCII stand-in (≈ → ~) or "?", never a blank box.
import bidiFactory from 'bidi-js';

/** The two embedded faces. */
export type PdfFace = 'sans' | 'naskh';

/** Whether a face has a glyph for a code point (from the font's own cmap). */
export type Coverage = (face: PdfFace, codePoint: number) => boolean;

/** One piece of a line, in visual order (left to right), drawn in one face. */
export type PdfRun = { text: string; face: PdfFace };

/** Joined (presentation) forms for a run of Arabic letters, e.g. jsPDF's `processArabic`. */
export type ArabicShaper = (letters: string) => string;

/** Stand-ins for symbols the fonts lack; anything else loses its accents or becomes "?". */
const REPLACEMENTS: Record<string, string> = {
	'≈': '~',
	'≤': '<=',
	'≥': '>=',
	'→': '->',
	'←': '<-',
	'±': '+/-',
	'′': "'",
	'″': '"'
};

/** Letters of the Arabic script (incl. Persian and Urdu letters, harakat, tatweel) to be joined. */
const ARABIC_LETTERS =
	/[\u0621-\u063A\u0640-\u065F\u0670-\u06D3\u06D5\u06EE\u06EF\u06FA-\u06FC\u06FF\u0750-\u077F]+/g;

/** Characters of the Arabic blocks, joined forms included: drawn in the Naskh face. */
export function isArabicScript(codePoint: number): boolean {
	return (
		(codePoint >= 0x0600 && codePoint <= 0x06ff) ||
		(codePoint >= 0x0750 && codePoint <= 0x077f) ||
		(codePoint >= 0x08a0 && codePoint <= 0x08ff) ||
		(codePoint >= 0xfb50 && codePoint <= 0xfdff) ||
		(codePoint >= 0xfe70 && codePoint <= 0xfeff)
	);
}

/** The face that draws a character, or null when neither has it. */
function faceOf(char: string, covers: Coverage): PdfFace | null {
	const code = char.codePointAt(0)!;
	const order: PdfFace[] = isArabicScript(code) ? ['naskh', 'sans'] : ['sans', 'naskh'];
	return order.find((face) => covers(face, code)) ?? null;
}

const printable = (text: string, covers: Coverage) =>
	[...text].every((char) => faceOf(char, covers) !== null);

/** One character as the fonts can print it: itself, a stand-in, the letter without accents, or null. */
function printableChar(char: string, covers: Coverage): string | null {
	if (faceOf(char, covers)) return char;
	const stand = REPLACEMENTS[char];
	if (stand !== undefined && printable(stand, covers)) return stand;
	if (/\s/u.test(char)) return ' ';
	const base = char.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
	return base && base !== char && printable(base, covers) ? base : null;
}

/** The text with each character the fonts lack replaced by its stand-in or "?". */
export function toPrintable(text: string, covers: Coverage): string {
	let out = '';
	for (const char of text.normalize('NFC')) out += printableChar(char, covers) ?? '?';
	return out;
}

/**
 * The distinct characters of a text that the PDF can only print as "?" (emoji, scripts the fonts
 * lack), in order of appearance: the export dialog warns before they are lost.
 */
export function unprintableInPdf(text: string, covers: Coverage): string[] {
	const found = new Set<string>();
	for (const char of text.normalize('NFC'))
		if (printableChar(char, covers) === null) found.add(char);
	return [...found];
}

let bidi: ReturnType<typeof bidiFactory> | undefined;

/** The text in visual order, mirrored characters (brackets) turned for right-to-left runs. */
function visualOrder(text: string): { visual: string; rtl: boolean } {
	bidi ??= bidiFactory();
	const levels = bidi.getEmbeddingLevels(text);
	const chars = text.split(''); // bidi-js indexes UTF-16 code units
	for (const [i, mirrored] of bidi.getMirroredCharactersMap(text, levels.levels))
		chars[i] = mirrored;
	for (const segment of bidi.getReorderSegments(text, levels)) {
		const [start, end] = segment as [number, number]; // inclusive
		chars.splice(start, end - start + 1, ...chars.slice(start, end + 1).reverse());
	}
	return { visual: chars.join(''), rtl: (levels.paragraphs[0]?.level ?? 0) % 2 === 1 };
}

/**
 * A line of text as the PDF draws it: printable characters only, Arabic letters joined, the line
 * in visual order and cut into runs of one face. `rtl` says the line's own direction is
 * right-to-left (it starts with a Persian or Urdu word).
 */
export function pdfRuns(
	text: string,
	covers: Coverage,
	shapeArabic: ArabicShaper
): { runs: PdfRun[]; rtl: boolean } {
	const shaped = toPrintable(text, covers).replace(ARABIC_LETTERS, (letters) =>
		shapeArabic(letters)
	);
	const { visual, rtl } = visualOrder(shaped);
	const runs: PdfRun[] = [];
	for (const char of visual) {
		// A space stays in the run it follows: both faces have one.
		const last = runs.at(-1);
		const face = char === ' ' && last ? last.face : (faceOf(char, covers) ?? 'sans');
		if (last?.face === face) last.text += char;
		else runs.push({ text: char, face });
	}
	return { runs, rtl };
}
