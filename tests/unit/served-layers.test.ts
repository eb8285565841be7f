// Served layers (scenario.json extraLayers with tiles): a pack's own archive is checked to be
// there and to be PMTiles, never read whole; the map draws the layer from a vector source with
// the toggle and legend every extra layer has.
import { readdirSync, readFileSync } from 'node:fs';
import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import { describe, expect, it } from 'vitest';
import { readPackFiles } from '../../src/lib/geo/pack-files';
import { parseScenarioMeta } from '../../src/lib/geo/pack';
import { packCatalogue } from '../../src/lib/map/catalogue';
import { togglesOf } from '../../src/lib/map/layers';
import { buildStyle } from '../../src/lib/map/style';
import { writePmtiles } from '../../scripts/tiles/pmtiles-writer';
import { geodataDir } from './helpers';

const original = new Map<string, Uint8Array>(
	readdirSync(geodataDir).map((name) => [name, new Uint8Array(readFileSync(geodataDir + name))])
);
const meta = JSON.parse(new TextDecoder().decode(original.get('scenario.json')!));
const served = {
	id: 'towns-served',
	tiles: 'layers/towns.pmtiles',
	sourceLayer: 'towns',
	kind: 'points',
	label: 'Towns (served)',
	colour: '#7b1fa2',
	source: meta.extraLayers[0].source
};
const withServed = (layer: object = served) =>
	new TextEncoder().encode(JSON.stringify({ ...meta, extraLayers: [...meta.extraLayers, layer] }));
const archive = writePmtiles([{ z: 0, x: 0, y: 0, data: new Uint8Array([1, 2, 3]) }], {
	bounds: [60, 25, 65, 30],
	minZoom: 0,
	maxZoom: 0,
	metadata: {}
}).bytes;

function read(changes: Record<string, Uint8Array | undefined>, served?: 'built' | 'opened') {
	const files = new Map(original);
	for (const [name, value] of Object.entries(changes))
		if (value === undefined) files.delete(name);
		else files.set(name, value);
	return readPackFiles(files, new Map(), served);
}
const messages = (result: ReturnType<typeof read>) =>
	result.ok ? [] : result.problems.map((p) => p.message);

describe('a pack with a served layer', () => {
	it('reads when its archive is there and is PMTiles v3', () => {
		const result = read({ 'scenario.json': withServed(), 'layers/towns.pmtiles': archive });
		expect(messages(result)).toEqual([]);
		expect(result.ok && result.extras['towns-served']).toBe(undefined);
	});

	it('names a missing archive, and a file that is not PMTiles', () => {
		expect(messages(read({ 'scenario.json': withServed() }))).toEqual([
			'layers/towns.pmtiles: is missing from the pack (scenario.json names it as extra layer "towns-served")'
		]);
		expect(
			messages(
				read({
					'scenario.json': withServed(),
					'layers/towns.pmtiles': new TextEncoder().encode('{"type":"FeatureCollection"}')
				})
			)
		).toEqual(['layers/towns.pmtiles: is not a PMTiles version 3 archive']);
	});

	it('refuses an archive inside a pack opened from a .zip, which nothing could serve', () => {
		const result = read(
			{ 'scenario.json': withServed(), 'layers/towns.pmtiles': archive },
			'opened'
		);
		expect(messages(result)).toEqual([
			expect.stringMatching(
				/^layers\/towns\.pmtiles: is a served layer \("towns-served"\).*https:\/\/ URL$/
			)
		]);
	});

	it('needs nothing in the pack for an archive on another host', () => {
		const remote = { ...served, tiles: 'https://tiles.example.org/towns.pmtiles' };
		expect(messages(read({ 'scenario.json': withServed(remote) }, 'opened'))).toEqual([]);
	});
});

describe('the map of a served layer', () => {
	const parsed = parseScenarioMeta(
		'scenario.json',
		JSON.parse(new TextDecoder().decode(withServed()))
	);
	const entries = packCatalogue(parsed);
	const url = 'pmtiles://http://localhost/_app/immutable/assets/towns.abc.pmtiles';
	const style = buildStyle(
		{ 'extra-towns-served': url },
		{ latin: '/fonts/latin.woff2', latinExt: '/fonts/latin-ext.woff2' },
		parsed.actors,
		undefined,
		entries
	);

	it('is a vector source on the archive, its layers drawing the source layer', () => {
		expect(style.sources['extra-towns-served']).toEqual({
			type: 'vector',
			url,
			attribution: expect.stringContaining('OpenStreetMap')
		});
		const layers = style.layers.filter((l) => 'source' in l && l.source === 'extra-towns-served');
		expect(
			layers.map((l) => [l.id, l.type, (l as { 'source-layer'?: string })['source-layer']])
		).toEqual([
			['extra-towns-served-circle', 'circle', 'towns'],
			['extra-towns-served-label', 'symbol', 'towns']
		]);
		expect(validateStyleMin(style)).toEqual([]);
	});

	it('has a toggle in the Context group and a legend line, as any extra layer', () => {
		const toggle = togglesOf(entries).find((t) => t.id === 'extra-towns-served');
		expect(toggle).toEqual({
			id: 'extra-towns-served',
			label: 'Towns (served)',
			group: 'Context',
			mapLayers: ['extra-towns-served-circle', 'extra-towns-served-label']
		});
		const entry = entries.find((e) => e.id === 'extra-towns-served')!;
		expect(entry.legend(parsed)).toEqual([
			{
				id: 'extra-towns-served',
				label: 'Towns (served)',
				symbol: expect.objectContaining({ kind: 'circle' })
			}
		]);
	});
});
