// Border distances, intervals, sides and cross-border pairs: golden values, and agreement with an
// independent WGS84 computation (geographiclib) within 1%.
import { circle } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import { borderProximity, countryAt, distanceIntervalKm } from '../../src/lib/geo/border';
import {
	crossBorderPairs,
	eventDistances,
	mappedLocation,
	NEAREST_PLACE_MAX_KM,
	withLineIndexes,
	withPrimaryLine
} from '../../src/lib/geo/distances';
import { buildScenario } from '../../src/lib/geo/scenario';
import { mappedEvents } from '../../src/lib/geo/analysis';
import {
	ellipsoidDistanceKm,
	ellipsoidDistanceToLineKm,
	expectGolden,
	packSlugs,
	readScenarioLayers,
	readScenarioLayersWithLines
} from './helpers';

const layers = readScenarioLayers();
const scenario = buildScenario(layers);
const events = mappedEvents(layers.events.features);
const line = scenario.border.geometry.coordinates as number[][];

describe('borderProximity', () => {
	const near = events.filter((e) => ['Iran', 'Pakistan'].includes(e.properties.country));
	it.each(near.map((e) => [e.properties.id, e.geometry.coordinates] as const))(
		'%s agrees with a WGS84 geodesic within 1%%',
		(_id, point) => {
			const { distanceKm } = borderProximity(point, scenario.border);
			const reference = ellipsoidDistanceToLineKm(point, line);
			expect(Math.abs(distanceKm - reference) / reference).toBeLessThan(0.01);
		}
	);

	it('returns a nearest point that lies on the border line', () => {
		const { nearest, distanceKm } = borderProximity([64.09459, 26.97186], scenario.border);
		expect(ellipsoidDistanceToLineKm(nearest, line)).toBeLessThan(0.1);
		expect(ellipsoidDistanceKm([64.09459, 26.97186], nearest)).toBeCloseTo(distanceKm, 0);
	});
});

describe('distanceIntervalKm', () => {
	it('widens by the precision radius and never goes below zero', () => {
		expect(distanceIntervalKm(78.5, 100)).toEqual([0, 178.5]);
		expect(distanceIntervalKm(41.6, 2)).toEqual([39.6, 43.6]);
		expect(distanceIntervalKm(5, 0)).toEqual([5, 5]);
	});
});

describe('countryAt', () => {
	it('finds the country of a point and null at sea', () => {
		expect(countryAt([64.09459, 26.97186], scenario.countries)).toBe('Pakistan');
		expect(countryAt([62.33096, 27.37089], scenario.countries)).toBe('Iran');
		expect(countryAt([62.0, 24.5], scenario.countries)).toBeNull();
	});
});

describe('eventDistances', () => {
	const all = events.map((e) => eventDistances(mappedLocation(e), scenario));

	it('matches the golden values', () => {
		expectGolden(
			'event-distances',
			all.map((d) => ({
				eventId: d.eventId,
				side: d.side,
				borderKm: d.borderKm,
				borderIntervalKm: d.borderIntervalKm,
				nearestBorderPoint: d.nearestBorderPoint,
				nearestTown: d.nearestTown,
				nearestCrossing: d.nearestCrossing,
				nearestTownAcross: d.nearestTownAcross
			})),
			(a, b) => expect(a).toEqual(b)
		);
	});

	it('finds the nearest town by brute force on the ellipsoid', () => {
		for (const d of all) {
			const ranked = scenario.towns
				.map((t) => ({
					id: t.properties.id,
					km: ellipsoidDistanceKm(d.location.point, t.geometry.coordinates)
				}))
				.sort((a, b) => a.km - b.km);
			if (ranked[0]!.km > NEAREST_PLACE_MAX_KM) expect(d.nearestTown).toBeNull();
			else {
				expect(d.nearestTown?.id).toBe(ranked[0]!.id);
				expect(Math.abs(d.nearestTown!.distanceKm - ranked[0]!.km)).toBeLessThan(
					0.01 * Math.max(1, ranked[0]!.km)
				);
			}
		}
	});

	it('looks for the nearest town across the border in the other country only', () => {
		const panjgur = all.find((d) => d.eventId === 'panjgur-2024-01-16')!;
		expect(panjgur.side).toBe('Pakistan');
		expect(panjgur.nearestTownAcross?.country).toBe('Iran');
		const erbil = all.find((d) => d.eventId === 'erbil-2024-01-15')!;
		expect(erbil.nearestTownAcross).toBeNull();
	});
});

describe('crossBorderPairs', () => {
	it('measures Panjgur ↔ Saravan against a WGS84 geodesic within 1%', () => {
		const panjgur = mappedLocation(events.find((e) => e.properties.id === 'panjgur-2024-01-16')!);
		const saravan = mappedLocation(events.find((e) => e.properties.id === 'saravan-2024-01-18')!);
		const [pair] = crossBorderPairs([panjgur], [saravan]);
		const reference = ellipsoidDistanceKm(panjgur.point, saravan.point);
		expect(Math.abs(pair!.distanceKm - reference) / reference).toBeLessThan(0.01);
		expect(pair!.intervalKm).toEqual([0, pair!.distanceKm + 200]);
	});
});

