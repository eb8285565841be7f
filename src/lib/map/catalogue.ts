// The layer catalogue: every layer of the map declared once, with its data, its style layers (and
// where they draw), its toggle, its legend entries and what a click on it selects. The style, the
// layer panel, the legend (on screen and in prints), the map's sources and its click targets are
// all derived from this list: adding a layer is one entry here plus its data.
import type {
	DataDrivenPropertyValueSpecification,
	ExpressionSpecification,
	LayerSpecification
} from 'maplibre-gl';
import type { FeatureCollection } from 'geojson';
import { candidatePoints, precisionShapes } from '$lib/geo/analysis';
import type { BandResult } from '$lib/geo/buffers';
import type { EventDistances } from '$lib/geo/distances';
import type { LocationEstimate } from '$lib/geo/estimate';
import type { Actor, ExtraLayer, ScenarioMeta } from '$lib/geo/pack';
import { formatKm } from '$lib/format';
import { creditText } from '$lib/geo/evidence';
import { IMPORT_SOURCE_LAYER } from '$lib/geo/import-tiles';
import type {
	CrossingFeature,
	LayerName,
	MappedEventFeature,
	ProvinceFeature,
	Source,
	TownFeature
} from '$lib/geo/schema';
import type { FeatureRef, InteractiveLayer } from '$lib/state/selection';
import type { LocalName, MapLanguage } from '$lib/geo/place-names';
import { palette } from './palette';
import { TOWN_ICON, type Shape } from './icons';
import {
	countryLabelCollection,
	provinceLabelCollection,
	townLabelCollection,
	type PlaceLabels
} from './place-labels';
import {
	bandsCollection,
	connectorCollection,
	estimateAreas,
	estimateCentres,
	eventBufferCollection
} from './overlays';

export const FONT = 'Noto Sans Regular';

/** The id of the hatch pattern image the map adds at load (see `hatchPattern` in style.ts). */
export const HATCH_IMAGE = 'hatch';

export const ATTRIBUTION = {
	naturalEarth: 'Borders and provinces: Natural Earth (public domain)',
	geonames: 'Towns © GeoNames, CC BY 4.0',
	events: 'Events: cited publications (see each event)'
};

/**
 * What the map's first frame waits for (first-paint.ts): the countries and provinces tinted by
 * side, the border and the events. Labels and the rest follow in the complete frame.
 */
export const FIRST_PAINT_SOURCES = ['countries', 'provinces', 'borders', 'events'] as const;

/** The layer panel's groups, in the panel's order. */
export const layerGroups = [
	'Context',
	'Border region',
	'Provinces',
	'Events',
	'Analysis',
	'Your data'
] as const;
export type LayerGroup = (typeof layerGroups)[number];

export type LegendSymbol =
	/** `fill2`: a second tint in the lower right half (e.g. each side's involved province). */
	| { kind: 'fill'; fill: string; stroke: string; opacity?: number; fill2?: string }
	| { kind: 'hatch'; stroke: string }
	| { kind: 'shape'; shape: Shape; fill: string; stroke: string; sizePx: number }
	| { kind: 'line'; stroke: string; widthPx: number; dash?: [number, number] }
	| { kind: 'circle'; fill: string; stroke: string; radiusPx: number }
	| { kind: 'ring'; stroke: string; fill: string; dash: [number, number] };

/** What a layer's data is made from: the app's state, as the map draws it. */
export interface MapInputs {
	/** A shipped layer of the pack: its file's URL (MapLibre's worker parses it) or its features. */
	file(layer: LayerName): FeatureCollection | string;
	/** The located events inside the time window. */
	readonly events: MappedEventFeature[];
	/** The pack's provinces, once loaded (for events known only to the province). */
	readonly provinces: readonly ProvinceFeature[];
	/** The location estimates of those events. */
	readonly estimates: LocationEstimate[];
	/** The buffer bands, or undefined while a band slider is dragged (the map keeps the last ones). */
	readonly bands: readonly BandResult[] | undefined;
	/** Distances of the selected event or imported point. */
	readonly selectedDistances: EventDistances | undefined;
	/** The selected event's buffer radius, km. */
	readonly eventRadiusKm: number;
	/** The user's imported points: the template of their tiles' URLs (see ImportStore.mapData). */
	readonly imported: string;
	/** An event's short title, for labels. */
	eventTitle(eventId: string): string;
	/**
	 * A pack's extra layer (scenario.json "extraLayers"): its file's URL or its features; for a
	 * served layer, its archive's `pmtiles://` URL.
	 */
	extra(id: string): FeatureCollection | string;
	/** Where countries, provinces and towns are labelled, once their files are loaded. */
	readonly placeLabels: PlaceLabels | null;
	/** The language places are named in on the map. */
	readonly lang: MapLanguage;
}

