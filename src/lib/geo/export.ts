// Serialising analysis results for download: GeoJSON with metadata, RFC 4180 CSV, KML, FlatGeobuf,
// file names.
import { toKML } from '@placemarkio/tokml';
import { magicbytes } from 'flatgeobuf/lib/mjs/constants.js';
import type { ColumnMeta } from 'flatgeobuf/lib/mjs/column-meta.js';
import { ColumnType } from 'flatgeobuf/lib/mjs/flat-geobuf/column-type.js';
import { GeometryType } from 'flatgeobuf/lib/mjs/flat-geobuf/geometry-type.js';
import { buildFeature } from 'flatgeobuf/lib/mjs/generic/feature.js';
import { buildHeader } from 'flatgeobuf/lib/mjs/generic/featurecollection.js';
import { parseGeometry } from 'flatgeobuf/lib/mjs/geojson/geometry.js';
import type { HeaderMeta } from 'flatgeobuf/lib/mjs/header-meta.js';
import type { Feature, FeatureCollection, Point } from 'geojson';

/** One analysed point (a scenario event or an imported point) with its measured distances. */
export type ResultRow = {
	id: string;
	name: string;
	kind: 'event' | 'imported';
	/** [longitude, latitude] in degrees (WGS84). */
	point: [number, number];
	locationBasis: string;
	precisionKm: number | null;
	/** Country the point lies in, or null (at sea or outside the shipped countries). */
	side: string | null;
	borderKm: number;
	borderIntervalKm: [number, number];
	nearestTown: { name: string; distanceKm: number } | null;
	nearestCrossing: { name: string; distanceKm: number } | null;
	/** Band distances (km) the point falls within. */
	bandsKm: number[];
	/** The border distance under every measured line (the first is `borderKm`'s). */
	byLine?: { label: string; borderKm: number }[];
	/** A scenario event's evidence (absent for imported points). */
	evidence?: RowEvidence;
};

/** What an exported event carries beyond its distances: the codebook fields, claims and sources. */
export type RowEvidence = {
	dateStart: string;
	dateEnd: string;
	timePrecision: number;
	eventType: string;
	subEventType: string;
	actor1: string;
	actor2: string | null;
	civilianTargeting: boolean | null;
	admin1: string;
	admin2: string | null;
	placeReported: string;
	geoPrecision: number;
	wherePrecision: number;
	/** One line per claim: claimant, stance, figures, statement, credits. */
	claims: string[];
	/** One line per source: credit, title, date, link or why none, archived copy. */
	sources: string[];
};

export type ResultsMeta = { scenario: string; generatedUtc: string; borderGeometry: string };

export type FlatValue = string | number | null;

/** Sub-decimetre coordinates would only show floating-point noise from the estimates. */
const COORDINATE_DECIMALS = 6;
/** Distances rest on border data accurate to ~100 m at best: 0.1 km is the honest precision. */
const DISTANCE_DECIMALS = 1;

export const UNITS_NOTE =
	'Distances in kilometres (km); coordinates are WGS84 longitude and latitude in degrees.';
export const METHOD_NOTE = 'geodesic distances (Turf, WGS84 sphere)';

/**
 * The columns of both exports, in order, with units in their names. GeoJSON keeps the lists
 * (bands_km, sources) as arrays; CSV joins them.
 */
