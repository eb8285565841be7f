// The offline style is valid MapLibre, requests nothing remote, and picks features predictably.
import {
	createPropertyExpression,
	latest,
	validateStyleMin
} from '@maplibre/maplibre-gl-style-spec';
import { describe, expect, it } from 'vitest';
import { opacityPaint, toggleLayers } from '../../src/lib/map/layers';
import { buildStyle, interactiveMapLayers, PER_FEATURE_PAINT } from '../../src/lib/map/style';
import { pickFeature } from '../../src/lib/map/view';
import { readScenarioMeta } from './helpers';

const { actors } = readScenarioMeta();
const style = buildStyle(
	{},
	{ latin: '/fonts/latin.woff2', latinExt: '/fonts/latin-ext.woff2' },
	actors
);

describe('buildStyle', () => {
	it('passes the MapLibre style validator', () => {
		expect(validateStyleMin(style)).toEqual([]);
	});

	it('stays valid with file URLs as data and the layer settings applied', () => {
		const settings = Object.fromEntries(
			toggleLayers.map((t) => [
				t.id,
				{ visible: t.id !== 'towns', opacity: t.id === 'countries' ? 0.5 : 1 }
			])
		);
		const withSettings = buildStyle(
			{ countries: 'http://127.0.0.1:4173/_app/immutable/assets/countries.geojson' },
			{ latin: '/fonts/latin.woff2', latinExt: '/fonts/latin-ext.woff2' },
			actors,
			settings
		);
		expect(validateStyleMin(withSettings)).toEqual([]);
		const layer = (id: string) => withSettings.layers.find((l) => l.id === id)!;
		expect(layer('countries-fill').layout?.visibility).toBe('visible');
		expect(layer('towns-circle').layout?.visibility).toBe('none');
		const base = style.layers.find((l) => l.id === 'countries-fill')!;
		const paint = layer('countries-fill').paint as Record<string, unknown>;
		for (const [prop, value] of opacityPaint(base, 0.5)) expect(paint[prop]).toEqual(value);
		expect(paint['fill-color']).toEqual((base.paint as Record<string, unknown>)['fill-color']);
	});

	it('evaluates the same paint properties per feature on every layer of a type', () => {
		// MapLibre compiles a shader program per set of per-feature paint properties: one set per
		// type means one program per type, also with the opacity settings applied.
		const settings = Object.fromEntries(
			toggleLayers.map((t, i) => [t.id, { visible: true, opacity: i % 2 ? 0.5 : 1 }])
		);
		const fonts = { latin: '/fonts/latin.woff2', latinExt: '/fonts/latin-ext.woff2' };
		for (const layers of [style.layers, buildStyle({}, fonts, actors, settings).layers]) {
			const sets = new Map<string, Set<string>>();
			for (const layer of layers) {
				const paint = ('paint' in layer ? layer.paint : {}) as Record<string, unknown>;
				const specs = (latest as unknown as Record<string, Record<string, object>>)[
					`paint_${layer.type}`
				]!;
				const perFeature = Object.entries(paint)
					.filter(([prop, value]) => {
						// A literal array (a dash pattern) is a constant, not an expression.
						if ((specs[prop] as { type?: string }).type === 'array') return false;
						const parsed = createPropertyExpression(value, `paint.${prop}`, specs[prop] as never);
						if (parsed.result !== 'success') throw new Error(`${layer.id} ${prop}`);
						return parsed.value.kind === 'source' || parsed.value.kind === 'composite';
					})
					.map(([prop]) => prop)
					.sort()
					.join(' ');
				(sets.get(layer.type) ?? sets.set(layer.type, new Set()).get(layer.type)!).add(
					// A pattern fill draws with a program of its own.
					paint['fill-pattern'] ? 'pattern' : perFeature
				);
			}
			for (const [type, props] of Object.entries(PER_FEATURE_PAINT)) {
				const found = [...(sets.get(type) ?? [])].filter((s) => s !== 'pattern');
				expect(found, type).toHaveLength(1);
				for (const prop of props) expect(found[0], type).toContain(prop);
			}
		}
	});

	it('has no remote URL anywhere: no tiles, glyphs or sprites', () => {
		const text = JSON.stringify(style);
		expect(text).not.toMatch(/https?:\/\//);
		expect(style.glyphs).toBeUndefined();
		expect(style.sprite).toBeUndefined();
		// GeoJSON, but for the imported points' tiles, made in the page's own worker.
		for (const [id, source] of Object.entries(style.sources)) {
			if (id === 'imported') {
				expect(source.type).toBe('vector');
				const tiles = (source as { tiles?: string[] }).tiles ?? [];
				expect(tiles.every((t) => t.startsWith('borderline-imported://'))).toBe(true);
			} else expect(source.type, id).toBe('geojson');
		}
	});

	it('draws clusters of imported points, and their counts, under the events', () => {
		const at = (id: string) => style.layers.findIndex((l) => l.id === id);
		expect(at('imported-clusters')).toBeGreaterThan(-1);
		expect(at('imported-clusters')).toBeLessThan(at('events-halo'));
		expect(at('imported-cluster-count')).toBeLessThan(at('events-symbol'));
	});

	it('has every interactive layer', () => {
		const ids = style.layers.map((l) => l.id);
		for (const id of Object.keys(interactiveMapLayers)) expect(ids).toContain(id);
	});
});

describe('pickFeature', () => {
	const hit = (layer: string, id: string) => ({ layer: { id: layer }, properties: { id } });

	it('prefers events over towns over provinces', () => {
		const features = [
			hit('provinces-fill', 'P'),
			hit('towns-label', 'T'),
			hit('events-symbol', 'E')
		];
		expect(pickFeature(features)).toEqual({ layer: 'events', id: 'E' });
		expect(pickFeature(features.slice(0, 2))).toEqual({ layer: 'towns', id: 'T' });
		expect(pickFeature([])).toBeNull();
	});

	it('steps through events that share a location on repeated clicks', () => {
		const features = [hit('events-symbol', 'A'), hit('events-symbol', 'B')];
		expect(pickFeature(features, null)).toEqual({ layer: 'events', id: 'A' });
		expect(pickFeature(features, { layer: 'events', id: 'A' })).toEqual({
			layer: 'events',
			id: 'B'
		});
		expect(pickFeature(features, { layer: 'events', id: 'B' })).toEqual({
			layer: 'events',
			id: 'A'
		});
	});
});
