// Precision circles are geodesic: every vertex lies at the stated radius on the WGS84 ellipsoid.
import { describe, expect, it } from 'vitest';
import { mappedEvents, precisionCircles } from '../../src/lib/geo/analysis';
import { ellipsoidDistanceKm, readGeodata } from './helpers';

const events = mappedEvents(readGeodata('events').features);

describe('precisionCircles', () => {
	const circles = precisionCircles(events);

	it('makes one closed circle per located event, keyed by event id', () => {
		expect(circles.features.map((c) => c.id)).toEqual(events.map((e) => e.properties.id));
		for (const c of circles.features) {
			const ring = c.geometry.coordinates[0]!;
			expect(ring[0]).toEqual(ring.at(-1));
		}
	});

	it.each(events.map((e, i) => [e.properties.id, i] as const))(
		'%s: vertices within 0.5%% of the radius',
		(_id, i) => {
			const event = events[i]!;
			const ring = circles.features[i]!.geometry.coordinates[0]!;
			for (const vertex of ring) {
				const km = ellipsoidDistanceKm(event.geometry.coordinates, vertex);
				expect(
					Math.abs(km - event.properties.precisionKm) / event.properties.precisionKm
				).toBeLessThan(0.005);
			}
		}
	);
});
