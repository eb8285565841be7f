// Distances to a border line and which side of it a point lies on (Turf, geodesic on the sphere).
import { booleanPointInPolygon, distance, nearestPointOnLine } from '@turf/turf';
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
