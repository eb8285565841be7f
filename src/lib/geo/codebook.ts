// The codebooks analysts use, as far as the event model follows them (pure, no DOM).
//
// ACLED: Armed Conflict Location & Event Data, codebook (2023 columns: time_precision,
// disorder_type, event_type, sub_event_type, civilian_targeting, geo_precision).
// UCDP GED: Uppsala Conflict Data Program Georeferenced Event Dataset (where_prec).

/** ACLED event types and their sub-event types. */
export const acledEventTypes = {
	Battles: ['Armed clash', 'Government regains territory', 'Non-state actor overtakes territory'],
	'Explosions/Remote violence': [
		'Chemical weapon',
		'Air/drone strike',
		'Suicide bomb',
		'Shelling/artillery/missile attack',
		'Remote explosive/landmine/IED',
		'Grenade'
	],
	'Violence against civilians': ['Sexual violence', 'Attack', 'Abduction/forced disappearance'],
	Protests: ['Peaceful protest', 'Protest with intervention', 'Excessive force against protesters'],
	Riots: ['Violent demonstration', 'Mob violence'],
	'Strategic developments': [
		'Agreement',
		'Arrests',
		'Change to group/activity',
		'Disrupted weapons use',
		'Headquarters or base established',
		'Looting/property destruction',
		'Non-violent transfer of territory',
		'Other'
	]
} as const;
export type AcledEventType = keyof typeof acledEventTypes;
export const acledEventTypeNames = Object.keys(acledEventTypes) as AcledEventType[];
export const acledSubEventTypes = Object.values(acledEventTypes).flat();

/** ACLED's disorder type of an event type (the 2023 `disorder_type` column). */
export function disorderType(eventType: AcledEventType): string {
	if (eventType === 'Protests' || eventType === 'Riots') return 'Demonstrations';
	if (eventType === 'Strategic developments') return 'Strategic developments';
	return 'Political violence';
}

/**
 * ACLED time precision: 1 the day is known, 2 only the week, 3 only the month. Times of day are
 * carried by the event's interval (dateStart–dateEnd), which ACLED has no column for.
 */
export const timePrecisions = [1, 2, 3] as const;
export type TimePrecision = (typeof timePrecisions)[number];
export const timePrecisionText: Record<TimePrecision, string> = {
	1: 'day known',
	2: 'week known',
	3: 'month known'
};

/**
 * How precisely an event's place is known: one authored description, from which both codebooks'
 * codes are derived (never authored twice).
 * - `site`: the spot itself (a building, a base) is known;
 * - `town`: the town or village is named and its centre is used;
 * - `near`: near a named place, within a radius of at most 25 km;
 * - `admin2`: somewhere in a district or county;
 * - `admin1`: somewhere in a province;
 * - `border`: along a border or line, between named places;
 * - `country`: only the country is known.
 */
export const precisionScopes = [
	'site',
	'town',
	'near',
	'admin2',
	'admin1',
	'border',
	'country'
] as const;
export type PrecisionScope = (typeof precisionScopes)[number];

export const precisionScopeText: Record<PrecisionScope, string> = {
	site: 'the site itself',
	town: 'the named town or village',
	near: 'near a named place',
	admin2: 'somewhere in the district',
	admin1: 'somewhere in the province',
	border: 'along the border',
	country: 'somewhere in the country'
};

/** UCDP GED's radius for where_prec 2: "within a radius of about 25 km around a known point". */
export const UCDP_NEAR_KM = 25;

/**
 * ACLED geo_precision: 1 the town itself; 2 near a town or part of a region (a nearby town
 * stands in); 3 only a larger region (its capital or centre stands in).
 */
export function geoPrecision(scope: PrecisionScope): 1 | 2 | 3 {
	if (scope === 'site' || scope === 'town') return 1;
	if (scope === 'near' || scope === 'admin2' || scope === 'border') return 2;
	return 3;
}

/**
 * UCDP GED where_prec: 1 exact place; 2 within ~25 km of a known point; 3 second-order
 * administrative division; 4 first-order division; 5 linear feature (border, road, river) or
 * between places; 6 country; 7 international waters or airspace (not used by packs).
 */
export function wherePrecision(scope: PrecisionScope): 1 | 2 | 3 | 4 | 5 | 6 {
	return ({ site: 1, town: 1, near: 2, admin2: 3, admin1: 4, border: 5, country: 6 } as const)[
		scope
	];
}

/** How the map draws a precision: a point with a small ring, a disc, or the province outline. */
export function precisionShape(scope: PrecisionScope): 'ring' | 'disc' | 'province' {
	if (scope === 'site' || scope === 'town') return 'ring';
	if (scope === 'admin1') return 'province';
	return 'disc';
}
