// The offline MapLibre style: every source is inline GeoJSON and every font a self-hosted file.
import type {
	DataDrivenPropertyValueSpecification,
	ExpressionSpecification,
	LayerSpecification,
	StyleSpecification
} from 'maplibre-gl';
import type { FeatureCollection } from 'geojson';
import type { Actor } from '$lib/geo/pack';
import { palette } from './palette';
import { styleImages } from './icons';
import { applyLayerSettings, type LayerSettings } from './layers';

export const FONT = 'Noto Sans Regular';

/** The map's sources, in the order the style lists them. */
export const sourceIds = [
	'countries',
	'provinces',
	'borders',
	'towns',
	'crossings',
	'events',
	'precision',
	'bands',
	'estimates',
	'estimateCentres',
	'eventBuffer',
	'connector',
	'imported'
] as const;
export type SourceId = (typeof sourceIds)[number];

/**
 * What each map source is built from: GeoJSON, or the URL of a GeoJSON file for MapLibre's worker
 * to fetch and parse itself. A missing source gets an empty collection.
 */
export type StyleData = { [K in SourceId]?: FeatureCollection | string };

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

/** The id of the hatch pattern image the map adds at load (see `hatchPattern`). */
export const HATCH_IMAGE = 'hatch';

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

export type FontFiles = { latin: string; latinExt: string };

export const ATTRIBUTION = {
	naturalEarth: 'Borders and provinces: Natural Earth (public domain)',
	geonames: 'Towns © GeoNames, CC BY 4.0',
	events: 'Events: cited publications (see each event)'
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

const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };

/**
 * Imported points are clustered where ten or more fall within 40 px: a file of 100 000 points
 * stays quick to pan, while a handful of sites is drawn point by point at any zoom.
 */
export const IMPORTED_CLUSTERS = {
	cluster: true,
	clusterRadius: 40,
	clusterMinPoints: 10,
	clusterMaxZoom: 12
} as const;

const hovered: ExpressionSpecification = ['boolean', ['feature-state', 'hover'], false];
const selected: ExpressionSpecification = ['boolean', ['feature-state', 'selected'], false];

/** Each event's actor colour (scenario.json "actors"); grey for an id the pack does not declare. */
function byAttacker(actors: readonly Actor[]): DataDrivenPropertyValueSpecification<string> {
	const cases = actors.flatMap((actor) => [actor.id, actor.colour]);
	// The tuple type of `match` cannot describe a spread of label/output pairs.
	return [
		'match',
		['get', 'attackerGroup'],
		...cases,
		palette.borderContext
	] as unknown as ExpressionSpecification;
}

/** Map layer ids that respond to clicks and hover, mapped to the data layer they show. */
export const interactiveMapLayers = {
	'events-symbol': 'events',
	'imported-circle': 'imported',
	'crossings-circle': 'crossings',
	'towns-circle': 'towns',
	'provinces-fill': 'provinces'
} as const;

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

