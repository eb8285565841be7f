// Builds the map labels' glyphs, static/glyphs/ (SDF glyph PBFs in ranges of 256 code points, as
// MapLibre's `glyphs` URL serves them), from the label fonts' npm packages, for the characters
// the packs' labels are drawn with. MapLibre draws any other character itself from the font
// files (the style's `font-faces`), as it drew every label before.
// Run with tsx (npm run glyphs): it reads MapLibre's own Arabic shaping and grapheme rules.
//   tsx scripts/glyphs/build.mjs
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { promisify } from 'node:util';

// MapLibre's own text preparation (the version the app pins), so the glyphs are the ones it asks for.
import { applyArabicShaping } from '../../node_modules/maplibre-gl/src/symbol/arabic_shaping.ts';
import { isCluster, toGraphemes } from '../../node_modules/maplibre-gl/src/util/graphemes.ts';

// Resolve packages from this folder's node_modules, not the app's: they are build-time only.
const require = createRequire(import.meta.url);
const fontnik = require('fontnik');
const Pbf = require('pbf').default ?? require('pbf');
const fontRange = promisify(fontnik.range);

const MODULES = new URL('./node_modules/', import.meta.url);
const PACKS = new URL('../../geodata/scenarios/', import.meta.url);
const OUT = new URL('../../static/glyphs/', import.meta.url);
/** The style's `text-font` (src/lib/map/catalogue.ts FONT): the folder MapLibre asks in. */
const FONTSTACK = 'Noto Sans Regular';

/** @param {string} name npm package @returns {string} its pinned version */
const versionOf = (name) =>
	JSON.parse(fs.readFileSync(new URL(`${name}/package.json`, MODULES), 'utf8')).version;

/**
 * The label fonts, in the order the style's `font-faces` lists them (the first file that covers a
 * code point draws it). WOFF, not WOFF2: FreeType in fontnik reads WOFF.
 */
const FONTS = [
	{ pkg: '@fontsource/noto-sans', css: '400.css', file: 'noto-sans-latin-400-normal.woff' },
	{ pkg: '@fontsource/noto-sans', css: '400.css', file: 'noto-sans-latin-ext-400-normal.woff' },
	{
		pkg: '@fontsource/noto-naskh-arabic',
		css: '400.css',
		file: 'noto-naskh-arabic-arabic-400-normal.woff'
	}
].map((font) => {
	const css = fs.readFileSync(new URL(`${font.pkg}/${font.css}`, MODULES), 'utf8');
	// The @font-face block of this file: its unicode-range, as the package declares it.
	const block = css
		.split('@font-face')
		.find((b) => b.includes(font.file.replace('.woff', '.woff2')));
	const range = /unicode-range:\s*([^;]+);/.exec(block ?? '')?.[1];
	if (!range) throw new Error(`no unicode-range for ${font.file} in ${font.pkg}/${font.css}`);
	const bytes = fs.readFileSync(new URL(`${font.pkg}/files/${font.file}`, MODULES));
	return { ...font, version: versionOf(font.pkg), ranges: parseRanges(range), bytes };
});

/** @param {string} css e.g. "U+0000-00FF,U+0131" @returns {[number, number][]} */
function parseRanges(css) {
	return css.split(',').map((part) => {
		const [a, b] = part.trim().slice(2).split('-');
		return [parseInt(a, 16), parseInt(b ?? a, 16)];
	});
}

/** @param {number[]} codePoints sorted @returns {string[]} CSS unicode-range entries */
function formatRanges(codePoints) {
	const out = [];
	const hex = (n) => n.toString(16).toUpperCase().padStart(4, '0');
	for (let i = 0; i < codePoints.length;) {
		let j = i;
		while (j + 1 < codePoints.length && codePoints[j + 1] === codePoints[j] + 1) j++;
		out.push(i === j ? `U+${hex(codePoints[i])}` : `U+${hex(codePoints[i])}-${hex(codePoints[j])}`);
		i = j + 1;
	}
	return out;
}

// ---------------------------------------------------------------- what the labels need

/**
 * Every text the map may label a pack's feature with: place names in each language, event
 * titles, crossings, other readings of a place, extra layers' names.
 */
