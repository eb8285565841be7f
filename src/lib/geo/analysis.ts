// Geodesic measurements over the shipped geodata (Turf, WGS84 sphere); pure functions, no DOM.
import { circle, length } from '@turf/turf';
import type {
	Feature,
	FeatureCollection,
	LineString,
	MultiLineString,
	MultiPolygon,
	Point,
	Polygon
} from 'geojson';
import { precisionShape } from './codebook';
import type { EventFeature, MappedEventFeature, ProvinceFeature } from './schema';

/** Geodesic length of a line or multi-line, in kilometres. */
export function lineLengthKm(line: Feature<LineString | MultiLineString>): number {
	return length(line, { units: 'kilometers' });
}

/** Events that have a location on the map (diplomatic events appear on the timeline only). */
export function mappedEvents(events: readonly EventFeature[]): MappedEventFeature[] {
	return events.filter((e): e is MappedEventFeature => e.geometry !== null);
}

export type CandidateProps = { id: string; eventId: string; actorGroup: string; label: string };

/** The other readings of where each event was (`candidates`), as points to draw hollow. */
export function candidatePoints(
	events: readonly MappedEventFeature[]
): FeatureCollection<Point, CandidateProps> {
	return {
		type: 'FeatureCollection',
		features: events.flatMap((event) =>
			event.properties.candidates.map((c) => ({
				type: 'Feature' as const,
				id: `${event.properties.id}/${c.id}`,
				geometry: { type: 'Point' as const, coordinates: c.coordinates },
				properties: {
					id: `${event.properties.id}/${c.id}`,
					eventId: event.properties.id,
					actorGroup: event.properties.actorGroup,
					label: `${event.properties.shortTitle}? ${c.label}`
				}
			}))
		)
	};
}

export type PrecisionShapeProps = {
	id: string;
	actorGroup: string;
	precisionKm: number;
	locationBasis: 'reported' | 'stand-in';
	/** How the shape says the precision: see `precisionShape`. */
	shape: 'ring' | 'disc' | 'province';
};

/**
 * Each event's location uncertainty as a shape that says it: a geodesic circle of its precision
 * radius (small for a known site or town, which the map also rings in pixels), or the outline of
 * its province when only the province is known (and the province is in the pack).
 * @param steps vertices per circle; 128 keeps a 100 km circle within ~30 m of the true circle
 */
export function precisionShapes(
	events: readonly MappedEventFeature[],
	provinces: readonly ProvinceFeature[],
	steps = 128
): FeatureCollection<Polygon | MultiPolygon, PrecisionShapeProps> {
	return {
		type: 'FeatureCollection',
		features: events.map((event) => {
			const { id, actorGroup, precisionKm, locationBasis, precisionScope } = event.properties;
			const shape = precisionShape(precisionScope);
			const province =
				shape === 'province'
					? provinces.find(
							(p) =>
								p.properties.name === event.properties.admin1 &&
								p.properties.country === event.properties.country
						)
					: undefined;
			const geometry =
				province?.geometry ??
				circle(event.geometry.coordinates, precisionKm, { steps, units: 'kilometers' }).geometry;
			return {
				type: 'Feature',
				id,
				geometry,
				properties: {
					id,
					actorGroup,
					precisionKm,
					locationBasis,
					// A province the pack lacks falls back to the radius.
					shape: shape === 'province' && !province ? 'disc' : shape
				}
			};
		})
	};
}
