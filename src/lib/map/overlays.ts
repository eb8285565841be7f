// GeoJSON for the analysis overlays (bands, estimates, connector, event buffer), built from
// analysis results; pure, so the map and the snapshot export draw the same thing.
import { circle } from '@turf/turf';
import type { Feature, FeatureCollection, Position } from 'geojson';
import type { BandResult } from '$lib/geo/buffers';
import type { EventDistances } from '$lib/geo/distances';
import type { LocationEstimate } from '$lib/geo/estimate';

const collection = (features: Feature[]): FeatureCollection => ({
	type: 'FeatureCollection',
	features
});

/** Band pieces, widest first so narrower bands draw on top of wider ones. */
export function bandsCollection(bands: readonly BandResult[]): FeatureCollection {
	return collection(
		[...bands]
			.sort((a, b) => b.distanceKm - a.distanceKm)
			.flatMap((band) => band.pieces as Feature[])
	);
}

/** Constraint areas, keyed by event id. */
export function estimateAreas(estimates: Iterable<LocationEstimate>): FeatureCollection {
	return collection(
		[...estimates].map((e) => ({ ...e.area, id: e.eventId, properties: { id: e.eventId } }))
	);
}

/** Estimate centres with a label naming the event they estimate. */
export function estimateCentres(
	estimates: Iterable<LocationEstimate>,
	labelFor: (eventId: string) => string
): FeatureCollection {
	return collection(
		[...estimates].map((e) => ({
			type: 'Feature',
			id: e.eventId,
			geometry: { type: 'Point', coordinates: e.centre },
			properties: { id: e.eventId, label: `Estimate: ${labelFor(e.eventId)}` }
		}))
	);
}

/** The line from an event's location to the nearest point of the border. */
export function connectorCollection(d: EventDistances | undefined): FeatureCollection {
	if (!d) return collection([]);
	return collection([
		{
			type: 'Feature',
			geometry: { type: 'LineString', coordinates: [d.location.point, d.nearestBorderPoint] },
			properties: { id: d.eventId, distanceKm: d.borderKm }
		}
	]);
}

/** A geodesic circle around a point (the selected event's buffer). */
export function eventBufferCollection(
	centre: Position | undefined,
	radiusKm: number
): FeatureCollection {
	if (!centre) return collection([]);
	return collection([circle(centre, radiusKm, { steps: 128, units: 'kilometers' })]);
}
