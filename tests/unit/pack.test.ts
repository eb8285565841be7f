// scenario.json: the default pack's is valid and agrees with its layers; broken ones are named
// with the path to the problem.
import { describe, expect, it } from 'vitest';
import { GeodataError } from '../../src/lib/geo/load';
import { isSameOriginTiles, packProblems, parseScenarioMeta } from '../../src/lib/geo/pack';
import { readScenarioLayers, readScenarioMeta } from './helpers';

const meta = readScenarioMeta();
const layers = readScenarioLayers();

const problem = (json: unknown) => {
	try {
		parseScenarioMeta('scenario.json', json);
	} catch (error) {
		expect(error).toBeInstanceOf(GeodataError);
		return (error as Error).message;
	}
	throw new Error('expected the scenario.json to be refused');
};

/** A served extra layer (tiles), with some fields replaced (undefined leaves one out). */
const served = (changes: Record<string, unknown> = {}) => {
	const layer: Record<string, unknown> = {
		id: 'towns-served',
		tiles: 'layers/towns.pmtiles',
		sourceLayer: 'towns',
		kind: 'points',
		label: 'Towns (served)',
		colour: '#336699',
		source: (meta.extraLayers[0] as { source: unknown }).source,
		...changes
	};
	for (const [key, value] of Object.entries(layer)) if (value === undefined) delete layer[key];
	return layer;
};

describe('the default pack', () => {
	it('has a valid scenario.json that agrees with its layers', () => {
		expect(meta.slug).toBe('iran-pakistan-2024');
		expect(packProblems(meta, layers)).toEqual([]);
	});

	it('opens on a view that holds every mapped event but the far ones it says it leaves out', () => {
		const { west, south, east, north } = meta.bounds;
		const near = layers.events.features.filter(
			(e) =>
				e.geometry !== null && e.properties.country !== 'Iraq' && e.properties.country !== 'Syria'
		);
		for (const e of near) {
			const [lon, lat] = e.geometry!.coordinates;
			expect(lon, e.properties.id).toBeGreaterThanOrEqual(west);
			expect(lon, e.properties.id).toBeLessThanOrEqual(east);
			expect(lat, e.properties.id).toBeGreaterThanOrEqual(south);
			expect(lat, e.properties.id).toBeLessThanOrEqual(north);
		}
	});
});

describe('parseScenarioMeta', () => {
	const valid = JSON.parse(JSON.stringify(meta)) as Record<string, unknown>;

	it.each([
		['no title', { ...valid, title: undefined }, /^scenario\.json: at title: /],
		['a bad slug', { ...valid, slug: 'Iran Pakistan' }, /at slug: A slug is lower-case/],
		[
			'dates backwards',
			{ ...valid, dates: { start: '2024-02-01', end: '2024-01-01' } },
			/dates\.start must not be after dates\.end/
		],
		[
			'bounds inside out',
			{ ...valid, bounds: { west: 65, south: 24, east: 59, north: 30 } },
			/west < east/
		],
		[
			'one border side twice',
			{ ...valid, border: { ...(valid['border'] as object), sides: ['Iran', 'Iran'] } },
			/two different countries/
		],
		[
			'an actor without a colour',
			{ ...valid, actors: [{ id: 'x', label: 'X', shape: 'circle' }] },
			/at actors\.0\.colour/
		],
		[
			'an unknown shape',
			{ ...valid, actors: [{ id: 'x', label: 'X', colour: '#123456', shape: 'star' }] },
			/at actors\.0\.shape/
		],
		[
			'two actors with one id',
			{
				...valid,
				actors: [
					{ id: 'x', label: 'X', colour: '#123456', shape: 'circle' },
					{ id: 'x', label: 'Y', colour: '#654321', shape: 'square' }
				]
			},
			/Actor ids must be unique/
		],
		[
			'an extra layer reusing one of the six files',
			{
				...valid,
				extraLayers: [{ ...(meta.extraLayers[0] as object), file: 'borders.geojson' }]
			},
			/at extraLayers\.0\.file: An extra layer cannot reuse one of the six layer files/
		],
		[
			'an extra layer of an unknown kind',
			{ ...valid, extraLayers: [{ ...(meta.extraLayers[0] as object), kind: 'raster' }] },
			/at extraLayers\.0\.kind/
		],
		[
			'two extra layers with one id',
			{ ...valid, extraLayers: [meta.extraLayers[0], meta.extraLayers[0]] },
			/Extra layer ids must be unique/
		],
		[
			'a served layer whose path leaves the pack',
			{ ...valid, extraLayers: [served({ tiles: 'layers/../../other/towns.pmtiles' })] },
			/at extraLayers\.0\.tiles: A tiles path stays inside the pack/
		],
		[
			'a served layer at an absolute path',
			{ ...valid, extraLayers: [served({ tiles: '/towns.pmtiles' })] },
			/at extraLayers\.0\.tiles: A tiles path stays inside the pack/
		],
		[
			'a served layer over http',
			{ ...valid, extraLayers: [served({ tiles: 'http://tiles.example.org/towns.pmtiles' })] },
			/at extraLayers\.0\.tiles: An archive on another host is given by an https:\/\/ URL/
		],
		[
			'a served layer by another scheme',
			{ ...valid, extraLayers: [served({ tiles: 'file:///srv/towns.pmtiles' })] },
			/at extraLayers\.0\.tiles: An archive on another host is given by an https:\/\/ URL/
		],
		[
			'a served layer URL that is not a .pmtiles file',
			{ ...valid, extraLayers: [served({ tiles: 'https://tiles.example.org/towns.mbtiles' })] },
			/at extraLayers\.0\.tiles: An https tiles URL names a \.pmtiles file/
		],
		[
			'a served layer without its sourceLayer',
			{ ...valid, extraLayers: [served({ sourceLayer: undefined })] },
			/at extraLayers\.0: A served layer \(tiles\) names its sourceLayer/
		],
		[
			'an extra layer with both a file and tiles',
			{ ...valid, extraLayers: [served({ file: 'towns-extra.geojson' })] },
			/at extraLayers\.0: An extra layer has either a file \(GeoJSON\) or tiles/
		],
		[
			'an extra layer with neither a file nor tiles',
			{ ...valid, extraLayers: [served({ tiles: undefined, sourceLayer: undefined })] },
			/at extraLayers\.0: An extra layer needs a file \(GeoJSON\) or tiles/
		]
	])('refuses %s, naming where', (_what, json, message) => {
		expect(problem(json)).toMatch(message);
	});
});

