// The prebuilt label glyphs (static/glyphs): every file the manifest names is there and unchanged,
// every character of the packs' labels is served, and the style's font files cover the rest.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import { describe, expect, it } from 'vitest';
import {
	buildStyle,
	parseUnicodeRanges,
	subtractUnicodeRanges,
	type FontFiles
} from '../../src/lib/map/style';
import { FONT } from '../../src/lib/map/catalogue';
import { readScenarioMeta } from './helpers';

const GLYPHS = 'static/glyphs/';
const manifest = JSON.parse(readFileSync(`${GLYPHS}MANIFEST.json`, 'utf8')) as {
	fontstack: string;
	pbf: string[];
	clusterStarts: string[];
	files: Record<string, { sha256: string; bytes: number }>;
};
const fonts: FontFiles = {
	latin: '/fonts/latin.woff2',
	latinExt: '/fonts/latin-ext.woff2',
	arabic: '/fonts/arabic.woff2',
	glyphs: { url: 'http://127.0.0.1:4173/glyphs/{fontstack}/{range}.pbf', pbf: manifest.pbf }
};
const covered = (ranges: readonly string[], codePoint: number) =>
	parseUnicodeRanges(ranges).some(([a, b]) => codePoint >= a && codePoint <= b);

describe('subtractUnicodeRanges', () => {
	it('leaves what the other ranges do not cover', () => {
		expect(
			subtractUnicodeRanges(
				parseUnicodeRanges(['U+0000-00FF', 'U+0131']),
				parseUnicodeRanges(['U+0020-007E', 'U+00A0'])
			)
		).toEqual(['U+0000-001F', 'U+007F-009F', 'U+00A1-00FF', 'U+0131']);
		expect(subtractUnicodeRanges([[0, 0x10ffff]], [[0, 0x10ffff]])).toEqual([]);
	});
});

describe('prebuilt glyphs', () => {
	it('are the files the manifest names, in the fontstack the labels ask for', () => {
		expect(manifest.fontstack).toBe(FONT);
		expect(readdirSync(`${GLYPHS}${FONT}`).sort()).toEqual(
			Object.keys(manifest.files)
				.map((f) => f.slice(FONT.length + 1))
				.sort()
		);
		for (const [file, { sha256 }] of Object.entries(manifest.files))
			expect(
				createHash('sha256')
					.update(readFileSync(`${GLYPHS}${file}`))
					.digest('hex'),
				file
			).toBe(sha256);
	});

	it('serve the Latin basics and the Persian and Urdu place names', () => {
		for (const text of ['Sarāvān', 'Panjgur 12', 'ایران', 'پاکستان'])
			for (const char of text.normalize('NFC')) {
				// Arabic letters are served in the joined forms MapLibre asks for, not as written.
				const codePoint = char.codePointAt(0)!;
				if (codePoint >= 0x0620 && codePoint <= 0x06ff) continue;
				expect(covered(manifest.pbf, codePoint), `U+${codePoint.toString(16)}`).toBe(true);
			}
		expect(covered(manifest.pbf, 0xfe8d)).toBe(true); // alef, isolated (ایران)
	});

	it("leave every other character, and the clusters' first letters, to the font files", () => {
		const style = buildStyle({}, fonts, readScenarioMeta().actors);
		expect(validateStyleMin(style)).toEqual([]);
		expect(style.glyphs).toBe(fonts.glyphs!.url);
		const faces = style['font-faces']![FONT] as { url: string; 'unicode-range': string[] }[];
		const facesCover = (cp: number) => faces.some((f) => covered(f['unicode-range'], cp));
		// No character is both: a face would win, and the PBF's glyph would go unused.
		for (const [a, b] of parseUnicodeRanges(manifest.pbf))
			for (let cp = a; cp <= b; cp++) expect(facesCover(cp)).toBe(false);
		// Everything else has a face, so no glyph range is requested that the app does not ship.
		for (const cp of [0x0001, 0x0102, 0x0410, 0x0628, 0x4e2d, 0x1f600, 0x10ffff])
			expect(facesCover(cp), `U+${cp.toString(16)}`).toBe(true);
		for (const [a] of parseUnicodeRanges(manifest.clusterStarts)) expect(facesCover(a)).toBe(true);
		// The Arabic file still draws Arabic the PBFs do not hold.
		const arabic = faces.find((f) => f.url === fonts.arabic)!;
		expect(covered(arabic['unicode-range'], 0x0628)).toBe(true);
	});
});
