// Valibot schemas for every geodata file the app loads, and the types inferred from them.
import * as v from 'valibot';

/** What is wrong with a GeoJSON position ([longitude, latitude] in degrees, WGS84), or null. */
function positionProblem(p: unknown): string | null {
	if (!Array.isArray(p) || p.length < 2 || p.length > 3)
		return 'a position must be [longitude, latitude]';
	const [lng, lat] = p as unknown[];
	const shown = (x: unknown) =>
		typeof x === 'number' ? String(x) : (JSON.stringify(x) ?? String(x));
	if (typeof lng !== 'number' || !Number.isFinite(lng))
		return `longitude ${shown(lng)} is not a finite number`;
	if (typeof lat !== 'number' || !Number.isFinite(lat))
		return `latitude ${shown(lat)} is not a finite number`;
	if (lng < -180 || lng > 180) return `longitude ${lng} is outside −180…180`;
	if (lat < -90 || lat > 90) return `latitude ${lat} is outside −90…90`;
	return null;
}

/** What is wrong with a list of at least `min` positions, naming the first bad one, or null. */
function positionsProblem(list: unknown, min: number, what: string): string | null {
	if (!Array.isArray(list)) return `${what} must be a list of positions`;
	if (list.length < min) return `${what} needs at least ${min} positions`;
	for (let i = 0; i < list.length; i++) {
		const problem = positionProblem(list[i]);
		if (problem) return `position ${i}: ${problem}`;
	}
	return null;
}

// Coordinates are checked by one function per list rather than a schema per number: a country
// file holds tens of thousands of positions, and the data is passed on as it is, not copied.
/** A GeoJSON position: [longitude, latitude] in degrees (WGS84). */
const position = v.custom<[number, number]>(
	(p) => positionProblem(p) === null,
	(issue) => positionProblem(issue.input) ?? 'Invalid position'
);
/** A list of at least `min` positions. */
const positions = (min: number, what: string) =>
	v.custom<[number, number][]>(
		(list) => positionsProblem(list, min, what) === null,
		(issue) => positionsProblem(issue.input, min, what) ?? 'Invalid positions'
	);
const ring = v.pipe(
	positions(4, 'A polygon ring'),
	v.check(
		(r) => r[0]![0] === r.at(-1)![0] && r[0]![1] === r.at(-1)![1],
		'A polygon ring must be closed (first and last positions equal)'
	)
);
const lineCoords = positions(2, 'A line');

const pointGeometry = v.object({ type: v.literal('Point'), coordinates: position });
const polygonGeometry = v.union([
	v.object({ type: v.literal('Polygon'), coordinates: v.array(ring) }),
	v.object({ type: v.literal('MultiPolygon'), coordinates: v.array(v.array(ring)) })
]);
const lineGeometry = v.union([
	v.object({ type: v.literal('LineString'), coordinates: lineCoords }),
	v.object({ type: v.literal('MultiLineString'), coordinates: v.array(lineCoords) })
]);

