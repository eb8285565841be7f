// Distances to a border line and which side of it a point lies on (Turf, geodesic on the sphere).
import {
	booleanPointInPolygon,
	distance,
	lineString,
	nearestPointOnLine,
	pointToLineDistance
} from '@turf/turf';
import Flatbush from 'flatbush';
import type { Feature, LineString, MultiLineString, Position } from 'geojson';
import type { CountryFeature } from './schema';

export type BorderLine = Feature<LineString | MultiLineString>;

/** The closest point of a border line to a point, and the geodesic distance to it. */
export type BorderProximity = { distanceKm: number; nearest: Position };

/** Turf's Earth radius (km): the sphere its distances are measured on. */
const EARTH_RADIUS_KM = 6371.0088;
const SPHERE_AGREEMENT_KM = 1e-6;

type Vec3 = [number, number, number];

function unitVector([lon, lat]: Position): Vec3 {
	const λ = (lon! * Math.PI) / 180;
	const φ = (lat! * Math.PI) / 180;
	return [Math.cos(φ) * Math.cos(λ), Math.cos(φ) * Math.sin(λ), Math.sin(φ)];
}
const cross = ([a0, a1, a2]: Vec3, [b0, b1, b2]: Vec3): Vec3 => [
	a1 * b2 - a2 * b1,
	a2 * b0 - a0 * b2,
	a0 * b1 - a1 * b0
];
const dot = (a: Vec3, b: Vec3) => a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
/** The angle between two unit vectors, stable for small angles. */
const angle = (a: Vec3, b: Vec3) => {
	const [x, y, z] = cross(a, b);
	return Math.atan2(Math.hypot(x, y, z), dot(a, b));
};

/**
 * Geodesic distance from a point to the nearest point of a line, in kilometres.
 * @example borderProximity([64.09, 26.97], border).distanceKm // ≈ 118 for Panjgur town
 */
export function borderProximity(point: Position, border: BorderLine): BorderProximity {
	const nearest = nearestPointOnLine(border, point, { units: 'kilometers' });
	return {
		// Recomputed point-to-point so the figure is the great-circle distance to the returned point.
		distanceKm: distance(point, nearest.geometry.coordinates, { units: 'kilometers' }),
		nearest: nearest.geometry.coordinates
	};
}

/** A border line's parts, each a list of positions (one part for a LineString). */
export function lineParts(border: BorderLine): Position[][] {
	return border.geometry.type === 'LineString'
		? [border.geometry.coordinates]
		: border.geometry.coordinates;
}

/**
 * Geodesic distance (km) from a point to a line of one or more parts (Turf's pointToLineDistance
 * takes single lines only), e.g. an OpenStreetMap border with gaps where it runs in water.
 */
export function lineDistanceKm(point: Position, border: BorderLine): number {
	return Math.min(
		...lineParts(border).map((part) =>
			part.length < 2
				? distance(point, part[0]!, { units: 'kilometers' })
				: pointToLineDistance(point, lineString(part), { units: 'kilometers' })
		)
	);
}

/**
 * The distance interval implied by a location known only to within a radius: the site can be
 * anywhere in the disc, so its distance lies in [max(0, d − r), d + r] (km).
 */
export function distanceIntervalKm(distanceKm: number, radiusKm: number): [number, number] {
	return [Math.max(0, distanceKm - radiusKm), distanceKm + radiusKm];
}

/** The name of the country whose polygon contains the point, or null (sea, or outside the data). */
export function countryAt(point: Position, countries: readonly CountryFeature[]): string | null {
	return countries.find((c) => booleanPointInPolygon(point, c))?.properties.name ?? null;
}

/**
 * A spatial index over the border's segments for many distance queries (imported points): the
 * same answer as `borderProximity`, from a handful of candidate segments instead of all of them.
 * Segments are indexed in an equirectangular plane in km, scaled at the border's mid-latitude, so
 * plane distances are close to geodesic ones and a safe bound prunes the search.
 */
export class BorderIndex {
	private segments: Feature<LineString>[] = [];
	private index: Flatbush;
	private kmPerDegLon: number;
	private readonly kmPerDegLat = 110.57;
	private midLatDeg: number;
	/** Each segment's box in the plane: minX, minY, maxX, maxY. */
	private boxes: Float64Array;
	/** Each segment's ends as unit vectors: ax, ay, az, bx, by, bz. */
	private ends: Float64Array;