/** One source of the map: GeoJSON, or vector tiles. */
export type SourceEntry = {
	id: string;
	/**
	 * Its data now; undefined keeps what the map has. A vector source's is a URL: its TileJSON's
	 * (`archive`) or its tiles' template (`tiles`).
	 */
	data: (inputs: MapInputs) => FeatureCollection | string | undefined;
	/**
	 * Vector tiles instead of GeoJSON: a served layer's archive (`pmtiles://…`, fixed for the
	 * page), or tiles made in the page, by a URL template that changes with what they hold.
	 */
	vector?: 'archive' | 'tiles';
	attribution?: string;
};

/** A style layer with its place in the drawing order (lower draws first; ties keep catalogue order). */
export type StyleLayer = LayerSpecification & { z: number };

export type LayerEntry = {
	/** The toggle's id (also its key in links and saved settings). */
	id: string;
	label: string;
	group: LayerGroup;
	/** The sources this entry owns (another entry may draw from them too). */
	sources: SourceEntry[];
	/**
	 * Its style layers; events are coloured by the pack's actors, and land is tinted by side of
	 * the primary border (scenario.json border.sides; untinted when not given).
	 */
	style: (actors: readonly Actor[], sides?: readonly string[]) => StyleLayer[];
	/** Its legend lines; the scenario names the border, the involved provinces and the actors. */
	legend: (meta: LegendMeta) => LegendLine[];
	/**
	 * A style layer whose features can be clicked and hovered, the data layer a click selects, and
	 * its priority where features overlap (lower wins: points before areas).
	 */
	pick?: { mapLayer: string; layer: InteractiveLayer; rank: number };
	/**
	 * What the inspector shows of a selected feature, as labelled lines (and sources). Events and
	 * imported points have views of their own (distances, estimates, claims), so they have none.
	 */
	inspect?: (feature: never, context: InspectContext) => InspectorView;
};

/** One line of the inspector: a label and its text, led by `strong`, linked when `href` is set. */
export type InspectorRow = {
	label: string;
	value: string;
	strong?: string;
	href?: string;
	/** BCP 47 language of the value (local names). */
	lang?: string;
};
export type InspectorView = { rows: InspectorRow[]; sources?: readonly Source[] };
/** What of the pack the inspector's lines name: the border's sides and the local languages. */
export type InspectContext = {
	borderCountries: readonly string[];
	localLanguages: Readonly<Record<string, string>>;
	/** A country's name in the chosen language (English when none is sourced). */
	countryName?: (name: string) => LocalName;
};

/** The inspector's Country line, in the chosen language. */
function countryRow(country: string, context: InspectContext): InspectorRow {
	const name = context.countryName?.(country) ?? { text: country, lang: 'en' };
	return { label: 'Country', value: name.text, ...(name.lang === 'en' ? {} : { lang: name.lang }) };
}

/** A typed `inspect` for a layer's feature type. */
const inspector =
	<F>(view: (feature: F, context: InspectContext) => InspectorView) =>
	(feature: never, context: InspectContext) =>
		view(feature as F, context);

const locationRow = (p: {
	locationBasis: 'reported' | 'stand-in';
	precisionKm: number;
	locationNote: string;
}): InspectorRow => ({
	label: 'Location',
	strong: p.locationBasis === 'stand-in' ? 'Stand-in location' : 'Reported location',
	value: `, precision radius ${formatKm(p.precisionKm, 0)}. ${p.locationNote}`
});

/** A legend line; `name`, when set, is a place named in the chosen language before the label. */
export type LegendLine = { id: string; label: string; symbol: LegendSymbol; name?: LocalName };

/** What of a scenario the legend names: its border, involved provinces, actors and extra layers. */
export type LegendMeta = Pick<ScenarioMeta, 'border' | 'provinces' | 'actors'> &
	Partial<Pick<ScenarioMeta, 'extraLayers'>> & {
		/** A country's name in the chosen language (English when none is sourced). */
		countryName?: (name: string) => LocalName;
	};

const hovered: ExpressionSpecification = ['boolean', ['feature-state', 'hover'], false];
const selected: ExpressionSpecification = ['boolean', ['feature-state', 'selected'], false];

/** Each event's actor colour (scenario.json "actors"); grey for an id the pack does not declare. */
function byAttacker(actors: readonly Actor[]): DataDrivenPropertyValueSpecification<string> {
	const cases = actors.flatMap((actor) => [actor.id, actor.colour]);
	// The tuple type of `match` cannot describe a spread of label/output pairs.
	return [
		'match',
		['get', 'actorGroup'],
		...cases,
		palette.borderContext
	] as unknown as ExpressionSpecification;
}

