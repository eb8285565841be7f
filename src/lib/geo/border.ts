// Distances to a border line and which side of it a point lies on (Turf, geodesic on the sphere).
import {
	booleanPointInPolygon,
	distance,
	lineString,
	nearestPointOnLine,
	pointToLineDistance,
	radiansToDegrees
} from '@turf/turf';
import Flatbush from 'flatbush';
import type { Feature, LineString, MultiLineString, Position } from 'geojson';
import type { CountryFeature } from './schema';

export type BorderLine = Feature<LineString | MultiLineString>;

/** The closest point of a border line to a point, and the geodesic distance to it. */
export type BorderProximity = { distanceKm: number; nearest: Position };

/** Turf's Earth radius (km): the sphere its distances are measured on. */
const EARTH_RADIUS_KM = 6371.0088;

type Vec3 = [number, number, number];

function unitVector([lon, lat]: Position): Vec3 {
	const λ = (lon! * Math.PI) / 180;
	const φ = (lat! * Math.PI) / 180;
	return [Math.cos(φ) * Math.cos(λ), Math.cos(φ) * Math.sin(λ), Math.sin(φ)];
}

/** The angle (radians) between two unit vectors, stable for small angles. */
function angleTo(px: number, py: number, pz: number, qx: number, qy: number, qz: number): number {
	const x = py * qz - pz * qy;
	const y = pz * qx - px * qz;
	const z = px * qy - py * qx;
	return Math.atan2(Math.sqrt(x * x + y * y + z * z), px * qx + py * qy + pz * qz);
}

function cross(u: Vec3, v: Vec3): Vec3 {
	return [u[1] * v[2] - u[2] * v[1], u[2] * v[0] - u[0] * v[2], u[0] * v[1] - u[1] * v[0]];
}
function dot(u: Vec3, v: Vec3): number {
	return u[0] * v[0] + u[1] * v[1] + u[2] * v[2];
}
function normalize(v: Vec3): Vec3 {
	const m = Math.sqrt(v[0] ** 2 + v[1] ** 2 + v[2] ** 2);
	return [v[0] / m, v[1] / m, v[2] / m];
}

/**
 * Distance (km) from a point to one segment, and the segment's nearest point: what Turf's
 * nearestPointOnLine gives for a one-segment line, computed as it computes it (turf 7.4's
 * nearestPointOnSegment, then its haversine `distance`), without a Feature per call.
 */
export function segmentProximity(point: Position, [a, b]: Position[]): BorderProximity {
	const A = unitVector(a!);
	const B = unitVector(b!);
	const C = unitVector(point);
	const at = (nearest: Position): BorderProximity => ({
		distanceKm: distance(point, nearest, { units: 'kilometers' }),
		nearest
	});
	if (b![0] === point[0] && b![1] === point[1]) return at([...b!]);
	if (a![0] === point[0] && a![1] === point[1]) return at([...a!]);
	const axis = cross(A, B);
	if (axis[0] === 0 && axis[1] === 0 && axis[2] === 0)
		return at(dot(A, B) > 0 ? [...b!] : [...point]);
	const target = cross(axis, C);
	if (target[0] === 0 && target[1] === 0 && target[2] === 0) return at([...b!]);
	const I1 = normalize(cross(target, axis));
	const I2: Vec3 = [-I1[0], -I1[1], -I1[2]];
	const I = dot(C, I1) > dot(C, I2) ? I1 : I2;
	const n = normalize(axis);
	if (dot(cross(A, I), n) >= 0 && dot(cross(I, B), n) >= 0) {
		const z = Math.min(Math.max(I[2], -1), 1);
		return at([radiansToDegrees(Math.atan2(I[1], I[0])), radiansToDegrees(Math.asin(z))]);
	}
	return at(dot(A, C) > dot(B, C) ? [...a!] : [...b!]);
}

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

/** Consecutive segments searched together (see BorderIndex). */
const GROUP = 16;

/**
 * A spatial index over the border's segments for many distance queries (imported points): the
 * same answer as `borderProximity`, from a handful of candidate segments instead of all of them.
 * Runs of consecutive segments are indexed in an equirectangular plane in km, scaled at the
 * border's mid-latitude, so plane distances are close to geodesic ones and a safe bound finds the
 * runs within reach; each run's cap on the sphere then orders them and stops the search.
 */
