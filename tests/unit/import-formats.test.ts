// Newline-delimited GeoJSON and FlatGeobuf in, FlatGeobuf out: each read like GeoJSON, bad lines
// and features named, foreign coordinate systems refused, and our own FlatGeobuf read back whole.
import { serialize } from 'flatgeobuf/lib/mjs/geojson.js';
import { describe, expect, it } from 'vitest';
import { resultsFlatGeobuf, type ResultRow } from '../../src/lib/geo/export';
import {
	importBytes,
	importFile,
	MAX_IMPORT_POINTS,
	type ImportResult
} from '../../src/lib/geo/import';

const ok = (result: ImportResult) => {
	if (!result.ok) throw new Error(result.error);
	return result;
};
const error = (result: ImportResult) => (result.ok ? '' : result.error);
const feature = (name: string, lon: number, lat: number) =>
	JSON.stringify({
		type: 'Feature',
		geometry: { type: 'Point', coordinates: [lon, lat] },
		properties: { name }
	});

describe('newline-delimited GeoJSON', () => {
	const text = [
		feature('Sarāvān', 62.331, 27.3709),
		'',
		'{"type":"Feature","geometry":{"type":"Point","coordinates":[64.09,26.97]},"properties":{"name":"Panjgur"',
		'{"type":"Feature","geometry":{"type":"LineString","coordinates":[[61,27],[62,28]]},"properties":{}}',
		'{"type":"Point","coordinates":[61.4014,26.2356]}',
		'{"type":"FeatureCollection","features":[]}',
		feature('Rask', 61.4014, 26.2356)
	].join('\r\n');

	it('reads one feature per line, naming each skipped line and why', () => {
		const result = ok(importFile('sites.ndjson', text, text.length, 'f1'));
		expect(result.points.map((p) => [p.id, p.name, p.point, p.origin])).toEqual([
			['f1-1', 'Sarāvān', [62.331, 27.3709], 'line 1'],
			['f1-5', 'Feature 5', [61.4014, 26.2356], 'line 5'],
			['f1-7', 'Rask', [61.4014, 26.2356], 'line 7']
		]);
		expect(result.skipped).toEqual([
			{
				where: 'line 3',
				why: 'not valid JSON at column 105: the line ends before the JSON is complete'
			},
			{ where: 'line 4', why: 'LineString is not analysed (only Point and MultiPoint are)' },
			{ where: 'line 6', why: expect.stringMatching(/FeatureCollection on one line/) }
		]);
	});

	it('reads RFC 8142 text sequences (a record separator before each record)', () => {
		const seq = ['\u001e' + feature('A', 62, 27), '\u001e' + feature('B', 63, 26), ''].join('\n');
		expect(ok(importFile('s.geojsonseq', seq, seq.length, 'f1')).points.map((p) => p.name)).toEqual(
			['A', 'B']
		);
	});

	it('recognises a .geojson file that holds one feature per line, and says so', () => {
		const lines = [feature('A', 62, 27), feature('B', 63, 26)].join('\n');
		const result = ok(importFile('s.geojson', lines, lines.length, 'f1'));
		expect(result.points).toHaveLength(2);
		expect(result.warnings[0]).toMatch(/read as newline-delimited GeoJSON/);
		// A single feature on its own is ordinary GeoJSON.
		const one = feature('A', 62, 27) + '\n';
		expect(ok(importFile('s.geojson', one, one.length, 'f1')).warnings).toEqual([]);
	});

	it('names check-geojson problems by line and column', () => {
		const bad = [
			feature('A', 62, 27),
			'{"type":"Feature","geometry":{"type":"Point","coordinates":[62]},"properties":{}}'
		].join('\n');
		const result = ok(importFile('s.ndjson', bad, bad.length, 'f1'));
		expect(result.skipped).toEqual([
			{ where: expect.stringMatching(/^line 2, column \d+$/), why: expect.any(String) }
		]);
	});

	it('refuses more lines than MAX_IMPORT_POINTS, and a file of nothing usable', () => {
		const many = (feature('A', 62, 27) + '\n').repeat(MAX_IMPORT_POINTS + 1);
		expect(error(importFile('m.ndjson', many, many.length, 'f1'))).toMatch(
			/more than 100,000 features/
		);
		expect(error(importFile('e.ndjson', '\n\n  \n', 5, 'f1'))).toBe('The file is empty.');
		expect(error(importFile('b.ndjson', '{]\n', 3, 'f1'))).toMatch(
			/^No points to analyse: line 1: not valid JSON/
		);
	});
});