/** A label layer in the app's type: one font, white halo. */
function labels(
	id: string,
	source: string,
	z: number,
	field: ExpressionSpecification,
	placement: { size: number; anchor: 'left' | 'right' | 'top'; offset: [number, number] },
	colour: string = palette.townLabel,
	haloWidth = 1.5
): StyleLayer {
	return {
		id,
		z,
		type: 'symbol',
		source,
		layout: {
			'text-field': field,
			'text-font': [FONT],
			'text-size': placement.size,
			'text-anchor': placement.anchor,
			'text-offset': placement.offset,
			'text-optional': true
		},
		paint: {
			'text-color': colour,
			'text-halo-color': palette.labelHalo,
			'text-halo-width': haloWidth
		}
	};
}

/**
 * A label layer that also places an icon it does not draw (icon-opacity 0), always (overlap
 * allowed): the icon's box is then in the collision index, so labels placed after it keep off it.
 */
function withUnseenIcon(layer: StyleLayer, icon: ExpressionSpecification): StyleLayer {
	return {
		...layer,
		layout: { ...layer.layout, 'icon-image': icon, 'icon-allow-overlap': true },
		paint: { ...layer.paint, 'icon-opacity': 0 }
	} as StyleLayer;
}

/** Draw order, bottom to top. Symbols higher up are placed first: they win label collisions. */
const Z = { land: 10, areas: 20, lines: 30, points: 40, placeLabels: 48, labels: 50 } as const;

/**
 * `byCountry(name)` for each side of the primary border, else `otherwise`: the side tints.
 * @param colours the first and second side's colour
 */
function bySide(
	countryName: ExpressionSpecification,
	sides: readonly string[] | undefined,
	colours: readonly [string, string],
	otherwise: ExpressionSpecification | string
): ExpressionSpecification | string {
	const [a, b] = sides ?? [];
	if (!a || !b) return otherwise;
	return ['match', countryName, a, colours[0], b, colours[1], otherwise] as ExpressionSpecification;
}

/**
 * Names in Arabic script drawn a fifth larger: at the same size, Naskh's letters are much smaller
 * than Latin capitals (the collections mark such a label `arabicScript`).
 */
const scriptScale: ExpressionSpecification = [
	'case',
	['coalesce', ['get', 'arabicScript'], false],
	1.2,
	1
];

/** A place name label (country, province): one point per place, placed below every point label. */
function placeLabel(
	id: string,
	source: string,
	z: number,
	layout: Record<string, unknown>,
	paint: Record<string, unknown>
): StyleLayer {
	return {
		id,
		z,
		type: 'symbol',
		source,
		layout: {
			'text-field': ['get', 'label'],
			'text-font': [FONT],
			'text-max-width': 8,
			'text-padding': 4,
			...layout
		},
		paint: { 'text-halo-color': palette.labelHalo, 'text-halo-width': 1.5, ...paint }
	} as StyleLayer;
}

const empty: FeatureCollection = { type: 'FeatureCollection', features: [] };

