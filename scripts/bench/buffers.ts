// Benchmark of one buffer-band update (the work behind one slider step) against naive Turf.
import { readFileSync } from 'node:fs';
import { area, buffer, featureCollection, intersect } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { bufferBand, prepareBufferContext } from '../../src/lib/geo/buffers';
import { parseLayer } from '../../src/lib/geo/load';
import type { LayerName } from '../../src/lib/geo/schema';
import { bufferInput, buildScenario } from '../../src/lib/geo/scenario';
import { DEFAULT_DIR } from './default-pack';

const read = <K extends LayerName>(layer: K) =>
	parseLayer(
		layer,
		`${layer}.geojson`,
		JSON.parse(readFileSync(`${DEFAULT_DIR}/${layer}.geojson`, 'utf8'))
	);

function median(values: number[]): number {
	const s = [...values].sort((a, b) => a - b);
	const m = Math.floor(s.length / 2);
	return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

function time(runs: number, fn: () => unknown): number {
	fn(); // warm-up: JIT and lazy initialisation
	const samples: number[] = [];
	for (let i = 0; i < runs; i++) {
		const t0 = performance.now();
		fn();
		samples.push(performance.now() - t0);
	}
	return median(samples);
}

export type BenchRow = { name: string; medianMs: number; baselineMs?: number; note?: string };

export function benchBuffers(runs = 15): BenchRow[] {
	const scenario = buildScenario({
		countries: read('countries'),
		provinces: read('provinces'),
		borders: read('borders'),
		towns: read('towns'),
		crossings: read('crossings'),
		events: read('events')
	});
	const input = bufferInput(scenario);
	const t0 = performance.now();
	const ctx = prepareBufferContext(input);
	const prepareMs = performance.now() - t0;
	const rows: BenchRow[] = [{ name: 'buffer context preparation (once)', medianMs: prepareMs }];
	for (const km of [1, 50, 200]) {
		const naiveBuffer = time(runs, () => buffer(scenario.border, km, { units: 'kilometers' }));
		// The same results as an update, computed naively: full-resolution border, whole polygons.
		const naiveUpdate = time(runs, () => {
			const zone = buffer(scenario.border, km, { units: 'kilometers' }) as Feature<
				Polygon | MultiPolygon
			>;
			for (const p of [...input.sides, ...input.provinces]) {
				const piece = intersect(featureCollection<Polygon | MultiPolygon>([zone, p.polygon]));
				if (piece) area(piece);
			}
		});
		const ours = time(runs, () => bufferBand(ctx, km, 'both'));
		rows.push(
			{
				name: `band update ${km} km vs naive turf.buffer`,
				medianMs: ours,
				baselineMs: naiveBuffer
			},
			{ name: `band update ${km} km vs naive full update`, medianMs: ours, baselineMs: naiveUpdate }
		);
	}
	return rows;
}
