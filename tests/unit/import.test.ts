// Importing users' files: the committed fixtures, the bad-input corpus and its README, and
// generated pathological inputs (deep nesting, a million vertices, oversized files).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { borderProximity } from '../../src/lib/geo/border';
import {
	importFile,
	MAX_IMPORT_BYTES,
	MAX_IMPORT_POINTS,
	MAX_JSON_DEPTH,
	slugify,
	type ImportResult
} from '../../src/lib/geo/import';
import { badDir, readCorpusTable } from '../fixtures/bad-corpus';
import { readGeodata } from './helpers';

const importDir = fileURLToPath(new URL('../fixtures/import/', import.meta.url));

function importFixture(dir: string, file: string): ImportResult {
	return importFile(
		file,
		readFileSync(dir + file, 'utf8'),
		statSync(dir + file).size,
		slugify(file)
	);
}

function expectOk(result: ImportResult): Extract<ImportResult, { ok: true }> {
	if (!result.ok) throw new Error(`expected ${result.file} to import, got: ${result.error}`);
	return result;
}

function expectError(result: ImportResult): string {
	if (result.ok)
		throw new Error(`expected ${result.file} to fail, got ${result.points.length} points`);
	return result.error;
}

describe('committed fixtures', () => {
	it('imports three towns near the Iran–Pakistan border from GeoJSON', () => {
		const result = expectOk(importFixture(importDir, 'towns-near-border.geojson'));
		expect(result.points.map((p) => [p.id, p.name, p.index])).toEqual([
			['towns-near-border-geojson-0', 'Sarāvān', 0],
			['towns-near-border-geojson-1', 'Taftan', 1],
			// No "name": the "title" property names it.
			['towns-near-border-geojson-2', 'Pīshīn', 2]
		]);
		expect(result.points[0]!.point).toEqual([62.33096, 27.37089]);
		expect(result.points[1]!.properties).toEqual({
			name: 'Taftan',
			country: 'Pakistan',
			population: null
		});
		expect(result.points[2]!.properties.border).toBe(true);
		expect(result.points.every((p) => p.sourceFile === 'towns-near-border.geojson')).toBe(true);
		expect(result.skipped).toEqual([]);
		expect(result.warnings).toEqual([]);
		// The fixture is what the brief says it is: every town within 60 km of the shipped border.
		const border = readGeodata('borders').features.find((b) => b.properties.primary)!;
		for (const p of result.points)
			expect(borderProximity(p.point, border).distanceKm).toBeLessThan(60);
	});

	it('imports a comma CSV with line numbers as indices and text properties', () => {
		const result = expectOk(importFixture(importDir, 'sites.csv'));
		expect(result.points.map((p) => [p.id, p.name, p.index, p.point])).toEqual([
			['sites-csv-2', 'Panjgur', 2, [64.09459, 26.97186]],
			['sites-csv-3', 'Mīrjāveh', 3, [61.44959, 29.0148]],
			['sites-csv-4', 'Jiwani', 4, [61.74573, 25.04852]]
		]);
		// CSV values stay text: a spreadsheet cell "007" must not become 7.
		expect(result.points[0]!.properties).toEqual({
			name: 'Panjgur',
			latitude: '26.97186',
			longitude: '64.09459'
		});
		expect(result.warnings).toEqual([]);
	});

	it('imports a semicolon CSV with a byte-order mark and decimal commas, with a warning', () => {
		const text = readFileSync(importDir + 'sites-semicolon-bom.csv', 'utf8');
		expect(text.charCodeAt(0)).toBe(0xfeff);
		const result = expectOk(importFixture(importDir, 'sites-semicolon-bom.csv'));
		expect(result.points.map((p) => [p.name, p.point])).toEqual([
			['Sarāvān', [62.33096, 27.37089]],
			['Panjgur', [64.09459, 26.97186]]
		]);
		// The BOM is not part of the first column's name.
		expect(Object.keys(result.points[0]!.properties)).toEqual([
			'name',
			'latitude',
			'longitude',
			'note'
		]);
		expect(result.points[1]!.properties.note).toBe('Pakistani side; Balochistan');
		expect(result.warnings).toEqual([
			'Decimal commas were read as decimal points (e.g. "27,37" as 27.37) in 2 rows.'
		]);
	});
});

