// Geodesic measurements over the shipped geodata (Turf, WGS84 sphere); pure functions, no DOM.
import { circle, length } from '@turf/turf';
import type { Feature, FeatureCollection, LineString, MultiLineString, Polygon } from 'geojson';
import type { EventFeature, MappedEventFeature } from './schema';

/** Geodesic length of a line or multi-line, in kilometres. */
export function lineLengthKm(line: Feature<LineString | MultiLineString>): number {
	return length(line, { units: 'kilometers' });
}

/** Events that have a location on the map (diplomatic events appear on the timeline only). */
export function mappedEvents(events: readonly EventFeature[]): MappedEventFeature[] {
	return events.filter((e): e is MappedEventFeature => e.geometry !== null);
}

export type PrecisionCircleProps = {
	id: string;
	attackerGroup: string;
	precisionKm: number;
	locationBasis: 'reported' | 'stand-in';
};

/**
 * The location uncertainty of each event as a geodesic circle of its precision radius.
 * @param steps vertices per circle; 128 keeps a 100 km circle within ~30 m of the true circle
 */
export function precisionCircles(
	events: readonly MappedEventFeature[],
	steps = 128
): FeatureCollection<Polygon, PrecisionCircleProps> {
	return {
		type: 'FeatureCollection',
		features: events.map((event) => {
			const { id, attackerGroup, precisionKm, locationBasis } = event.properties;
			const disc = circle(event.geometry.coordinates, precisionKm, { steps, units: 'kilometers' });
			return {
				type: 'Feature',
				id,
				geometry: disc.geometry,
				properties: { id, attackerGroup, precisionKm, locationBasis }
			};
		})
	};
}