describe('FlatGeobuf', () => {
	const rows: ResultRow[] = [
		{
			id: 'saravan',
			name: 'Sarāvān',
			kind: 'event',
			point: [62.33101, 27.37091],
			locationBasis: 'stand-in',
			precisionKm: 5,
			side: 'Iran',
			borderKm: 14.123456789,
			borderIntervalKm: [9.1, 19.2],
			nearestTown: { name: 'Sarāvān', distanceKm: 0.5 },
			nearestCrossing: null,
			bandsKm: [25, 50]
		},
		{
			id: 'p2',
			name: 'Imported = point',
			kind: 'imported',
			point: [64.0946, 26.9719],
			locationBasis: 'imported',
			precisionKm: null,
			side: null,
			borderKm: 81.5,
			borderIntervalKm: [81.5, 81.5],
			nearestTown: null,
			nearestCrossing: null,
			bandsKm: []
		}
	];

	it('writes the results in EPSG:4326 and reads them back whole', async () => {
		const bytes = resultsFlatGeobuf(rows);
		expect([...bytes.slice(0, 3)]).toEqual([0x66, 0x67, 0x62]);
		const result = ok(await importBytes('analysis.fgb', bytes, 'f1'));
		expect(result.points.map((p) => [p.name, p.point, p.origin])).toEqual([
			['Sarāvān', [62.33101, 27.37091], 'feature 1'],
			['Imported = point', [64.0946, 26.9719], 'feature 2']
		]);
		const [first, second] = result.points.map((p) => p.properties);
		expect(first).toMatchObject({
			id: 'saravan',
			border_km: 14.1,
			side: 'Iran',
			bands_km: '25; 50'
		});
		// Unknowns are written as no value, not as "null" or 0.
		expect(second).not.toHaveProperty('side');
		expect(second).not.toHaveProperty('precision_km');
		expect(second).toHaveProperty('border_km', 81.5);
	});

	it("reads another tool's file, skipping what is not a point", async () => {
		const bytes = serialize(
			{
				type: 'FeatureCollection',
				features: [
					{
						type: 'Feature',
						geometry: { type: 'Point', coordinates: [62, 27] },
						properties: { name: 'A', n: 1 }
					},
					{
						type: 'Feature',
						geometry: { type: 'Point', coordinates: [63, 26] },
						properties: { name: 'B', n: 2 }
					}
				]
			},
			4326
		);
		expect(
			ok(await importBytes('other.fgb', bytes, 'f1')).points.map((p) => p.properties['n'])
		).toEqual([1, 2]);
		const lines = serialize({
			type: 'FeatureCollection',
			features: [
				{
					type: 'Feature',
					geometry: {
						type: 'LineString',
						coordinates: [
							[62, 27],
							[63, 26]
						]
					},
					properties: { name: 'L' }
				}
			]
		});
		expect(error(await importBytes('lines.fgb', lines, 'f1'))).toMatch(
			/^No points to analyse: feature 1: LineString is not analysed/
		);
	});

	it('refuses another coordinate system, a file that is not FlatGeobuf, and a truncated one', async () => {
		const mercator = serialize(
			{
				type: 'FeatureCollection',
				features: [
					{
						type: 'Feature',
						geometry: { type: 'Point', coordinates: [6_900_000, 3_100_000] },
						properties: {}
					}
				]
			},
			3857
		);
		expect(error(await importBytes('m.fgb', mercator, 'f1'))).toMatch(
			/EPSG:3857.*not WGS84.*reproject/
		);
		expect(
			error(await importBytes('x.fgb', new TextEncoder().encode('name,lat,lon'), 'f1'))
		).toMatch(/^Not a FlatGeobuf file/);
		const whole = resultsFlatGeobuf(rows);
		expect(error(await importBytes('cut.fgb', whole.slice(0, whole.length - 40), 'f1'))).toMatch(
			/could not be decoded.*complete\?$/
		);
	});
});
