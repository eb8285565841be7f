// The scenario's events as ACLED-compatible CSV: ACLED's documented column names, our values
// where we hold them, empty cells where we do not (pure, no DOM). See the README for the mapping.
import { disorderType } from './codebook';
import { creditText } from './evidence';
import { csvCell, type FlatValue } from './export';
import type { MappedEventFeature } from './schema';

/** ACLED's export columns, in its order. */
export const ACLED_COLUMNS = [
	'event_id_cnty',
	'event_date',
	'time_precision',
	'disorder_type',
	'event_type',
	'sub_event_type',
	'actor1',
	'actor2',
	'civilian_targeting',
	'country',
	'admin1',
	'admin2',
	'location',
	'latitude',
	'longitude',
	'geo_precision',
	'source',
	'source_scale',
	'notes',
	'fatalities',
	'timestamp'
] as const;
export type AcledColumn = (typeof ACLED_COLUMNS)[number];

/** The local date (YYYY-MM-DD) an event started on: ACLED dates events by the local day. */
function localDate(isoUtc: string, offsetMinutes: number): string {
	return new Date(Date.parse(isoUtc) + offsetMinutes * 60_000).toISOString().slice(0, 10);
}

/**
 * The fatalities ACLED would record: the lowest figure any claim gives (ACLED's conservative
 * rule), or null when no claim gives one. Every claim is in `notes`, nothing is averaged.
 */
export function conservativeFatalities(event: MappedEventFeature): number | null {
	const figures = event.properties.claims
		.filter((c) => c.topic === 'casualties' && c.stance !== 'denies' && c.killed)
		.map((c) => c.killed!.low ?? c.killed!.best ?? c.killed!.high!)
		.filter((n) => n !== null);
	return figures.length ? Math.min(...figures) : null;
}

/** One event as an ACLED row. */
export function acledRow(event: MappedEventFeature): Record<AcledColumn, FlatValue> {
	const p = event.properties;
	const [lon, lat] = event.geometry.coordinates;
	const claims = p.claims
		.filter((c) => c.topic === 'casualties')
		.map(
			(c) =>
				`${c.claimant.person ? `${c.claimant.person}, ` : ''}${c.claimant.office}: ${c.statement}`
		);
	return {
		event_id_cnty: p.id,
		event_date: localDate(p.dateStart, p.utcOffsetMinutes),
		time_precision: p.timePrecision,
		disorder_type: disorderType(p.eventType),
		event_type: p.eventType,
		sub_event_type: p.subEventType,
		actor1: p.actor1,
		actor2: p.actor2,
		civilian_targeting: p.civilianTargeting ? 'Civilian targeting' : null,
		country: p.country,
		admin1: p.admin1,
		admin2: p.admin2,
		location: p.placeReported,
		latitude: lat,
		longitude: lon,
		geo_precision: p.geoPrecision,
		source: [...new Set(p.sources.map(creditText))].join('; '),
		source_scale: null,
		notes: [`${p.title}.`, p.timeNote, p.locationNote, ...claims].filter(Boolean).join(' '),
		fatalities: conservativeFatalities(event),
		timestamp: null
	};
}

/**
 * Events as ACLED-compatible CSV (RFC 4180, CRLF, UTF-8 with a byte-order mark, as the analysis
 * CSV). Only located events: ACLED rows need coordinates.
 */
export function acledCsv(events: readonly MappedEventFeature[]): string {
	const lines = [ACLED_COLUMNS.map(csvCell)];
	for (const e of events) {
		const row = acledRow(e);
		lines.push(ACLED_COLUMNS.map((c) => csvCell(row[c])));
	}
	return '\uFEFF' + lines.map((cells) => cells.join(',') + '\r\n').join('');
}
