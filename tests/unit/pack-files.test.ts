// A whole pack read from its files' bytes: the default pack passes; each broken pack is refused
// with its file and the path to the problem named.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MAX_PACK_FILE_BYTES, readPackFiles } from '../../src/lib/geo/pack-files';
import { geodataDir } from './helpers';

const original = new Map<string, Uint8Array>(
	readdirSync(geodataDir).map((name) => [name, new Uint8Array(readFileSync(geodataDir + name))])
);
const json = (name: string) => JSON.parse(new TextDecoder().decode(original.get(name)!));
const bytes = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));

/** The default pack with some files replaced (undefined removes one). */
function variant(changes: Record<string, Uint8Array | undefined>) {
	const files = new Map(original);
	for (const [name, value] of Object.entries(changes))
		if (value === undefined) files.delete(name);
		else files.set(name, value);
	return readPackFiles(files);
}

function problems(changes: Record<string, Uint8Array | undefined>): string[] {
	const result = variant(changes);
	if (result.ok) throw new Error('expected the pack to be refused');
	return result.problems.map((p) => p.message);
}

describe('readPackFiles', () => {
	it('reads the default pack', () => {
		const result = readPackFiles(original);
		expect(result.ok).toBe(true);
		if (result.ok) expect(result.layers.events.features.length).toBeGreaterThan(5);
	});

	it('refuses bad JSON, naming the file', () => {
		expect(problems({ 'scenario.json': new TextEncoder().encode('{"slug": ') })).toEqual([
			expect.stringMatching(/^scenario\.json: not valid JSON/)
		]);
	});

	it('refuses a pack with a layer missing', () => {
		expect(problems({ 'crossings.geojson': undefined })).toEqual([
			'crossings.geojson: is missing from the pack'
		]);
	});

	it('refuses a border whose sides are not in the countries', () => {
		const meta = json('scenario.json');
		const messages = problems({
			'scenario.json': bytes({ ...meta, border: { ...meta.border, sides: ['Iran', 'Atlantis'] } })
		});
		expect(messages).toContain(
			'scenario.json: at border.sides: "Atlantis" is not a country of countries.geojson'
		);
	});

	it('refuses an event outside every country', () => {
		const events = json('events.geojson');
		events.features[3].geometry.coordinates = [0, 0];
		expect(problems({ 'events.geojson': bytes(events) })).toEqual([
			expect.stringMatching(
				/^events\.geojson: at features\.3 \(.+\): \[0, 0\] lies outside every country/
			)
		]);
	});

	it('refuses a 50 MB file unread, naming the limit', () => {
		expect(problems({ 'towns.geojson': new Uint8Array(MAX_PACK_FILE_BYTES + 1) })).toEqual([
			'towns.geojson: is 50.0 MB; a pack file may be at most 50.0 MB'
		]);
	});

	it('names a file too large to read from its size alone (a folder on disk)', () => {
		const result = readPackFiles(
			new Map([...original].filter(([name]) => name !== 'towns.geojson')),
			new Map([['towns.geojson', 60 * 1024 * 1024]])
		);
		expect(result.ok ? [] : result.problems.map((p) => p.message)).toEqual([
			'towns.geojson: is 60.0 MB; a pack file may be at most 50.0 MB'
		]);
	});

	it('reads the extra layers scenario.json declares, and names a missing or malformed one', () => {
		const result = readPackFiles(original);
		expect(result.ok && Object.keys(result.extras)).toEqual(['border-osm']);
		expect(problems({ 'border-osm.geojson': undefined })).toEqual([
			'border-osm.geojson: is missing from the pack'
		]);
		// A line layer whose feature is a point is refused with the path to it.
		const osm = json('border-osm.geojson');
		osm.features[0].geometry = { type: 'Point', coordinates: [62, 27] };
		expect(problems({ 'border-osm.geojson': bytes(osm) })).toEqual([
			expect.stringMatching(/^border-osm\.geojson: at features\.0\.geometry/)
		]);
	});

	it('refuses a file that is not UTF-8', () => {
		expect(problems({ 'events.geojson': new Uint8Array([0x7b, 0xff, 0x7d]) })).toEqual([
			'events.geojson: is not valid UTF-8 text'
		]);
	});

	it('names a schema problem with its path', () => {
		const towns = json('towns.geojson');
		towns.features[2].geometry.coordinates = [62, 95];
		expect(problems({ 'towns.geojson': bytes(towns) })).toEqual([
			expect.stringMatching(
				/^towns\.geojson: at features\.2\.geometry\.coordinates: latitude 95 is outside/
			)
		]);
	});
});
