// The fonts a PDF embeds (subset to the glyphs it uses): Noto Sans and Noto Naskh Arabic, regular
// and bold, TrueType files from npm (@expo-google-fonts, OFL) served from our own origin and
// fetched only when a PDF is made.
import type { jsPDF as JsPdf } from 'jspdf';
import sansBold from '@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf?url';
import sansRegular from '@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf?url';
import naskhBold from '@expo-google-fonts/noto-naskh-arabic/700Bold/NotoNaskhArabic_700Bold.ttf?url';
import naskhRegular from '@expo-google-fonts/noto-naskh-arabic/400Regular/NotoNaskhArabic_400Regular.ttf?url';
import type { Coverage, PdfFace } from './pdf-text';

export type PdfFontStyle = 'normal' | 'bold';
type FontKey = `${PdfFace}-${PdfFontStyle}`;

const FILES: Record<FontKey, string> = {
	'sans-normal': sansRegular,
	'sans-bold': sansBold,
	'naskh-normal': naskhRegular,
	'naskh-bold': naskhBold
};

/** The family names the PDF's font dictionaries carry. */
export const PDF_FAMILY: Record<PdfFace, string> = {
	sans: 'NotoSans',
	naskh: 'NotoNaskhArabic'
};

/** The credit a PDF carries for the fonts it embeds. */
export const PDF_FONT_CREDIT = 'Text in Noto Sans and Noto Naskh Arabic (SIL Open Font License)';

/** A TrueType file's character map, as jsPDF's own parser reads it. */
type TtfParser = {
	open(bytes: Uint8Array): { cmap: { unicode?: { codeMap: Record<number, number> } } };
};

/** The font files, read: their bytes (base64, as jsPDF takes them) and what they cover. */
export type PdfFonts = { base64: Record<FontKey, string>; covers: Coverage };

/**
 * What the faces cover, from each file's own character map: a character counts when both the
 * regular and the bold file have a glyph for it (jsPDF writes only the Basic Multilingual Plane).
 */
export function fontCoverage(parser: TtfParser, bytes: Record<FontKey, Uint8Array>): Coverage {
	const codeMap = (key: FontKey) => parser.open(bytes[key]).cmap.unicode?.codeMap ?? {};
	const maps = {
		sans: [codeMap('sans-normal'), codeMap('sans-bold')],
		naskh: [codeMap('naskh-normal'), codeMap('naskh-bold')]
	};
	return (face, codePoint) =>
		codePoint <= 0xffff && maps[face].every((map) => (map[codePoint] ?? 0) > 0);
}

function toBase64(bytes: Uint8Array): string {
	let binary = '';
	for (let i = 0; i < bytes.length; i += 0x8000)
		binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
	return btoa(binary);
}

let loading: Promise<PdfFonts> | undefined;

/** Fetches and reads the font files once per page; a failure is reported and tried again next time. */
export function loadPdfFonts(): Promise<PdfFonts> {
	loading ??= (async () => {
		const [{ jsPDF }, ...files] = await Promise.all([
			import('jspdf'),
			...Object.entries(FILES).map(async ([key, url]) => {
				const response = await fetch(url);
				if (!response.ok)
					throw new Error(`The PDF font ${url} could not be loaded (HTTP ${response.status}).`);
				return [key, new Uint8Array(await response.arrayBuffer())] as const;
			})
		]);
		const bytes = Object.fromEntries(files) as Record<FontKey, Uint8Array>;
		const parser = (jsPDF.API as unknown as { TTFFont: TtfParser }).TTFFont;
		return {
			base64: Object.fromEntries(files.map(([key, data]) => [key, toBase64(data)])) as Record<
				FontKey,
				string
			>,
			covers: fontCoverage(parser, bytes)
		};
	})();
	loading.catch(() => (loading = undefined));
	return loading;
}

/** Registers the four files with a document (Identity-H: any character, subset on output). */
export function addPdfFonts(doc: JsPdf, fonts: PdfFonts): void {
	for (const [key, base64] of Object.entries(fonts.base64)) {
		const [face, style] = key.split('-') as [PdfFace, PdfFontStyle];
		doc.addFileToVFS(`${key}.ttf`, base64);
		doc.addFont(`${key}.ttf`, PDF_FAMILY[face], style, undefined, 'Identity-H');
	}
}