/** The catalogue, in the legend's order (the layer panel groups it by `group`). */
export const catalogue: LayerEntry[] = [
	{
		id: 'countries',
		label: 'Countries',
		group: 'Context',
		sources: [
			{ id: 'countries', data: (i) => i.file('countries'), attribution: ATTRIBUTION.naturalEarth },
			{
				id: 'countryLabels',
				data: (i) =>
					i.placeLabels ? countryLabelCollection(i.placeLabels.countries, i.lang) : undefined
			}
		],
		style: (_actors, sides) => [
			{
				id: 'countries-fill',
				z: Z.land,
				type: 'fill',
				source: 'countries',
				paint: {
					'fill-color': bySide(['get', 'name'], sides, palette.sideLand, [
						'case',
						['get', 'focus'],
						palette.focusLand,
						palette.land
					])
				}
			},
			// The border's two countries large, the others smaller; above the point, so that a province
			// labelled at the same point (all of the country in view) is named below it.
			placeLabel(
				'countries-label',
				'countryLabels',
				Z.placeLabels + 1,
				{
					'text-size': ['*', ['case', ['get', 'focus'], 17, 14], scriptScale],
					'text-transform': 'uppercase',
					'text-letter-spacing': 0.12,
					'text-variable-anchor': ['bottom', 'center', 'top', 'left', 'right'],
					'text-radial-offset': 0.25
				},
				{ 'text-color': palette.countryLabel, 'text-halo-width': 2 }
			),
			{
				id: 'countries-outline',
				z: Z.land + 3,
				type: 'line',
				source: 'countries',
				paint: { 'line-color': palette.countryOutline, 'line-width': 1 }
			}
		],
		legend: (meta) => [
			...meta.border.sides.map((side, i) => ({
				id: `country-side-${i}`,
				label: '(land)',
				name: meta.countryName?.(side) ?? { text: side, lang: 'en' },
				symbol: {
					kind: 'fill' as const,
					fill: palette.sideLand[i as 0 | 1],
					stroke: palette.countryOutline
				}
			})),
			{
				id: 'country',
				label: 'Country (land)',
				symbol: { kind: 'fill', fill: palette.land, stroke: palette.countryOutline }
			}
		]
	},
	{
		id: 'provinces',
		label: 'Provinces',
		group: 'Provinces',
		sources: [
			{ id: 'provinces', data: (i) => i.file('provinces') },
			{
				id: 'provinceLabels',
				data: (i) =>
					i.placeLabels ? provinceLabelCollection(i.placeLabels.provinces, i.lang) : undefined
			}
		],
		style: (_actors, sides) => [
			{
				id: 'provinces-fill',
				z: Z.land + 1,
				type: 'fill',
				source: 'provinces',
				paint: {
					'fill-color': [
						'case',
						['get', 'involved'],
						[
							'case',
							hovered,
							palette.provinceInvolvedHover,
							bySide(['get', 'country'], sides, palette.sideInvolved, palette.provinceInvolved)
						],
						[
							'case',
							hovered,
							palette.provinceHover,
							bySide(['get', 'country'], sides, palette.sideLand, palette.province)
						]
					] as ExpressionSpecification
				}
			},
			// The provinces struck prominent and placed before the towns (after events and
			// crossings), the others quieter and only once there is room.
			...([true, false].map((involved) => ({
				...placeLabel(
					involved ? 'provinces-label-involved' : 'provinces-label',
					'provinceLabels',
					involved ? Z.labels + 0.5 : Z.placeLabels,
					{
						'text-size': ['*', involved ? 13 : 11, scriptScale],
						'text-max-width': 12,
						'text-variable-anchor': [
							'top',
							'center',
							'bottom',
							'top-left',
							'top-right',
							'bottom-left',
							'bottom-right'
						],
						'text-radial-offset': 0.5
					},
					{ 'text-color': involved ? palette.provinceLabel : palette.provinceLabelQuiet }
				),
				filter: ['==', ['get', 'involved'], involved]
			})) as StyleLayer[]),
			{
				id: 'provinces-outline',
				z: Z.land + 2,
				type: 'line',
				source: 'provinces',
				paint: {
					'line-color': ['case', selected, palette.selection, palette.provinceOutline],
					'line-width': ['case', selected, 2.5, 0.7]
				}
			}
		],
		legend: (meta) => [
			// Each side's involved provinces in a darker tint of its land: the swatch shows both.
			{
				id: 'province-involved',
				label: meta.provinces.involvedLabel,
				symbol: {
					kind: 'fill',
					fill: palette.sideInvolved[0],
					fill2: palette.sideInvolved[1],
					stroke: palette.provinceOutline
				}
			},
			{
				id: 'province',
				label: 'Other province',
				symbol: { kind: 'fill', fill: palette.province, stroke: palette.provinceOutline }
			}
		],
		pick: { mapLayer: 'provinces-fill', layer: 'provinces', rank: 4 },
		inspect: inspector<ProvinceFeature>(({ properties: p }, context) => ({
			rows: [
				...(p.nameLocal
					? [{ label: 'Local name', value: p.nameLocal, lang: context.localLanguages[p.country] }]
					: []),
				countryRow(p.country, context),
				{ label: 'ISO 3166-2 (Natural Earth)', value: p.iso },
				{ label: 'Involved in the strikes', value: p.involved ? 'Yes' : 'No' },
				...(p.note ? [{ label: 'Note', value: p.note }] : []),
				{ label: 'Source', value: 'Natural Earth 1:10m admin-1 (public domain)' }
			]
		}))
	},
	{
		id: 'border',
		label: 'Primary border',
		group: 'Border region',
		sources: [{ id: 'borders', data: (i) => i.file('borders') }],
		style: () => [
			{
				id: 'borders-primary',
				z: Z.lines + 1,
				type: 'line',
				source: 'borders',
				filter: ['get', 'primary'],
				layout: { 'line-cap': 'round', 'line-join': 'round' },
				paint: { 'line-color': palette.borderPrimary, 'line-width': 3.5 }
			}
		],
		legend: (meta) => [
			{
				id: 'border-primary',
				label: meta.border.name,
				symbol: { kind: 'line', stroke: palette.borderPrimary, widthPx: 3.5 }
			}
		]
	},
	{
		id: 'other-borders',
		label: 'Other borders',
		group: 'Border region',
		sources: [], // draws from the primary border's source
		style: () => [
			{
				id: 'borders-context',
				z: Z.lines,
				type: 'line',
				source: 'borders',
				filter: ['!', ['get', 'primary']],
				layout: { 'line-cap': 'round', 'line-join': 'round' },
				paint: { 'line-color': palette.borderContext, 'line-width': 2, 'line-dasharray': [3, 2] }
			}
		],
		legend: () => [
			{
				id: 'border-context',
				label: 'Other international border',
				symbol: { kind: 'line', stroke: palette.borderContext, widthPx: 2, dash: [3, 2] }
			}
		]
	},
	{
		id: 'events',
		label: 'Events',
		group: 'Events',
		sources: [
			{
				id: 'events',
				data: (i) => ({ type: 'FeatureCollection', features: i.events }),
				attribution: ATTRIBUTION.events
			}
		],
		style: () => [
			{
				// The highlight ring under an event symbol: shown for hover and selection.
				id: 'events-halo',
				z: Z.points + 5,
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
				z: Z.points + 6,
				type: 'symbol',
				source: 'events',
				layout: {
					'icon-image': ['concat', 'event-', ['get', 'actorGroup']],
					'icon-allow-overlap': true,
					'icon-ignore-placement': true
				}
			},
			// The label also holds the symbol's place, unseen: placed before every other label
			// (estimates, imports, crossings, places), it keeps them off the event as well as off
			// its name.
			withUnseenIcon(
				labels(
					'events-label',
					'events',
					Z.labels + 5,
					['get', 'shortTitle'],
					{ size: 12, anchor: 'right', offset: [-1, 0] },
					palette.townLabel,
					2
				),
				['concat', 'event-', ['get', 'actorGroup']]
			)
		],
		legend: (meta) =>
			meta.actors.map((actor) => ({
				id: `event-${actor.id}`,
				label: `Event by ${actor.label} (${actor.shape})`,
				symbol: {
					kind: 'shape',
					shape: actor.shape,
					fill: actor.colour,
					stroke: palette.labelHalo,
					sizePx: 18
				}
			})),
		pick: { mapLayer: 'events-symbol', layer: 'events', rank: 0 }
	},
	{
		id: 'precision',
		label: 'Location uncertainty',
		group: 'Events',
		sources: [{ id: 'precision', data: (i) => precisionShapes(i.events, i.provinces) }],
		style: (actors) => [
			{
				id: 'precision-fill',
				z: Z.areas,
				type: 'fill',
				source: 'precision',
				filter: ['!=', ['get', 'shape'], 'ring'],
				paint: { 'fill-color': byAttacker(actors), 'fill-opacity': 0.07 }
			},
			{
				id: 'precision-outline',
				z: Z.areas,
				type: 'line',
				source: 'precision',
				filter: ['==', ['get', 'shape'], 'disc'],
				paint: {
					'line-color': byAttacker(actors),
					'line-width': 1.2,
					'line-dasharray': [2, 2],
					'line-opacity': 0.8
				}
			},
			{
				id: 'precision-province',
				z: Z.areas,
				type: 'line',
				source: 'precision',
				filter: ['==', ['get', 'shape'], 'province'],
				paint: { 'line-color': byAttacker(actors), 'line-width': 2.5, 'line-opacity': 0.8 }
			},
			{
				// A known site or town: a small ring around the symbol, whatever the zoom.
				id: 'precision-ring',
				z: Z.points + 4,
				type: 'circle',
				source: 'events',
				filter: ['in', ['get', 'precisionScope'], ['literal', ['site', 'town']]],
				paint: {
					'circle-radius': 12,
					'circle-opacity': 0,
					'circle-stroke-color': byAttacker(actors),
					'circle-stroke-width': 1.5
				}
			}
		],
		legend: () => [
			{
				id: 'precision',
				label: 'Location precision: ring, town; disc, radius; outline, province',
				symbol: { kind: 'ring', stroke: palette.borderContext, fill: 'transparent', dash: [2, 2] }
			}
		]
	},
	{
		id: 'candidates',
		label: 'Other readings of a place',
		group: 'Events',
		sources: [{ id: 'candidates', data: (i) => candidatePoints(i.events) }],
		style: (actors) => [
			{
				id: 'candidates-circle',
				z: Z.points + 3,
				type: 'circle',
				source: 'candidates',
				paint: {
					'circle-radius': 7,
					'circle-opacity': 0,
					'circle-stroke-color': byAttacker(actors),
					'circle-stroke-width': 2.5
				}
			},
			labels(
				'candidates-label',
				'candidates',
				Z.labels + 1,
				['get', 'label'],
				{ size: 11, anchor: 'left', offset: [0.9, 0] },
				palette.townLabel
			)
		],
		legend: () => [
			{
				id: 'candidate',
				label:
					"Another reading of an event's place (hollow), with the words it rests on in Details",
				symbol: { kind: 'ring', stroke: palette.borderContext, fill: 'transparent', dash: [1, 0] }
			}
		]
	},
	{
		id: 'towns',
		label: 'Towns',
		group: 'Context',
		sources: [
			{
				id: 'towns',
				// The file at first (MapLibre parses it), then the towns named and ranked.
				data: (i) =>
					i.placeLabels ? townLabelCollection(i.placeLabels.towns, i.lang) : i.file('towns'),
				attribution: ATTRIBUTION.geonames
			}
		],
		style: () => [
			{
				// The hover and selection highlight; the dot itself is the label's icon.
				id: 'towns-circle',
				z: Z.points + 1,
				type: 'circle',
				source: 'towns',
				paint: {
					'circle-color': palette.town,
					'circle-radius': ['case', selected, 5, hovered, 5, 0],
					'circle-stroke-color': ['case', selected, palette.selection, palette.labelHalo],
					'circle-stroke-width': ['case', selected, 2.5, hovered, 1, 0]
				}
			},
			{
				// Dot and name are one symbol, neither optional: a town whose name has no room is not
				// drawn at all (never a bare dot). Towns in the involved provinces are placed first.
				id: 'towns-label',
				z: Z.labels,
				type: 'symbol',
				source: 'towns',
				layout: {
					'icon-image': TOWN_ICON,
					'text-field': ['coalesce', ['get', 'label'], ['get', 'name']],
					'text-font': [FONT],
					'text-size': ['*', ['case', ['==', ['get', 'rank'], 0], 12.5, 11.5], scriptScale],
					'text-anchor': 'left',
					'text-offset': [0.6, 0],
					'text-optional': false,
					'icon-optional': false,
					'symbol-sort-key': ['coalesce', ['get', 'rank'], 1]
				},
				paint: {
					'text-color': palette.townLabel,
					'text-halo-color': palette.labelHalo,
					'text-halo-width': 1.5
				}
			}
		],
		legend: () => [
			{
				id: 'town',
				label: 'Town',
				symbol: { kind: 'circle', fill: palette.town, stroke: palette.labelHalo, radiusPx: 3 }
			}
		],
		pick: { mapLayer: 'towns-label', layer: 'towns', rank: 3 },
		inspect: inspector<TownFeature>(({ properties: p, geometry }, context) => {
			const [lon, lat] = geometry.coordinates;
			return {
				rows: [
					countryRow(p.country, context),
					{ label: 'Coordinates', value: `${lat.toFixed(4)}° N, ${lon.toFixed(4)}° E` },
					{ label: 'Source', value: p.source, ...(p.sourceUrl ? { href: p.sourceUrl } : {}) }
				]
			};
		})
	},
	{
		id: 'crossings',
		label: 'Border crossings',
		group: 'Context',
		sources: [{ id: 'crossings', data: (i) => i.file('crossings') }],
		style: () => [
			{
				id: 'crossings-circle',
				z: Z.points + 2,
				type: 'circle',
				source: 'crossings',
				paint: {
					'circle-color': palette.crossing,
					'circle-radius': ['case', hovered, 8, 6],
					'circle-stroke-color': palette.crossingOutline,
					'circle-stroke-width': ['case', selected, 3, 1.5]
				}
			},
			labels('crossings-label', 'crossings', Z.labels + 1, ['get', 'name'], {
				size: 11,
				anchor: 'top',
				offset: [0, 0.9]
			})
		],
		legend: () => [
			{
				id: 'crossing',
				label: 'Border crossing',
				symbol: {
					kind: 'circle',
					fill: palette.crossing,
					stroke: palette.crossingOutline,
					radiusPx: 6
				}
			}
		],
		pick: { mapLayer: 'crossings-circle', layer: 'crossings', rank: 2 },
		inspect: inspector<CrossingFeature>(({ properties: p }, { borderCountries }) => ({
			rows: [
				...borderCountries.map((country) => ({
					label: `${country} side`,
					value: p.sides[country] ?? 'not named'
				})),
				p.locationBasis === 'none'
					? { label: 'Location', strong: 'Not on the map', value: `. ${p.locationNote}` }
					: locationRow(p),
				...(p.opened ? [{ label: 'Opened', value: p.opened }] : []),
				...(p.note ? [{ label: 'Note', value: p.note }] : [])
			],
			sources: p.sources
		}))
	},
	{
		id: 'bands',
		label: 'Buffer bands',
		group: 'Analysis',
		// While a band slider is dragged the map keeps the last bands and redraws on release.
		sources: [{ id: 'bands', data: (i) => (i.bands ? bandsCollection(i.bands) : undefined) }],
		style: () => [
			{
				id: 'bands-fill',
				z: Z.areas + 1,
				type: 'fill',
				source: 'bands',
				paint: { 'fill-color': palette.band, 'fill-opacity': 0.12 }
			},
			{
				id: 'bands-outline',
				z: Z.areas + 1,
				type: 'line',
				source: 'bands',
				paint: { 'line-color': palette.band, 'line-width': 1.2, 'line-opacity': 0.9 }
			}
		],
		legend: () => [
			{
				id: 'band',
				label: 'Buffer band along the border',
				symbol: { kind: 'fill', fill: palette.band, stroke: palette.band, opacity: 0.25 }
			}
		]
	},
	{
		id: 'estimates',
		label: 'Location estimates',
		group: 'Analysis',
		sources: [
			{ id: 'estimates', data: (i) => estimateAreas(i.estimates) },
			{ id: 'estimateCentres', data: (i) => estimateCentres(i.estimates, i.eventTitle) }
		],
		style: () => [
			{
				id: 'estimates-fill',
				z: Z.areas + 2,
				type: 'fill',
				source: 'estimates',
				paint: { 'fill-pattern': HATCH_IMAGE }
			},
			{
				id: 'estimates-outline',
				z: Z.areas + 2,
				type: 'line',
				source: 'estimates',
				paint: { 'line-color': palette.estimate, 'line-width': 1.5, 'line-dasharray': [4, 2] }
			},
			{
				id: 'estimate-centres',
				z: Z.points,
				type: 'circle',
				source: 'estimateCentres',
				paint: {
					'circle-color': palette.labelHalo,
					'circle-radius': 5,
					'circle-stroke-color': palette.estimate,
					'circle-stroke-width': 2
				}
			},
			labels(
				'estimate-centres-label',
				'estimateCentres',
				Z.labels + 4,
				['get', 'label'],
				{ size: 11, anchor: 'top', offset: [0, 0.7] },
				palette.estimate
			)
		],
		legend: () => [
			{
				id: 'estimate',
				label: 'Location estimate from reported distances (hatched area, centre)',
				symbol: { kind: 'hatch', stroke: palette.estimate }
			}
		]
	},
	{
		id: 'event-buffer',
		label: 'Selected event: buffer and border connector',
		group: 'Analysis',
		sources: [
			{
				id: 'eventBuffer',
				data: (i) => eventBufferCollection(i.selectedDistances?.location.point, i.eventRadiusKm)
			},
			{ id: 'connector', data: (i) => connectorCollection(i.selectedDistances) }
		],
		style: () => [
			{
				id: 'event-buffer-outline',
				z: Z.areas + 3,
				type: 'line',
				source: 'eventBuffer',
				paint: { 'line-color': palette.eventBuffer, 'line-width': 2, 'line-dasharray': [3, 1.5] }
			},
			{
				id: 'connector',
				z: Z.lines + 2,
				type: 'line',
				source: 'connector',
				layout: { 'line-cap': 'round' },
				paint: { 'line-color': palette.connector, 'line-width': 2, 'line-dasharray': [2, 1.5] }
			}
		],
		legend: () => [
			{
				id: 'event-buffer',
				label: 'Buffer around the selected event',
				symbol: { kind: 'ring', stroke: palette.eventBuffer, fill: 'transparent', dash: [3, 1.5] }
			},
			{
				id: 'connector',
				label: 'Nearest border point of the selected event',
				symbol: { kind: 'line', stroke: palette.connector, widthPx: 2, dash: [2, 1.5] }
			}
		]
	},
	{
		id: 'imported',
		label: 'Imported points',
		group: 'Your data',
		sources: [{ id: 'imported', data: (i) => i.imported, vector: 'tiles' }],
		style: () => [
			{
				// Where imported points crowd (a dense file seen from afar), one circle sized by how
				// many it stands for; clicking it zooms in until they separate. Drawn, with its count,
				// under the events, so a crowd of points never hides a strike.
				id: 'imported-clusters',
				z: Z.points + 3,
				type: 'circle',
				source: 'imported',
				'source-layer': IMPORT_SOURCE_LAYER,
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
				z: Z.points + 4,
				type: 'symbol',
				source: 'imported',
				'source-layer': IMPORT_SOURCE_LAYER,
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
				id: 'imported-circle',
				z: Z.points + 7,
				type: 'circle',
				source: 'imported',
				'source-layer': IMPORT_SOURCE_LAYER,
				filter: ['!', ['has', 'point_count']],
				paint: {
					'circle-color': palette.imported,
					'circle-radius': ['case', hovered, 8, 6],
					'circle-stroke-color': ['case', selected, palette.selection, palette.labelHalo],
					'circle-stroke-width': ['case', selected, 3, 1.5]
				}
			},
			{
				...labels(
					'imported-label',
					'imported',
					Z.labels + 3,
					['get', 'name'],
					{ size: 11, anchor: 'left', offset: [0.8, 0] },
					palette.imported
				),
				'source-layer': IMPORT_SOURCE_LAYER,
				filter: ['!', ['has', 'point_count']],
				// Thousands of imported labels would only collide: name them once zoomed in.
				minzoom: 7
			} as StyleLayer
		],
		legend: () => [
			{
				id: 'imported',
				label: 'Imported point (your data)',
				symbol: { kind: 'circle', fill: palette.imported, stroke: palette.labelHalo, radiusPx: 6 }
			},
			{
				id: 'imported-cluster',
				label: '10 or more imported points close together (click to zoom in)',
				symbol: { kind: 'circle', fill: palette.imported, stroke: palette.labelHalo, radiusPx: 9 }
			}
		],
		pick: { mapLayer: 'imported-circle', layer: 'imported', rank: 1 }
	}
];