describe('served layers (extraLayers with tiles)', () => {
	const valid = JSON.parse(JSON.stringify(meta)) as Record<string, unknown>;
	it.each([
		['a path inside the pack', 'layers/towns.pmtiles'],
		['a file beside scenario.json', 'towns.pmtiles'],
		['an https URL on another host', 'https://tiles.example.org/packs/towns.pmtiles']
	])('accepts %s', (_what, tiles) => {
		const parsed = parseScenarioMeta('scenario.json', {
			...valid,
			extraLayers: [served({ tiles })]
		});
		expect(parsed.extraLayers[0]).toMatchObject({ tiles, sourceLayer: 'towns' });
		expect(isSameOriginTiles(tiles)).toBe(!tiles.startsWith('https:'));
	});

	it('refuses a served line layer as a border line to measure to', () => {
		const json = {
			...valid,
			extraLayers: [...meta.extraLayers, served({ id: 'line-served', kind: 'lines' })],
			border: {
				...(valid.border as object),
				lines: [
					...(meta.border.lines ?? []),
					{ id: 'served', label: 'Served line', extraLayer: 'line-served' }
				]
			}
		};
		const problems = packProblems(parseScenarioMeta('scenario.json', json), layers);
		expect(problems.map((p) => p.message)).toEqual([
			expect.stringMatching(
				/"line-served" is a served layer \(tiles\); a border line to measure to is a GeoJSON file/
			)
		]);
	});
});

describe('packProblems', () => {
	it('names a border side missing from the countries', () => {
		const wrong = {
			...meta,
			border: { ...meta.border, sides: ['Iran', 'Atlantis'] as [string, string] }
		};
		const messages = packProblems(wrong, layers).map((e) => e.message);
		expect(messages).toContain(
			'scenario.json: at border.sides: "Atlantis" is not a country of countries.geojson'
		);
		expect(
			messages.some((m) => /^borders\.geojson: the primary border joins Iran and Pakistan/.test(m))
		).toBe(true);
	});

	it('names an event whose actor the pack does not declare', () => {
		const actors = meta.actors.filter((a) => a.id !== 'militant');
		const messages = packProblems({ ...meta, actors }, layers).map((e) => e.message);
		expect(messages.length).toBeGreaterThan(0);
		expect(messages[0]).toMatch(
			/^events\.geojson: at features\.\d+ \(.+\): actorGroup "militant" is not an actor of scenario\.json/
		);
	});

	it('names an event that lies outside every country', () => {
		const events = {
			...layers.events,
			features: layers.events.features.map((e) =>
				e.properties.id === 'panjgur-2024-01-16' && e.geometry
					? {
							...e,
							geometry: {
								type: 'Point' as const,
								coordinates: [26.97186, 64.09459] as [number, number]
							}
						}
					: e
			)
		};
		expect(packProblems(meta, { ...layers, events }).map((e) => e.message)).toEqual([
			expect.stringMatching(
				/^events\.geojson: at features\.\d+ \(panjgur-2024-01-16\): \[26\.97186, 64\.09459\] lies outside every country/
			)
		]);
	});

	it('names an actor whose side is not a side of the border', () => {
		const actors = meta.actors.map((a) => (a.id === 'iran' ? { ...a, side: 'Iraq' } : a));
		expect(packProblems({ ...meta, actors }, layers).map((e) => e.message)).toEqual([
			'scenario.json: at actors.0.side: "Iraq" is not one of border.sides (Iran, Pakistan)'
		]);
	});

	it('names a crossing without a name on one side', () => {
		const crossings = {
			...layers.crossings,
			features: layers.crossings.features.map((c, i) =>
				i === 0
					? ({ ...c, properties: { ...c.properties, sides: { Iran: 'Mirjaveh' } } } as typeof c)
					: c
			)
		};
		expect(packProblems(meta, { ...layers, crossings }).map((e) => e.message)).toEqual([
			`crossings.geojson: at features.0 (${layers.crossings.features[0]!.properties.id}): no name on the Pakistan side (sides.Pakistan)`
		]);
	});
});
