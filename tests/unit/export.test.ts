// Exporting results: GeoJSON that check-geojson accepts and that re-imports unchanged, RFC 4180
// CSV that papaparse reads back, KML that our KML reader reads back, formula-injection guarding,
// and download file names.
import { getIssues } from '@placemarkio/check-geojson';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import {
	METHOD_NOTE,
	resultsCsv,
	resultsFileName,
	resultsGeoJson,
	resultsKml,
	type ResultRow
} from '../../src/lib/geo/export';
import { importFile } from '../../src/lib/geo/import';

const meta = {
	scenario: 'iran-pakistan-2024',
	generatedUtc: '2026-11-25T09:30:00Z',
	borderGeometry: 'geoBoundaries CGAZ 6.0, Iran–Pakistan'
};

const panjgur: ResultRow = {
	id: 'panjgur-2024-01-16',
	name: 'Panjgur strike',
	kind: 'event',
	point: [64.09459123456, 26.97186],
	locationBasis: 'stand-in',
	precisionKm: 25,
	side: 'Pakistan',
	borderKm: 118.249,
	borderIntervalKm: [93.249, 143.251],
	nearestTown: { name: 'Panjgur', distanceKm: 0.04 },
	nearestCrossing: { name: 'Taftan', distanceKm: 287.66 },
	bandsKm: [200, 150],
	byLine: [
		{ label: 'Natural Earth 1:10m', borderKm: 118.249 },
		{ label: 'OpenStreetMap', borderKm: 116.81 }
	],
	evidence: {
		dateStart: '2024-01-16T12:00:00Z',
		dateEnd: '2024-01-16T14:00:00Z',
		timePrecision: 1,
		eventType: 'Explosions/Remote violence',
		subEventType: 'Air/drone strike',
		actor1: 'Islamic Revolutionary Guard Corps (Iran)',
		actor2: 'Civilians (Pakistan)',
		civilianTargeting: null,
		admin1: 'Balochistan',
		admin2: 'Panjgur District',
		placeReported: 'Sabz Koh (Koh-i-Sabz) village',
		geoPrecision: 2,
		wherePrecision: 3,
		claims: ['Saeed Ahmed Umrani, Commissioner: 2 killed, 4 injured. [The Express Tribune]'],
		sources: ['https://example.org/a?x=1;y=2', 'Dawn, 17 January 2024']
	}
};

const imported: ResultRow = {
	id: 'sites-csv-2',
	name: 'Camp, "north"\nsecond line',
	kind: 'imported',
	point: [-5.5, 27],
	locationBasis: 'imported',
	precisionKm: null,
	side: null,
	borderKm: 3.35,
	borderIntervalKm: [3.35, 3.35],
	nearestTown: null,
	nearestCrossing: null,
	bandsKm: []
};

