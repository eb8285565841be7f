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

/** An event's interval, UTC ISO timestamps (start ≤ end). */
export type EventInterval = { dateStart: string; dateEnd: string };

/** The whole-day extent of a set of event intervals. */
export function dayExtent(intervals: readonly EventInterval[]): DayWindow | null {
	if (intervals.length === 0) return null;
	return {
		startDay: Math.min(...intervals.map((i) => dayOf(i.dateStart))),
		endDay: Math.max(...intervals.map((i) => dayOf(i.dateEnd)))
	};
}

/** Whether an event's interval overlaps a window of days (an event that may have happened in it). */
export function overlapsWindow(interval: EventInterval, window: DayWindow | null): boolean {
	if (!window) return true;
	return dayOf(interval.dateStart) <= window.endDay && dayOf(interval.dateEnd) >= window.startDay;
}

/** A timestamp as a fractional epoch-day number, for placing it on the timeline axis. */
export const fractionalDay = (isoUtc: string): number => Date.parse(isoUtc) / DAY_MS;

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
