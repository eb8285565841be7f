// Time windows over event dates, in whole UTC days; pure functions for the timeline and filters.

export const DAY_MS = 86_400_000;

/** A window of whole UTC days, inclusive: [startDay 00:00, endDay 24:00). Days are epoch-day numbers. */
export type DayWindow = { startDay: number; endDay: number };

export const dayOf = (isoUtc: string): number => Math.floor(Date.parse(isoUtc) / DAY_MS);
export const dayToIso = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);

/** Epoch-day number of a `YYYY-MM-DD` date, or null when it is not a real date. */
export function isoToDay(iso: string): number | null {
	if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) return null;
	const ms = Date.parse(`${iso}T00:00:00Z`);
	return Number.isFinite(ms) && dayToIso(ms / DAY_MS) === iso ? ms / DAY_MS : null;
}

/** The whole-day extent of a set of event dates. */
export function dayExtent(datesUtc: readonly string[]): DayWindow | null {
	if (datesUtc.length === 0) return null;
	const days = datesUtc.map(dayOf);
	return { startDay: Math.min(...days), endDay: Math.max(...days) };
}

export function inWindow(isoUtc: string, window: DayWindow | null): boolean {
	if (!window) return true;
	const day = dayOf(isoUtc);
	return day >= window.startDay && day <= window.endDay;
}

/** Clamps a window into an extent and keeps start ≤ end. */
export function clampWindow(window: DayWindow, extent: DayWindow): DayWindow {
	const startDay = Math.min(Math.max(window.startDay, extent.startDay), extent.endDay);
	const endDay = Math.min(Math.max(window.endDay, startDay), extent.endDay);
	return { startDay, endDay };
}

/** Position of a day on an axis of `widthPx`, for drawing the timeline. */
export function dayToX(day: number, extent: DayWindow, widthPx: number): number {
	const span = Math.max(1, extent.endDay - extent.startDay);
	return ((day - extent.startDay) / span) * widthPx;
}