/** The style's layers; events are coloured by the scenario pack's actors. */
export function buildLayers(actors: readonly Actor[]): LayerSpecification[] {
	return sharePrograms([
		{ id: 'background', type: 'background', paint: { 'background-color': palette.sea } },
		{
			id: 'countries-fill',
			type: 'fill',
			source: 'countries',
			paint: {
				'fill-color': ['case', ['get', 'focus'], palette.focusLand, palette.land]
			}
		},
		{
			id: 'provinces-fill',
			type: 'fill',
			source: 'provinces',
			paint: {
				'fill-color': [
					'case',
					['get', 'involved'],
					['case', hovered, palette.provinceInvolvedHover, palette.provinceInvolved],
					['case', hovered, palette.provinceHover, palette.province]
				]
			}
		},
		{
			id: 'provinces-outline',
			type: 'line',
			source: 'provinces',
			paint: {
				'line-color': ['case', selected, palette.selection, palette.provinceOutline],
				'line-width': ['case', selected, 2.5, 0.7]
			}
		},
		{
			id: 'countries-outline',
			type: 'line',
			source: 'countries',
			paint: { 'line-color': palette.countryOutline, 'line-width': 1 }
		},
		{
			id: 'precision-fill',
			type: 'fill',
			source: 'precision',
			paint: { 'fill-color': byAttacker(actors), 'fill-opacity': 0.07 }
		},
		{
			id: 'precision-outline',
			type: 'line',
			source: 'precision',
			paint: {
				'line-color': byAttacker(actors),
				'line-width': 1.2,
				'line-dasharray': [2, 2],
				'line-opacity': 0.8
			}
		},
		{
			id: 'bands-fill',
			type: 'fill',
			source: 'bands',
			paint: { 'fill-color': palette.band, 'fill-opacity': 0.12 }
		},
		{
			id: 'bands-outline',
			type: 'line',
			source: 'bands',
			paint: { 'line-color': palette.band, 'line-width': 1.2, 'line-opacity': 0.9 }
		},
		{
			id: 'estimates-fill',
			type: 'fill',
			source: 'estimates',
			paint: { 'fill-pattern': HATCH_IMAGE }
		},
		{
			id: 'estimates-outline',
			type: 'line',
			source: 'estimates',
			paint: { 'line-color': palette.estimate, 'line-width': 1.5, 'line-dasharray': [4, 2] }
		},
		{
			id: 'event-buffer-outline',
			type: 'line',
			source: 'eventBuffer',
			paint: { 'line-color': palette.eventBuffer, 'line-width': 2, 'line-dasharray': [3, 1.5] }
		},
		{
			id: 'borders-context',
			type: 'line',
			source: 'borders',
			filter: ['!', ['get', 'primary']],
			layout: { 'line-cap': 'round', 'line-join': 'round' },
			paint: { 'line-color': palette.borderContext, 'line-width': 2, 'line-dasharray': [3, 2] }
		},
		{
			id: 'borders-primary',
			type: 'line',
			source: 'borders',
			filter: ['get', 'primary'],
			layout: { 'line-cap': 'round', 'line-join': 'round' },
			paint: { 'line-color': palette.borderPrimary, 'line-width': 3.5 }
		},
		{
			id: 'connector',
			type: 'line',
			source: 'connector',
			layout: { 'line-cap': 'round' },
			paint: { 'line-color': palette.connector, 'line-width': 2, 'line-dasharray': [2, 1.5] }
		},
		{
			id: 'estimate-centres',
			type: 'circle',
			source: 'estimateCentres',
			paint: {
				'circle-color': palette.labelHalo,
				'circle-radius': 5,
				'circle-stroke-color': palette.estimate,
				'circle-stroke-width': 2
			}
		},
		{
			id: 'towns-circle',
			type: 'circle',
			source: 'towns',
			paint: {
				'circle-color': palette.town,
				'circle-radius': ['case', hovered, 5, 3],
				'circle-stroke-color': ['case', selected, palette.selection, palette.labelHalo],
				'circle-stroke-width': ['case', selected, 2.5, 1]
			}
		},
		{
			id: 'crossings-circle',
			type: 'circle',
			source: 'crossings',
			paint: {
				'circle-color': palette.crossing,
				'circle-radius': ['case', hovered, 8, 6],
				'circle-stroke-color': palette.crossingOutline,
				'circle-stroke-width': ['case', selected, 3, 1.5]
			}
		},
		{
			// Where imported points crowd (a dense file seen from afar), one circle sized by how
			// many it stands for; clicking it zooms in until they separate. Drawn, with its count,
			// under the events, so a crowd of points never hides a strike.
			id: 'imported-clusters',
			type: 'circle',
			source: 'imported',
			filter: ['has', 'point_count'],
			paint: {
				'circle-color': palette.imported,
				'circle-opacity': 0.85,
				'circle-radius': ['step', ['get', 'point_count'], 12, 100, 16, 1000, 20, 10000, 25],
				'circle-stroke-color': palette.labelHalo,
				'circle-stroke-width': 1.5
			}
		},
		{
			id: 'imported-cluster-count',
			type: 'symbol',
			source: 'imported',
			filter: ['has', 'point_count'],
			layout: {
				'text-field': ['get', 'point_count_abbreviated'],
				'text-font': [FONT],
				'text-size': 11,
				'text-allow-overlap': true
			},
			paint: { 'text-color': palette.labelHalo }
		},
		{
			// The highlight ring under an event symbol: shown for hover and selection.
			id: 'events-halo',
			type: 'circle',
			source: 'events',
			paint: {
				'circle-radius': ['case', selected, 13, hovered, 12, 0],
				'circle-color': palette.labelHalo,
				'circle-opacity': ['case', ['any', selected, hovered], 0.9, 0],
				'circle-stroke-color': palette.selection,
				'circle-stroke-width': ['case', selected, 3, hovered, 1.5, 0]
			}
		},
		{
			id: 'events-symbol',
			type: 'symbol',
			source: 'events',
			layout: {
				'icon-image': ['concat', 'event-', ['get', 'attackerGroup']],
				'icon-allow-overlap': true,
				'icon-ignore-placement': true
			}
		},
		{
			id: 'imported-circle',
			type: 'circle',
			source: 'imported',
			filter: ['!', ['has', 'point_count']],
			paint: {
				'circle-color': palette.imported,
				'circle-radius': ['case', hovered, 8, 6],
				'circle-stroke-color': ['case', selected, palette.selection, palette.labelHalo],
				'circle-stroke-width': ['case', selected, 3, 1.5]
			}
		},
		{
			id: 'towns-label',
			type: 'symbol',
			source: 'towns',
			layout: {
				'text-field': ['get', 'name'],
				'text-font': [FONT],
				'text-size': 12,
				'text-anchor': 'left',
				'text-offset': [0.6, 0],
				'text-optional': true
			},
			paint: {
				'text-color': palette.townLabel,
				'text-halo-color': palette.labelHalo,
				'text-halo-width': 1.5
			}
		},
		{
			id: 'crossings-label',
			type: 'symbol',
			source: 'crossings',
			layout: {
				'text-field': ['get', 'name'],
				'text-font': [FONT],
				'text-size': 11,
				'text-anchor': 'top',
				'text-offset': [0, 0.9],
				'text-optional': true
			},
			paint: {
				'text-color': palette.townLabel,
				'text-halo-color': palette.labelHalo,
				'text-halo-width': 1.5
			}
		},
		{
			id: 'events-label',
			type: 'symbol',
			source: 'events',
			layout: {
				'text-field': ['get', 'shortTitle'],
				'text-font': [FONT],
				'text-size': 12,
				'text-anchor': 'right',
				'text-offset': [-1, 0],
				'text-optional': true
			},
			paint: {
				'text-color': palette.townLabel,
				'text-halo-color': palette.labelHalo,
				'text-halo-width': 2
			}
		},
		{
			id: 'imported-label',
			type: 'symbol',
			source: 'imported',
			filter: ['!', ['has', 'point_count']],
			// Thousands of imported labels would only collide: name them once zoomed in.
			minzoom: 7,
			layout: {
				'text-field': ['get', 'name'],
				'text-font': [FONT],
				'text-size': 11,
				'text-anchor': 'left',
				'text-offset': [0.8, 0],
				'text-optional': true
			},
			paint: {
				'text-color': palette.imported,
				'text-halo-color': palette.labelHalo,
				'text-halo-width': 1.5
			}
		},
		{
			id: 'estimate-centres-label',
			type: 'symbol',
			source: 'estimateCentres',
			layout: {
				'text-field': ['get', 'label'],
				'text-font': [FONT],
				'text-size': 11,
				'text-anchor': 'top',
				'text-offset': [0, 0.7],
				'text-optional': true
			},
			paint: {
				'text-color': palette.estimate,
				'text-halo-color': palette.labelHalo,
				'text-halo-width': 1.5
			}
		}
	]);
}

