// Valibot schemas for every geodata file the app loads, and the types inferred from them.
import * as v from 'valibot';
import {
	acledEventTypeNames,
	acledEventTypes,
	acledSubEventTypes,
	geoPrecision,
	precisionScopes,
	timePrecisions,
	UCDP_NEAR_KM,
	wherePrecision
} from './codebook';

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

/**
 * A publication, as cited in the data. `publisher` is the outlet that carried it; `agency` the
 * wire service whose story it is (AFP, Reuters, Xinhua), to which its figures are credited.
 * A source without a link says why (`noUrlReason`: print only, broadcast, …).
 */
export const sourceSchema = v.pipe(
	v.object({
		/** Unique within a pack; claims name their sources by it. Optional outside events. */
		id: v.optional(nonEmpty),
		publisher: nonEmpty,
		agency: v.nullable(nonEmpty),
		title: nonEmpty,
		/** Publication date; null for reference works (then `accessed` dates the reading). */
		date: v.nullable(isoDate),
		url: v.nullable(httpUrl),
		noUrlReason: v.nullable(nonEmpty),
		/** An archived copy (e.g. the Wayback Machine), and when the source was read. */
		archiveUrl: v.nullable(httpUrl),
		accessed: v.nullable(isoDate)
	}),
	v.check(
		(s) => (s.url === null) !== (s.noUrlReason === null),
		(issue) =>
			`Source “${(issue.input as { title?: string }).title ?? '?'}” needs either a url or a noUrlReason`
	)
);

/** Who made a claim: a named person and their office, or an office alone when unnamed. */
export const claimantSchema = v.object({
	person: v.nullable(nonEmpty),
	office: nonEmpty
});

const count = v.pipe(v.number(), v.integer(), v.minValue(0));
/** A figure as given: `best` alone for one number, low/high for a range ("6 to 8"). */
const figureRange = v.pipe(
	v.object({ low: v.nullable(count), best: v.nullable(count), high: v.nullable(count) }),
	v.check(
		(r) => r.low !== null || r.best !== null || r.high !== null,
		'A figure needs low, best or high'
	),
	v.check(
		(r) =>
			(r.low === null || r.best === null || r.low <= r.best) &&
			(r.best === null || r.high === null || r.best <= r.high) &&
			(r.low === null || r.high === null || r.low <= r.high),
		'A figure needs low ≤ best ≤ high'
	)
);

const sourceIds = v.pipe(
	v.array(nonEmpty),
	v.minLength(1, 'A claim names the publication that carried it')
);

/** What a claim is about. */
export const claimTopics = [
	'casualties',
	'target',
	'time',
	'place',
	'responsibility',
	'weapons',
	'other'
] as const;

/**
 * A statement by a claimant, carried by one or more publications. Conflicting claims stand side
 * by side; nothing is averaged.
 */
const claimSchema = v.object({
	id: nonEmpty,
	topic: v.picklist(claimTopics),
	stance: v.picklist(['claims', 'denies', 'confirms']),
	claimant: claimantSchema,
	/** The claim in a sentence; quotation marks for the claimant's own words. */
	statement: nonEmpty,
	killed: v.nullable(figureRange),
	injured: v.nullable(figureRange),
	sourceIds
});

/** Where a coordinate comes from: reported for the place itself, or a stand-in for an unknown site. */
const locationBasis = v.picklist(['reported', 'stand-in']);

const distanceBand = {
	statement: nonEmpty,
	claimant: claimantSchema,
	sourceIds,
	minKm: v.pipe(v.number(), v.minValue(0)),
	maxKm: v.pipe(v.number(), v.minValue(0))
};
/** A reported distance that constrains where an unlocated site can be. */
const locationConstraint = v.variant('kind', [
	v.object({ kind: v.literal('distance-from-town'), townId: nonEmpty, ...distanceBand }),
	v.object({ kind: v.literal('distance-from-border'), ...distanceBand })
]);

/** Another reading of where an event was, with the wording it rests on (drawn as a hollow mark). */
const locationCandidate = v.object({
	id: nonEmpty,
	label: nonEmpty,
	/** The words of the report this reading follows. */
	wording: nonEmpty,
	coordinates: position,
	precisionKm: v.pipe(v.number(), v.finite(), v.minValue(0)),
	locationNote: nonEmpty,
	sourceIds
});

