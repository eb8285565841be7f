// The committed geodata passes the app's schemas, and bad files are reported by name and path.
import { describe, expect, it } from 'vitest';
import { GeodataError, parseJsonText, parseLayer } from '../../src/lib/geo/load';
import { layerNames } from '../../src/lib/geo/schema';
import { readGeodata } from './helpers';

describe('committed geodata', () => {
	it.each(layerNames)('%s.geojson validates', (layer) => {
		expect(readGeodata(layer).features.length).toBeGreaterThan(0);
	});

	it('has the six scenario events on the map and the two diplomatic ones off it', () => {
		const events = readGeodata('events').features;
		expect(events.filter((e) => e.geometry).map((e) => e.properties.id)).toEqual([
			'rask-2023-12',
			'erbil-2024-01-15',
			'idlib-2024-01-15',
			'panjgur-2024-01-16',
			'saravan-2024-01-18',
			'sirkan-2024-01-27'
		]);
		expect(
			events
				.filter((e) => !e.geometry)
				.every((e) => e.properties.eventType === 'Strategic developments')
		).toBe(true);
	});

	it('marks exactly the two involved provinces and merges FATA into Khyber Pakhtunkhwa', () => {
		const provinces = readGeodata('provinces').features.map((f) => f.properties);
		expect(
			provinces
				.filter((p) => p.involved)
				.map((p) => p.name)
				.sort()
		).toEqual(['Balochistan', 'Sistan and Baluchestan']);
		expect(provinces.some((p) => p.iso === 'PK-TA')).toBe(false);
		expect(provinces.find((p) => p.iso === 'PK-KP')?.note).toMatch(/FATA/);
		expect(new Set(provinces.map((p) => p.id)).size).toBe(provinces.length);
	});
});

describe('malformed geodata is reported with file and location', () => {
	const event = () => structuredClone(readGeodata('events'));
	/** A countries file of one polygon with the given outer ring. */
	const countriesWithRing = (ring: number[][]) => ({
		type: 'FeatureCollection',
		features: [
			{
				type: 'Feature',
				geometry: { type: 'Polygon', coordinates: [ring] },
				properties: { id: 'X', name: 'X', focus: false }
			}
		]
	});

	it('names a bad coordinate', () => {
		const bad = event() as unknown as { features: { geometry: { coordinates: unknown[] } }[] };
		bad.features[1]!.geometry.coordinates = [44.1, 'north'];
		expect(() => parseLayer('events', 'events.geojson', bad)).toThrowError(
			/events\.geojson: .*features\.1\.geometry/
		);
	});

	it('names a latitude out of range', () => {
		const bad = event() as unknown as { features: { geometry: { coordinates: number[] } }[] };
		bad.features[0]!.geometry.coordinates = [61.4, 95];
		expect(() => parseLayer('events', 'events.geojson', bad)).toThrowError(GeodataError);
	});

	it('names the ring and the position of a bad polygon coordinate', () => {
		const ring = [
			[60, 25],
			[61, 25],
			[61, 95],
			[60, 25]
		];
		const bad = countriesWithRing(ring);
		expect(() => parseLayer('countries', 'countries.geojson', bad)).toThrowError(
			/features\.0\.geometry\.coordinates\.0: position 2: latitude 95 is outside −90…90/
		);
		ring[2] = [61, Number.NaN];
		expect(() => parseLayer('countries', 'countries.geojson', bad)).toThrowError(
			/position 2: latitude NaN is not a finite number/
		);
	});

	it('rejects a non-http source link', () => {
		const bad = event();
		(bad.features[0]!.properties.sources[0] as { url: string }).url = 'javascript:alert(1)';
		expect(() => parseLayer('events', 'events.geojson', bad)).toThrowError(/http/);
	});

	it('rejects an event without sources', () => {
		const bad = event();
		(bad.features[3]!.properties as { sources: unknown[] }).sources = [];
		expect(() => parseLayer('events', 'events.geojson', bad)).toThrowError(
			/features\.3\.properties\.sources.*at least one source/
		);
	});

	it('rejects an unclosed polygon ring', () => {
		const ring = [
			[60, 25],
			[61, 25],
			[61, 26],
			[60, 26]
		];
		const bad = countriesWithRing(ring);
		expect(() => parseLayer('countries', 'countries.geojson', bad)).toThrowError(
			/countries\.geojson: .*closed/
		);
	});

	it('reports JSON syntax errors against the file name', () => {
		expect(() => parseJsonText('towns.geojson', '{"type": "Feature')).toThrowError(
			/towns\.geojson: not valid JSON/
		);
	});
});