function labelTexts() {
	const texts = new Set(['Estimate: ', '? ']);
	const add = (value) => typeof value === 'string' && texts.add(value);
	for (const pack of fs.readdirSync(PACKS, { withFileTypes: true })) {
		if (!pack.isDirectory()) continue;
		for (const file of fs.readdirSync(new URL(`${pack.name}/`, PACKS))) {
			if (!file.endsWith('.geojson')) continue;
			const collection = JSON.parse(
				fs.readFileSync(new URL(`${pack.name}/${file}`, PACKS), 'utf8')
			);
			for (const { properties: p } of collection.features) {
				for (const key of ['name', 'shortTitle', 'label']) add(p?.[key]);
				for (const name of Object.values(p?.names ?? {})) add(name);
				for (const candidate of p?.candidates ?? []) add(candidate.label);
			}
		}
	}
	return [...texts].sort();
}

/**
 * The code points MapLibre asks glyphs for when it draws these texts (as written and upper-cased,
 * after its Arabic shaping), and those that begin a grapheme cluster: a cluster is drawn from a
 * font file, never from a PBF, so its first code point stays with the font file.
 */
function neededCodePoints(texts) {
	const single = new Set();
	const clusterStarts = new Set();
	for (const text of texts)
		for (const variant of [text, text.toUpperCase()])
			for (const grapheme of toGraphemes(applyArabicShaping(variant))) {
				const codePoint = grapheme.codePointAt(0);
				(isCluster(grapheme) ? clusterStarts : single).add(codePoint);
			}
	return { single, clusterStarts };
}

// ---------------------------------------------------------------- glyph PBFs

/** Reads a glyphs PBF into its glyphs, keyed by code point. */
function readGlyphs(buffer) {
	const glyphs = new Map();
	const readGlyph = (tag, glyph, pbf) => {
		if (tag === 1) glyph.id = pbf.readVarint();
		else if (tag === 2) glyph.bitmap = pbf.readBytes();
		else if (tag === 3) glyph.width = pbf.readVarint();
		else if (tag === 4) glyph.height = pbf.readVarint();
		else if (tag === 5) glyph.left = pbf.readSVarint();
		else if (tag === 6) glyph.top = pbf.readSVarint();
		else if (tag === 7) glyph.advance = pbf.readVarint();
	};
	const readStack = (tag, _stack, pbf) => {
		if (tag !== 3) return;
		const glyph = pbf.readMessage(readGlyph, {});
		glyphs.set(glyph.id, glyph);
	};
	new Pbf(buffer).readFields((tag, _, pbf) => tag === 1 && pbf.readMessage(readStack, {}), {});
	return glyphs;
}

/** Writes glyphs (sorted by code point) as one fontstack's range PBF. */
function writeGlyphs(name, range, glyphs) {
	const pbf = new Pbf();
	pbf.writeMessage(1, (_, stack) => {
		stack.writeStringField(1, name);
		stack.writeStringField(2, range);
		for (const g of glyphs)
			stack.writeMessage(3, (__, out) => {
				out.writeVarintField(1, g.id);
				if (g.bitmap?.length) out.writeBytesField(2, g.bitmap);
				out.writeVarintField(3, g.width);
				out.writeVarintField(4, g.height);
				out.writeSVarintField(5, g.left);
				out.writeSVarintField(6, g.top);
				out.writeVarintField(7, g.advance);
			});
	});
	return Buffer.from(pbf.finish());
}

const covers = (font, cp) => font.ranges.some(([a, b]) => cp >= a && cp <= b);
const sha256 = (bytes) => createHash('sha256').update(bytes).digest('hex');