const timestamp = v.pipe(v.string(), v.isoTimestamp());

const eventCommon = {
	id: nonEmpty,
	title: nonEmpty,
	/** A few words for labels and tables, e.g. "Panjgur strike". */
	shortTitle: v.pipe(v.string(), v.minLength(1), v.maxLength(40)),
	/** `planned`: announced for a date, not reported to have happened. */
	status: v.picklist(['occurred', 'planned']),
	/** The interval in which the event happened, UTC: as narrow as the sources allow. */
	dateStart: timestamp,
	dateEnd: timestamp,
	/** ACLED time precision (1 day, 2 week, 3 month known). */
	timePrecision: v.picklist(timePrecisions),
	/** IANA time zone of the place, e.g. Asia/Tehran; with its UTC offset on the day. */
	timeZone: nonEmpty,
	utcOffsetMinutes: v.pipe(v.number(), v.integer(), v.minValue(-720), v.maxValue(840)),
	timeNote: v.nullable(nonEmpty),
	eventType: v.picklist(acledEventTypeNames),
	subEventType: v.picklist(acledSubEventTypes),
	/** ACLED-style actors; actor1 and actor2 do not imply who attacked whom. */
	actor1: nonEmpty,
	actor2: v.nullable(nonEmpty),
	/** Whether civilians were the target (ACLED civilian_targeting); null when unknown. */
	civilianTargeting: v.nullable(v.boolean()),
	/** An actor id of the scenario pack (scenario.json "actors"): its colour, shape and label. */
	actorGroup: nonEmpty,
	claimedTarget: v.nullable(nonEmpty),
	weapons: v.array(nonEmpty),
	/** The place as the sources name it. */
	placeReported: nonEmpty,
	claims: v.array(claimSchema),
	sources: v.pipe(v.array(sourceSchema), v.minLength(1, 'Every event needs at least one source'))
};

const mappedEventProps = v.object({
	...eventCommon,
	country: nonEmpty,
	admin1: nonEmpty,
	admin2: v.nullable(nonEmpty),
	locationBasis,
	locationNote: nonEmpty,
	/** The one authored description of the precision; the codebooks' codes derive from it. */
	precisionScope: v.picklist(precisionScopes),
	precisionKm: v.pipe(v.number(), v.finite(), v.minValue(0)),
	geoPrecision: v.picklist([1, 2, 3]),
	wherePrecision: v.picklist([1, 2, 3, 4, 5, 6]),
	constraints: v.array(locationConstraint),
	candidates: v.array(locationCandidate)
});

const unmappedEventProps = v.object({
	...eventCommon,
	country: v.nullable(nonEmpty),
	admin1: v.null(),
	admin2: v.null(),
	locationBasis: v.literal('none'),
	locationNote: nonEmpty,
	precisionScope: v.null(),
	precisionKm: v.null(),
	geoPrecision: v.null(),
	wherePrecision: v.null(),
	constraints: v.array(locationConstraint),
	candidates: v.array(locationCandidate)
});

