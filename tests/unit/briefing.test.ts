// The briefing's event pages: facts, claims side by side, distances, sources in full, and a view
// that holds the event's precision circle and other readings of its place.
import { describe, expect, it } from 'vitest';
import { mappedEvents } from '../../src/lib/geo/analysis';
import { claimLine, sourceLine } from '../../src/lib/geo/evidence';
import {
	claimSections,
	eventFacts,
	eventPageContent,
	eventView
} from '../../src/lib/print/briefing';
import { ellipsoidDistanceKm, readGeodata } from './helpers';

const events = mappedEvents(readGeodata('events').features);
const saravan = events.find((e) => e.properties.id === 'saravan-2024-01-18')!;
const withCandidates = events.find((e) => e.properties.candidates.length > 0)!;

describe('event page content', () => {
	it('states the facts with the precision and both codebook codes', () => {
		const facts = eventFacts(saravan);
		const p = saravan.properties;
		expect(facts[0]).toMatch(/^Date: 2024-01-18/);
		expect(facts.join('\n')).toContain(`Place reported: ${p.placeReported}`);
		expect(facts.join('\n')).toContain(
			`ACLED geo_precision ${p.geoPrecision}, UCDP where_prec ${p.wherePrecision}`
		);
		expect(facts.join('\n')).toContain(`${p.eventType} / ${p.subEventType}`);
	});

	it('keeps every claim, each with its claimant and carriers, under its topic', () => {
		const sections = claimSections(saravan);
		const lines = sections.flatMap((s) => s.lines);
		expect(lines).toHaveLength(saravan.properties.claims.length);
		for (const claim of saravan.properties.claims)
			expect(lines).toContain(claimLine(claim, saravan.properties.sources));
		// The casualty claims that disagree stand side by side in one section.
		const casualties = sections.find((s) => s.heading === 'Casualty claims')!;
		expect(casualties.lines.length).toBeGreaterThan(1);
	});

	it('lists every source in full and gives the distances their own section', () => {
		const content = eventPageContent(
			{ event: saravan, distanceLines: ['Distance to the border: 20.0 km (range 15.0–25.0 km).'] },
			{ attribution: ['Natural Earth'], generated: null, legend: null },
			'Map centre …',
			null
		);
		expect(content.title).toBe(saravan.properties.title);
		expect(content.sources?.items).toEqual(saravan.properties.sources.map(sourceLine));
		expect(content.sources?.items.every((s) => /https?:\/\/|no link: /.test(s))).toBe(true);
		const distances = content.sections?.find((s) => s.heading.startsWith('Distances'));
		expect(distances?.lines).toEqual(['Distance to the border: 20.0 km (range 15.0–25.0 km).']);
	});
});

describe('eventView', () => {
	const map = { widthPx: 700, heightPx: 560 };
	/** Ground km across the map's shorter side at a view (Web Mercator, 512 px tiles). */
	const kmAcross = (lat: number, zoom: number) =>
		(((40_075_016.686 * Math.cos((lat * Math.PI) / 180)) / (512 * 2 ** zoom)) * 560) / 1000;

	it('centres on the event and holds its precision circle and other readings', () => {
		for (const event of [saravan, withCandidates]) {
			const view = eventView(event, map);
			const [lng, lat] = event.geometry.coordinates as [number, number];
			expect(view.center).toEqual([lng, lat]);
			// Every reading of the place, with its own radius, lies inside the map.
			const reach = Math.max(
				event.properties.precisionKm,
				...event.properties.candidates.map(
					(c) => ellipsoidDistanceKm([lng, lat], c.coordinates) + c.precisionKm
				)
			);
			if (view.zoom > 4) expect(2 * reach).toBeLessThanOrEqual(kmAcross(lat, view.zoom));
			expect(view.zoom).toBeGreaterThanOrEqual(4);
			expect(view.zoom).toBeLessThanOrEqual(12);
		}
	});
});
