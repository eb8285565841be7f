// ACLED and UCDP GED exports read as events: their documented columns mapped to our model
// (precision codes, fatality ranges, sources), each bad value named (pure, no DOM).
import type { FigureRange } from './schema';

export type CodebookFormat = 'ACLED' | 'UCDP GED';

/** An imported row of an ACLED or UCDP GED export, in the terms of our event model. */
export type ImportedEvent = {
	format: CodebookFormat;
	id: string;
	/** The day or days it happened (YYYY-MM-DD), as the dataset gives them. */
	dateStart: string;
	dateEnd: string;
	/** The dataset's own time precision code: ACLED 1–3, UCDP date_prec 1–5. */
	timePrecision: number | null;
	eventType: string | null;
	subEventType: string | null;
	actor1: string | null;
	actor2: string | null;
	civilianTargeting: boolean | null;
	admin1: string | null;
	admin2: string | null;
	place: string | null;
	/** ACLED geo_precision (1–3), when the row is ACLED's. */
	geoPrecision: number | null;
	/** UCDP where_prec (1–7), when the row is UCDP's. */
	wherePrecision: number | null;
	/** Fatalities: ACLED's one figure as `best`; UCDP's low, best and high. */
	fatalities: FigureRange | null;
	sources: string[];
	notes: string | null;
};

const ACLED_REQUIRED = ['event_id_cnty', 'event_date', 'latitude', 'longitude'];
const UCDP_REQUIRED = ['id', 'date_start', 'where_prec', 'latitude', 'longitude'];

/** Which codebook a CSV header follows (its columns, any case), or null for a plain CSV. */
export function detectCodebook(columns: readonly string[]): CodebookFormat | null {
	const lower = new Set(columns.map((c) => c.trim().toLowerCase()));
	if (ACLED_REQUIRED.every((c) => lower.has(c))) return 'ACLED';
	if (UCDP_REQUIRED.every((c) => lower.has(c))) return 'UCDP GED';
	return null;
}

const MONTHS = [
	'january',
	'february',
	'march',
	'april',
	'may',
	'june',
	'july',
	'august',
	'september',
	'october',
	'november',
	'december'
];

/**
 * A date as the exports write it: ISO "2024-01-18" (with or without a time after it, as UCDP's
 * "2024-01-18 00:00:00.000") or ACLED's "18 January 2024". Null when it is neither or not a day.
 */
export function parseExportDate(raw: string): string | null {
	const text = raw.trim();
	let ymd: [number, number, number] | null = null;
	const iso = /^(\d{4})-(\d{2})-(\d{2})(?:[ T].*)?$/.exec(text);
	if (iso) ymd = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
	const named = /^(\d{1,2}) ([A-Za-z]+) (\d{4})$/.exec(text);
	if (named) {
		const month = MONTHS.indexOf(named[2]!.toLowerCase());
		if (month >= 0) ymd = [Number(named[3]), month + 1, Number(named[1])];
	}
	if (!ymd) return null;
	const [y, m, d] = ymd;
	const date = new Date(Date.UTC(y, m - 1, d));
	if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d)
		return null;
	return date.toISOString().slice(0, 10);
}

type Row = Record<string, string | null>;
type Read<T> = { ok: true; value: T } | { ok: false; problem: string };

/** Reads one row of a codebook export; the first bad value is named with its column. */
export function codebookEvent(format: CodebookFormat, row: Row): Read<ImportedEvent> {
	const get = (column: string) => {
		const value = row[column];
		return value === null || value === undefined || value.trim() === '' ? null : value.trim();
	};
	const problems: string[] = [];
	const code = (column: string, max: number): number | null => {
		const text = get(column);
		if (text === null) return null;
		const n = Number(text);
		if (!Number.isInteger(n) || n < 1 || n > max) {
			problems.push(`${column} "${text}" is not a whole number from 1 to ${max}`);
			return null;
		}
		return n;
	};
	const count = (column: string): number | null => {
		const text = get(column);
		if (text === null) return null;
		const n = Number(text);
		if (!Number.isInteger(n) || n < 0) {
			problems.push(`${column} "${text}" is not a whole number of 0 or more`);
			return null;
		}
		return n;
	};
	const date = (column: string, required: boolean): string | null => {
		const text = get(column);
		if (text === null) {
			if (required) problems.push(`${column} is empty`);
			return null;
		}
		const iso = parseExportDate(text);
		if (!iso)
			problems.push(`${column} "${text}" is not a date (expected 2024-01-18 or 18 January 2024)`);
		return iso;
	};
	const list = (column: string) =>
		(get(column) ?? '')
			.split(';')
			.map((s) => s.trim())
			.filter(Boolean);

	let event: ImportedEvent;
	if (format === 'ACLED') {
		const day = date('event_date', true);
		const fatalities = count('fatalities');
		event = {
			format,
			id: get('event_id_cnty') ?? '',
			dateStart: day ?? '',
			dateEnd: day ?? '',
			timePrecision: code('time_precision', 3),
			eventType: get('event_type'),
			subEventType: get('sub_event_type'),
			actor1: get('actor1'),
			actor2: get('actor2'),
			civilianTargeting:
				get('civilian_targeting') === null
					? null
					: /^civilian targeting$/i.test(get('civilian_targeting')!),
			admin1: get('admin1'),
			admin2: get('admin2'),
			place: get('location'),
			geoPrecision: code('geo_precision', 3),
			wherePrecision: null,
			fatalities: fatalities === null ? null : { low: null, best: fatalities, high: null },
			sources: list('source'),
			notes: get('notes')
		};
		if (!event.id) problems.push('event_id_cnty is empty');
	} else {
		const start = date('date_start', true);
		const end = date('date_end', false) ?? start;
		if (start && end && end < start) problems.push(`date_end ${end} is before date_start ${start}`);
		const [low, best, high] = [count('low'), count('best'), count('high')];
		if (
			(low !== null && best !== null && low > best) ||
			(best !== null && high !== null && best > high) ||
			(low !== null && high !== null && low > high)
		)
			problems.push(`low ${low ?? '–'}, best ${best ?? '–'}, high ${high ?? '–'} are not in order`);
		event = {
			format,
			id: get('id') ?? '',
			dateStart: start ?? '',
			dateEnd: end ?? '',
			timePrecision: code('date_prec', 5),
			eventType: null,
			subEventType: null,
			actor1: get('side_a'),
			actor2: get('side_b'),
			civilianTargeting: null,
			admin1: get('adm_1'),
			admin2: null,
			place: get('where_description'),
			geoPrecision: null,
			wherePrecision: code('where_prec', 7),
			fatalities: low === null && best === null && high === null ? null : { low, best, high },
			sources: list('source_article'),
			notes: null
		};
		if (!event.id) problems.push('id is empty');
	}
	return problems.length ? { ok: false, problem: problems.join('; ') } : { ok: true, value: event };
}
