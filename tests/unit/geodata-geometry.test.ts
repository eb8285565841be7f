// Geometry checks on the shipped geodata: events where they say they are, a consistent border.
import {
	booleanIntersects,
	booleanPointInPolygon,
	pointToLineDistance,
	polygonToLine
} from '@turf/turf';
import type { Feature, LineString, MultiLineString } from 'geojson';
import { describe, expect, it } from 'vitest';
import { lineLengthKm, mappedEvents } from '../../src/lib/geo/analysis';
import { ellipsoidDistanceKm, readGeodata } from './helpers';

const countries = readGeodata('countries').features;
const provinces = readGeodata('provinces').features;
const borders = readGeodata('borders').features;
const events = mappedEvents(readGeodata('events').features);
const primary = borders.find((b) => b.properties.primary)!;

describe('events lie inside the country and province they name', () => {
	it.each(events.map((e) => [e.properties.id, e] as const))('%s', (_id, event) => {
		const { country, province, locationBasis } = event.properties;
		const countryShape = countries.find((c) => c.properties.name === country);
		const provinceShape = provinces.find(
			(p) => p.properties.name === province && p.properties.country === country
		);
		expect(countryShape, `country ${country} exists`).toBeDefined();
		expect(provinceShape, `province ${province} exists`).toBeDefined();
		const inside =
			booleanPointInPolygon(event.geometry.coordinates, countryShape!) &&
			booleanPointInPolygon(event.geometry.coordinates, provinceShape!);
		// A stand-in is allowed to miss (its true site is unknown); a reported location is not.
		expect(inside || locationBasis === 'stand-in').toBe(true);
	});

	it('every stand-in says so in its location note', () => {
		for (const e of events.filter((e) => e.properties.locationBasis === 'stand-in')) {
			expect(e.properties.locationNote).toMatch(/^Stand-in/);
		}
	});
});

describe('the Iran–Pakistan border', () => {
	it('is one primary line between Iran and Pakistan', () => {
		expect(borders.filter((b) => b.properties.primary)).toHaveLength(1);
		expect([...primary.properties.countries].sort()).toEqual(['Iran', 'Pakistan']);
	});

	it('touches both involved provinces along its whole length', () => {
		for (const name of ['Balochistan', 'Sistan and Baluchestan']) {
			const province = provinces.find((p) => p.properties.name === name)!;
			expect(booleanIntersects(primary, province), name).toBe(true);
			const outline = polygonToLine(province) as Feature<LineString | MultiLineString>;
			const coords =
				primary.geometry.type === 'LineString'
					? primary.geometry.coordinates
					: primary.geometry.coordinates.flat();
			const gapsKm = coords.map((c) =>
				pointToLineDistance(c, outline as Feature<LineString>, { units: 'kilometers' })
			);
			const meanKm = gapsKm.reduce((a, b) => a + b, 0) / gapsKm.length;
			expect(meanKm, `${name} mean gap`).toBeLessThan(0.5);
			expect(Math.max(...gapsKm), `${name} max gap`).toBeLessThan(3);
		}
	});

	it('has a length within 1% of an independent WGS84 geodesic sum', () => {
		const parts =
			primary.geometry.type === 'LineString'
				? [primary.geometry.coordinates]
				: primary.geometry.coordinates;
		let ellipsoidKm = 0;
		for (const part of parts)
			for (let i = 1; i < part.length; i++)
				ellipsoidKm += ellipsoidDistanceKm(part[i - 1]!, part[i]!);
		const turfKm = lineLengthKm(primary);
		expect(Math.abs(turfKm - ellipsoidKm) / ellipsoidKm).toBeLessThan(0.01);
		// Natural Earth 1:10m is generalised: shorter than the official 909 km, but not wildly.
		expect(turfKm).toBeGreaterThan(780);
		expect(turfKm).toBeLessThan(909);
	});
});
