// The offline style is valid MapLibre, requests nothing remote, and picks features predictably.
import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import { describe, expect, it } from 'vitest';
import { buildStyle, interactiveMapLayers } from '../../src/lib/map/style';
import { pickFeature } from '../../src/lib/map/view';

const style = buildStyle({}, { latin: '/fonts/latin.woff2', latinExt: '/fonts/latin-ext.woff2' });

describe('buildStyle', () => {
	it('passes the MapLibre style validator', () => {
		expect(validateStyleMin(style)).toEqual([]);
	});

	it('has no remote URL anywhere: no tiles, glyphs or sprites', () => {
		const text = JSON.stringify(style);
		expect(text).not.toMatch(/https?:\/\//);
		expect(style.glyphs).toBeUndefined();
		expect(style.sprite).toBeUndefined();
		expect(Object.values(style.sources).every((s) => s.type === 'geojson')).toBe(true);
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
			hit('towns-circle', 'T'),
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