	constructor(private border: BorderLine) {
		const parts = lineParts(border);
		const lats = parts.flat().map((p) => p[1]!);
		this.midLatDeg = (Math.min(...lats) + Math.max(...lats)) / 2;
		this.kmPerDegLon = 111.32 * Math.cos((this.midLatDeg * Math.PI) / 180);
		for (const part of parts)
			for (let i = 1; i < part.length; i++)
				this.segments.push(lineString([part[i - 1]!, part[i]!]));
		const n = this.segments.length;
		this.index = new Flatbush(n);
		this.boxes = new Float64Array(4 * n);
		this.ends = new Float64Array(6 * n);
		this.segments.forEach((s, i) => {
			const [a, b] = s.geometry.coordinates as [Position, Position];
			const [ax, ay] = this.plane(a);
			const [bx, by] = this.plane(b);
			this.boxes.set(
				[Math.min(ax, bx), Math.min(ay, by), Math.max(ax, bx), Math.max(ay, by)],
				4 * i
			);
			this.index.add(Math.min(ax, bx), Math.min(ay, by), Math.max(ax, bx), Math.max(ay, by));
			this.ends.set([...unitVector(a), ...unitVector(b)], 6 * i);
		});
		this.index.finish();
	}

	private plane([lon, lat]: Position): [number, number] {
		return [lon! * this.kmPerDegLon, lat! * this.kmPerDegLat];
	}

	nearest(point: Position): BorderProximity {
		const [x, y] = this.plane(point);
		const p = unitVector(point);
		// Plane distance overstates the true one by at most this factor over the search area:
		// east–west scale is exact only at the mid-latitude (cos φ_mid / cos φ poleward); the
		// plane's 111.32 km a degree of longitude is 0.12% over the sphere's 111.19 (its 110.57 a
		// degree of latitude is under, which only loosens the bound); and the plane departs from
		// the sphere by the order of (d/R)², doubled for margin.
		const slackFor = (km: number) => {
			const poleward = Math.min(
				85,
				Math.max(Math.abs(point[1]!), Math.abs(this.midLatDeg)) + km / 110
			);
			const scale =
				Math.cos((this.midLatDeg * Math.PI) / 180) / Math.cos((poleward * Math.PI) / 180);
			return Math.max(1, scale) * (1.002 + 2 * (km / EARTH_RADIUS_KM) ** 2);
		};
		// Segments come from the index nearest box first, in growing batches. Each batch is ranked
		// by distance on the sphere (the model Turf measures on, so the two agree to far better
		// than a millimetre) and only those that can beat the best so far are measured by Turf.
		// The search ends when the next box is farther, even allowing for the plane's
		// overstatement, than the best distance found: no segment beyond it can be nearer.
		let best: BorderProximity | null = null;
		let slack = 0;
		let seen = 0;
		for (let k = 16; ; k *= 2) {
			const ids = this.index.neighbors(x, y, k);
			const batch = ids.slice(seen);
			const km = new Float64Array(batch.length);
			for (let j = 0; j < batch.length; j++) km[j] = this.sphereSegmentKm(batch[j]!, p);
			const order = Array.from(batch.keys()).sort((i, j) => km[i]! - km[j]!);
			for (const j of order) {
				if (best && km[j]! - SPHERE_AGREEMENT_KM > best.distanceKm) break;
				const hit = borderProximity(point, this.segments[batch[j]!]!);
				if (!best || hit.distanceKm < best.distanceKm) best = hit;
			}
			seen = ids.length;
			if (ids.length < k || !best) return best ?? borderProximity(point, this.border);
			slack ||= slackFor(best.distanceKm);
			if (this.boxKm(ids[ids.length - 1]!, x, y) / slack > best.distanceKm) return best;
		}
	}

	/** Plane distance (km) from (x, y) to segment i's bounding box: no point of it is nearer. */
	private boxKm(i: number, x: number, y: number): number {
		const b = this.boxes;
		const dx = Math.max(b[4 * i]! - x, 0, x - b[4 * i + 2]!);
		const dy = Math.max(b[4 * i + 1]! - y, 0, y - b[4 * i + 3]!);
		return Math.hypot(dx, dy);
	}

	/** Great-circle distance (km, Turf's Earth radius) from unit vector p to segment i. */
	private sphereSegmentKm(i: number, p: Vec3): number {
		const e = this.ends;
		const a: Vec3 = [e[6 * i]!, e[6 * i + 1]!, e[6 * i + 2]!];
		const b: Vec3 = [e[6 * i + 3]!, e[6 * i + 4]!, e[6 * i + 5]!];
		const n = cross(a, b);
		const nLen = Math.hypot(n[0], n[1], n[2]);
		if (nLen > 1e-15) {
			const pn = dot(p, n) / nLen;
			// p projected onto the segment's great circle, then: does it fall between a and b?
			const c: Vec3 = [
				p[0] - (pn * n[0]) / nLen,
				p[1] - (pn * n[1]) / nLen,
				p[2] - (pn * n[2]) / nLen
			];
			if (dot(cross(a, c), n) >= 0 && dot(cross(c, b), n) >= 0)
				return angle(p, c) * EARTH_RADIUS_KM;
		}
		return Math.min(angle(p, a), angle(p, b)) * EARTH_RADIUS_KM;
	}
}
