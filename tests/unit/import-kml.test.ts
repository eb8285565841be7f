// KML and KMZ in: placemarks become imported points like GeoJSON's; broken, hostile or empty
// files are refused with a reason.
import { readFileSync } from 'node:fs';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { importBytes, importFile } from '../../src/lib/geo/import';
import { MAX_KMZ_KML_BYTES } from '../../src/lib/geo/import-kml';

const kml = readFileSync(new URL('../fixtures/import/stand-ins.kml', import.meta.url), 'utf8');
const ok = (result: ReturnType<typeof importFile>) => {
	if (!result.ok) throw new Error(result.error);
	return result;
};
const error = (result: ReturnType<typeof importFile>) => (result.ok ? '' : result.error);

describe('KML import', () => {
	it('reads the point placemarks with their names and data, and skips the line', () => {
		const result = ok(importFile('stand-ins.kml', kml, kml.length, 'f1'));
		expect(result.points.map((p) => [p.name, p.point])).toEqual([
			['Muzaffarābād', [73.47082, 34.37002]],
			['Kotli', [73.9022, 33.51836]],
			['Pūnch', [74.09254, 33.77033]]
		]);
		expect(result.points[1]!.properties['sites']).toBe('Abbas mosque; Gulpur');
		expect(result.points.map((p) => p.origin)).toEqual([
			'placemark 1',
			'placemark 2',
			'placemark 3'
		]);
		expect(result.skipped).toHaveLength(1);
		expect(result.skipped[0]).toEqual({
			where: 'placemark 4',
			why: expect.stringMatching(/LineString/)
		});
	});

	it('reads the same placemarks from a KMZ, preferring doc.kml', async () => {
		const kmz = zipSync({
			'files/other.kml': strToU8('<kml xmlns="http://www.opengis.net/kml/2.2"></kml>'),
			'doc.kml': strToU8(kml)
		});
		const result = ok(await importBytes('stand-ins.kmz', kmz, 'f2'));
		expect(result.points.map((p) => p.name)).toEqual(['Muzaffarābād', 'Kotli', 'Pūnch']);
	});

	it.each([
		['not XML', '<kml><Placemark></kml>', /not well-formed XML/],
		['XML that is not KML', '<gpx><wpt lat="1" lon="2"/></gpx>', /root element is <gpx>/],
		[
			'a KML with an entity declaration (entity expansion)',
			'<!DOCTYPE kml [<!ENTITY a "aaaaaaaaaa">]><kml>&a;</kml>',
			/document type declaration/
		],
		[
			'a KML with no placemark',
			'<kml xmlns="http://www.opengis.net/kml/2.2"><Document/></kml>',
			/no placemark/
		]
	])('refuses %s', (_what, text, message) => {
		expect(error(importFile('x.kml', text, text.length, 'f3'))).toMatch(message);
	});

	it('refuses a KMZ that is not a zip, holds no KML, or expands past the limit', async () => {
		expect(error(await importBytes('x.kmz', strToU8('not a zip'), 'f4'))).toMatch(
			/not a readable zip/
		);
		expect(error(await importBytes('x.kmz', zipSync({ 'a.txt': strToU8('hi') }), 'f4'))).toMatch(
			/holds no \.kml/
		);
		// A zip that promises more than the limit is refused before it is expanded.
		const big = zipSync({ 'doc.kml': new Uint8Array(MAX_KMZ_KML_BYTES + 1) }, { level: 9 });
		expect(big.length).toBeLessThan(1024 * 1024);
		expect(error(await importBytes('big.kmz', big, 'f4'))).toMatch(
			/expands to 20\.0 MB; the limit is 20\.0 MB/
		);
	});
});
