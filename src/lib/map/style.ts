// The offline MapLibre style: every source is inline GeoJSON and every font a self-hosted file.
import type { ExpressionSpecification, LayerSpecification, StyleSpecification } from 'maplibre-gl';
import type { FeatureCollection } from 'geojson';
import type { Actor } from '$lib/geo/pack';
import type { InteractiveLayer } from '$lib/state/selection';
import { IMPORT_TILES_MAXZOOM, IMPORT_TILES_SCHEME } from '$lib/geo/import-tiles';
import { palette } from './palette';
import { styleImages } from './icons';
import { applyLayerSettings, togglesOf, type LayerSettings } from './layers';
import { catalogue, EMPTY, FONT, HATCH_IMAGE, type LayerEntry, type StyleLayer } from './catalogue';

export { ATTRIBUTION, FONT, HATCH_IMAGE } from './catalogue';

/**
 * Style layers that respond to clicks and hover, mapped to the data layer they show, in click
 * priority where features overlap (points before areas): the catalogue entries' `pick`.
 */
export const interactiveMapLayers: Readonly<Record<string, InteractiveLayer>> = Object.fromEntries(
	catalogue
		.flatMap((e) => (e.pick ? [e.pick] : []))
		.sort((a, b) => a.rank - b.rank)
		.map((p) => [p.mapLayer, p.layer])
);

export type SourceId = string;

/**
 * What each map source is built from: GeoJSON, or the URL of a GeoJSON file for MapLibre's worker
 * to fetch and parse itself; for a vector source, a served layer's archive's pmtiles:// URL or the
 * imported points' tile URL template. A missing source gets an empty collection.
 */
export type StyleData = Partial<Record<SourceId, FeatureCollection | string>>;

/** Adds every image the style refers to (hatch pattern, event symbols) to a map. */
export function addStyleImages(
	map: {
		addImage(
			id: string,
			image: ReturnType<typeof hatchPattern>,
			options?: { pixelRatio: number }
		): void;
	},
	actors: readonly Actor[],
	pixelRatio = 1
): void {
	map.addImage(HATCH_IMAGE, hatchPattern());
	for (const { id, image, pixelRatio: ratio } of styleImages(actors, pixelRatio))
		map.addImage(id, image, { pixelRatio: ratio });
}

/** A diagonal hatch, drawn in code so the style needs no sprite file. */
export function hatchPattern(size = 12, rgb: [number, number, number] = [59, 59, 59]) {
	const data = new Uint8Array(size * size * 4);
	for (let y = 0; y < size; y++)
		for (let x = 0; x < size; x++) {
			const onLine = (x + y) % size < 2;
			const i = (y * size + x) * 4;
			data.set(onLine ? [...rgb, 150] : [0, 0, 0, 0], i);
		}
	return { width: size, height: size, data };
}

/**
 * The label font's files: Noto Sans (Latin) and Noto Naskh Arabic (Persian and Urdu names), and
 * its prebuilt glyphs (static/glyphs/, `npm run glyphs`): the URL template MapLibre fetches them
 * from and the code points they serve (their MANIFEST.json's `pbf`).
 */
export type FontFiles = {
	latin: string;
	latinExt: string;
	arabic?: string;
	glyphs?: { url: string; pbf: readonly string[] };
};

// The unicode ranges of @fontsource/noto-sans's latin and latin-ext subsets (from its CSS).
const LATIN_RANGE = [
	'U+0000-00FF',
	'U+0131',
	'U+0152-0153',
	'U+02BB-02BC',
	'U+02C6',
	'U+02DA',
	'U+02DC',
	'U+0304',
	'U+0308',
	'U+0329',
	'U+2000-206F',
	'U+20AC',
	'U+2122',
	'U+2191',
	'U+2193',
	'U+2212',
	'U+2215',
	'U+FEFF',
	'U+FFFD'
];
const LATIN_EXT_RANGE = [
	'U+0100-02BA',
	'U+02BD-02C5',
	'U+02C7-02CC',
	'U+02CE-02D7',
	'U+02DD-02FF',
	'U+1D00-1DBF',
	'U+1E00-1E9F',
	'U+1EF2-1EFF',
	'U+2020',
	'U+20A0-20AB',
	'U+20AD-20C0',
	'U+2113',
	'U+2C60-2C7F',
	'U+A720-A7FF'
];

