// Precision shapes: circles are geodesic (every vertex at the stated radius on the WGS84
// ellipsoid); an event known only to its province is drawn as the province.
import { describe, expect, it } from 'vitest';
import { mappedEvents, precisionShapes } from '../../src/lib/geo/analysis';
import { ellipsoidDistanceKm, readGeodata } from './helpers';

const events = mappedEvents(readGeodata('events').features);

describe('precisionShapes', () => {
	const provinces = readGeodata('provinces').features;
	const circles = precisionShapes(events, provinces);

	it('makes one closed circle per located event, keyed by event id', () => {
		expect(circles.features.map((c) => c.id)).toEqual(events.map((e) => e.properties.id));
		for (const c of circles.features) {
			if (c.geometry.type !== 'Polygon') throw new Error('a circle is a polygon');
			const ring = c.geometry.coordinates[0]!;
			expect(ring[0]).toEqual(ring.at(-1));
		}
	});

	it.each(events.map((e, i) => [e.properties.id, i] as const))(
		'%s: vertices within 0.5%% of the radius',
		(_id, i) => {
			const event = events[i]!;
			const geometry = circles.features[i]!.geometry;
			if (geometry.type !== 'Polygon') throw new Error('a circle is a polygon');
			const ring = geometry.coordinates[0]!;
			for (const vertex of ring) {
				const km = ellipsoidDistanceKm(event.geometry.coordinates, vertex);
				expect(
					Math.abs(km - event.properties.precisionKm) / event.properties.precisionKm
				).toBeLessThan(0.005);
			}
		}
	);
});

describe('precision shapes by scope', () => {
	const provinces = readGeodata('provinces').features;
	const panjgur = events.find((e) => e.properties.id === 'panjgur-2024-01-16')!;

	it('rings a town, draws a disc for a radius, and the province when only the province is known', () => {
		const town = events.find((e) => e.properties.precisionScope === 'town')!;
		const shapes = (e: typeof panjgur) => precisionShapes([e], provinces).features[0]!;
		expect(shapes(town).properties.shape).toBe('ring');
		expect(shapes(panjgur).properties.shape).toBe('disc');
		const inProvince = structuredClone(panjgur);
		inProvince.properties.precisionScope = 'admin1';
		const balochistan = provinces.find(
			(p) => p.properties.name === 'Balochistan' && p.properties.country === 'Pakistan'
		)!;
		const shape = shapes(inProvince);
		expect(shape.properties.shape).toBe('province');
		expect(shape.geometry).toBe(balochistan.geometry);
	});

	it('falls back to the radius when the pack lacks the province', () => {
		const lost = structuredClone(panjgur);
		lost.properties.precisionScope = 'admin1';
		lost.properties.admin1 = 'Nowhere';
		expect(precisionShapes([lost], provinces).features[0]!.properties.shape).toBe('disc');
	});
});
