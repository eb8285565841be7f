// What the import readers share: limits, the point and result types, and text helpers (no DOM).

/** More points than this would make every analysis (distances, bands) too slow to be useful. */
import type { ImportedEvent } from './import-codebook';
export const MAX_IMPORT_POINTS = 100_000;
/** CSV files larger than the whole-file limit are read in chunks (import-stream.ts), up to these. */
export const MAX_STREAM_BYTES = 1024 * 1024 * 1024;
export const MAX_STREAM_POINTS = 2_000_000;
/**
 * Coordinate positions of all geometries, lines and polygons included: check-geojson builds a
 * syntax tree of every position (~10 µs each, more as memory fills), so a 1M-vertex line would
 * take half a minute to check only to be skipped as a non-point geometry.
 */
export const MAX_IMPORT_POSITIONS = 250_000;
/** check-geojson's parser recurses per level: deeper JSON would overflow the stack. */
export const MAX_JSON_DEPTH = 100;
/** Nested property values are shown as text only, so a short excerpt is enough. */
export const MAX_NESTED_PROPERTY_CHARS = 500;
/** How many problems an error message lists before "and N more". */
export const MAX_REASONS_SHOWN = 3;

export type PropertyValue = string | number | boolean | null;

export type ImportedPoint = {
	/** Unique across every import of a session: the caller's per-import prefix, then the item. */
	id: string;
	name: string;
	/** [longitude, latitude] in degrees (WGS84). */
	point: [number, number];
	properties: Record<string, PropertyValue>;
	sourceFile: string;
	/** GeoJSON: index in the features array (0 for a lone Feature); CSV: line number in the file. */
	index: number;
	/** Where in the file it came from, for people: "row 4", "feature 3", "feature 3, point 2 of 5". */
	origin: string;
	/** A row of an ACLED or UCDP GED export, read as an event of our model. */
	event?: ImportedEvent;
};

/** Something in the file that was not imported, and why: shown to the user next to the result. */
export type SkippedItem = { where: string; why: string };

/** A problem that makes the whole file unusable; turned into `{ ok: false }` by importFile. */
export class ImportError extends Error {}

/** What a reader makes of a file that holds points. */
export type Parsed = { points: ImportedPoint[]; skipped: SkippedItem[]; warnings: string[] };

/** Why a coordinate pair is out of range (with a hint when it looks swapped), or null. */
export function rangeProblem(lon: number, lat: number, order: string): string | null {
	const swapped = Math.abs(lat) <= 180 && Math.abs(lon) <= 90;
	const hint = swapped ? ` (are longitude and latitude swapped? ${order})` : '';
	if (lon < -180 || lon > 180) return `longitude ${lon} is outside -180 to 180${hint}`;
	if (lat < -90 || lat > 90) return `latitude ${lat} is outside -90 to 90${hint}`;
	return null;
}

export function isObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function describeValue(value: unknown): string {
	if (value === null) return 'null';
	if (Array.isArray(value)) return 'a JSON array';
	if (typeof value === 'object') return 'an object';
	if (typeof value === 'string') return `the string "${truncate(value, 40)}"`;
	return `the ${typeof value} ${String(value)}`;
}

/** Offsets where each line starts (\n, \r\n or a lone \r ends a line). */
export function lineStarts(text: string): number[] {
	const starts = [0];
	for (let i = 0; i < text.length; i++) {
		const c = text[i];
		if (c === '\n' || (c === '\r' && text[i + 1] !== '\n')) starts.push(i + 1);
	}
	return starts;
}

/** 1-based line of an offset (binary search over line starts). */
export function lineAt(starts: number[], offset: number): number {
	let lo = 0;
	let hi = starts.length - 1;
	while (lo < hi) {
		const mid = (lo + hi + 1) >> 1;
		if (starts[mid]! <= offset) lo = mid;
		else hi = mid - 1;
	}
	return lo + 1;
}

export function lineColumn(starts: number[], offset: number): string {
	const line = lineAt(starts, offset);
	return `line ${line}, column ${offset - starts[line - 1]! + 1}`;
}

export function listed(items: string[], max: number, separator = '; '): string {
	const shown = items.slice(0, max).join(separator);
	return items.length > max ? `${shown}${separator}and ${items.length - max} more` : shown;
}

/** Levenshtein distance, for "did you mean" on short type names. */
export function editDistance(a: string, b: string): number {
	let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
	for (let i = 1; i <= a.length; i++) {
		const current = [i];
		for (let j = 1; j <= b.length; j++)
			current[j] = Math.min(
				previous[j]! + 1,
				current[j - 1]! + 1,
				previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1)
			);
		previous = current;
	}
	return previous[b.length]!;
}

export function unique(items: string[]): string[] {
	return [...new Set(items)];
}

export function plural(n: number, one: string, many: string): string {
	return `${count(n)} ${n === 1 ? one : many}`;
}

export function count(n: number): string {
	return n.toLocaleString('en-US');
}

export function truncate(text: string, max: number): string {
	return text.length > max ? text.slice(0, max - 1) + '…' : text;
}
