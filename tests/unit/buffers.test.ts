// Buffer bands: geometry within the stated error of the exact distance, areas consistent across
// distances, membership equal to a brute-force WGS84 check, and golden areas.
import { coordAll } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import {
	bufferBand,
	normaliseDistances,
	placesWithin,
	prepareBufferContext,
	type BandSide
} from '../../src/lib/geo/buffers';
import { bufferInput, buildScenario } from '../../src/lib/geo/scenario';
import {
	ellipsoidDistanceKm,
	ellipsoidDistanceToLineKm,
	expectGolden,
	readScenarioLayers
} from './helpers';

const scenario = buildScenario(readScenarioLayers());
const ctx = prepareBufferContext(bufferInput(scenario));
const line = scenario.border.geometry.coordinates as number[][];

describe('prepareBufferContext', () => {
	it('measures the deviation of each simplified border level', () => {
		expect(ctx.levels[0]!.maxDeviationKm).toBe(0);
		for (const level of ctx.levels.slice(1)) {
			expect(level.maxDeviationKm).toBeGreaterThan(0);
			expect(level.maxDeviationKm).toBeLessThan(level.fromKm / 5);
		}
	});
});

describe.each([1, 10, 25, 50, 200])('bufferBand at %i km', (km) => {
	const band = bufferBand(ctx, km, 'both');

	it('has band edges within the stated deviation of the exact distance', () => {
		let farthest = 0;
		for (const piece of band.pieces)
			for (const v of coordAll(piece))
				farthest = Math.max(farthest, ellipsoidDistanceToLineKm(v, line));
		// Vertices on the band's outer edge: km + simplification deviation + chord/ellipsoid slack.
		expect(farthest).toBeLessThanOrEqual(km + band.maxDeviationKm + 0.005 * km + 0.05);
		expect(farthest).toBeGreaterThanOrEqual(km * 0.98);
	});

	it('counts exactly the points within the distance, by brute force on the ellipsoid', () => {
		const expected = scenario.points
			.filter((p) => p.country === 'Iran' || p.country === 'Pakistan')
			.filter((p) => ellipsoidDistanceToLineKm(p.point, line) <= km)
			.map((p) => `${p.layer}:${p.id}`)
			.sort();
		const actual = band.inside.map((p) => `${p.layer}:${p.id}`).sort();
		// Points within 1% of the edge could differ between sphere and ellipsoid: none are that close.
		expect(actual).toEqual(expected);
	});

	it('splits its area between the two countries and reports province shares', () => {
		expect(band.byCountry.map((c) => c.country)).toEqual(['Iran', 'Pakistan']);
		for (const p of band.byProvince) {
			expect(p.share).toBeGreaterThan(0);
			expect(p.share).toBeLessThanOrEqual(1);
			const country = band.byCountry.find((c) => c.country === p.country)!;
			// Provinces (NE admin-1) and countries (NE admin-0) are separate datasets whose border
			// edges differ by ~0.1 km: allow that strip along the whole border.
			expect(p.areaKm2).toBeLessThanOrEqual(country.areaKm2 + 0.1 * 817);
		}
	});
});

describe('bufferBand across distances and sides', () => {
	it('grows with the distance and is roughly 2 × length × distance for narrow bands', () => {
		const areas = [10, 25, 50].map((km) =>
			bufferBand(ctx, km, 'both').byCountry.reduce((s, c) => s + c.areaKm2, 0)
		);
		expect(areas[0]!).toBeLessThan(areas[1]!);
		expect(areas[1]!).toBeLessThan(areas[2]!);
		// 817 km of border × 10 km × 2 sides ≈ 16,300 km² (less at the coast and the tripoint).
		expect(areas[0]!).toBeGreaterThan(14_000);
		expect(areas[0]!).toBeLessThan(17_500);
	});

	it('covers one country only when a side is chosen', () => {
		const iran = bufferBand(ctx, 25, 'Iran' as BandSide);
		expect(iran.byCountry.map((c) => c.country)).toEqual(['Iran']);
		expect(iran.byProvince.map((p) => p.province)).toEqual(['Sistan and Baluchestan']);
		expect(iran.inside.every((p) => p.country === 'Iran')).toBe(true);
	});

	it('matches the golden areas at the default distances', () => {
		expectGolden(
			'buffer-bands',
			[10, 25, 50].map((km) => {
				const b = bufferBand(ctx, km, 'both');
				return {
					distanceKm: km,
					byCountry: b.byCountry,
					byProvince: b.byProvince,
					inside: b.inside.map((p) => p.id)
				};
			}),
			(a, b) => expect(a).toEqual(b)
		);
	});
});

describe('normaliseDistances', () => {
	it('clamps, rounds, deduplicates and sorts', () => {
		expect(normaliseDistances([50, 10, 25])).toEqual([10, 25, 50]);
		expect(normaliseDistances([0, 250, 10.4, 10, NaN])).toEqual([1, 10, 200]);
	});
});

describe('placesWithin', () => {
	it('lists places within the radius, nearest first, split by side', () => {
		const saravan = [62.33096, 27.37089];
		const { across, sameSide } = placesWithin(saravan, 'Iran', 150, scenario.points);
		for (const p of [...across, ...sameSide]) {
			expect(ellipsoidDistanceKm(saravan, p.point)).toBeLessThanOrEqual(150 * 1.005);
		}
		expect(across.every((p) => p.country !== 'Iran')).toBe(true);
		expect(sameSide.every((p) => p.country === 'Iran')).toBe(true);
		expect(across.map((p) => p.distanceKm)).toEqual(
			[...across.map((p) => p.distanceKm)].sort((a, b) => a - b)
		);
		expect(across.some((p) => p.id === 'panjgur')).toBe(false);
	});
});