// The unicode range of @fontsource/noto-naskh-arabic's arabic subset (from its CSS). MapLibre
// shapes Arabic script itself (joined forms, right to left), so the file must also cover the
// presentation forms (U+FB50–FDFF, U+FE70–FEFC), which this subset does.
const ARABIC_RANGE = [
	'U+0600-06FF',
	'U+0750-077F',
	'U+0870-088E',
	'U+0890-0891',
	'U+0897-08E1',
	'U+08E3-08FF',
	'U+200C-200E',
	'U+2010-2011',
	'U+204F',
	'U+2E41',
	'U+FB50-FDFF',
	'U+FE70-FE74',
	'U+FE76-FEFC'
];

type CodePoints = [number, number][];

/** Parses CSS unicode-range entries (`U+0600-06FF`, `U+0131`) into sorted inclusive intervals. */
export function parseUnicodeRanges(entries: readonly string[]): CodePoints {
	return entries
		.map((entry) => {
			const [a = '', b = a] = entry.slice(2).split('-');
			return [parseInt(a, 16), parseInt(b, 16)] as [number, number];
		})
		.sort((x, y) => x[0] - y[0]);
}

/** The code points of `ranges` outside `minus` (both sorted), as CSS unicode-range entries. */
export function subtractUnicodeRanges(ranges: CodePoints, minus: CodePoints): string[] {
	const out: CodePoints = [];
	for (const [start, end] of ranges) {
		let from = start;
		for (const [a, b] of minus) {
			if (b < from || a > end) continue;
			if (a > from) out.push([from, a - 1]);
			from = Math.max(from, b + 1);
		}
		if (from <= end) out.push([from, end]);
	}
	const hex = (n: number) => n.toString(16).toUpperCase().padStart(4, '0');
	return out.map(([a, b]) => (a === b ? `U+${hex(a)}` : `U+${hex(a)}-${hex(b)}`));
}

/**
 * The style's `font-faces`: each file for its subset's characters, less those the prebuilt glyphs
 * serve, and the Latin file last for every other character. MapLibre draws a character a font
 * face covers from that file itself (TinySDF, on the main thread, at every page load), and takes
 * the others from the glyphs URL: so the packs' labels come prebuilt, and anything else (an
 * imported point's name, a letter with its marks) is drawn from the files as before, without a
 * request for a glyph range that does not exist.
 */
function fontFaces(fonts: FontFiles) {
	const faces = [
		{ url: fonts.latin, 'unicode-range': LATIN_RANGE },
		{ url: fonts.latinExt, 'unicode-range': LATIN_EXT_RANGE },
		...(fonts.arabic ? [{ url: fonts.arabic, 'unicode-range': ARABIC_RANGE }] : [])
	];
	if (!fonts.glyphs) return faces;
	const prebuilt = parseUnicodeRanges(fonts.glyphs.pbf);
	return [
		...faces.map((face) => ({
			...face,
			'unicode-range': subtractUnicodeRanges(parseUnicodeRanges(face['unicode-range']), prebuilt)
		})),
		{ url: fonts.latin, 'unicode-range': subtractUnicodeRanges([[0, 0x10ffff]], prebuilt) }
	].filter((face) => face['unicode-range'].length > 0);
}

/**
 * The paint properties every layer of a type evaluates per feature. MapLibre compiles one shader
 * program for each set of per-feature properties it meets; with the same set on every circle, line
 * and fill layer, each type shares one program. A software renderer (SwiftShader, a browser without
 * a GPU) compiles each program at its first frame, about 50 ms apiece; `npm run bench` shows it.
 */
export const PER_FEATURE_PAINT: Partial<Record<LayerSpecification['type'], string[]>> = {
	circle: [
		'circle-color',
		'circle-radius',
		'circle-opacity',
		'circle-stroke-color',
		'circle-stroke-width'
	],
	line: ['line-color', 'line-width'],
	fill: ['fill-color']
};

