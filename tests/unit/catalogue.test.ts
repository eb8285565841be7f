// The layer catalogue declares each layer once; the style, toggles, legend, sources and click
// targets are derived from it and agree with it.
import { describe, expect, it } from 'vitest';
import { creditText } from '../../src/lib/geo/evidence';
import { catalogue, packCatalogue, sourceEntries } from '../../src/lib/map/catalogue';
import { toggleLayers, togglesOf } from '../../src/lib/map/layers';
import { legendEntries } from '../../src/lib/map/legend';
import { buildLayers, buildStyle, interactiveMapLayers } from '../../src/lib/map/style';
import { pickOrder } from '../../src/lib/map/view';
import { interactiveLayers } from '../../src/lib/state/selection';
import { packSlugs, readGeodata, readScenarioMeta } from './helpers';

const meta = readScenarioMeta();
const styleLayers = catalogue.flatMap((e) => e.style(meta.actors));

describe('the layer catalogue', () => {
	it('has unique toggle, style layer, source and legend ids', () => {
		const unique = (ids: string[]) => expect(new Set(ids).size).toBe(ids.length);
		unique(catalogue.map((e) => e.id));
		unique(styleLayers.map((l) => l.id));
		unique(sourceEntries.map((s) => s.id));
		unique(legendEntries(meta).map((l) => l.id));
	});

	it('draws every source it declares, and declares every source it draws', () => {
		const drawn = new Set(styleLayers.map((l) => ('source' in l ? l.source : undefined)));
		const declared = new Set(sourceEntries.map((s) => s.id));
		expect(drawn).toEqual(declared);
	});

	it('gives every entry at least one style layer and one legend line', () => {
		for (const entry of catalogue) {
			expect(entry.style(meta.actors).length, entry.id).toBeGreaterThan(0);
			expect(entry.legend(meta).length, entry.id).toBeGreaterThan(0);
		}
	});

	it('is what the style, the toggles, the legend and the click targets are made of', () => {
		const style = buildStyle({}, { latin: 'a', latinExt: 'b' }, meta.actors);
		expect(Object.keys(style.sources).sort()).toEqual(sourceEntries.map((s) => s.id).sort());
		expect(style.layers.map((l) => l.id).sort()).toEqual(
			['background', ...styleLayers.map((l) => l.id)].sort()
		);
		expect(toggleLayers.map((t) => t.id)).toEqual(catalogue.map((e) => e.id));
		for (const t of toggleLayers)
			expect(t.mapLayers).toEqual(
				catalogue
					.find((e) => e.id === t.id)!
					.style(meta.actors)
					.map((l) => l.id)
			);
		expect(legendEntries(meta).map((l) => l.toggle)).toEqual(
			packCatalogue(meta).flatMap((e) => e.legend(meta).map(() => e.id))
		);
		// Every selectable layer has exactly one click target; points win over areas.
		expect(Object.values(interactiveMapLayers).sort()).toEqual([...interactiveLayers].sort());
		expect(pickOrder).toEqual([
			'events-symbol',
			'imported-circle',
			'crossings-circle',
			'towns-label',
			'provinces-fill'
		]);
	});

	it("adds a pack's extra layers as entries of their own: source, style, toggle and legend", () => {
		const entries = packCatalogue(meta);
		const extra = meta.extraLayers[0]!;
		const id = `extra-${extra.id}`;
		const at = entries.findIndex((e) => e.id === id);
		expect(at).toBe(entries.findIndex((e) => e.id === 'events') - 1);
		const style = buildStyle({}, { latin: 'a', latinExt: 'b' }, meta.actors, undefined, entries);
		expect(style.sources[id]).toMatchObject({
			type: 'geojson',
			attribution: creditText(extra.source)
		});
		const line = style.layers.find((l) => l.id === `${id}-line`)!;
		expect(line).toMatchObject({ type: 'line', source: id });
		// Under the Natural Earth borders it is compared with, above the areas.
		const order = style.layers.map((l) => l.id);
		expect(order.indexOf(`${id}-line`)).toBeLessThan(order.indexOf('borders-context'));
		expect(order.indexOf(`${id}-line`)).toBeGreaterThan(order.indexOf('bands-outline'));
		expect(togglesOf(entries).find((t) => t.id === id)).toEqual({
			id,
			label: extra.label,
			group: 'Context',
			mapLayers: [`${id}-line`]
		});
		expect(legendEntries(meta).find((l) => l.toggle === id)?.label).toBe(extra.label);
		// Not clickable: extra layers are shown, not analysed.
		expect(Object.keys(interactiveMapLayers)).not.toContain(`${id}-line`);
		// A pack without extra layers has the app's catalogue as it is.
		expect(packCatalogue({ extraLayers: [] })).toBe(catalogue);
	});

	it('says what the inspector shows of towns, crossings and provinces', () => {
		const inspect = (layer: string) => catalogue.find((e) => e.pick?.layer === layer)?.inspect;
		// Events and imported points have views of their own: distances, estimates, claims.
		expect(inspect('events')).toBeUndefined();
		expect(inspect('imported')).toBeUndefined();
		const context = { borderCountries: meta.border.sides, localLanguages: meta.localNameLanguages };
		const crossing = readGeodata('crossings').features[0]!;
		const crossingView = inspect('crossings')!(crossing as never, context);
		expect(crossingView.rows.slice(0, 2)).toEqual(
			meta.border.sides.map((side) => ({
				label: `${side} side`,
				value: crossing.properties.sides[side]
			}))
		);
		expect(crossingView.sources).toBe(crossing.properties.sources);
		const balochistan = readGeodata('provinces').features.find(
			(p) => p.properties.iso === 'PK-BA'
		)!;
		const provinceView = inspect('provinces')!(balochistan as never, context);
		expect(provinceView.rows[0]).toEqual({
			label: 'Local name',
			value: balochistan.properties.nameLocal,
			lang: 'ur'
		});
		expect(provinceView.rows).toContainEqual({ label: 'Involved in the strikes', value: 'Yes' });
		const town = readGeodata('towns').features[0]!;
		const [lon, lat] = town.geometry.coordinates;
		expect(inspect('towns')!(town as never, context).rows[1]).toEqual({
			label: 'Coordinates',
			value: `${lat.toFixed(4)}° N, ${lon.toFixed(4)}° E`
		});
	});

	it('draws areas under lines, lines under points and points under labels', () => {
		const order = buildLayers(meta.actors).map((l) => l.id);
		const at = (id: string) => order.indexOf(id);
		expect(at('background')).toBe(0);
		expect(at('countries-fill')).toBeLessThan(at('provinces-fill'));
		expect(at('provinces-outline')).toBeLessThan(at('countries-outline'));
		expect(at('bands-fill')).toBeLessThan(at('borders-primary'));
		expect(at('borders-context')).toBeLessThan(at('borders-primary'));
		expect(at('borders-primary')).toBeLessThan(at('towns-circle'));
		// A crowd of imported points never hides a strike; a single imported point is on top.
		expect(at('imported-clusters')).toBeLessThan(at('events-symbol'));
		expect(at('events-symbol')).toBeLessThan(at('imported-circle'));
		const firstLabel = Math.min(...order.filter((id) => id.endsWith('-label')).map((id) => at(id)));
		for (const l of buildLayers(meta.actors))
			if (l.type !== 'symbol') expect(at(l.id), l.id).toBeLessThan(firstLabel);
	});

	it.each(packSlugs)('names %s in the legend from its own scenario.json', (slug) => {
		const m = readScenarioMeta(slug);
		const labels = legendEntries(m).map((l) => l.label);
		expect(labels).toContain(m.border.name);
		expect(labels).toContain(m.provinces.involvedLabel);
		for (const actor of m.actors) expect(labels.join('\n')).toContain(actor.label);
	});
});
