// Geometry checks on the default pack's border (the checks every pack passes are in packs.test.ts).
import { booleanIntersects, pointToLineDistance, polygonToLine } from '@turf/turf';
import type { Feature, LineString, MultiLineString } from 'geojson';
import { describe, expect, it } from 'vitest';
import { lineLengthKm } from '../../src/lib/geo/analysis';
import { readGeodata } from './helpers';

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

	it('is shorter than the official 909 km, but not wildly (1:10m generalisation)', () => {
		// Its length against an independent WGS84 geodesic sum is checked for every pack, in
		// packs.test.ts.
		const turfKm = lineLengthKm(primary);
		expect(turfKm).toBeGreaterThan(780);
		expect(turfKm).toBeLessThan(909);
	});
});
