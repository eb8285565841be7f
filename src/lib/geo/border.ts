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

	constructor(private border: BorderLine) {
		const parts = lineParts(border);
		const lats = parts.flat().map((p) => p[1]!);
		this.midLatDeg = (Math.min(...lats) + Math.max(...lats)) / 2;
		this.kmPerDegLon = 111.32 * Math.cos((this.midLatDeg * Math.PI) / 180);
		for (const part of parts)
			for (let i = 1; i < part.length; i++)
				this.segments.push(lineString([part[i - 1]!, part[i]!]));
		this.index = new Flatbush(this.segments.length);
		for (const s of this.segments) {
			const [ax, ay] = this.plane(s.geometry.coordinates[0]!);
			const [bx, by] = this.plane(s.geometry.coordinates[1]!);
			const box = [Math.min(ax, bx), Math.min(ay, by), Math.max(ax, bx), Math.max(ay, by)];
			this.index.add(box[0]!, box[1]!, box[2]!, box[3]!);
		}
		this.index.finish();
	}

	private plane([lon, lat]: Position): [number, number] {
		return [lon! * this.kmPerDegLon, lat! * this.kmPerDegLat];
	}

	nearest(point: Position): BorderProximity {
		const [x, y] = this.plane(point);
		// Plane distance overstates the true one by at most this factor over the search area:
		// east–west scale is exact only at the mid-latitude (cos φ_mid / cos φ poleward), plus a
		// margin for sphere-versus-plane differences.
		const slackFor = (km: number) => {
			const poleward = Math.min(
				85,
				Math.max(Math.abs(point[1]!), Math.abs(this.midLatDeg)) + km / 110
			);
			const scale =
				Math.cos((this.midLatDeg * Math.PI) / 180) / Math.cos((poleward * Math.PI) / 180);
			return Math.max(1, scale) * 1.02;
		};
		// The segment with the nearest box gives an upper bound on the answer; any segment that can
		// beat it lies within that bound times the overstatement, in the plane.
		const [first] = this.index.neighbors(x, y, 1);
		let best = borderProximity(point, this.segments[first!]!);
		const slack = slackFor(best.distanceKm);
		const ranked = this.index
			.neighbors(x, y, Infinity, best.distanceKm * slack)
			.filter((i) => i !== first)
			.map((i) => ({ i, planeKm: this.planeSegmentDistanceKm(i, x, y) }))
			.sort((a, b) => a.planeKm - b.planeKm);
		// Far from the line (where the plane is a poor guide) a plain scan is cheaper.
		if (ranked.length > this.segments.length / 2) return borderProximity(point, this.border);
		// Evaluate the candidates exactly, nearest in the plane first, until none can be closer.
		for (const { i, planeKm } of ranked) {
			if (planeKm / slack > best.distanceKm) break;
			const hit = borderProximity(point, this.segments[i]!);
			if (hit.distanceKm < best.distanceKm) best = hit;
		}
		return best;
	}

	private planeSegmentDistanceKm(i: number, x: number, y: number): number {
		const [ax, ay] = this.plane(this.segments[i]!.geometry.coordinates[0]!);
		const [bx, by] = this.plane(this.segments[i]!.geometry.coordinates[1]!);
		const [dx, dy] = [bx - ax, by - ay];
		const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy || 1)));
		return Math.hypot(x - (ax + t * dx), y - (ay + t * dy));
	}
}
