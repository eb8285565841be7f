// scenario.json: the default pack's is valid and agrees with its layers; broken ones are named
// with the path to the problem.
import { describe, expect, it } from 'vitest';
import { GeodataError } from '../../src/lib/geo/load';
import { packProblems, parseScenarioMeta } from '../../src/lib/geo/pack';
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
		]
	])('refuses %s, naming where', (_what, json, message) => {
		expect(problem(json)).toMatch(message);
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