describe('resultsGeoJson', () => {
	const text = resultsGeoJson([panjgur, imported], meta);
	const json = JSON.parse(text);

	it('is a FeatureCollection that check-geojson accepts', () => {
		expect(getIssues(text)).toEqual([]);
		expect(json.type).toBe('FeatureCollection');
		expect(json.features).toHaveLength(2);
		expect(text.endsWith('}\n')).toBe(true);
	});

	it('carries a metadata member saying what was measured and how', () => {
		expect(json.metadata).toEqual({
			generator: 'Borderline',
			scenario: 'iran-pakistan-2024',
			generated: '2026-11-25T09:30:00Z',
			border_geometry: 'geoBoundaries CGAZ 6.0, Iran–Pakistan',
			units: expect.stringMatching(/kilometres \(km\).*WGS84 longitude and latitude in degrees/),
			method: 'geodesic distances (Turf, WGS84 sphere)',
			count: 2
		});
		expect(METHOD_NOTE).toBe('geodesic distances (Turf, WGS84 sphere)');
	});

	it('writes flat properties with units in their names, distances to 0.1 km', () => {
		const [first, second] = json.features;
		expect(first.id).toBe('panjgur-2024-01-16');
		expect(first.geometry).toEqual({ type: 'Point', coordinates: [64.094591, 26.97186] });
		expect(first.properties).toEqual({
			id: 'panjgur-2024-01-16',
			name: 'Panjgur strike',
			kind: 'event',
			longitude_deg: 64.094591,
			latitude_deg: 26.97186,
			location_basis: 'stand-in',
			precision_km: 25,
			side: 'Pakistan',
			border_km: 118.2,
			border_min_km: 93.2,
			border_max_km: 143.3,
			border_line: 'Natural Earth 1:10m',
			other_lines_border_km: ['OpenStreetMap: 116.8'],
			border_spread_km: 1.4,
			nearest_town: 'Panjgur',
			nearest_town_km: 0,
			nearest_crossing: 'Taftan',
			nearest_crossing_km: 287.7,
			bands_km: [150, 200],
			date_start_utc: '2024-01-16T12:00:00Z',
			date_end_utc: '2024-01-16T14:00:00Z',
			time_precision: 1,
			event_type: 'Explosions/Remote violence',
			sub_event_type: 'Air/drone strike',
			actor1: 'Islamic Revolutionary Guard Corps (Iran)',
			actor2: 'Civilians (Pakistan)',
			civilian_targeting: null,
			admin1: 'Balochistan',
			admin2: 'Panjgur District',
			place_reported: 'Sabz Koh (Koh-i-Sabz) village',
			geo_precision: 2,
			where_prec: 3,
			claims: ['Saeed Ahmed Umrani, Commissioner: 2 killed, 4 injured. [The Express Tribune]'],
			sources: ['https://example.org/a?x=1;y=2', 'Dawn, 17 January 2024']
		});
		expect(second.properties).toMatchObject({
			precision_km: null,
			side: null,
			border_km: 3.4,
			nearest_town: null,
			nearest_town_km: null,
			nearest_crossing: null,
			nearest_crossing_km: null,
			bands_km: [],
			date_start_utc: null,
			event_type: null,
			geo_precision: null,
			claims: [],
			sources: []
		});
		// Every numeric property names its unit, or is a codebook's precision code.
		for (const feature of json.features)
			for (const [key, value] of Object.entries(feature.properties))
				if (typeof value === 'number') expect(key).toMatch(/_(km|deg|precision|prec)$/);
	});

	it('writes null for a distance that is not finite, never a silent number', () => {
		const broken = resultsGeoJson([{ ...imported, borderKm: Number.NaN }], meta);
		expect(JSON.parse(broken).features[0].properties.border_km).toBeNull();
	});

	it('re-imports as the same points and names', () => {
		const result = importFile('results.geojson', text, text.length, 'f1');
		if (!result.ok) throw new Error(result.error);
		expect(result.points.map((p) => [p.name, p.point])).toEqual([
			['Panjgur strike', [64.094591, 26.97186]],
			['Camp, "north"\nsecond line', [-5.5, 27]]
		]);
		expect(result.warnings).toEqual([]);
	});

	it('writes an empty collection for no rows', () => {
		const empty = JSON.parse(resultsGeoJson([], meta));
		expect(empty.features).toEqual([]);
		expect(empty.metadata.count).toBe(0);
	});
});