// The style specification's defaults, for per-feature properties a layer leaves out.
const PAINT_DEFAULTS: Record<string, unknown> = {
	'circle-color': '#000000',
	'circle-radius': 5,
	'circle-opacity': 1,
	'circle-stroke-color': '#000000',
	'circle-stroke-width': 0,
	'line-color': '#000000',
	'line-width': 1,
	'fill-color': '#000000'
};

const hovered: ExpressionSpecification = ['boolean', ['feature-state', 'hover'], false];

/** `value`, evaluated per feature: the expression reads the feature's state but always gives `value`. */
function perFeature(value: unknown): ExpressionSpecification {
	return ['case', hovered, value, value] as ExpressionSpecification;
}

/** Gives each layer the per-feature paint of its type (see `PER_FEATURE_PAINT`). */
function sharePrograms(layers: LayerSpecification[]): LayerSpecification[] {
	return layers.map((layer) => {
		const props = PER_FEATURE_PAINT[layer.type];
		if (!props || !('paint' in layer)) return layer;
		const paint = { ...(layer.paint as Record<string, unknown>) };
		for (const prop of props) {
			const value = paint[prop] ?? PAINT_DEFAULTS[prop];
			if (!Array.isArray(value)) paint[prop] = perFeature(value);
		}
		return { ...layer, paint } as LayerSpecification;
	});
}

/** The style's layers, from the catalogue in drawing order; events are coloured by the pack's actors. */
export function buildLayers(
	actors: readonly Actor[],
	entries: readonly LayerEntry[] = catalogue,
	sides?: readonly string[]
): LayerSpecification[] {
	const layers = entries
		.flatMap((entry) => entry.style(actors, sides))
		.map((layer, order) => ({ layer, order }))
		.sort((a, b) => a.layer.z - b.layer.z || a.order - b.order)
		.map(({ layer }) => {
			const spec: Partial<StyleLayer> = { ...layer };
			delete spec.z; // the drawing order is the list's order from here on
			return spec as LayerSpecification;
		});
	return sharePrograms([
		{ id: 'background', type: 'background', paint: { 'background-color': palette.sea } },
		...layers
	]);
}

/**
 * Builds the complete offline style for the given data, with the layer settings applied if given;
 * `sides` (scenario.json border.sides) tint the two countries of the primary border.
 */
export function buildStyle(
	data: StyleData,
	fonts: FontFiles,
	actors: readonly Actor[],
	settings?: LayerSettings,
	entries: readonly LayerEntry[] = catalogue,
	sides?: readonly string[]
): StyleSpecification {
	const sources = Object.fromEntries(
		entries
			.flatMap((e) => e.sources)
			.map(({ id, attribution, vector }) => {
				const value = data[id];
				const credit = attribution ? { attribution } : {};
				// A served layer: vector tiles from its archive's pmtiles:// URL.
				if (vector === 'archive' && typeof value === 'string')
					return [id, { type: 'vector' as const, url: value, ...credit }];
				// Tiles made in the page (imported points): points are found by their `id`.
				if (vector === 'tiles')
					return [
						id,
						{
							type: 'vector' as const,
							// Before any data: a store no page has, whose tiles are empty.
							tiles: [
								typeof value === 'string' ? value : `${IMPORT_TILES_SCHEME}://0/0/{z}/{x}/{y}`
							],
							maxzoom: IMPORT_TILES_MAXZOOM,
							promoteId: 'id',
							...credit
						}
					];
				return [id, { type: 'geojson' as const, data: value ?? EMPTY, promoteId: 'id', ...credit }];
			})
	);
	return {
		version: 8,
		name: 'Borderline offline',
		...(fonts.glyphs ? { glyphs: fonts.glyphs.url } : {}),
		'font-faces': { [FONT]: fontFaces(fonts) },
		sources,
		layers: settings
			? applyLayerSettings(buildLayers(actors, entries, sides), settings, togglesOf(entries))
			: buildLayers(actors, entries, sides)
	};
}
