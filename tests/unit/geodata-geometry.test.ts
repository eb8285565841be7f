// Geometry checks on the default pack's border (the checks every pack passes are in packs.test.ts).
import { booleanIntersects, pointToLineDistance, polygonToLine } from '@turf/turf';
import type { Feature, LineString, MultiLineString } from 'geojson';
import { describe, expect, it } from 'vitest';
import { lineLengthKm } from '../../src/lib/geo/analysis';
import { ellipsoidDistanceKm, readGeodata } from './helpers';

const provinces = readGeodata('provinces').features;
const borders = readGeodata('borders').features;
const primary = borders.find((b) => b.properties.primary)!;

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