/**
 * A pack's extra layer as a catalogue entry: drawn in its colour by kind (areas under the
 * analysis overlays, lines under the borders, points under the events), toggled in the Context
 * group, in the legend with its source. Not clickable: extra layers are shown, not analysed. A
 * served layer (tiles) is the same entry over a vector source, drawing its `sourceLayer`.
 */
export function extraLayerEntry(extra: ExtraLayer): LayerEntry {
	const id = `extra-${extra.id}`;
	const source: SourceEntry = {
		id,
		data: (i) => i.extra(extra.id),
		attribution: creditText(extra.source),
		...(extra.tiles !== undefined ? { vector: 'archive' as const } : {})
	};
	const sourceLayer = extra.tiles !== undefined ? { 'source-layer': extra.sourceLayer } : {};
	const byKind = {
		areas: {
			style: (): StyleLayer[] => [
				{
					id: `${id}-fill`,
					z: Z.areas - 1,
					type: 'fill',
					source: id,
					...sourceLayer,
					paint: { 'fill-color': extra.colour, 'fill-opacity': 0.15 }
				},
				{
					id: `${id}-outline`,
					z: Z.areas - 1,
					type: 'line',
					source: id,
					...sourceLayer,
					paint: { 'line-color': extra.colour, 'line-width': 1.5 }
				}
			],
			symbol: { kind: 'fill', fill: extra.colour, stroke: extra.colour, opacity: 0.3 }
		},
		lines: {
			style: (): StyleLayer[] => [
				{
					id: `${id}-line`,
					z: Z.lines - 1,
					type: 'line',
					source: id,
					...sourceLayer,
					layout: { 'line-cap': 'round', 'line-join': 'round' },
					paint: { 'line-color': extra.colour, 'line-width': 2.5, 'line-dasharray': [4, 2] }
				}
			],
			symbol: { kind: 'line', stroke: extra.colour, widthPx: 2.5, dash: [4, 2] }
		},
		points: {
			style: (): StyleLayer[] => [
				{
					id: `${id}-circle`,
					z: Z.points - 1,
					type: 'circle',
					source: id,
					...sourceLayer,
					paint: {
						'circle-color': extra.colour,
						'circle-radius': 4,
						'circle-stroke-color': palette.labelHalo,
						'circle-stroke-width': 1
					}
				},
				{
					...labels(`${id}-label`, id, Z.labels - 1, ['coalesce', ['get', 'name'], ''], {
						size: 11,
						anchor: 'left',
						offset: [0.6, 0]
					}),
					...sourceLayer
				} as StyleLayer
			],
			symbol: { kind: 'circle', fill: extra.colour, stroke: palette.labelHalo, radiusPx: 4 }
		}
	} satisfies Record<ExtraLayer['kind'], { style: () => StyleLayer[]; symbol: LegendSymbol }>;
	const kind = byKind[extra.kind];
	return {
		id,
		label: extra.label,
		group: 'Context',
		sources: [source],
		style: kind.style,
		legend: () => [{ id, label: extra.label, symbol: kind.symbol }]
	};
}

/** A pack's catalogue: the app's layers and the pack's extra layers, before the events. */
export function packCatalogue(meta: Partial<Pick<ScenarioMeta, 'extraLayers'>>): LayerEntry[] {
	const extras = (meta.extraLayers ?? []).map(extraLayerEntry);
	if (!extras.length) return catalogue;
	const at = catalogue.findIndex((e) => e.id === 'events');
	return [...catalogue.slice(0, at), ...extras, ...catalogue.slice(at)];
}

/** Every source of the map, in catalogue order. */
export const sourceEntries: SourceEntry[] = catalogue.flatMap((e) => e.sources);

/** An empty collection, for a source with nothing yet. */
export const EMPTY = empty;

/**
 * Where a clicked or selected feature's state is kept on the map: its layer's source, and for
 * the imported points (vector tiles) the tiles' layer.
 */
export function featureTarget(ref: FeatureRef): {
	source: string;
	sourceLayer?: string;
	id: string;
} {
	return ref.layer === 'imported'
		? { source: ref.layer, sourceLayer: IMPORT_SOURCE_LAYER, id: ref.id }
		: { source: ref.layer, id: ref.id };
}