export const nonEmpty = v.pipe(v.string(), v.minLength(1));
const httpUrl = v.pipe(
	v.string(),
	v.url(),
	v.regex(/^https?:\/\//, 'Source links must be http(s) URLs')
);
export const isoDate = v.pipe(v.string(), v.isoDate());

/** A publication that reported something, as cited in the data. */
export const sourceSchema = v.object({
	publication: nonEmpty,
	title: v.nullable(nonEmpty),
	url: v.nullable(httpUrl),
	date: v.nullable(isoDate)
});

/** Where a coordinate comes from: reported for the place itself, or a stand-in for an unknown site. */
const locationBasis = v.picklist(['reported', 'stand-in']);

const casualtyClaim = v.object({
	claimant: nonEmpty,
	killed: v.nullable(v.pipe(v.number(), v.integer(), v.minValue(0))),
	injured: v.nullable(v.pipe(v.number(), v.integer(), v.minValue(0))),
	note: v.nullable(nonEmpty)
});

const distanceBand = {
	statement: nonEmpty,
	claimant: nonEmpty,
	minKm: v.pipe(v.number(), v.minValue(0)),
	maxKm: v.pipe(v.number(), v.minValue(0))
};
/** A reported distance that constrains where an unlocated site can be. */
const locationConstraint = v.variant('kind', [
	v.object({ kind: v.literal('distance-from-town'), townId: nonEmpty, ...distanceBand }),
	v.object({ kind: v.literal('distance-from-border'), ...distanceBand })
]);

const eventCommon = {
	id: nonEmpty,
	title: nonEmpty,
	/** A few words for labels and tables, e.g. "Panjgur strike". */
	shortTitle: v.pipe(v.string(), v.minLength(1), v.maxLength(40)),
	dateUtc: v.pipe(v.string(), v.isoTimestamp()),
	timePrecision: v.picklist(['minute', 'approximate', 'day']),
	timeNote: v.nullable(nonEmpty),
	utcOffsetMinutes: v.pipe(v.number(), v.integer(), v.minValue(-720), v.maxValue(840)),
	placeReported: nonEmpty,
	casualties: v.array(casualtyClaim),
	sources: v.pipe(v.array(sourceSchema), v.minLength(1, 'Every event needs at least one source'))
};

const mappedEventProps = v.object({
	...eventCommon,
	kind: v.picklist(['strike', 'attack', 'killing']),
	attacker: nonEmpty,
	/** An actor id of the scenario pack (scenario.json "actors"): its colour, shape and label. */
	attackerGroup: nonEmpty,
	claimedTarget: v.nullable(nonEmpty),
	country: nonEmpty,
	province: nonEmpty,
	locationBasis,
	locationNote: nonEmpty,
	precisionKm: v.pipe(v.number(), v.finite(), v.minValue(0)),
	weapons: v.array(nonEmpty),
	constraints: v.array(locationConstraint)
});

const unmappedEventProps = v.object({
	...eventCommon,
	kind: v.literal('diplomatic'),
	attacker: v.null(),
	attackerGroup: v.literal('none'),
	claimedTarget: v.null(),
	country: v.null(),
	province: v.null(),
	locationBasis: v.literal('none'),
	locationNote: nonEmpty,
	precisionKm: v.null(),
	weapons: v.array(nonEmpty),
	constraints: v.array(locationConstraint)
});

const eventFeature = v.union([
	v.object({
		type: v.literal('Feature'),
		id: nonEmpty,
		geometry: pointGeometry,
		properties: mappedEventProps
	}),
	v.object({
		type: v.literal('Feature'),
		id: nonEmpty,
		geometry: v.null(),
		properties: unmappedEventProps
	})
]);

const countryFeature = v.object({
	type: v.literal('Feature'),
	geometry: polygonGeometry,
	properties: v.object({
		id: v.pipe(v.string(), v.regex(/^[A-Z]{3}$/)),
		name: nonEmpty,
		focus: v.boolean()
	})
});

const borderFeature = v.object({
	type: v.literal('Feature'),
	geometry: lineGeometry,
	properties: v.object({
		id: nonEmpty,
		name: nonEmpty,
		countries: v.tuple([nonEmpty, nonEmpty]),
		primary: v.boolean()
	})
});

const provinceFeature = v.object({
	type: v.literal('Feature'),
	geometry: polygonGeometry,
	properties: v.object({
		id: nonEmpty,
		iso: nonEmpty,
		name: nonEmpty,
		nameLocal: v.nullable(nonEmpty),
		country: nonEmpty,
		involved: v.boolean(),
		note: v.nullable(nonEmpty)
	})
});

const townFeature = v.object({
	type: v.literal('Feature'),
	geometry: pointGeometry,
	properties: v.object({
		id: nonEmpty,
		name: nonEmpty,
		nameAscii: nonEmpty,
		country: nonEmpty,
		source: nonEmpty,
		sourceUrl: v.nullable(httpUrl)
	})
});

const crossingFeature = v.object({
	type: v.literal('Feature'),
	id: nonEmpty,
	geometry: pointGeometry,
	properties: v.object({
		id: nonEmpty,
		name: nonEmpty,
		/** The crossing's name on each side, keyed by the border's country names. */
		sides: v.record(v.string(), nonEmpty),
		locationBasis,
		locationNote: nonEmpty,
		precisionKm: v.pipe(v.number(), v.finite(), v.minValue(0)),
		opened: v.nullable(isoDate),
		note: v.nullable(nonEmpty),
		sources: v.pipe(v.array(sourceSchema), v.minLength(1))
	})
});

function collection<T extends v.GenericSchema>(feature: T) {
	return v.object({ type: v.literal('FeatureCollection'), features: v.array(feature) });
}

/** One schema per geodata file, keyed by the layer name the app uses. */
export const layerSchemas = {
	countries: collection(countryFeature),
	borders: collection(borderFeature),
	provinces: collection(provinceFeature),
	towns: collection(townFeature),
	crossings: collection(crossingFeature),
	events: collection(eventFeature)
} as const;

/** What an extra layer of a pack draws (scenario.json "extraLayers"): its features' geometry. */
export const extraLayerKinds = ['points', 'lines', 'areas'] as const;
export type ExtraLayerKind = (typeof extraLayerKinds)[number];

const extraGeometry = {
	points: v.union([
		pointGeometry,
		v.object({ type: v.literal('MultiPoint'), coordinates: positions(1, 'A multi-point') })
	]),
	lines: lineGeometry,
	areas: polygonGeometry
} as const;

/**
 * An extra layer's features: geometry of its kind, and any properties, of which `name` (if any)
 * labels points. Extra layers are drawn and toggled, not analysed.
 */
const extraFeature = <G extends v.GenericSchema>(geometry: G) =>
	v.object({
		type: v.literal('Feature'),
		geometry,
		properties: v.looseObject({ name: v.optional(nonEmpty) })
	});
export const extraLayerSchemas = {
	points: collection(extraFeature(extraGeometry.points)),
	lines: collection(extraFeature(extraGeometry.lines)),
	areas: collection(extraFeature(extraGeometry.areas))
} as const;
export type ExtraLayerData = {
	type: 'FeatureCollection';
	features: { type: 'Feature'; geometry: unknown; properties: Record<string, unknown> }[];
};

export type LayerName = keyof typeof layerSchemas;
export const layerNames = Object.keys(layerSchemas) as LayerName[];
export type LayerData<K extends LayerName> = v.InferOutput<(typeof layerSchemas)[K]>;

export type CountryFeature = v.InferOutput<typeof countryFeature>;
export type BorderFeature = v.InferOutput<typeof borderFeature>;
export type ProvinceFeature = v.InferOutput<typeof provinceFeature>;
export type TownFeature = v.InferOutput<typeof townFeature>;
export type CrossingFeature = v.InferOutput<typeof crossingFeature>;
export type EventFeature = v.InferOutput<typeof eventFeature>;
/** An event with a location on the map (strikes, attacks, killings). */
export type MappedEventFeature = Extract<EventFeature, { geometry: { type: 'Point' } }>;
export type Source = v.InferOutput<typeof sourceSchema>;
export type CasualtyClaim = v.InferOutput<typeof casualtyClaim>;
export type LocationConstraint = v.InferOutput<typeof locationConstraint>;