export class BorderIndex {
	private segments: Feature<LineString>[] = [];
	/** The runs of GROUP segments in the plane. */
	private index: Flatbush;
	/** Each run's cap on the sphere: centre (unit vector) and angular radius. */
	private caps: Float64Array;
	private kmPerDegLon: number;
	private readonly kmPerDegLat = 110.57;
	private midLatDeg: number;
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
		const boxes = new Float64Array(4 * n);
		this.ends = new Float64Array(6 * n);
		this.segments.forEach((s, i) => {
			const [a, b] = s.geometry.coordinates as [Position, Position];
			const [ax, ay] = this.plane(a);
			const [bx, by] = this.plane(b);
			boxes.set([Math.min(ax, bx), Math.min(ay, by), Math.max(ax, bx), Math.max(ay, by)], 4 * i);
			this.ends.set([...unitVector(a), ...unitVector(b)], 6 * i);
		});
		// Runs of GROUP consecutive segments: a box in the plane (the union of theirs) to find the
		// runs within reach, and a cap on the sphere (centre and angular radius) around their ends,
		// which holds their arcs too, to bound from below how near any of them can be.
		const groups = Math.ceil(n / GROUP);
		this.index = new Flatbush(Math.max(1, groups));
		this.caps = new Float64Array(4 * groups);
		for (let g = 0; g < groups; g++) {
			const from = g * GROUP;
			const to = Math.min(n, from + GROUP);
			let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
			let [cx, cy, cz] = [0, 0, 0];
			for (let i = from; i < to; i++) {
				minX = Math.min(minX, boxes[4 * i]!);
				minY = Math.min(minY, boxes[4 * i + 1]!);
				maxX = Math.max(maxX, boxes[4 * i + 2]!);
				maxY = Math.max(maxY, boxes[4 * i + 3]!);
				for (let k = 0; k < 6; k += 3) {
					cx += this.ends[6 * i + k]!;
					cy += this.ends[6 * i + k + 1]!;
					cz += this.ends[6 * i + k + 2]!;
				}
			}
			const norm = Math.hypot(cx, cy, cz);
			[cx, cy, cz] = [cx / norm, cy / norm, cz / norm];
			let radius = 0;
			for (let i = from; i < to; i++)
				for (let k = 0; k < 6; k += 3) {
					const e = this.ends;
					radius = Math.max(
						radius,
						angleTo(cx, cy, cz, e[6 * i + k]!, e[6 * i + k + 1]!, e[6 * i + k + 2]!)
					);
				}
			// A hair wider than its farthest end, against rounding.
			this.caps.set([cx, cy, cz, radius * (1 + 1e-9) + 1e-12], 4 * g);
			this.index.add(minX, minY, maxX, maxY);
		}
		if (groups === 0) this.index.add(0, 0, 0, 0);
		this.index.finish();
	}

	private plane([lon, lat]: Position): [number, number] {
		return [lon! * this.kmPerDegLon, lat! * this.kmPerDegLat];
	}

	nearest(point: Position): BorderProximity {
		const [x, y] = this.plane(point);
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
		// The segment of the nearest box gives an upper bound; any segment that can beat it lies
		// within that bound times the plane's overstatement. Candidates are compared by their
		// distance on the sphere (the model Turf measures on, the same computation without its
		// per-call objects); Turf then measures the one nearest.
		const [px, py, pz] = unitVector(point);
		const [first] = this.index.neighbors(x, y, 1);
		if (first === undefined || this.segments.length === 0)
			return borderProximity(point, this.border);
		let best = -1;
		let bestKm = Infinity;
		const scan = (g: number) => {
			for (let i = g * GROUP; i < Math.min(this.segments.length, (g + 1) * GROUP); i++) {
				const km = this.sphereSegmentKm(i, px, py, pz);
				if (km < bestKm) {
					bestKm = km;
					best = i;
				}
			}
		};
		scan(first);
		// Runs within reach in the plane, nearest possible first: a run's cap says how near any
		// of its segments can be, so the scan stops at the first that cannot beat the best.
		const reach = this.index
			.neighbors(x, y, Infinity, bestKm * slackFor(bestKm))
			.map((g) => ({ g, km: this.capKm(g, px, py, pz) }))
			.filter((r) => r.g !== first && r.km < bestKm)
			.sort((a, b) => a.km - b.km);
		for (const { g, km } of reach) {
			if (km >= bestKm) break;
			scan(g);
		}
		return segmentProximity(point, this.segments[best]!.geometry.coordinates);
	}

	/** Great-circle distance (km) from p to run g's cap: none of its segments is nearer. */
	private capKm(g: number, px: number, py: number, pz: number): number {
		const c = this.caps;
		const o = 4 * g;
		return (
			Math.max(0, angleTo(px, py, pz, c[o]!, c[o + 1]!, c[o + 2]!) - c[o + 3]!) * EARTH_RADIUS_KM
		);
	}

	/** Great-circle distance (km, Turf's Earth radius) from the unit vector p to segment i. */
	private sphereSegmentKm(i: number, px: number, py: number, pz: number): number {
		const e = this.ends;
		const o = 6 * i;
		const [ax, ay, az, bx, by, bz] = [e[o]!, e[o + 1]!, e[o + 2]!, e[o + 3]!, e[o + 4]!, e[o + 5]!];
		// n: the segment's great-circle axis; c: p projected onto that circle's plane.
		const nx = ay * bz - az * by;
		const ny = az * bx - ax * bz;
		const nz = ax * by - ay * bx;
		const nn = nx * nx + ny * ny + nz * nz;
		if (nn > 1e-30) {
			const pn = px * nx + py * ny + pz * nz;
			const t = pn / nn;
			const cx = px - t * nx;
			const cy = py - t * ny;
			const cz = pz - t * nz;
			// Between a and b when (a × c)·n ≥ 0 and (c × b)·n ≥ 0: then the nearest point is on
			// the segment's interior, at the angle asin(|p·n̂|) from p.
			const afterA = (ay * cz - az * cy) * nx + (az * cx - ax * cz) * ny + (ax * cy - ay * cx) * nz;
			const beforeB =
				(cy * bz - cz * by) * nx + (cz * bx - cx * bz) * ny + (cx * by - cy * bx) * nz;
			if (afterA >= 0 && beforeB >= 0)
				return Math.asin(Math.min(1, Math.abs(pn) / Math.sqrt(nn))) * EARTH_RADIUS_KM;
		}
		return (
			Math.min(angleTo(px, py, pz, ax, ay, az), angleTo(px, py, pz, bx, by, bz)) * EARTH_RADIUS_KM
		);
	}
}