describe('bad-input corpus (tests/fixtures/bad)', () => {
	const cases = readCorpusTable();
	const files = readdirSync(badDir).filter((f) => f !== 'README.md' && !f.startsWith('.'));

	it('has one README row per file, and at least 30 cases', () => {
		expect(cases.map((c) => c.file).sort()).toEqual([...files].sort());
		expect(new Set(cases.map((c) => c.file)).size).toBe(cases.length);
		expect(cases.length).toBeGreaterThanOrEqual(30);
	});

	it.each(cases)('$file → $outcome', ({ file, outcome, points, message }) => {
		const result = importFixture(badDir, file);
		if (outcome === 'error') {
			expect(message, 'an error row needs a message regex').not.toBeNull();
			expect(expectError(result)).toMatch(message!);
			return;
		}
		const ok = expectOk(result);
		expect(ok.points).toHaveLength(points!);
		const notes = [...ok.warnings, ...ok.skipped.map((s) => `${s.where}: ${s.why}`)];
		if (message === null) expect(notes).toEqual([]);
		else
			expect(
				notes.some((n) => message.test(n)),
				notes.join('\n')
			).toBe(true);
	});
});

describe('untrusted text is kept as text', () => {
	it('keeps an HTML name verbatim (escaping is the display’s job)', () => {
		const [point] = expectOk(importFixture(badDir, 'xss-name.geojson')).points;
		expect(point!.name).toBe('<img src=x onerror=alert(1)>');
	});

	it('keeps javascript: URLs as plain string properties', () => {
		const [point] = expectOk(importFixture(badDir, 'javascript-url.geojson')).points;
		expect(point!.properties.url).toBe('javascript:alert(document.cookie)');
		expect(point!.properties.link).toBe('<a href="javascript:alert(1)">source</a>');
	});

	it('keeps __proto__ and constructor as ordinary keys without polluting prototypes', () => {
		const [point] = expectOk(importFixture(badDir, 'proto-key.geojson')).points;
		const { properties } = point!;
		expect(Object.getPrototypeOf(properties)).toBe(Object.prototype);
		expect(Object.hasOwn(properties, '__proto__')).toBe(true);
		expect(properties['__proto__']).toBe('{"polluted":true}');
		expect(properties['constructor']).toBe('{"prototype":{"polluted":true}}');
		expect(({} as Record<string, unknown>).polluted).toBeUndefined();
	});

	it('keeps formula-looking CSV names as they are (the CSV export neutralises them)', () => {
		const result = expectOk(importFixture(badDir, 'formula-name.csv'));
		expect(result.points.map((p) => p.name)).toEqual([
			'=HYPERLINK("http://example.com","click")',
			'@SUM(1+1)'
		]);
	});
});

