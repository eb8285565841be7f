// One imported file's points and their measurements in columns: what the import worker sends the
// page. Structured cloning 100,000 point objects and their distances took seconds of the page's
// main thread; a few long texts and typed arrays (transferred, not copied) take milliseconds.
// Points and distances are rebuilt as objects only where they are read (no DOM).
import type { EventDistances, LineDistance, NearestPlace } from './distances';
import type { ImportedPoint, PropertyValue } from './import-common';
import type { ImportedEvent } from './import-codebook';
import { cutText } from './text';

/** Texts, one per point, as one string and where each ends: one clone instead of 100,000. */
export type TextColumn = { text: string; ends: Int32Array };

export function textColumn(values: readonly string[]): TextColumn {
	const ends = new Int32Array(values.length);
	let end = 0;
	values.forEach((v, i) => (ends[i] = end += v.length));
	return { text: values.join(''), ends };
}

/** Text i of a column. */
export function textAt(column: TextColumn, i: number): string {
	return column.text.slice(i ? column.ends[i - 1]! : 0, column.ends[i]!);
}

export type ImportTable = {
	file: string;
	count: number;
	ids: TextColumn;
	names: TextColumn;
	origins: TextColumn;
	/** The item's place in the file (feature index, CSV line), by point. */
	indices: Int32Array;
	/** Longitude, latitude (degrees, WGS84) by point. */
	coords: Float64Array;
	/** Each point's properties as a JSON text, parsed when read. */
	properties: TextColumn;
	/** Each point's codebook event (ACLED, UCDP) as a JSON text, or "" when it has none. */
	events: TextColumn;
	/** The border lines measured to, the first being the primary one. */
	lines: { id: string; label: string }[];
	/** By point then line (i × lines + l): distance and its interval (km), nearest border point. */
	borderKm: Float64Array;
	borderLowKm: Float64Array;
	borderHighKm: Float64Array;
	nearestBorder: Float64Array;
	/** Index into `sides`, or -1 (at sea, or outside the pack's countries). */
	side: Int16Array;
	sides: string[];
	/** Nearest town, crossing and town across the border: index into `places` (-1: none) and km. */
	town: Int32Array;
	townKm: Float64Array;
	crossing: Int32Array;
	crossingKm: Float64Array;
	townAcross: Int32Array;
	townAcrossKm: Float64Array;
	places: Omit<NearestPlace, 'distanceKm'>[];
	/**
	 * The points as the map draws them: GeoJSON features joined by commas (a FeatureCollection's
	 * `features` without the brackets), so files join into one collection by concatenation; as
	 * UTF-8 bytes, which move to the page and on to the map's tile worker without a copy (the
	 * page's array is left empty: see ImportTiles.publish).
	 */
	mapFeatures: Uint8Array;
};

/** The buffers a table's typed arrays live in: transferred to the page rather than copied. */
export function tableBuffers(t: ImportTable): ArrayBuffer[] {
	return [
		t.mapFeatures,
		t.ids.ends,
		t.names.ends,
		t.origins.ends,
		t.properties.ends,
		t.events.ends,
		t.indices,
		t.coords,
		t.borderKm,
		t.borderLowKm,
		t.borderHighKm,
		t.nearestBorder,
		t.side,
		t.town,
		t.townKm,
		t.crossing,
		t.crossingKm,
		t.townAcross,
		t.townAcrossKm
	].map((a) => a.buffer as ArrayBuffer);
}

/**
 * Packs a file's points and their distances (measured to the same lines, in the same order).
 * @param labelChars how much of a name the map labels show
 */
export function packImport(
	file: string,
	points: readonly ImportedPoint[],
	distances: readonly EventDistances[],
	labelChars: number,
	/** The map's features when already sent on their own (drawn while the points are measured). */
	mapFeatures: Uint8Array = mapFeaturesOf(points, labelChars)
): ImportTable {
	const n = points.length;
	const lines = (distances[0]?.byLine ?? []).map((l) => ({ id: l.lineId, label: l.label }));
	const L = lines.length;
	const sides: string[] = [];
	const places: Omit<NearestPlace, 'distanceKm'>[] = [];
	const placeIndex = new Map<string, number>();
	const indexOf = (list: string[], value: string) => {
		const i = list.indexOf(value);
		return i >= 0 ? i : list.push(value) - 1;
	};
	const placeOf = (p: NearestPlace | null): number => {
		if (!p) return -1;
		const key = `${p.id}\u0000${p.name}\u0000${p.country}`;
		let i = placeIndex.get(key);
		if (i === undefined) {
			i = places.push({ id: p.id, name: p.name, country: p.country }) - 1;
			placeIndex.set(key, i);
		}
		return i;
	};
	const t: ImportTable = {
		file,
		count: n,
		ids: textColumn(points.map((p) => p.id)),
		names: textColumn(points.map((p) => p.name)),
		origins: textColumn(points.map((p) => p.origin)),
		indices: Int32Array.from(points, (p) => p.index),
		coords: new Float64Array(2 * n),
		properties: textColumn(points.map((p) => JSON.stringify(p.properties))),
		events: textColumn(points.map((p) => (p.event ? JSON.stringify(p.event) : ''))),
		lines,
		borderKm: new Float64Array(n * L),
		borderLowKm: new Float64Array(n * L),
		borderHighKm: new Float64Array(n * L),
		nearestBorder: new Float64Array(2 * n * L),
		side: new Int16Array(n),
		sides,
		town: new Int32Array(n),
		townKm: new Float64Array(n),
		crossing: new Int32Array(n),
		crossingKm: new Float64Array(n),
		townAcross: new Int32Array(n),
		townAcrossKm: new Float64Array(n),
		places,
		mapFeatures
	};
	for (let i = 0; i < n; i++) {
		const p = points[i]!;
		const d = distances[i]!;
		t.coords[2 * i] = p.point[0];
		t.coords[2 * i + 1] = p.point[1];
		d.byLine.forEach((line, l) => {
			const k = i * L + l;
			t.borderKm[k] = line.borderKm;
			[t.borderLowKm[k], t.borderHighKm[k]] = line.borderIntervalKm;
			t.nearestBorder[2 * k] = line.nearestBorderPoint[0]!;
			t.nearestBorder[2 * k + 1] = line.nearestBorderPoint[1]!;
		});
		t.side[i] = d.side === null ? -1 : indexOf(sides, d.side);
		t.town[i] = placeOf(d.nearestTown);
		t.townKm[i] = d.nearestTown?.distanceKm ?? 0;
		t.crossing[i] = placeOf(d.nearestCrossing);
		t.crossingKm[i] = d.nearestCrossing?.distanceKm ?? 0;
		t.townAcross[i] = placeOf(d.nearestTownAcross);
		t.townAcrossKm[i] = d.nearestTownAcross?.distanceKm ?? 0;
	}
	return t;
}