describe('resultsCsv', () => {
	const csv = resultsCsv([panjgur, imported]);
	const header =
		'id,name,kind,longitude_deg,latitude_deg,location_basis,precision_km,side,border_km,' +
		'border_min_km,border_max_km,border_line,other_lines_border_km,border_spread_km,' +
		'nearest_town,nearest_town_km,nearest_crossing,' +
		'nearest_crossing_km,bands_km,date_start_utc,date_end_utc,time_precision,event_type,' +
		'sub_event_type,actor1,actor2,civilian_targeting,admin1,admin2,place_reported,geo_precision,' +
		'where_prec,claims,sources';

	it('starts with a UTF-8 byte-order mark, so Excel on Windows reads "Sarāvān" as written', () => {
		expect(csv.charCodeAt(0)).toBe(0xfeff);
		expect(new TextEncoder().encode(csv).slice(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));
	});

	it('has a header with units in the column names and CRLF line ends', () => {
		expect(csv.startsWith('\uFEFF' + header + '\r\n')).toBe(true);
		expect(csv.endsWith('\r\n')).toBe(true);
		// Outside quoted fields, every line break is CRLF.
		expect(csv.replace(/"(?:[^"]|"")*"/g, '').match(/\r?\n/g)).toEqual(['\r\n', '\r\n', '\r\n']);
	});

	it('writes numbers plainly, nulls as empty cells and lists joined', () => {
		expect(csv.split('\r\n')[1]).toBe(
			'panjgur-2024-01-16,Panjgur strike,event,64.094591,26.97186,stand-in,25,Pakistan,118.2,' +
				'93.2,143.3,Natural Earth 1:10m,OpenStreetMap: 116.8,1.4,Panjgur,0,Taftan,287.7,150; 200,2024-01-16T12:00:00Z,2024-01-16T14:00:00Z,1,' +
				'Explosions/Remote violence,Air/drone strike,Islamic Revolutionary Guard Corps (Iran),' +
				'Civilians (Pakistan),,Balochistan,Panjgur District,Sabz Koh (Koh-i-Sabz) village,2,3,' +
				'"Saeed Ahmed Umrani, Commissioner: 2 killed, 4 injured. [The Express Tribune]",' +
				'"https://example.org/a?x=1;y=2 | Dawn, 17 January 2024"'
		);
	});

	it('quotes fields with commas, quotes and newlines (RFC 4180), and papaparse reads them back', () => {
		expect(csv).toContain('"Camp, ""north""\nsecond line"');
		const parsed = Papa.parse<string[]>(csv.replace(/^\uFEFF/, '').trimEnd(), { newline: '\r\n' });
		expect(parsed.errors).toEqual([]);
		expect(parsed.data).toHaveLength(3);
		expect(parsed.data[0]!.join(',')).toBe(header);
		const second = Object.fromEntries(parsed.data[0]!.map((k, i) => [k, parsed.data[2]![i]]));
		expect(second).toMatchObject({
			name: 'Camp, "north"\nsecond line',
			longitude_deg: '-5.5',
			precision_km: '',
			side: '',
			border_km: '3.4',
			bands_km: '',
			sources: ''
		});
	});

	it('neutralises text cells that a spreadsheet would run as formulas', () => {
		const cells = ['=1+1', '+cmd', '-2+3', '@SUM(A1)', '\tTab', '\rReturn', 'Safe = ok'];
		const rows = cells.map((name, i) => ({ ...imported, id: `r${i}`, name }));
		const names = Papa.parse<string[]>(resultsCsv(rows).trimEnd(), { newline: '\r\n' })
			.data.slice(1)
			.map((row) => row[1]);
		expect(names).toEqual([
			"'=1+1",
			"'+cmd",
			"'-2+3",
			"'@SUM(A1)",
			"'\tTab",
			"'\rReturn",
			'Safe = ok'
		]);
		// Numbers are not text: a negative longitude stays a number.
		expect(resultsCsv([imported]).split('\r\n')[1]).toContain(',-5.5,27,');
	});

	it('keeps non-ASCII names as UTF-8 text', () => {
		const text = resultsCsv([{ ...imported, name: 'Sarāvān – سراوان' }]);
		expect(text).toContain(',Sarāvān – سراوان,');
		expect(
			new TextDecoder('utf-8', { ignoreBOM: true }).decode(new TextEncoder().encode(text))
		).toBe(text);
	});

	it('writes only the header for no rows', () => {
		expect(resultsCsv([])).toBe('\uFEFF' + header + '\r\n');
	});
});

describe('resultsKml', () => {
	const kml = resultsKml([panjgur, imported]);

	it('is read back by the KML import: the same points, names and fields', () => {
		const back = importFile('results.kml', kml, kml.length, 'k1');
		if (!back.ok) throw new Error(back.error);
		expect(back.points.map((p) => [p.name, p.point])).toEqual([
			// Coordinates at the exports' 6 decimals (about 0.1 m), as in the GeoJSON and CSV.
			['Panjgur strike', [64.094591, 26.97186]],
			['Camp, "north"\nsecond line', [-5.5, 27]]
		]);
		const props = back.points[0]!.properties;
		expect(props['border_km']).toBe('118.2'); // km to 0.1, as every export writes it
		expect(props['bands_km']).toBe('150; 200');
		expect(props['sources']).toBe('https://example.org/a?x=1;y=2 | Dawn, 17 January 2024');
		// Unknown values are left out, not written as "null".
		expect(back.points[1]!.properties).not.toHaveProperty('precision_km');
		expect(kml).not.toMatch(/<value>null<\/value>/);
	});

	it('escapes markup in names, so a name cannot become KML', () => {
		const hostile = { ...imported, name: '</name><Placemark><name>x' };
		const text = resultsKml([hostile]);
		expect(text.match(/<Placemark>/g)).toHaveLength(1);
		const back = importFile('r.kml', text, text.length, 'k2');
		expect(back.ok && back.points[0]!.name).toBe('</name><Placemark><name>x');
	});
});

describe('resultsFileName', () => {
	it('names downloads by scenario and UTC date', () => {
		expect(resultsFileName('iran-pakistan-2024', '2026-11-25', 'geojson')).toBe(
			'borderline_iran-pakistan-2024_analysis_2026-11-25.geojson'
		);
		expect(resultsFileName('iran-pakistan-2024', '2026-11-25T23:59:00Z', 'csv')).toBe(
			'borderline_iran-pakistan-2024_analysis_2026-11-25.csv'
		);
	});

	it('keeps only characters safe in file names', () => {
		expect(resultsFileName('Iran–Pakistan / Sarāvān 2024!', '2026-11-25', 'csv')).toBe(
			'borderline_iran-pakistan-saravan-2024_analysis_2026-11-25.csv'
		);
		expect(resultsFileName('../../etc', 'today', 'geojson')).toBe(
			'borderline_etc_analysis_today.geojson'
		);
	});
});