describe('GeoJSON details', () => {
	const feature = (geometry: unknown, properties: unknown = {}, id?: unknown) => ({
		type: 'Feature',
		...(id === undefined ? {} : { id }),
		properties,
		geometry
	});
	const collection = (...features: unknown[]) =>
		JSON.stringify({ type: 'FeatureCollection', features }, null, 1);
	const run = (text: string, file = 'test.geojson') =>
		importFile(file, text, text.length, slugify(file));

	it('imports a lone Feature and a bare geometry', () => {
		const lone = expectOk(run(JSON.stringify(feature({ type: 'Point', coordinates: [62, 27] }))));
		expect(lone.points.map((p) => [p.id, p.name, p.point])).toEqual([
			['test-geojson-0', 'Feature 0', [62, 27]]
		]);
		const bare = expectOk(run('{"type": "Point", "coordinates": [62, 27, 1200]}', 'p.json'));
		// The altitude is dropped: distances are measured on the surface.
		expect(bare.points.map((p) => [p.id, p.point, p.properties])).toEqual([
			['p-json-0', [62, 27], {}]
		]);
	});

	it('reports check-geojson positions against the whole file for a bare geometry', () => {
		const error = expectError(run('{\n  "type": "Point",\n  "coordinates": [62, "27"]\n}'));
		expect(error).toBe(
			'No points to analyse: geometry (line 3, column 23): Each element in a position must be a number.'
		);
	});

	it('gives each point of a MultiPoint its own id and a numbered name', () => {
		const text = collection(
			feature({ type: 'Point', coordinates: [61, 27] }, { label: 'Camp' }),
			feature(
				{
					type: 'MultiPoint',
					coordinates: [
						[62, 27],
						[63, 28]
					]
				},
				{ name: 'Camps' }
			)
		);
		const result = expectOk(run(text, 'Sarāvān sites.geojson'));
		expect(result.points.map((p) => [p.id, p.name, p.index])).toEqual([
			['saravan-sites-geojson-0', 'Camp', 0],
			['saravan-sites-geojson-1-0', 'Camps (point 1 of 2)', 1],
			['saravan-sites-geojson-1-1', 'Camps (point 2 of 2)', 1]
		]);
	});

	it('keeps duplicate feature ids from breaking the point ids', () => {
		const result = expectOk(importFixture(badDir, 'duplicate-ids.geojson'));
		const ids = result.points.map((p) => p.id);
		expect(new Set(ids).size).toBe(ids.length);
	});

	it('keeps primitive properties and turns nested ones into JSON text of at most 500 characters', () => {
		const long = { list: Array.from({ length: 200 }, (_, i) => i) };
		const text = collection(
			feature(
				{ type: 'Point', coordinates: [62, 27] },
				{ s: 'x', n: 1.5, b: false, z: null, o: { a: [1, 2] }, long }
			)
		);
		const { properties } = expectOk(run(text)).points[0]!;
		expect(properties).toMatchObject({ s: 'x', n: 1.5, b: false, z: null, o: '{"a":[1,2]}' });
		expect(properties.long).toHaveLength(500);
		expect(String(properties.long).startsWith('{"list":[0,1,2,')).toBe(true);
		expect(String(properties.long).endsWith('…')).toBe(true);
	});

	it('maps check-geojson issues to the right feature, line and column', () => {
		const text = [
			'{"type": "FeatureCollection", "features": [',
			'{"type": "Feature", "properties": {}, "geometry": {"type": "Point", "coordinates": [62, 27]}},',
			'{"type": "Feature", "properties": {},',
			' "geometry": {"type": "LineString",',
			'  "coordinates": [[62, 27]]}},',
			'{"type": "Feature", "properties": {}, "geometry": {"type": "Point", "coordinates": [63, 28]}}',
			']}'
		].join('\n');
		const result = expectOk(run(text));
		expect(result.points.map((p) => p.index)).toEqual([0, 2]);
		expect(result.skipped).toEqual([
			{ where: 'feature 1 (line 5, column 18)', why: 'Expected to find two or more positions here' }
		]);
	});

	it('never throws on any truncation of a valid file, and says where the JSON breaks', () => {
		const text = readFileSync(importDir + 'towns-near-border.geojson', 'utf8');
		for (let end = 1; end < text.trimEnd().length; end++) {
			const error = expectError(run(text.slice(0, end)));
			expect(error).toMatch(/^Not valid JSON: line \d+, column \d+: /);
		}
	});

	it('refuses JSON nested 10,000 levels deep with a clear message, quickly', () => {
		const started = performance.now();
		for (const text of [
			'['.repeat(10_000) + ']'.repeat(10_000),
			'{"a":'.repeat(10_000) + '1' + '}'.repeat(10_000),
			// Deep inside a feature's properties, behind a valid start.
			'{"type":"Feature","geometry":null,"properties":' +
				'['.repeat(10_000) +
				']'.repeat(10_000) +
				'}'
		])
			expect(expectError(run(text))).toMatch(
				new RegExp(`^The JSON is nested too deeply: more than ${MAX_JSON_DEPTH} levels`)
			);
		expect(performance.now() - started).toBeLessThan(2000);
	});

	it('accepts nesting up to the limit', () => {
		const deep = '['.repeat(MAX_JSON_DEPTH - 3) + ']'.repeat(MAX_JSON_DEPTH - 3);
		const text = `{"type":"Feature","geometry":{"type":"Point","coordinates":[62,27]},"properties":{"d":${deep}}}`;
		expect(expectOk(run(text)).points).toHaveLength(1);
	});

	/** A geometry of n positions, written directly as text: JSON.stringify of 1M arrays is slow. */
	const bigGeometry = (type: string, n: number) =>
		`{"type":"Feature","properties":{},"geometry":{"type":"${type}","coordinates":[` +
		Array.from({ length: n }, (_, i) => `[${(60 + i / n).toFixed(6)},27]`).join(',') +
		']}}';

	it('refuses a 1M-vertex LineString in seconds, not minutes', () => {
		const text = bigGeometry('LineString', 1_000_000);
		const started = performance.now();
		expect(expectError(run(text))).toMatch(
			/^The file has 1,000,000 coordinate positions \(lines and polygons included\); at most 250,000/
		);
		expect(performance.now() - started).toBeLessThan(5000);
	}, 30_000);

	it('refuses a MultiPoint of more than MAX_IMPORT_POINTS points, and accepts exactly that many', () => {
		expect(expectError(run(bigGeometry('MultiPoint', 1_000_000)))).toBe(
			'The file has 1,000,000 points; at most 100,000 can be imported.'
		);
		expect(expectError(run(bigGeometry('MultiPoint', MAX_IMPORT_POINTS + 1)))).toMatch(
			/^The file has 100,001 points/
		);
		const started = performance.now();
		expect(expectOk(run(bigGeometry('MultiPoint', MAX_IMPORT_POINTS))).points).toHaveLength(
			MAX_IMPORT_POINTS
		);
		expect(performance.now() - started).toBeLessThan(10_000);
	}, 60_000);
});