function flatten(row: ResultRow): Record<string, FlatValue | number[] | string[]> {
	const e = row.evidence;
	return {
		id: row.id,
		name: row.name,
		kind: row.kind,
		longitude_deg: round(row.point[0], COORDINATE_DECIMALS),
		latitude_deg: round(row.point[1], COORDINATE_DECIMALS),
		location_basis: row.locationBasis,
		precision_km: row.precisionKm === null ? null : round(row.precisionKm, DISTANCE_DECIMALS),
		side: row.side,
		border_km: round(row.borderKm, DISTANCE_DECIMALS),
		border_min_km: round(row.borderIntervalKm[0], DISTANCE_DECIMALS),
		border_max_km: round(row.borderIntervalKm[1], DISTANCE_DECIMALS),
		border_line: row.byLine?.[0]?.label ?? null,
		other_lines_border_km: (row.byLine ?? [])
			.slice(1)
			.map((l) => `${l.label}: ${round(l.borderKm, DISTANCE_DECIMALS)}`),
		border_spread_km:
			row.byLine && row.byLine.length > 1
				? round(
						Math.max(...row.byLine.map((l) => l.borderKm)) -
							Math.min(...row.byLine.map((l) => l.borderKm)),
						DISTANCE_DECIMALS
					)
				: null,
		nearest_town: row.nearestTown?.name ?? null,
		nearest_town_km: row.nearestTown ? round(row.nearestTown.distanceKm, DISTANCE_DECIMALS) : null,
		nearest_crossing: row.nearestCrossing?.name ?? null,
		nearest_crossing_km: row.nearestCrossing
			? round(row.nearestCrossing.distanceKm, DISTANCE_DECIMALS)
			: null,
		bands_km: [...row.bandsKm].sort((a, b) => a - b),
		date_start_utc: e?.dateStart ?? null,
		date_end_utc: e?.dateEnd ?? null,
		time_precision: e?.timePrecision ?? null,
		event_type: e?.eventType ?? null,
		sub_event_type: e?.subEventType ?? null,
		actor1: e?.actor1 ?? null,
		actor2: e?.actor2 ?? null,
		civilian_targeting: e
			? e.civilianTargeting === null
				? null
				: String(e.civilianTargeting)
			: null,
		admin1: e?.admin1 ?? null,
		admin2: e?.admin2 ?? null,
		place_reported: e?.placeReported ?? null,
		geo_precision: e?.geoPrecision ?? null,
		where_prec: e?.wherePrecision ?? null,
		claims: e?.claims ?? [],
		sources: e?.sources ?? []
	};
}

const COLUMNS = Object.keys(
	flatten({
		id: '',
		name: '',
		kind: 'event',
		point: [0, 0],
		locationBasis: '',
		precisionKm: null,
		side: null,
		borderKm: 0,
		borderIntervalKm: [0, 0],
		nearestTown: null,
		nearestCrossing: null,
		bandsKm: []
	})
);

/**
 * The results as a GeoJSON FeatureCollection of points with flat properties, and a top-level
 * `metadata` member (a foreign member, which RFC 7946 allows) saying what was measured and how.
 * @example resultsGeoJson(rows, { scenario: 'iran-pakistan-2024', generatedUtc: '2026-11-25T10:00:00Z', borderGeometry: 'geoBoundaries …' })
 */
export function resultsGeoJson(rows: ResultRow[], meta: ResultsMeta): string {
	const collection: FeatureCollection<Point> & { metadata: Record<string, unknown> } = {
		type: 'FeatureCollection',
		metadata: {
			generator: 'Borderline',
			scenario: meta.scenario,
			generated: meta.generatedUtc,
			border_geometry: meta.borderGeometry,
			units: UNITS_NOTE,
			method: METHOD_NOTE,
			count: rows.length
		},
		features: rows.map((row): Feature<Point> => {
			const properties = flatten(row);
			return {
				type: 'Feature',
				id: row.id,
				geometry: {
					type: 'Point',
					coordinates: [properties.longitude_deg as number, properties.latitude_deg as number]
				},
				properties
			};
		})
	};
	// Non-finite numbers have no JSON form: null says "unknown" instead of a silent 0.
	return (
		JSON.stringify(
			collection,
			(_key, value: unknown) =>
				typeof value === 'number' && !Number.isFinite(value) ? null : value,
			2
		) + '\n'
	);
}

/**
 * The results as CSV (RFC 4180: quoted where needed, CRLF line ends), one row per point, with a
 * header naming units. Lists are joined with "; " (bands) and " | " (claims and sources, which
 * may hold ";").
 */
export function resultsCsv(rows: ResultRow[]): string {
	const lines = [COLUMNS.map(csvCell)];
	for (const row of rows) {
		const flat = flatten(row);
		lines.push(
			COLUMNS.map((column) => {
				const value = flat[column];
				if (column === 'bands_km') return csvCell((value as number[]).join('; '));
				if (column === 'sources' || column === 'claims' || column === 'other_lines_border_km')
					return csvCell((value as string[]).join(' | '));
				return csvCell(value as FlatValue);
			})
		);
	}
	// A UTF-8 byte-order mark first: without it Excel on Windows reads the file as its local
	// code page, and "Sarāvān" comes out garbled.
	return '\uFEFF' + lines.map((cells) => cells.join(',') + '\r\n').join('');
}