describe.each(packSlugs)('distances under every border line of %s', (slug) => {
	const layers = readScenarioLayersWithLines(slug);
	const scenario = buildScenario(layers);

	it('measures to the lines scenario.json names, the primary border first', () => {
		expect(scenario.lines.map((l) => l.id)).toEqual(['natural-earth', 'openstreetmap']);
		expect(scenario.lines[0]!.line).toBe(scenario.border);
	});

	it.each(mappedEvents(layers.events.features).map((e) => [e.properties.id, e] as const))(
		'%s: each line within 1% of an independent WGS84 geodesic, with the spread between them',
		(_id, event) => {
			const d = eventDistances(mappedLocation(event), scenario);
			expect(d.byLine.map((l) => l.lineId)).toEqual(['natural-earth', 'openstreetmap']);
			expect(d.byLine[0]!.borderKm).toBe(d.borderKm);
			for (const [i, l] of d.byLine.entries()) {
				const g = scenario.lines[i]!.line.geometry;
				const parts = g.type === 'LineString' ? [g.coordinates] : g.coordinates;
				const independent = Math.min(
					...parts.map((p) => ellipsoidDistanceToLineKm(event.geometry.coordinates, p))
				);
				// Within 1%, or 50 m for a point on the line (the sphere and the ellipsoid differ).
				expect(Math.abs(l.borderKm - independent), l.label).toBeLessThanOrEqual(
					Math.max(0.01 * independent, 0.05)
				);
			}
		}
	);

	it("gives the same figures from the lines' indexes, over areas too", () => {
		const indexed = withLineIndexes(scenario);
		// Four events, each with an area of 24 steps: the plain measure scans every segment of the
		// OpenStreetMap line for each vertex.
		for (const event of mappedEvents(layers.events.features).slice(0, 4)) {
			const point = mappedLocation(event);
			const area = circle(point.point, 30, { steps: 24, units: 'kilometers' });
			for (const location of [point, { ...point, basis: 'estimate' as const, area }]) {
				const plain = eventDistances(location, scenario);
				const fast = eventDistances(location, indexed);
				expect(fast.byLine.map((l) => l.lineId)).toEqual(plain.byLine.map((l) => l.lineId));
				for (const [i, l] of fast.byLine.entries()) {
					const ref = plain.byLine[i]!;
					expect(l.borderKm).toBeCloseTo(ref.borderKm, 6);
					// Vertices measured to the nearest point found by the index (Turf's
					// nearestPointOnLine) instead of Turf's pointToLineDistance: within a metre.
					expect(Math.abs(l.borderIntervalKm[0] - ref.borderIntervalKm[0])).toBeLessThan(1e-3);
					expect(Math.abs(l.borderIntervalKm[1] - ref.borderIntervalKm[1])).toBeLessThan(1e-3);
				}
			}
		}
	});
});

describe('choosing the line measured first', () => {
	const layers = readScenarioLayersWithLines();
	const event = mappedEvents(layers.events.features).find(
		(e) => e.properties.id === 'saravan-2024-01-18'
	)!;

	it('measures to the chosen line first, and keeps the other beside it', () => {
		const byDefault = eventDistances(mappedLocation(event), buildScenario(layers));
		const osm = buildScenario({ ...layers, primaryLine: 'openstreetmap' });
		expect(osm.lines.map((l) => l.id)).toEqual(['openstreetmap', 'natural-earth']);
		expect(osm.border).toBe(osm.lines[0]!.line);
		const chosen = eventDistances(mappedLocation(event), osm);
		expect(chosen.borderKm).toBe(byDefault.byLine[1]!.borderKm);
		expect(chosen.byLine.map((l) => l.borderKm)).toEqual(
			[...byDefault.byLine].reverse().map((l) => l.borderKm)
		);
		// An unknown line id falls back to the first line.
		expect(buildScenario({ ...layers, primaryLine: 'nope' }).lines[0]!.id).toBe('natural-earth');
	});

	it('reorders distances measured once to both lines, as a fresh measurement would give them', () => {
		const once = eventDistances(mappedLocation(event), buildScenario(layers));
		const fresh = eventDistances(
			mappedLocation(event),
			buildScenario({ ...layers, primaryLine: 'openstreetmap' })
		);
		const reordered = withPrimaryLine(once, 'openstreetmap');
		expect(reordered.borderKm).toBeCloseTo(fresh.borderKm, 9);
		expect(reordered.borderIntervalKm).toEqual(fresh.borderIntervalKm);
		expect(reordered.nearestBorderPoint).toEqual(fresh.nearestBorderPoint);
		expect(reordered.byLine.map((l) => l.lineId)).toEqual(['openstreetmap', 'natural-earth']);
		expect(withPrimaryLine(once, 'natural-earth')).toBe(once);
		expect(withPrimaryLine(once, 'unknown')).toBe(once);
	});
});
