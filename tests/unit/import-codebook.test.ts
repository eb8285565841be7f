// ACLED and UCDP GED exports: read as events of our model, bad rows named by line, and our own
// events written as ACLED CSV and read back unchanged. The fixtures are the default pack's events
// (scripts/fixtures/codebook.ts), so no site in them is invented.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { acledCsv, conservativeFatalities } from '../../src/lib/geo/acled';
import { mappedEvents } from '../../src/lib/geo/analysis';
import { importFile } from '../../src/lib/geo/import';
import { detectCodebook, parseExportDate } from '../../src/lib/geo/import-codebook';
import { readGeodata } from './helpers';

const fixture = (name: string) =>
	readFileSync(new URL(`../fixtures/import/${name}`, import.meta.url), 'utf8');
const events = mappedEvents(readGeodata('events').features);
const byId = new Map(events.map((e) => [e.properties.id, e]));

function read(name: string, text: string) {
	const result = importFile(name, text, text.length, 'f1');
	if (!result.ok) throw new Error(result.error);
	return result;
}

describe('recognising the exports', () => {
	it('knows ACLED and UCDP GED by their documented columns, any case', () => {
		expect(detectCodebook(['EVENT_ID_CNTY', 'event_date', 'Latitude', 'longitude'])).toBe('ACLED');
		expect(detectCodebook(['id', 'date_start', 'where_prec', 'latitude', 'longitude'])).toBe(
			'UCDP GED'
		);
		expect(detectCodebook(['name', 'latitude', 'longitude'])).toBeNull();
	});

	it('reads the dates the exports write, and refuses what is not a day', () => {
		expect(parseExportDate('2024-01-18')).toBe('2024-01-18');
		expect(parseExportDate('2024-01-18 00:00:00.000')).toBe('2024-01-18');
		expect(parseExportDate('18 January 2024')).toBe('2024-01-18');
		expect(parseExportDate('2024-02-30')).toBeNull();
		expect(parseExportDate('18/01/2024')).toBeNull(); // day or month first? not guessed
	});
});

describe('an ACLED export of the pack', () => {
	const text = fixture('acled-iran-pakistan-2024.csv');

	it('is what the app exports for the pack (regenerate: npx tsx scripts/fixtures/codebook.ts)', () => {
		expect(text).toBe(acledCsv(events));
	});

	it('imports as the pack events: same sites, codes, fatalities and sources', () => {
		const result = read('acled.csv', text);
		expect(result.warnings.join(' ')).toMatch(/Read as a ACLED export/);
		expect(result.points).toHaveLength(events.length);
		for (const p of result.points) {
			const e = byId.get(p.event!.id)!;
			expect(e, p.event!.id).toBeDefined();
			expect(p.point).toEqual(e.geometry.coordinates);
			expect(p.event!.format).toBe('ACLED');
			expect(p.event!.geoPrecision).toBe(e.properties.geoPrecision);
			expect(p.event!.timePrecision).toBe(e.properties.timePrecision);
			expect(p.event!.eventType).toBe(e.properties.eventType);
			expect(p.event!.subEventType).toBe(e.properties.subEventType);
			expect(p.event!.actor1).toBe(e.properties.actor1);
			// ACLED marks civilian targeting or leaves the cell blank: blank reads as not marked (null).
			expect(p.event!.civilianTargeting).toBe(
				e.properties.civilianTargeting === true ? true : null
			);
			expect(p.event!.fatalities?.best ?? null).toBe(conservativeFatalities(e));
			expect(p.event!.sources.length).toBeGreaterThan(0);
		}
	});

	it('names each bad row by its line and keeps the others', () => {
		const lines = text.split('\r\n');
		lines[2] = lines[2]!.replace(/,1,Political violence,/, ',7,Political violence,');
		lines[3] = lines[3]!.replace(/,2024-01-15,/, ',15/01/2024,');
		const result = read('acled-bad.csv', lines.join('\r\n'));
		expect(result.points).toHaveLength(events.length - 2);
		expect(result.skipped).toEqual([
			{ where: 'row 3', why: 'time_precision "7" is not a whole number from 1 to 3' },
			{
				where: 'row 4',
				why: 'event_date "15/01/2024" is not a date (expected 2024-01-18 or 18 January 2024)'
			}
		]);
	});
});

describe('a UCDP GED export of the pack', () => {
	const text = fixture('ucdp-ged-iran-pakistan-2024.csv');

	it('imports as events with where_prec and the fatality range', () => {
		const result = read('ged.csv', text);
		expect(result.points).toHaveLength(events.length);
		const saravan = result.points.find((p) => p.event!.id === 'saravan-2024-01-18')!;
		const e = byId.get('saravan-2024-01-18')!;
		expect(saravan.point).toEqual(e.geometry.coordinates);
		expect(saravan.event).toMatchObject({
			format: 'UCDP GED',
			dateStart: '2024-01-18',
			dateEnd: '2024-01-18',
			wherePrecision: e.properties.wherePrecision,
			// The claims give 7, 9 and 10 killed (and "a number of terrorists", no figure).
			fatalities: { low: 7, best: 7, high: 10 },
			actor1: 'Military Forces of Pakistan'
		});
	});

	it('refuses a range out of order and a where_prec off the scale, by line', () => {
		const lines = text.split('\r\n');
		lines[1] = lines[1]!.replace(/,1,1,"Police/, ',1,9,"Police');
		lines[5] = lines[5]!.replace(/,7,7,10,/, ',7,12,10,'); // best 7, low 12, high 10
		const result = read('ged-bad.csv', lines.join('\r\n'));
		expect(result.skipped.map((s) => s.where)).toEqual(['row 2', 'row 6']);
		expect(result.skipped[0]!.why).toBe('where_prec "9" is not a whole number from 1 to 7');
		expect(result.skipped[1]!.why).toBe('low 12, best 7, high 10 are not in order');
	});
});

describe('our events as ACLED rows', () => {
	it('dates by the local day, keeps the lowest claimed toll, and leaves what we do not hold empty', () => {
		const [header, rask] = acledCsv([byId.get('rask-2023-12')!])
			.replace(/^\uFEFF/, '')
			.split('\r\n');
		const row = Object.fromEntries(
			header!.split(',').map((k, i) => [k, rask!.match(/("([^"]|"")*"|[^,]*)(,|$)/g)![i]])
		);
		expect(row['event_date']).toBe('2023-12-15,'); // 20:30 UTC on the 14th is 00:00 on the 15th in Rask
		expect(row['disorder_type']).toBe('Political violence,');
		expect(row['fatalities']).toBe('11,'); // claims of 11 (Marhamati, AFP): no figure is averaged
		expect(row['source_scale']).toBe(',');
		expect(row['timestamp']).toBe('');
	});
});
