// Date windows, layer opacity over the style's own values, and the legend filter.
import { describe, expect, it } from 'vitest';
import {
	clampWindow,
	dayExtent,
	dayOf,
	dayToIso,
	overlapsWindow,
	isoToDay
} from '../../src/lib/geo/timeline';
import { legendEntries } from '../../src/lib/map/legend';
import { packCatalogue } from '../../src/lib/map/catalogue';
import {
	defaultLayerSettings as defaults,
	opacityPaint,
	shownToggles as shown,
	togglesOf,
	type LayerSettings
} from '../../src/lib/map/layers';
import { buildLayers } from '../../src/lib/map/style';
import { readGeodata, readScenarioMeta } from './helpers';

describe('timeline days', () => {
	it('converts between ISO dates and epoch days', () => {
		const day = isoToDay('2024-01-18')!;
		expect(dayToIso(day)).toBe('2024-01-18');
		expect(dayOf('2024-01-18T00:35:00Z')).toBe(day);
		expect(dayOf('2024-01-17T23:59:59Z')).toBe(day - 1);
		expect(isoToDay('2024-02-30')).toBeNull();
		expect(isoToDay('18/01/2024')).toBeNull();
	});

	it('spans the scenario from 14 December 2023 to 29 January 2024', () => {
		const extent = dayExtent(readGeodata('events').features.map((e) => e.properties))!;
		expect(dayToIso(extent.startDay)).toBe('2023-12-14');
		expect(dayToIso(extent.endDay)).toBe('2024-01-29');
	});

	it('keeps events whose interval overlaps the window of whole UTC days, and clamps windows', () => {
		const w = { startDay: isoToDay('2024-01-16')!, endDay: isoToDay('2024-01-18')! };
		const at = (dateStart: string, dateEnd = dateStart) => ({ dateStart, dateEnd });
		expect(overlapsWindow(at('2024-01-16T13:00:00Z'), w)).toBe(true);
		expect(overlapsWindow(at('2024-01-18T23:59:00Z'), w)).toBe(true);
		expect(overlapsWindow(at('2024-01-15T20:36:00Z'), w)).toBe(false);
		expect(overlapsWindow(at('2024-01-15T20:36:00Z'), null)).toBe(true);
		// An interval that starts before the window and ends in it overlaps it.
		expect(overlapsWindow(at('2024-01-14T20:00:00Z', '2024-01-16T01:00:00Z'), w)).toBe(true);
		expect(overlapsWindow(at('2024-01-19T00:00:00Z', '2024-01-20T00:00:00Z'), w)).toBe(false);
		expect(clampWindow({ startDay: w.endDay + 5, endDay: w.startDay }, w)).toEqual({
			startDay: w.endDay,
			endDay: w.endDay
		});
	});
});

describe('layer toggles', () => {
	const meta = readScenarioMeta();
	// The pack's catalogue: the app's layers and the pack's extra ones.
	const entries = packCatalogue(meta);
	const toggleLayers = togglesOf(entries);
	const defaultLayerSettings = () => defaults(toggleLayers);
	const shownToggles = (settings: LayerSettings, hasData: Record<string, boolean> = {}) =>
		shown(settings, hasData, toggleLayers);
	const layers = () => buildLayers(meta.actors, entries);
	const styleIds = new Set(layers().map((l) => l.id));
	const legendIds = new Set(legendEntries(meta).map((e) => e.id));

	it('refer only to existing style layers, each style layer once; every legend line has its toggle', () => {
		const used = toggleLayers.flatMap((t) => t.mapLayers);
		for (const id of used) expect(styleIds).toContain(id);
		expect(new Set(used).size).toBe(used.length);
		const toggles = new Set(toggleLayers.map((t) => t.id));
		for (const entry of legendEntries(meta)) expect(toggles).toContain(entry.toggle);
	});

	it('multiplies the style opacity instead of replacing it', () => {
		const precision = layers().find((l) => l.id === 'precision-fill')!;
		expect(opacityPaint(precision, 0.5)).toEqual([['fill-opacity', 0.035]]);
		// A data-driven opacity (the hover/selection halo) keeps its expression, scaled.
		const halo = layers().find((l) => l.id === 'events-halo')!;
		const [[prop, value]] = opacityPaint(halo, 0.5) as [[string, unknown[]]];
		expect(prop).toBe('circle-opacity');
		expect(value[0]).toBe('*');
		expect(value[2]).toBe(0.5);
		const towns = layers().find((l) => l.id === 'towns-circle')!;
		const [opacity, stroke] = opacityPaint(towns, 0.5) as [[string, unknown[]], [string, number]];
		expect(opacity[0]).toBe('circle-opacity');
		expect(opacity[1][0]).toBe('*');
		expect(opacity[1][2]).toBe(0.5);
		expect(stroke).toEqual(['circle-stroke-opacity', 0.5]);
	});

	it('keeps only the legend of visible layers', () => {
		const settings = defaultLayerSettings();
		expect(new Set(legendEntries(meta, shownToggles(settings)).map((e) => e.id))).toEqual(
			legendIds
		);
		settings['towns'] = { visible: false, opacity: 1 };
		settings['events'] = { visible: false, opacity: 1 };
		const shown = legendEntries(meta, shownToggles(settings)).map((e) => e.id);
		expect(shown).not.toContain('town');
		expect(shown).not.toContain('event-iran');
		expect(shown).toContain('border-primary');
	});

	it('leaves out layers that draw nothing: no imports yet, no selected event', () => {
		const ids = (hasData: Record<string, boolean>) =>
			new Set(legendEntries(meta, shownToggles(defaultLayerSettings(), hasData)).map((e) => e.id));
		const shown = ids({ imported: false, 'event-buffer': false, events: true });
		for (const id of ['imported', 'imported-cluster', 'event-buffer', 'connector'])
			expect(shown.has(id), id).toBe(false);
		expect(shown.has('event-iran')).toBe(true);
		expect(ids({ imported: true }).has('imported')).toBe(true);
	});
});