describe('CSV details', () => {
	const run = (text: string, file = 'test.csv') =>
		importFile(file, text, text.length, slugify(file));

	it('numbers rows by their line in the file, across quoted newlines and blank lines', () => {
		const text = 'name,lat,lon\n"Two\nlines",27,62\n\n\nNext,28,63\n';
		const result = expectOk(run(text));
		expect(result.points.map((p) => [p.name, p.index])).toEqual([
			['Two\nlines', 2],
			['Next', 6]
		]);
		const skipped = expectOk(run('name,lat,lon\r\n\r\nA,27,62\r\nB,95,62\r\n')).skipped;
		expect(skipped).toEqual([
			{ where: 'row 4', why: expect.stringMatching(/^latitude 95 is outside -90 to 90/) }
		]);
	});

	it('keeps line numbers and ids exact after ",," rows, as Excel writes them', () => {
		const result = expectOk(run('name,lat,lon\r\nA,27,62\r\n,,\r\n , \r\nB,95,62\r\nC,28,63\r\n'));
		expect(result.points.map((p) => [p.name, p.index, p.id, p.origin])).toEqual([
			['A', 2, 'test-csv-2', 'row 2'],
			['C', 6, 'test-csv-6', 'row 6']
		]);
		expect(result.skipped).toEqual([
			{ where: 'row 5', why: expect.stringMatching(/^latitude 95 is outside/) }
		]);
	});

	it('never lets a generated column name take an existing one', () => {
		const { properties } = expectOk(run('x (2),x,x,lat,lon\nkept,b,c,27,62\n')).points[0]!;
		expect(properties).toEqual({
			'x (2)': 'kept',
			x: 'b',
			'x (3)': 'c',
			lat: '27',
			lon: '62'
		});
		const blank = expectOk(run('column 2,,lat,lon\nreal,blank,27,62\n')).points[0]!.properties;
		expect(blank).toMatchObject({ 'column 2': 'real', 'column 2 (2)': 'blank' });
	});

	it('falls back to "Row N" for names and prefers name over title, label and place', () => {
		const unnamed = expectOk(run('lat,lon\n27,62\n'));
		expect(unnamed.points[0]!.name).toBe('Row 2');
		const named = expectOk(run('place,Title,lat,lon\nHere,Strike,27,62\n'));
		expect(named.points[0]!.name).toBe('Strike');
		const blank = expectOk(run('name,lat,lon\n  ,27,62\n'));
		expect(blank.points[0]!.name).toBe('Row 2');
	});

	it('reads decimal commas only where the separator is not a comma', () => {
		const semicolon = expectOk(run('lat;lon\n27,5;62\n'));
		expect(semicolon.points[0]!.point).toEqual([62, 27.5]);
		// With commas separating fields, "27,5" is two fields.
		const comma = expectOk(run('lat,lon\n"27,5",62\n27.5,62\n'));
		expect(comma.skipped).toEqual([{ where: 'row 2', why: 'latitude "27,5" is not a number' }]);
	});

	it('forces tabs for .tsv files', () => {
		const result = expectOk(run('name\tlat\tlon\nA, B\t27\t62\n', 'sites.tsv'));
		expect(result.points[0]!.name).toBe('A, B');
	});

	it('refuses more than MAX_IMPORT_POINTS data rows', () => {
		const rows = Array.from({ length: MAX_IMPORT_POINTS + 1 }, (_, i) => `${i},27,62`);
		const text = ['id,lat,lon', ...rows].join('\n');
		expect(expectError(run(text))).toMatch(/^The file has more than 100,000 data rows/);
		expect(expectOk(run(['id,lat,lon', ...rows.slice(1)].join('\n'))).points).toHaveLength(
			MAX_IMPORT_POINTS
		);
	}, 30_000);
});

