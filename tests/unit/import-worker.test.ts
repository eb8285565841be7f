// The border segment index gives exactly the full scan's answer; the import engine measures
// every imported point like an event and reports progress.
import { describe, expect, it } from 'vitest';
import { lineString } from '@turf/turf';
import { BorderIndex, borderProximity, segmentProximity } from '../../src/lib/geo/border';
import { ImportEngine, type ImportResponse } from '../../src/lib/geo/import-worker';
import { tableDistances, tablePoint } from '../../src/lib/geo/import-table';
import { buildScenario } from '../../src/lib/geo/scenario';
import { readScenarioLayers, readScenarioLayersWithLines } from './helpers';

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

	it("measures one segment exactly as Turf's nearestPointOnLine does", () => {
		for (let i = 0; i < 400; i++) {
			const a = [58 + random() * 8, 24 + random() * 7];
			const b = i % 50 === 0 ? a : [a[0]! + random() - 0.5, a[1]! + random() - 0.5];
			const p = i % 40 === 0 ? b : [58 + random() * 8, 24 + random() * 7];
			expect(segmentProximity(p, [a, b])).toEqual(borderProximity(p, lineString([a, b])));
		}
	});

	it("agrees with the full scan on OpenStreetMap's dense line (6,500 vertices), near and far", () => {
		const osm = buildScenario(readScenarioLayersWithLines()).lines[1]!.line;
		const dense = new BorderIndex(osm);
		for (const [lon, lat, dLon, dLat] of [
			[60.5, 25, 3, 5],
			[58, 24, 8, 7],
			[36, 12, 40, 30]
		] as const)
			for (let i = 0; i < 60; i++) {
				const p = [lon + random() * dLon, lat + random() * dLat];
				const fast = dense.nearest(p);
				const full = borderProximity(p, osm);
				expect(fast.distanceKm).toBeCloseTo(full.distanceKm, 9);
				expect(fast.nearest[0]).toBeCloseTo(full.nearest[0]!, 9);
				expect(fast.nearest[1]).toBeCloseTo(full.nearest[1]!, 9);
			}
	}, 60_000);
});

describe('ImportEngine', () => {
	it('refuses work before init, with a message', async () => {
		const out: ImportResponse[] = [];
		await new ImportEngine((r) => out.push(r)).handle({
			type: 'import',
			requestId: 1,
			fileName: 'a.csv',
			bytes: new TextEncoder().encode('name,lat,lon\nA,27,62').buffer,
			idPrefix: 'f1',
			labelChars: 60
		});
		expect(out.at(-1)).toMatchObject({ type: 'error', requestId: 1 });
	});

	it('imports and measures each point, with progress along the way', async () => {
		const out: ImportResponse[] = [];
		const engine = new ImportEngine((r) => out.push(r));
		await engine.handle({ type: 'init', layers });
		const rows = ['name,latitude,longitude'];
		for (let i = 0; i < 12_000; i++)
			rows.push(`P${i},${25 + (i % 60) * 0.1},${59 + (i % 70) * 0.1}`);
		const text = rows.join('\n');
		await engine.handle({
			type: 'import',
			requestId: 5,
			fileName: 'grid.csv',
			bytes: new TextEncoder().encode(text).buffer,
			idPrefix: 'f7-grid-csv',
			labelChars: 60
		});
		const progress = out.filter((r) => r.type === 'progress' && r.stage === 'measuring');
		expect(progress.map((r) => r.type === 'progress' && r.done)).toEqual([5000, 10000]);
		const done = out.at(-1)!;
		expect(done.type).toBe('imported');
		if (done.type !== 'imported' || !done.table) return;
		expect(done.table.count).toBe(12_000);
		const d = tableDistances(done.table, 0);
		expect(d.eventId).toBe('f7-grid-csv-2');
		expect(tablePoint(done.table, 0).id).toBe('f7-grid-csv-2');
		expect(d.borderKm).toBeCloseTo(borderProximity([59, 25], scenario.border).distanceKm, 6);
		expect(done.timings.measureMs).toBeGreaterThan(0);
		// The map's features went first, so the points are drawn while they are measured.
		const first = out.findIndex((r) => r.type === 'features');
		const features = out[first]!;
		if (features.type !== 'features') throw new Error('no features');
		expect(first).toBeLessThan(out.indexOf(progress[0]!));
		expect(features.count).toBe(12_000);
		expect(JSON.parse(`[${new TextDecoder().decode(features.bytes)}]`)).toHaveLength(12_000);
		expect(done.table.mapFeatures).toHaveLength(0);
	}, 60_000);
});

