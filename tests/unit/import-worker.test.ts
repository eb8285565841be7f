// The border segment index gives exactly the full scan's answer; the import engine measures
// every imported point like an event and reports progress.
import { describe, expect, it } from 'vitest';
import { BorderIndex, borderProximity } from '../../src/lib/geo/border';
import { ImportEngine, type ImportResponse } from '../../src/lib/geo/import-worker';
import { buildScenario } from '../../src/lib/geo/scenario';
import { readScenarioLayers } from './helpers';

const layers = readScenarioLayers();
const scenario = buildScenario(layers);

describe('BorderIndex', () => {
	const index = new BorderIndex(scenario.border);
	let seed = 7;
	const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;

	it.each([
		['near the border', [58, 24, 8, 7]],
		['across the region', [36, 12, 40, 30]]
	] as const)('agrees with the full scan %s', (_label, [lon, lat, dLon, dLat]) => {
		for (let i = 0; i < 400; i++) {
			const p = [lon + random() * dLon, lat + random() * dLat];
			const fast = index.nearest(p);
			const full = borderProximity(p, scenario.border);
			expect(fast.distanceKm).toBeCloseTo(full.distanceKm, 9);
			expect(fast.nearest[0]).toBeCloseTo(full.nearest[0]!, 9);
			expect(fast.nearest[1]).toBeCloseTo(full.nearest[1]!, 9);
		}
	});
});

describe('ImportEngine', () => {
	it('refuses work before init, with a message', () => {
		const out: ImportResponse[] = [];
		new ImportEngine((r) => out.push(r)).handle({
			type: 'import',
			requestId: 1,
			fileName: 'a.csv',
			text: 'name,lat,lon\nA,27,62',
			sizeBytes: 20
		});
		expect(out.at(-1)).toMatchObject({ type: 'error', requestId: 1 });
	});

	it('imports and measures each point, with progress along the way', () => {
		const out: ImportResponse[] = [];
		const engine = new ImportEngine((r) => out.push(r));
		engine.handle({ type: 'init', layers });
		const rows = ['name,latitude,longitude'];
		for (let i = 0; i < 12_000; i++)
			rows.push(`P${i},${25 + (i % 60) * 0.1},${59 + (i % 70) * 0.1}`);
		const text = rows.join('\n');
		engine.handle({
			type: 'import',
			requestId: 5,
			fileName: 'grid.csv',
			text,
			sizeBytes: text.length
		});
		const progress = out.filter((r) => r.type === 'progress' && r.stage === 'measuring');
		expect(progress.map((r) => r.type === 'progress' && r.done)).toEqual([5000, 10000]);
		const done = out.at(-1)!;
		expect(done.type).toBe('imported');
		if (done.type !== 'imported' || !done.result.ok) return;
		expect(done.result.points).toHaveLength(12_000);
		expect(done.distances).toHaveLength(12_000);
		const [id, d] = done.distances[0]!;
		expect(id).toBe(done.result.points[0]!.id);
		expect(d.borderKm).toBeCloseTo(borderProximity([59, 25], scenario.border).distanceKm, 6);
	}, 60_000);
});
