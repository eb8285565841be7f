// Constraint-based location estimates: every point of the area satisfies every constraint, and
// the estimate's disc covers the area; checked with an independent WGS84 computation.
import { booleanPointInPolygon, coordAll, flattenEach, pointOnFeature } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import { mappedEvents } from '../../src/lib/geo/analysis';
import { estimateLocation } from '../../src/lib/geo/estimate';
import { buildScenario } from '../../src/lib/geo/scenario';
import type { MappedEventFeature } from '../../src/lib/geo/schema';
import {
	ellipsoidDistanceKm,
	ellipsoidDistanceToLineKm,
	expectGolden,
	readScenarioLayers
} from './helpers';

const layers = readScenarioLayers();
const scenario = buildScenario(layers);
const events = mappedEvents(layers.events.features);
const byId = (id: string) => events.find((e) => e.properties.id === id)!;
const line = scenario.border.geometry.coordinates as number[][];

// Area vertices come from 128-step circles and 32-step buffers: allow their chord error and the
// sphere-vs-ellipsoid difference (≤ 0.5%).
const slackKm = (km: number) => 0.6 + km * 0.006;

describe.each(['panjgur-2024-01-16', 'saravan-2024-01-18'])('estimateLocation(%s)', (id) => {
	const event: MappedEventFeature = byId(id);
	const estimate = estimateLocation(event, scenario)!;

	it('exists and spells out one method step per constraint, plus side, radius and result', () => {
		expect(estimate).not.toBeNull();
		expect(estimate.method).toHaveLength(event.properties.constraints.length + 3);
		expect(estimate.method.join(' ')).toContain(event.properties.constraints[0]!.claimant);
	});

	it('keeps every vertex of the area within every reported distance band', () => {
		const vertices = coordAll(estimate.area);
		for (const c of event.properties.constraints) {
			const km =
				c.kind === 'distance-from-town'
					? (v: number[]) =>
							ellipsoidDistanceKm(
								v,
								scenario.towns.find((t) => t.properties.id === c.townId)!.geometry.coordinates
							)
					: (v: number[]) => ellipsoidDistanceToLineKm(v, line);
			for (const v of vertices) {
				const d = km(v);
				expect(d).toBeGreaterThanOrEqual(c.minKm - slackKm(c.minKm));
				expect(d).toBeLessThanOrEqual(c.maxKm + slackKm(c.maxKm));
			}
		}
	});

	it('lies on the side of the border where the event happened', () => {
		const country = scenario.countries.find((c) => c.properties.name === event.properties.country)!;
		flattenEach(estimate.area, (piece) =>
			expect(booleanPointInPolygon(pointOnFeature(piece), country)).toBe(true)
		);
	});

	it('has a disc that covers the whole area', () => {
		for (const v of coordAll(estimate.area))
			expect(ellipsoidDistanceKm(estimate.centre, v)).toBeLessThanOrEqual(
				estimate.radiusKm * 1.005 + 0.05
			);
	});

	it('matches the golden values', () => {
		expectGolden(
			`estimate-${id}`,
			{
				centre: estimate.centre,
				radiusKm: estimate.radiusKm,
				areaKm2: estimate.areaKm2,
				parts: estimate.parts
			},
			(a, b) => expect(a).toEqual(b)
		);
	});
});

describe('estimateLocation without constraints', () => {
	it('returns null', () => {
		expect(estimateLocation(byId('rask-2023-12'), scenario)).toBeNull();
	});

	it('returns null when the constraints cannot all hold', () => {
		const impossible = structuredClone(byId('saravan-2024-01-18'));
		impossible.properties.constraints = [
			{
				kind: 'distance-from-border',
				statement: 'x',
				claimant: { person: null, office: 'test' },
				sourceIds: ['x'],
				minKm: 300,
				maxKm: 310
			}
		];
		expect(estimateLocation(impossible, scenario)).toBeNull();
	});
});