describe('importFile guards', () => {
	it('refuses files over 20 MB before parsing, naming the limit', () => {
		expect(
			expectError(importFile('big.geojson', 'not even JSON', MAX_IMPORT_BYTES + 1, 'f1'))
		).toBe('The file is 20.0 MB; the limit for imported files is 20 MB.');
		expect(expectError(importFile('big.csv', 'x', 25 * 1024 * 1024, 'f1'))).toMatch(
			/^The file is 25\.0 MB; the limit for imported files is 20 MB\.$/
		);
		// At the limit the file is parsed (and here fails for its content, not its size).
		expect(expectError(importFile('ok.geojson', 'nope', MAX_IMPORT_BYTES, 'f1'))).toMatch(
			/^Not valid JSON/
		);
	});

	it('names the accepted types for other extensions', () => {
		for (const file of ['sites.gpx', 'sites.xlsx', 'README', 'archive.geojson.zip'])
			expect(expectError(importFile(file, 'x', 1, 'f1'))).toMatch(
				/^Unsupported file type.*GeoJSON \(\.geojson, \.json\), newline-delimited GeoJSON \(\.ndjson, .*\), CSV \(\.csv, \.tsv, \.txt\), KML \(\.kml, \.kmz\) or FlatGeobuf \(\.fgb\)\.$/
			);
	});

	it('matches extensions case-insensitively', () => {
		expect(expectOk(importFile('SITES.CSV', 'lat,lon\n27,62', 13, 'f1')).points).toHaveLength(1);
		expect(
			expectOk(importFile('Sites.GeoJSON', '{"type":"Point","coordinates":[62,27]}', 38, 'f2'))
				.points
		).toHaveLength(1);
	});

	it("builds ids from the caller's prefix, so files whose names slug alike stay apart", () => {
		const text = 'name,lat,lon\nA,27,62\n';
		const names = [
			['Sites.csv', 'sites.csv'],
			['a b.csv', 'a_b.csv'],
			['سراوان.csv', 'پنجگور.csv']
		];
		for (const [first, second] of names) {
			// The names themselves would give the same id: the prefix is what keeps them apart.
			expect(slugify(first!)).toBe(slugify(second!));
			const a = expectOk(importFile(first!, text, text.length, 'f1-' + slugify(first!)));
			const b = expectOk(importFile(second!, text, text.length, 'f2-' + slugify(second!)));
			expect(a.points[0]!.id).not.toBe(b.points[0]!.id);
			expect(a.points[0]!.id).toBe(`f1-${slugify(first!)}-2`);
		}
	});

	it('says where each point came from in words: a row, a feature, a point of a MultiPoint', () => {
		const csv = expectOk(importFile('a.csv', 'lat,lon\n\n27,62\n', 12, 'f1')).points[0]!;
		expect(csv.origin).toBe('row 3');
		const multi = JSON.stringify({
			type: 'FeatureCollection',
			features: [
				{ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [62, 27] } },
				{
					type: 'Feature',
					properties: {},
					geometry: {
						type: 'MultiPoint',
						coordinates: [
							[62, 27],
							[63, 28]
						]
					}
				}
			]
		});
		const points = expectOk(importFile('b.geojson', multi, multi.length, 'f2')).points;
		expect(points.map((p) => p.origin)).toEqual([
			'feature 0',
			'feature 1, point 1 of 2',
			'feature 1, point 2 of 2'
		]);
	});

	it('makes file names into id prefixes', () => {
		expect(slugify('Sarāvān sites (v2).GeoJSON')).toBe('saravan-sites-v2-geojson');
		expect(slugify('سراوان.csv')).toBe('csv');
		expect(slugify('...')).toBe('import');
	});
});