/** Builds the complete offline style for the given data, with the layer settings applied if given. */
export function buildStyle(
	data: StyleData,
	fonts: FontFiles,
	actors: readonly Actor[],
	settings?: LayerSettings
): StyleSpecification {
	const source = (key: SourceId, attribution?: string) => ({
		type: 'geojson' as const,
		data: data[key] ?? EMPTY,
		promoteId: 'id',
		...(attribution ? { attribution } : {}),
		...(key === 'imported' ? IMPORTED_CLUSTERS : {})
	});
	return {
		version: 8,
		name: 'Borderline offline',
		'font-faces': {
			[FONT]: [
				{ url: fonts.latin, 'unicode-range': LATIN_RANGE },
				{ url: fonts.latinExt, 'unicode-range': LATIN_EXT_RANGE }
			]
		},
		sources: {
			countries: source('countries', ATTRIBUTION.naturalEarth),
			provinces: source('provinces'),
			borders: source('borders'),
			towns: source('towns', ATTRIBUTION.geonames),
			crossings: source('crossings'),
			events: source('events', ATTRIBUTION.events),
			precision: source('precision'),
			bands: source('bands'),
			estimates: source('estimates'),
			estimateCentres: source('estimateCentres'),
			eventBuffer: source('eventBuffer'),
			connector: source('connector'),
			imported: source('imported')
		},
		layers: settings ? applyLayerSettings(buildLayers(actors), settings) : buildLayers(actors)
	};
}
