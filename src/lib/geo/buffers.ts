// Buffer zones along the border: bands at chosen distances, their areas per country and province,
// and what falls inside them. Pure functions; the app runs them in a Web Worker.
import {
	area,
	bboxPolygon,
	bbox,
	buffer,
	distance,
	featureCollection,
	intersect,
	simplify
} from '@turf/turf';
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import { BorderIndex, lineParts, type BorderLine } from './border';

type Area = Feature<Polygon | MultiPolygon>;

export const BAND_MIN_KM = 1;
export const BAND_MAX_KM = 200;

/** One country of the primary border, by name, as checked by `parseBandSide`. */
export type BorderSide = string & { readonly __borderSide: true };
/** Which side of the border a band covers: both, or one of the border's two countries. */
export type BandSide = 'both' | BorderSide;

/** The band side a value names, or null when it is neither "both" nor one of `sides`. */
export function parseBandSide(value: string, sides: readonly string[]): BandSide | null {
	return value === 'both' || sides.includes(value) ? (value as BandSide) : null;
}

export type BufferSettings = { distancesKm: number[]; side: BandSide };

export type BufferPoint = {
	layer: 'events' | 'towns' | 'crossings';
	id: string;
	name: string;
	/** Country containing the point (null at sea / outside the data). */
	country: string | null;
	point: Position;
};

/** A border simplification level: used for bands at least `fromKm` wide. */
type Simplified = { fromKm: number; line: BorderLine; maxDeviationKm: number };

export type BufferContext = {
	border: BorderLine;
	sides: { name: string; polygon: Area }[];
	provinces: { name: string; country: string; polygon: Area; totalKm2: number }[];
	points: (BufferPoint & { borderKm: number })[];
	levels: Simplified[];
};

/**
 * Simplification tolerance (degrees, Douglas–Peucker) per band width: wide bands hide small
 * wiggles of the line, so they are built from a simpler line. The deviation each level actually
 * causes is measured geodesically in `prepareBufferContext` and reported with every band.
 */
const LEVELS: { fromKm: number; toleranceDeg: number }[] = [
	{ fromKm: 0, toleranceDeg: 0 },
	{ fromKm: 5, toleranceDeg: 0.002 },
	{ fromKm: 20, toleranceDeg: 0.005 },
	{ fromKm: 60, toleranceDeg: 0.01 }
];

/**
 * A line with more vertices than this is simplified further for buffering: Turf's buffer grows
 * faster than linearly with them (25 km around OpenStreetMap's 6,508-vertex Iran–Pakistan line:
 * 13 s; around its 219-vertex simplification: 0.55 s). The deviation is measured and reported.
 */
const MAX_BUFFER_VERTICES = 300;

const vertexCount = (line: BorderLine) => lineParts(line).reduce((n, part) => n + part.length, 0);

/** The line simplified at `toleranceDeg`, or coarser until it has at most MAX_BUFFER_VERTICES. */
function simplifyTo(border: BorderLine, toleranceDeg: number): BorderLine {
	let line =
		toleranceDeg === 0 ? border : simplify(border, { tolerance: toleranceDeg, highQuality: true });
	for (let t = Math.max(toleranceDeg, 0.001); vertexCount(line) > MAX_BUFFER_VERTICES; t *= 2)
		line = simplify(border, { tolerance: t, highQuality: true });
	return line;
}

/** Largest geodesic distance (km) from a vertex of the full line to the simplified line. */
export function maxDeviationKm(full: BorderLine, simplified: BorderLine): number {
	// A segment index answers each vertex from a few candidate segments (a 6,500-vertex line
	// against every segment of its simplification took seconds).
	const index = new BorderIndex(simplified);
	let worst = 0;
	for (const c of lineParts(full).flat()) worst = Math.max(worst, index.nearest(c).distanceKm);
	return worst;
}

/**
 * Prepares everything that does not depend on the band distances: the country and province
 * polygons clipped to the reach of the widest band (so each update intersects small polygons),
 * simplified border lines, and the exact border distance of every point.
 */
