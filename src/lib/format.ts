// Text formatting for dates, times and quantities shown to people; pure and unit-tested.

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

/** An event's time in UTC, e.g. "2024-01-18 00:35 UTC" (date only when only the day is known). */
export function formatUtc(isoUtc: string, precision: 'minute' | 'approximate' | 'day'): string {
	const { ymd, hm } = ymdhm(new Date(isoUtc));
	if (precision === 'day') return `${ymd} (UTC)`;
	return `${precision === 'approximate' ? '≈ ' : ''}${ymd} ${hm} UTC`;
}

/** The same instant in the local time of the place, e.g. "2024-01-18 04:05 (UTC+03:30)". */
export function formatLocal(
	isoUtc: string,
	offsetMinutes: number,
	precision: 'minute' | 'approximate' | 'day'
): string {
	const local = new Date(new Date(isoUtc).getTime() + offsetMinutes * 60_000);
	const { ymd, hm } = ymdhm(local);
	if (precision === 'day') return ymd;
	return `${precision === 'approximate' ? '≈ ' : ''}${ymd} ${hm} (${formatUtcOffset(offsetMinutes)})`;
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
	if (text.length <= maxChars) return text;
	let cut = maxChars;
	if (/[\uD800-\uDBFF]/.test(text[cut - 1] ?? '')) cut--;
	const more = text.length - cut;
	return countLeftOut
		? `${text.slice(0, cut)}… (${groupedFixed(more, 0)} more character${more === 1 ? '' : 's'})`
		: `${text.slice(0, cut)}…`;
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