describe('ImportEngine plausibility', () => {
	const engine = (out: ImportResponse[]) => {
		const e = new ImportEngine((r) => out.push(r));
		void e.handle({ type: 'init', layers });
		return e;
	};
	const importCsv = async (text: string) => {
		const out: ImportResponse[] = [];
		await engine(out).handle({
			type: 'import',
			requestId: 1,
			fileName: 'sites.csv',
			bytes: new TextEncoder().encode(text).buffer,
			idPrefix: 'f1',
			labelChars: 60
		});
		const done = out.at(-1)!;
		if (done.type !== 'imported' || !done.outcome.ok) throw new Error('expected an import');
		return {
			...done.outcome,
			points: Array.from({ length: done.table!.count }, (_, i) => tablePoint(done.table!, i))
		};
	};

	it('warns when latitude and longitude look swapped (every point far outside the region)', async () => {
		// Saravan and Panjgur with the columns the wrong way round: a point in the Arctic, all in range.
		const result = await importCsv('name,lat,lon\nSaravan,62.331,27.371\nPanjgur,64.095,26.972\n');
		expect(result.points).toHaveLength(2);
		expect(result.warnings.join(' ')).toMatch(
			/^2 of 2 points lie far outside this scenario's region .*with latitude and longitude swapped, 2 of them would lie inside it/
		);
	});

	it('says nothing of points in the region, Erbil and Idlib included', async () => {
		const result = await importCsv(
			'name,lat,lon\nSaravan,27.371,62.331\nErbil,36.19,44.01\nIdlib,35.93,36.63\n'
		);
		expect(result.warnings).toEqual([]);
	});

	it('reads a Windows-1252 file as such, and says so', async () => {
		const out: ImportResponse[] = [];
		// "café" in Windows-1252: é is the single byte 0xE9, not valid UTF-8.
		const bytes = new Uint8Array([
			...new TextEncoder().encode('name,lat,lon\ncaf'),
			0xe9,
			...new TextEncoder().encode(',27.37,62.33\n')
		]);
		await engine(out).handle({
			type: 'import',
			requestId: 2,
			fileName: 'cp1252.csv',
			bytes: bytes.buffer,
			idPrefix: 'f2',
			labelChars: 60
		});
		const done = out.at(-1)!;
		if (done.type !== 'imported' || !done.outcome.ok) throw new Error('expected an import');
		expect(tablePoint(done.table!, 0).name).toBe('café');
		expect(done.outcome.warnings[0]).toMatch(
			/^The file is not valid UTF-8; it was read as Windows-1252/
		);
	});
});

describe('ImportEngine with two border lines', () => {
	const withLines = readScenarioLayersWithLines();
	let seed = 11;
	const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
	const rows = ['name,lat,lon'];
	for (let i = 0; i < 4000; i++)
		rows.push(`p${i},${(12 + random() * 30).toFixed(5)},${(36 + random() * 40).toFixed(5)}`);
	const csv = new TextEncoder().encode(rows.join('\n'));

	it('measures every point to both lines; far from the border on a simplification within 1 km', async () => {
		const out: ImportResponse[] = [];
		const engine = new ImportEngine((r) => out.push(r));
		await engine.handle({ type: 'init', layers: withLines });
		await engine.handle({
			type: 'import',
			requestId: 1,
			fileName: 'region.csv',
			bytes: csv.slice().buffer,
			idPrefix: 'f1',
			labelChars: 60
		});
		const done = out.find((r) => r.type === 'imported')!;
		if (done.type !== 'imported') throw new Error('no result');
		const osm = buildScenario(withLines).lines[1]!.line;
		for (let i = 0; i < done.table!.count; i += 40) {
			const d = tableDistances(done.table!, i);
			const exact = borderProximity(d.location.point, osm).distanceKm;
			expect(d.byLine[1]!.lineId).toBe('openstreetmap');
			expect(Math.abs(d.byLine[1]!.borderKm - exact)).toBeLessThan(d.borderKm > 200 ? 1.5 : 1e-6);
		}
	});
});