/**
 * The results as KML placemarks (Google Earth, QGIS), named by `name`, with every other field as
 * ExtendedData: lists joined as in the CSV, unknown values (null) left out rather than written as
 * "null". The KML reader of the import panel reads the file back.
 */
export function resultsKml(rows: ResultRow[]): string {
	return toKML({ type: 'FeatureCollection', features: rows.map(scalarFeature) }) + '\n';
}

/** A row as a point whose properties are single values: lists joined as in the CSV, unknowns left out. */
function scalarFeature(row: ResultRow): Feature<Point, Record<string, string | number>> {
	const flat = flatten(row);
	const properties: Record<string, string | number> = {};
	for (const [key, value] of Object.entries(flat)) {
		if (value === null || (typeof value === 'number' && !Number.isFinite(value))) continue;
		if (key === 'bands_km') properties[key] = (value as number[]).join('; ');
		else if (key === 'sources' || key === 'claims' || key === 'other_lines_border_km')
			properties[key] = (value as string[]).join(' | ');
		else properties[key] = value as string | number;
	}
	return {
		type: 'Feature',
		geometry: {
			type: 'Point',
			coordinates: [flat.longitude_deg as number, flat.latitude_deg as number]
		},
		properties
	};
}

/**
 * The results as FlatGeobuf (QGIS, GDAL, DuckDB read it directly), in EPSG:4326: one point per row
 * with the CSV's columns, numbers as doubles and text as strings, unknowns left empty (null).
 * Lists are joined as in the CSV. The import panel reads the file back.
 */
export function resultsFlatGeobuf(rows: ResultRow[]): Uint8Array {
	const features = rows.map(scalarFeature);
	const columns: ColumnMeta[] = COLUMNS.filter(
		(name) => name !== 'longitude_deg' && name !== 'latitude_deg'
	).map((name) => ({
		name,
		type: features.some((f) => typeof f.properties[name] === 'number')
			? ColumnType.Double
			: ColumnType.String,
		title: null,
		description: null,
		width: -1,
		precision: -1,
		scale: -1,
		nullable: true,
		unique: false,
		primary_key: false
	}));
	const header: HeaderMeta = {
		geometryType: GeometryType.Point,
		columns,
		envelope: null,
		featuresCount: features.length,
		indexNodeSize: 0,
		crs: null,
		title: null,
		description: null,
		metadata: null
	};
	const parts = [
		magicbytes,
		buildHeader(header, 4326),
		...features.map((f) =>
			buildFeature(
				parseGeometry(f.geometry),
				// flatgeobuf writes null as "no value"; a column missing from the object must be null too.
				Object.fromEntries(
					columns.map((c) => {
						const value = f.properties[c.name];
						return [
							c.name,
							value === undefined ? null : c.type === ColumnType.String ? String(value) : value
						];
					})
				),
				header
			)
		)
	];
	const bytes = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
	let offset = 0;
	for (const part of parts) {
		bytes.set(part, offset);
		offset += part.length;
	}
	return bytes;
}

/**
 * One CSV cell. Text starting with = + - @ tab or CR is prefixed with ' so spreadsheets show it
 * instead of running it as a formula (names come from imported files: OWASP CSV injection).
 * Numbers are written as numbers: a negative longitude must stay a number.
 */
export function csvCell(value: FlatValue): string {
	if (value === null) return '';
	if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
	const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
	return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * A download name such as `borderline_iran-pakistan-2024_analysis_2026-11-25.geojson`.
 * @param dateUtc a date or ISO timestamp; only its date part is used
 */
export function resultsFileName(
	scenario: string,
	dateUtc: string,
	ext: 'geojson' | 'csv' | 'kml' | 'fgb'
): string {
	const date = /^\d{4}-\d{2}-\d{2}/.exec(dateUtc)?.[0] ?? fileNamePart(dateUtc);
	return `borderline_${fileNamePart(scenario)}_analysis_${date}.${ext}`;
}

/** Letters, digits and dashes only, so the name is safe on every file system. */
function fileNamePart(text: string): string {
	return (
		text
			.normalize('NFKD')
			.replace(/[\u0300-\u036f]/g, '')
			.toLowerCase()
			.replace(/[^a-z0-9]+/g, '-')
			.replace(/^-+|-+$/g, '') || 'results'
	);
}

function round(value: number, decimals: number): number {
	const factor = 10 ** decimals;
	return Math.round(value * factor) / factor;
}
