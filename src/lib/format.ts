// Text formatting for dates, times and quantities shown to people; pure and unit-tested.
import { cutText } from './geo/text';

const pad = (n: number) => String(n).padStart(2, '0');

/** "+03:30" style offset for a number of minutes east of UTC. */
export function formatUtcOffset(offsetMinutes: number): string {
	const sign = offsetMinutes < 0 ? '−' : '+';
	const abs = Math.abs(offsetMinutes);
	return `UTC${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

function ymdhm(date: Date): { ymd: string; hm: string } {
	return {
		ymd: `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`,
		hm: `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}`
	};
}

/** An event's interval: when it started and ended at the latest, as UTC ISO timestamps. */
export type Interval = { dateStart: string; dateEnd: string };

/** True when the interval is whole days in the zone `offsetMinutes` east of UTC. */
function wholeDays({ dateStart, dateEnd }: Interval, offsetMinutes: number): boolean {
	const dayMs = 86_400_000;
	const start = Date.parse(dateStart) + offsetMinutes * 60_000;
	const end = Date.parse(dateEnd) + offsetMinutes * 60_000 + 1000; // 23:59:59 closes the day
	return start % dayMs === 0 && end % dayMs === 0;
}

/** An interval in a zone `offsetMinutes` east of UTC; `suffix` follows the times. */
function formatIn(interval: Interval, offsetMinutes: number, suffix: string, dayOnly: boolean) {
	const at = (iso: string) => ymdhm(new Date(Date.parse(iso) + offsetMinutes * 60_000));
	const a = at(interval.dateStart);
	const b = at(interval.dateEnd);
	if (dayOnly) return a.ymd === b.ymd ? a.ymd : `${a.ymd} – ${b.ymd}`;
	if (interval.dateStart === interval.dateEnd) return `${a.ymd} ${a.hm} ${suffix}`;
	if (a.ymd === b.ymd) return `${a.ymd} ${a.hm}–${b.hm} ${suffix}`;
	return `${a.ymd} ${a.hm} – ${b.ymd} ${b.hm} ${suffix}`;
}

/**
 * An event's interval in UTC, e.g. "2024-01-18 00:35–01:00 UTC"; "2024-01-26 (local day)" when
 * only the local day is known (a local day does not fit one UTC day).
 */
export function formatUtc(interval: Interval, offsetMinutes: number): string {
	if (wholeDays(interval, offsetMinutes))
		return `${formatIn(interval, offsetMinutes, '', true)} (local day)`;
	return formatIn(interval, 0, 'UTC', false);
}

/** The same interval in the local time of the place, e.g. "2024-01-18 04:05–04:30 (UTC+03:30)". */
export function formatLocal(interval: Interval, offsetMinutes: number): string {
	const dayOnly = wholeDays(interval, offsetMinutes);
	return formatIn(interval, offsetMinutes, `(${formatUtcOffset(offsetMinutes)})`, dayOnly);
}

/**
 * A number with a fixed count of decimals and commas between thousands, as en-GB writes it
 * ("1,234.5"), rounding halves away from zero on the number as written (0.15 → "0.2"), as
 * `Intl.NumberFormat` does, without the tens of milliseconds the first `Intl.NumberFormat` costs
 * while the page loads. A value that rounds to zero is written without a minus sign.
 */
export function groupedFixed(value: number, decimals: number): string {
	const written = String(Math.abs(value));
	// Shift the decimal point in the written form, so 1.005 is rounded as 1.005, not 1.00499….
	const rounded = written.includes('e')
		? Math.abs(value)
		: Number(`${Math.round(Number(`${written}e${decimals}`))}e-${decimals}`);
	const [whole, fraction] = rounded.toFixed(decimals).split('.');
	const sign = value < 0 && rounded !== 0 ? '-' : '';
	const grouped = whole!.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
	return sign + (fraction === undefined ? grouped : `${grouped}.${fraction}`);
}

/** A distance in kilometres with its unit, e.g. "817.4 km". */
export function formatKm(km: number, decimals = 1): string {
	return `${groupedFixed(km, decimals)} km`;
}

/** An area in square kilometres with its unit, e.g. "348,505 km²". */
export function formatKm2(km2: number): string {
	return `${groupedFixed(km2, 0)} km²`;
}

/** How much of a user's name (an imported point's, a file's) the map labels and panels show. */
export const NAME_DISPLAY_CHARS = 200;
/** How much of a user's name a map label shows: a label is read at a glance. */
export const LABEL_CHARS = 60;
/** How much of one imported property value the inspector shows (exports keep it whole). */
export const VALUE_DISPLAY_CHARS = 500;

/**
 * The start of a long text, with an ellipsis and how much was left out. Never splits a UTF-16
 * surrogate pair, so the cut text stays valid Unicode.
 * @param countLeftOut say how many characters were left out (not on a map label)
 * @example clip('a'.repeat(10), 4) // "aaaa… (6 more characters)"
 */
export function clip(text: string, maxChars: number, countLeftOut = true): string {
	const cut = cutText(text, maxChars);
	const more = cut.leftOut;
	return countLeftOut && more
		? `${cut.text} (${groupedFixed(more, 0)} more character${more === 1 ? '' : 's'})`
		: cut.text;
}

/**
 * Text from a user (a file name, a point's name, a link parameter) made safe to put inside the
 * app's own sentences: wrapped in a first-strong isolate (U+2068 … U+2069), so right-to-left text
 * or a direction override (U+202E) inside it cannot reorder the words around it. Isolate marks
 * already in the text are dropped, so it cannot close the isolate early.
 */
export function isolate(text: string): string {
	return `\u2068${text.replace(/[\u2066-\u2069]/g, '')}\u2069`;
}

/** A user's value quoted in a message: isolated and, if long, only its start. */
export function quoteUser(text: string, maxChars = 60): string {
	return `“${isolate(clip(text, maxChars))}”`;
}