/** What is wrong with an event's cross-references and derived codes, or null. */
function eventProblem(p: v.InferOutput<typeof mappedEventProps | typeof unmappedEventProps>) {
	if (p.dateEnd < p.dateStart) return `${p.id}: dateEnd is before dateStart`;
	if (!(acledEventTypes[p.eventType] as readonly string[]).includes(p.subEventType))
		return `${p.id}: “${p.subEventType}” is not an ACLED sub-event type of “${p.eventType}”`;
	if (p.precisionScope !== null) {
		if (p.geoPrecision !== geoPrecision(p.precisionScope))
			return `${p.id}: geoPrecision must be ${geoPrecision(p.precisionScope)} for scope ${p.precisionScope}`;
		if (p.wherePrecision !== wherePrecision(p.precisionScope))
			return `${p.id}: wherePrecision must be ${wherePrecision(p.precisionScope)} for scope ${p.precisionScope}`;
		if (p.precisionScope === 'near' && p.precisionKm! > UCDP_NEAR_KM)
			return `${p.id}: “near” covers at most ${UCDP_NEAR_KM} km; use admin2, admin1 or border`;
	}
	const ids = new Set(p.sources.map((s) => s.id));
	if (p.sources.some((s) => s.id === undefined)) return `${p.id}: every source needs an id`;
	if (ids.size !== p.sources.length) return `${p.id}: source ids repeat`;
	for (const cited of [...p.claims, ...p.constraints, ...p.candidates])
		for (const id of cited.sourceIds)
			if (!ids.has(id)) return `${p.id}: cites source “${id}”, which is not among its sources`;
	const claimIds = new Set(p.claims.map((c) => c.id));
	if (claimIds.size !== p.claims.length) return `${p.id}: claim ids repeat`;
	return null;
}
const eventCheck = <T extends v.GenericSchema<unknown, Parameters<typeof eventProblem>[0]>>(
	props: T
) =>
	v.pipe(
		props,
		v.check(
			(p) => eventProblem(p) === null,
			(issue) => eventProblem(issue.input as Parameters<typeof eventProblem>[0]) ?? 'Invalid event'
		)
	);

const eventFeature = v.union([
	v.object({
		type: v.literal('Feature'),
		id: nonEmpty,
		geometry: pointGeometry,
		properties: eventCheck(mappedEventProps)
	}),
	v.object({
		type: v.literal('Feature'),
		id: nonEmpty,
		geometry: v.null(),
		properties: eventCheck(unmappedEventProps)
	})
]);

/**
 * A place's name in Persian (`fa`) and Urdu (`ur`), each only where a source gives one (the pack's
 * SOURCES.md names the sources); `{}` when none does. A pack made before names existed has none:
 * it still opens, with English names in every language.
 */
const placeNames = v.optional(
	v.strictObject({
		fa: v.exactOptional(nonEmpty),
		ur: v.exactOptional(nonEmpty)
	}),
	{}
);

const countryFeature = v.object({
	type: v.literal('Feature'),
	geometry: polygonGeometry,
	properties: v.object({
		id: v.pipe(v.string(), v.regex(/^[A-Z]{3}$/)),
		name: nonEmpty,
		names: placeNames,
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
		names: placeNames,
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
		names: placeNames,
		country: nonEmpty,
		source: nonEmpty,
		sourceUrl: v.nullable(httpUrl)
	})
});

const crossingCommon = {
	id: nonEmpty,
	name: nonEmpty,
	/** The crossing's name on each side, keyed by the border's country names. */
	sides: v.record(v.string(), nonEmpty),
	locationNote: nonEmpty,
	opened: v.nullable(isoDate),
	note: v.nullable(nonEmpty),
	sources: v.pipe(v.array(sourceSchema), v.minLength(1))
};
/** An official crossing: drawn where a source places it, listed without a point where none does. */
const crossingFeature = v.union([
	v.object({
		type: v.literal('Feature'),
		id: nonEmpty,
		geometry: pointGeometry,
		properties: v.object({
			...crossingCommon,
			locationBasis,
			precisionKm: v.pipe(v.number(), v.finite(), v.minValue(0))
		})
	}),
	v.object({
		type: v.literal('Feature'),
		id: nonEmpty,
		geometry: v.null(),
		properties: v.object({
			...crossingCommon,
			locationBasis: v.literal('none'),
			precisionKm: v.null()
		})
	})
]);

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
/** A crossing with a point on the map. */
export type MappedCrossingFeature = Extract<CrossingFeature, { geometry: { type: 'Point' } }>;
export type EventFeature = v.InferOutput<typeof eventFeature>;
/** An event with a location on the map (strikes, attacks, killings). */
export type MappedEventFeature = Extract<EventFeature, { geometry: { type: 'Point' } }>;
export type Source = v.InferOutput<typeof sourceSchema>;
export type Claim = v.InferOutput<typeof claimSchema>;
export type Claimant = v.InferOutput<typeof claimantSchema>;
export type FigureRange = v.InferOutput<typeof figureRange>;
export type LocationCandidate = v.InferOutput<typeof locationCandidate>;
export type LocationConstraint = v.InferOutput<typeof locationConstraint>;