/**
 * The points as the map draws them: GeoJSON features joined by commas, as UTF-8, each found by
 * its `id` property (the map's tiles are made of them: import-tiles.ts).
 * @param labelChars how much of a name the map labels show
 */
export function mapFeaturesOf(points: readonly ImportedPoint[], labelChars: number): Uint8Array {
	const features = points.map((p) => {
		const id = JSON.stringify(p.id);
		// A label is drawn from the start of the name only: MapLibre cannot lay out a label of
		// more than 16,384 characters, and a long one costs every frame.
		return (
			`{"type":"Feature","geometry":{"type":"Point","coordinates":[${p.point[0]},${p.point[1]}]},` +
			`"properties":{"id":${id},"name":${JSON.stringify(cutText(p.name, labelChars).text)}}}`
		);
	});
	return new TextEncoder().encode(features.join(','));
}

/**
 * Point i of a table as an imported point; its properties and event are parsed when first read.
 */
export function tablePoint(t: ImportTable, i: number): ImportedPoint {
	return new TablePoint(t, i);
}

class TablePoint implements ImportedPoint {
	readonly id: string;
	readonly name: string;
	readonly point: [number, number];
	readonly sourceFile: string;
	readonly index: number;
	readonly origin: string;
	#table: ImportTable;
	#i: number;
	#properties: Record<string, PropertyValue> | undefined;

	constructor(t: ImportTable, i: number) {
		this.#table = t;
		this.#i = i;
		this.id = textAt(t.ids, i);
		this.name = textAt(t.names, i);
		this.point = [t.coords[2 * i]!, t.coords[2 * i + 1]!];
		this.sourceFile = t.file;
		this.index = t.indices[i]!;
		this.origin = textAt(t.origins, i);
	}

	get properties(): Record<string, PropertyValue> {
		return (this.#properties ??= JSON.parse(textAt(this.#table.properties, this.#i)) as Record<
			string,
			PropertyValue
		>);
	}

	get event(): ImportedEvent | undefined {
		const json = textAt(this.#table.events, this.#i);
		return json ? (JSON.parse(json) as ImportedEvent) : undefined;
	}
}

/** Point i's distances as the import worker measured them, first line first. */
export function tableDistances(t: ImportTable, i: number): EventDistances {
	const L = t.lines.length;
	const place = (index: number, km: number): NearestPlace | null =>
		index < 0 ? null : { ...t.places[index]!, distanceKm: km };
	const byLine = t.lines.map((line, l): LineDistance => {
		const k = i * L + l;
		return {
			lineId: line.id,
			label: line.label,
			borderKm: t.borderKm[k]!,
			borderIntervalKm: [t.borderLowKm[k]!, t.borderHighKm[k]!],
			nearestBorderPoint: [t.nearestBorder[2 * k]!, t.nearestBorder[2 * k + 1]!]
		};
	});
	const first = byLine[0]!;
	const id = textAt(t.ids, i);
	return {
		eventId: id,
		location: {
			eventId: id,
			point: [t.coords[2 * i]!, t.coords[2 * i + 1]!],
			radiusKm: 0,
			basis: 'imported'
		},
		side: t.side[i]! < 0 ? null : t.sides[t.side[i]!]!,
		borderKm: first.borderKm,
		borderIntervalKm: first.borderIntervalKm,
		nearestBorderPoint: first.nearestBorderPoint,
		nearestTown: place(t.town[i]!, t.townKm[i]!),
		nearestCrossing: place(t.crossing[i]!, t.crossingKm[i]!),
		nearestTownAcross: place(t.townAcross[i]!, t.townAcrossKm[i]!),
		byLine
	};
}

/**
 * The rows within `km` of the border under line `lineId` (the first line when null or not
 * measured) and on one of `sides`: what a band count needs, read straight from the columns.
 */
export function tableRowsWithin(
	t: ImportTable,
	km: number,
	lineId: string | null,
	sides: readonly string[]
): number[] {
	const L = t.lines.length;
	const l = Math.max(0, lineId === null ? 0 : t.lines.findIndex((x) => x.id === lineId));
	const wanted = t.sides.map((s) => sides.includes(s));
	const rows: number[] = [];
	for (let i = 0; i < t.count; i++)
		if (t.borderKm[i * L + l]! <= km && t.side[i]! >= 0 && wanted[t.side[i]!]) rows.push(i);
	return rows;
}
