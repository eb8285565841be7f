// Imported files as tables: replacing or removing one file keeps the others, reads only the
// replaced table, and names the ids that are gone; points and distances round-trip through the
// columns the worker sends, lossless.
import { describe, expect, it } from 'vitest';
import { eventDistances, type DistanceContext } from '../../src/lib/geo/distances';
import type { ImportedPoint } from '../../src/lib/geo/import';
import {
	packImport,
	tableDistances,
	tablePoint,
	tableRowsWithin,
	type ImportTable
} from '../../src/lib/geo/import-table';
import { buildScenario } from '../../src/lib/geo/scenario';
import { distanceLookup, indexTables, replaceFile } from '../../src/lib/state/import-merge';
import { readScenarioLayersWithLines } from './helpers';

const scenario = buildScenario(readScenarioLayersWithLines());
const context: DistanceContext = scenario;
const point = (file: string, i: number, lon = 62, lat = 27): ImportedPoint => ({
	id: `${file}-${i}`,
	name: `P${i}`,
	point: [lon, lat],
	properties: { n: i, note: 'Sarāvān' },
	sourceFile: file,
	index: i,
	origin: `row ${i}`
});
const table = (file: string, points: ImportedPoint[]): ImportTable =>
	packImport(
		file,
		points,
		points.map((p) =>
			eventDistances({ eventId: p.id, point: p.point, radiusKm: 0, basis: 'imported' }, context)
		),
		60
	);

describe('import tables', () => {
	const points = [
		point('a.csv', 2, 62.331, 27.3709),
		point('a.csv', 3, 64.0946, 26.9719),
		point('a.csv', 4, 44.01, 36.19),
		point('a.csv', 5, 55, 20)
	];
	points[1]!.event = {
		format: 'ACLED',
		id: 'PAK1',
		dateStart: '2024-01-16',
		dateEnd: '2024-01-16',
		timePrecision: 1,
		eventType: null,
		subEventType: null,
		actor1: null,
		actor2: null,
		civilianTargeting: null,
		admin1: null,
		admin2: null,
		place: null,
		geoPrecision: 2,
		wherePrecision: null,
		fatalities: null,
		sources: [],
		notes: null
	};
	const t = table('a.csv', points);

	it('gives back each point and its distances as they were measured, to every line', () => {
		points.forEach((p, i) => {
			const back = tablePoint(t, i);
			expect({ ...back, properties: back.properties, event: back.event }).toEqual({
				...p,
				event: p.event
			});
			expect(tableDistances(t, i)).toEqual(
				eventDistances({ eventId: p.id, point: p.point, radiusKm: 0, basis: 'imported' }, context)
			);
		});
		expect(t.lines.map((l) => l.id)).toEqual(['natural-earth', 'openstreetmap']);
		// Saravan (Iran) and Panjgur (Pakistan) within 200 km; Erbil and the sea point not.
		expect(tableRowsWithin(t, 200, 'openstreetmap', ['Iran', 'Pakistan'])).toEqual([0, 1]);
		expect(tableRowsWithin(t, 200, null, ['Pakistan'])).toEqual([1]);
		const saravan = tableDistances(t, 0).byLine[1]!.borderKm;
		expect(tableRowsWithin(t, saravan, 'openstreetmap', ['Iran'])).toEqual([0]);
		expect(tableRowsWithin(t, saravan - 1e-9, 'openstreetmap', ['Iran'])).toEqual([]);
	});

	it('writes the map features as GeoJSON with clipped labels', () => {
		const long = point('b.csv', 1);
		long.name = 'x'.repeat(100);
		const features = JSON.parse(
			`[${new TextDecoder().decode(table('b.csv', [long]).mapFeatures)}]`
		);
		expect(features[0]).toEqual({
			type: 'Feature',
			geometry: { type: 'Point', coordinates: [62, 27] },
			properties: { id: 'b.csv-1', name: 'x'.repeat(60) + '…' }
		});
	});

	it('looks distances up by id, under the line chosen first', () => {
		const lookup = distanceLookup(indexTables([t]), 'openstreetmap');
		const d = lookup.get('a.csv-3')!;
		expect(d.byLine[0]!.lineId).toBe('openstreetmap');
		expect(d.borderKm).toBe(tableDistances(t, 1).byLine[1]!.borderKm);
		expect(lookup.get('nope')).toBeUndefined();
		expect(lookup.get('a.csv-3')).toBe(d);
	});
});

describe('replaceFile', () => {
	const a = table('a', [point('a', 1), point('a', 2)]);
	const b = table('b', [point('b', 1)]);

	it('replaces one file, keeps the others, and names the ids that are gone', () => {
		const a2 = table('a', [point('a2', 9)]);
		const next = replaceFile([a, b], 'a', [a2]);
		expect(next.tables).toEqual([b, a2]);
		expect([...next.removed]).toEqual(['a-1', 'a-2']);
		const removed = replaceFile(next.tables, 'b');
		expect(removed.tables).toEqual([a2]);
		expect([...removed.removed]).toEqual(['b-1']);
	});

	it("reads only the replaced file's ids (a 1-row import after 100,000 stays instant)", () => {
		let reads = 0;
		const big = { ...a, file: 'big', count: 100_000 } as ImportTable;
		Object.defineProperty(big, 'ids', {
			get: () => {
				reads++;
				return { text: '', ends: new Int32Array(0) };
			}
		});
		const next = replaceFile([big], 'one.csv', [table('one.csv', [point('one.csv', 2)])]);
		expect(next.tables).toHaveLength(2);
		expect(reads).toBe(0);
	});
});