async function main() {
	const texts = labelTexts();
	const { single, clusterStarts } = neededCodePoints(texts);
	// Latin basics whole (0–255: imported points' names, cluster counts), then of every other
	// range just the characters the labels use: the font files draw the rest.
	const ranges = [...new Set([0, ...[...single].map((cp) => cp >> 8)])].sort((a, b) => a - b);

	fs.rmSync(OUT, { recursive: true, force: true });
	fs.mkdirSync(new URL(`${FONTSTACK}/`, OUT), { recursive: true });
	const files = {};
	const served = [];
	for (const range of ranges) {
		const [start, end] = [range * 256, range * 256 + 255];
		/** @type {Map<number, object>} */
		const chosen = new Map();
		const from = new Set();
		for (const font of FONTS) {
			const glyphs = readGlyphs(await fontRange({ font: font.bytes, start, end }));
			for (const [cp, glyph] of glyphs)
				if ((range === 0 || single.has(cp)) && !chosen.has(cp) && covers(font, cp)) {
					chosen.set(cp, glyph);
					from.add(font.file);
				}
		}
		if (!chosen.size) continue;
		const glyphs = [...chosen.values()].sort((a, b) => a.id - b.id);
		const name = `${start}-${end}.pbf`;
		const bytes = writeGlyphs(FONTSTACK, `${start}-${end}`, glyphs);
		fs.writeFileSync(new URL(`${FONTSTACK}/${name}`, OUT), bytes);
		files[`${FONTSTACK}/${name}`] = {
			bytes: bytes.length,
			glyphs: glyphs.length,
			from: [...from],
			sha256: sha256(bytes)
		};
		served.push(...glyphs.map((g) => g.id));
	}
	const missing = [...single].filter((cp) => !served.includes(cp));
	if (missing.length)
		throw new Error(`no label font has ${formatRanges(missing.sort((a, b) => a - b)).join(',')}`);

	const manifest = {
		fontstack: FONTSTACK,
		// What the map takes from the PBFs: every glyph they hold but the first code points of
		// the clusters in the packs' labels, which the font files draw with their marks.
		pbf: formatRanges(served.filter((cp) => !clusterStarts.has(cp)).sort((a, b) => a - b)),
		clusterStarts: formatRanges([...clusterStarts].sort((a, b) => a - b)),
		labelTexts: { count: texts.length, sha256: sha256(texts.join('\n')) },
		files
	};
	fs.writeFileSync(new URL('MANIFEST.json', OUT), JSON.stringify(manifest, null, '\t') + '\n');
	fs.writeFileSync(new URL('SOURCES.md', OUT), sourcesMd(manifest));
	for (const pkg of new Set(FONTS.map((f) => f.pkg)))
		fs.copyFileSync(
			new URL(`${pkg}/LICENSE`, MODULES),
			new URL(`OFL-${pkg.split('/')[1]}.txt`, OUT)
		);
	const total = Object.values(files).reduce((sum, f) => sum + f.bytes, 0);
	console.log(
		`static/glyphs: ${Object.keys(files).length} ranges, ${(total / 1024).toFixed(0)} KB, for ${texts.length} label texts`
	);
}

function sourcesMd(manifest) {
	const rows = Object.entries(manifest.files)
		.map(([file, f]) => `| \`${file}\` | ${f.glyphs} | ${f.bytes} | ${f.from.join(', ')} |`)
		.join('\n');
	const fonts = [...new Map(FONTS.map((f) => [f.pkg, f])).values()]
		.map(
			(f) =>
				`- \`${f.pkg}@${f.version}\`: SIL Open Font License 1.1 (\`OFL-${f.pkg.split('/')[1]}.txt\`)`
		)
		.join('\n');
	return `# Map label glyphs

Signed distance field glyphs of the map's label font, in the PBF ranges MapLibre's \`glyphs\` URL
serves (\`/glyphs/{fontstack}/{range}.pbf\`, 256 code points a file), so the map does not draw
these glyphs itself at each page load. Generated; do not edit. Rebuild with \`npm run glyphs\`
(byte-identical from the same packages).

- Fonts (the files the style's \`font-faces\` also names, here as WOFF, which FreeType reads):
${fonts}
- Tool: \`fontnik@${versionOf('fontnik')}\` (FreeType, SDF at 24 px with a 3 px border, as
  MapLibre expects), its glyphs regrouped per range with \`pbf@${versionOf('pbf')}\`
  (scripts/glyphs/build.mjs, its own package.json: build-time only).
- Which glyphs: Latin basics (0–255, whole), and each other character of the packs' labels
  (${manifest.labelTexts.count} texts) as MapLibre asks for it: after its Arabic shaping
  (presentation forms) and upper-casing. Each code point comes from the first font whose
  @fontsource subset covers it: Noto Sans latin, latin-ext, then Noto Naskh Arabic.
- \`MANIFEST.json\`: what the map takes from these files (\`pbf\`); every other character, and
  any grapheme cluster (a letter with its marks: ${manifest.clusterStarts.join(', ') || 'none'} in the
  packs' labels), MapLibre draws from the font files, as before.

| file | glyphs | bytes | from |
| --- | ---: | ---: | --- |
${rows}
`;
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