export function prepareBufferContext(input: {
	border: BorderLine;
	sides: { name: string; polygon: Area }[];
	provinces: { name: string; country: string; polygon: Area }[];
	points: BufferPoint[];
}): BufferContext {
	// The widest band's reach: the line's box grown by its width (a buffer of a long multi-part
	// line only to take its box cost seconds).
	const [w, s, e, n] = bbox(input.border);
	const padKm = BAND_MAX_KM + 10;
	const padLat = padKm / 110.57;
	const padLon =
		padKm /
		(111.32 *
			Math.cos((Math.min(85, Math.max(Math.abs(s), Math.abs(n)) + padLat) * Math.PI) / 180));
	const reach = bboxPolygon([
		w - padLon,
		Math.max(-90, s - padLat),
		e + padLon,
		Math.min(90, n + padLat)
	]);
	const borderIndex = new BorderIndex(input.border);
	const clip = (polygon: Area) => intersect(featureCollection([polygon, reach])) ?? polygon;
	return {
		border: input.border,
		sides: input.sides.map((s) => ({ name: s.name, polygon: clip(s.polygon) })),
		provinces: input.provinces.map((p) => ({
			name: p.name,
			country: p.country,
			polygon: clip(p.polygon),
			totalKm2: area(p.polygon) / 1e6
		})),
		points: input.points.map((p) => ({
			...p,
			borderKm: borderIndex.nearest(p.point).distanceKm
		})),
		levels: LEVELS.map(({ fromKm, toleranceDeg }) => {
			const line = simplifyTo(input.border, toleranceDeg);
			return {
				fromKm,
				line,
				maxDeviationKm: line === input.border ? 0 : maxDeviationKm(input.border, line)
			};
		})
	};
}

export type BandResult = {
	distanceKm: number;
	side: BandSide;
	/** The band on the chosen side(s), one feature per country. */
	pieces: Feature<Polygon | MultiPolygon, { country: string; distanceKm: number }>[];
	byCountry: { country: string; areaKm2: number }[];
	byProvince: { province: string; country: string; areaKm2: number; share: number }[];
	inside: (BufferPoint & { borderKm: number })[];
	/** How far the band's edge can be from the exact one because of border simplification. */
	maxDeviationKm: number;
	/** The same band's areas measured from each other border line (scenario.json `border.lines`). */
	otherLines?: BandAreas[];
};

/** A band's areas under one border line. */
export type BandAreas = {
	lineId: string;
	label: string;
	byCountry: BandResult['byCountry'];
	byProvince: BandResult['byProvince'];
};

function levelFor(ctx: BufferContext, distanceKm: number): Simplified {
	return ctx.levels.filter((l) => distanceKm >= l.fromKm).at(-1)!;
}

/** One band: everything within `distanceKm` of the border on the chosen side(s). */
export function bufferBand(ctx: BufferContext, distanceKm: number, side: BandSide): BandResult {
	const level = levelFor(ctx, distanceKm);
	const zone = buffer(level.line, distanceKm, { units: 'kilometers', steps: 16 }) as Area;
	const sides = ctx.sides.filter((s) => side === 'both' || s.name === side);
	const pieces: BandResult['pieces'] = [];
	const byCountry: BandResult['byCountry'] = [];
	for (const s of sides) {
		const piece = intersect(featureCollection([zone, s.polygon]));
		byCountry.push({ country: s.name, areaKm2: piece ? area(piece) / 1e6 : 0 });
		if (piece)
			pieces.push({
				...piece,
				properties: { country: s.name, distanceKm }
			} as BandResult['pieces'][number]);
	}
	const byProvince = ctx.provinces
		.filter((p) => sides.some((s) => s.name === p.country))
		.map((p) => {
			const piece = intersect(featureCollection([zone, p.polygon]));
			const areaKm2 = piece ? area(piece) / 1e6 : 0;
			return { province: p.name, country: p.country, areaKm2, share: areaKm2 / p.totalKm2 };
		});
	const inside = ctx.points.filter(
		(p) => p.borderKm <= distanceKm && p.country !== null && sides.some((s) => s.name === p.country)
	);
	return {
		distanceKm,
		side,
		pieces,
		byCountry,
		byProvince,
		inside,
		maxDeviationKm: level.maxDeviationKm
	};
}

/** Clamps and sorts user-chosen band distances (km), dropping duplicates and non-numbers. */
export function normaliseDistances(distancesKm: readonly number[]): number[] {
	const valid = distancesKm
		.filter((d) => Number.isFinite(d))
		.map((d) => Math.min(BAND_MAX_KM, Math.max(BAND_MIN_KM, Math.round(d))));
	return [...new Set(valid)].sort((a, b) => a - b);
}

export type NearbyPlace = BufferPoint & { distanceKm: number };

/**
 * Places within a radius of a point, nearest first, split by whether they lie in another
 * country than the centre ("across the border") or the same one.
 */
export function placesWithin(
	centre: Position,
	centreCountry: string | null,
	radiusKm: number,
	points: readonly BufferPoint[]
): { across: NearbyPlace[]; sameSide: NearbyPlace[] } {
	const near = points
		.map((p) => ({ ...p, distanceKm: distance(centre, p.point, { units: 'kilometers' }) }))
		.filter((p) => p.distanceKm <= radiusKm)
		.sort((a, b) => a.distanceKm - b.distanceKm);
	return {
		across: near.filter((p) => p.country !== centreCountry),
		sameSide: near.filter((p) => p.country === centreCountry)
	};
}
