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

const kmFormats = new Map<number, Intl.NumberFormat>();

/** A distance in kilometres with its unit, e.g. "817.4 km". */
export function formatKm(km: number, decimals = 1): string {
	let format = kmFormats.get(decimals);
	if (!format) {
		const digits = { minimumFractionDigits: decimals, maximumFractionDigits: decimals };
		kmFormats.set(decimals, (format = new Intl.NumberFormat('en-GB', digits)));
	}
	return `${format.format(km)} km`;
}

/** An area in square kilometres with its unit, e.g. "348,505 km²". */
export function formatKm2(km2: number): string {
	return `${Math.round(km2).toLocaleString('en-GB')} km²`;
}
