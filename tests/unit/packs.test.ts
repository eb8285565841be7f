// Every shipped scenario pack, checked by the same rules: valid files that agree with each other,
// a checksum manifest, events where they say they are and on a gazetteer place when they say so,
// sourced claims, and a primary border whose length an independent geodesic confirms.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { booleanPointInPolygon } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import { lineLengthKm, mappedEvents } from '../../src/lib/geo/analysis';
import { geoPrecision, wherePrecision } from '../../src/lib/geo/codebook';
import { packProblems } from '../../src/lib/geo/pack';
import type { BorderFeature } from '../../src/lib/geo/schema';
import {
	ellipsoidDistanceKm,
	ellipsoidDistanceToLineKm,
	packDir,
	packSlugs,
	readScenarioLayers,
	readScenarioMeta
} from './helpers';

it('ships at least two packs', () => {
	expect(packSlugs).toEqual(expect.arrayContaining(['iran-pakistan-2024', 'india-pakistan-2025']));
});

/** A line's parts as lists of positions. */
function borderParts(line: Pick<BorderFeature, 'geometry'>): number[][][] {
	return line.geometry.type === 'LineString'
		? [line.geometry.coordinates]
		: line.geometry.coordinates;
}

/** The pack's OpenStreetMap border line (its `border-osm` extra layer), or null. */
function readOsmLine(slug: string): number[][][] | null {
	const extra = readScenarioMeta(slug).extraLayers.find((e) => e.id === 'border-osm');
	if (!extra) return null;
	const file = JSON.parse(readFileSync(packDir(slug) + extra.file, 'utf8')) as {
		features: { geometry: { coordinates: number[][][] } }[];
	};
	return file.features[0]!.geometry.coordinates;
}

describe.each(packSlugs)('pack %s', (slug) => {
	const meta = readScenarioMeta(slug);
	const layers = readScenarioLayers(slug);
	const events = mappedEvents(layers.events.features);
	const primary = layers.borders.features.find((b) => b.properties.primary)!;

	it('has a scenario.json that names its own folder and agrees with its layers', () => {
		expect(meta.slug).toBe(slug);
		expect(packProblems(meta, layers)).toEqual([]);
	});

	it('lists every derived file in MANIFEST.json with its checksum and size', () => {
		const dir = packDir(slug);
		const manifest = JSON.parse(readFileSync(dir + 'MANIFEST.json', 'utf8')) as {
			files: Record<string, { sha256: string; bytes: number }>;
		};
		const present = readdirSync(dir)
			.filter((f) => f !== 'MANIFEST.json' && f !== 'scenario.json')
			.sort();
		expect(Object.keys(manifest.files).sort()).toEqual(present);
		for (const [file, entry] of Object.entries(manifest.files)) {
			const bytes = readFileSync(dir + file);
			expect(bytes.length, file).toBe(entry.bytes);
			expect(createHash('sha256').update(bytes).digest('hex'), file).toBe(entry.sha256);
		}
	});

	it('puts every event inside the country and province it names, unless it is a stand-in', () => {
		for (const e of events) {
			const { country, admin1: province, locationBasis, id } = e.properties;
			const countryShape = layers.countries.features.find((c) => c.properties.name === country);
			const provinceShape = layers.provinces.features.find(
				(p) => p.properties.name === province && p.properties.country === country
			);
			expect(countryShape, `${id}: country ${country}`).toBeDefined();
			expect(provinceShape, `${id}: province ${province} of ${country}`).toBeDefined();
			const inside =
				booleanPointInPolygon(e.geometry.coordinates, countryShape!) &&
				booleanPointInPolygon(e.geometry.coordinates, provinceShape!);
			expect(inside || locationBasis === 'stand-in', id).toBe(true);
			if (locationBasis === 'stand-in') expect(e.properties.locationNote, id).toMatch(/^Stand-in/);
		}
	});

	it('places an event that cites GeoNames exactly on a GeoNames town of the pack', () => {
		const towns = layers.towns.features.filter((t) => /GeoNames/.test(t.properties.source));
		for (const e of events.filter((e) => /\(GeoNames[;)]/.test(e.properties.locationNote))) {
			const [lon, lat] = e.geometry.coordinates;
			const town = towns.find(
				(t) => t.geometry.coordinates[0] === lon && t.geometry.coordinates[1] === lat
			);
			expect(town, `${e.properties.id} at ${lon}, ${lat}`).toBeDefined();
		}
	});

	it('links every source, or says why it cannot (the evidence rules)', () => {
		const everySource = [
			...layers.events.features.flatMap((e) => e.properties.sources),
			...layers.crossings.features.flatMap((c) => c.properties.sources),
			...meta.border.officialLengths.map((l) => l.source),
			...meta.extraLayers.map((l) => l.source)
		];
		expect(everySource.length).toBeGreaterThan(0);
		for (const s of everySource) {
			const where = `${s.publisher}: ${s.title}`;
			expect(s.url !== null || (s.noUrlReason ?? '').length > 10, where).toBe(true);
			if (s.url) expect(s.url, where).toMatch(/^https?:\/\/[^/]+\.[a-z]+/);
			expect(s.title, where).not.toMatch(/TODO/);
			expect(s.publisher, where).not.toMatch(/TODO|carried by|\(AFP\)|\(Reuters\)/);
		}
	});

	it('names a claimant and the publication that carried it for every claim and reported distance', () => {
		let claims = 0;
		for (const e of layers.events.features) {
			const { id, claims: list, constraints, candidates, sources } = e.properties;
			expect(sources.length, id).toBeGreaterThan(0);
			const ids = new Set(sources.map((s) => s.id));
			for (const c of [...list, ...constraints, ...candidates]) {
				expect(c.sourceIds.length, id).toBeGreaterThan(0);
				for (const sid of c.sourceIds) expect(ids.has(sid), `${id} cites ${sid}`).toBe(true);
			}
			for (const c of [...list, ...constraints]) {
				expect(c.claimant.office.length, id).toBeGreaterThan(3);
				expect(c.claimant.office, id).not.toMatch(/carried by|TODO/);
			}
			claims += list.length;
		}
		expect(claims).toBeGreaterThanOrEqual(layers.events.features.length);
	});

	it("gives every located event both codebooks' precision codes, derived from one description", () => {
		for (const e of events) {
			const p = e.properties;
			expect([1, 2, 3], p.id).toContain(p.geoPrecision);
			expect([1, 2, 3, 4, 5, 6], p.id).toContain(p.wherePrecision);
			expect(p.geoPrecision, p.id).toBe(geoPrecision(p.precisionScope));
			expect(p.wherePrecision, p.id).toBe(wherePrecision(p.precisionScope));
			// A radius that claims a town-level site is a few km, not tens.
			if (p.precisionScope === 'site' || p.precisionScope === 'town')
				expect(p.precisionKm, p.id).toBeLessThanOrEqual(5);
		}
		for (const e of layers.events.features) expect([1, 2, 3]).toContain(e.properties.timePrecision);
	});

	it("dates every event by an interval whose UTC offset is its time zone's on the day", () => {
		for (const e of layers.events.features) {
			const p = e.properties;
			expect(Date.parse(p.dateEnd), p.id).toBeGreaterThanOrEqual(Date.parse(p.dateStart));
			// Intl knows the zone's rules (Iran dropped summer time in 2022; none of these observe it).
			const parts = new Intl.DateTimeFormat('en-GB', {
				timeZone: p.timeZone,
				timeZoneName: 'longOffset'
			}).formatToParts(new Date(p.dateStart));
			const name = parts.find((x) => x.type === 'timeZoneName')!.value; // "GMT+03:30"
			const [, sign, hh, mm] = /GMT([+-])(\d\d):?(\d\d)?/.exec(name) ?? [];
			const offset = (sign === '-' ? -1 : 1) * (Number(hh) * 60 + Number(mm ?? 0));
			expect(offset, p.id).toBe(p.utcOffsetMinutes);
		}
	});

	it("sizes each crossing's radius to reach the border line, where the crossing is", () => {
		const osm = readOsmLine(slug);
		for (const c of layers.crossings.features) {
			if (c.geometry === null) {
				expect(c.properties.locationNote, c.properties.id).toMatch(/^Not on the map/);
				continue;
			}
			const p = c.geometry.coordinates;
			for (const line of [borderParts(primary), ...(osm ? [osm] : [])]) {
				const km = Math.min(...line.map((part) => ellipsoidDistanceToLineKm(p, part)));
				expect(c.properties.precisionKm, c.properties.id).toBeGreaterThanOrEqual(km);
			}
		}
	});

	it('opens on a view that holds the primary border', () => {
		const { west, south, east, north } = meta.bounds;
		const coords =
			primary.geometry.type === 'LineString'
				? primary.geometry.coordinates
				: primary.geometry.coordinates.flat();
		for (const [lon, lat] of coords) {
			expect(lon).toBeGreaterThanOrEqual(west);
			expect(lon).toBeLessThanOrEqual(east);
			expect(lat).toBeGreaterThanOrEqual(south);
			expect(lat).toBeLessThanOrEqual(north);
		}
	});

	it('measures its primary border within 1% of an independent WGS84 geodesic sum, and below the official figures', () => {
		const parts =
			primary.geometry.type === 'LineString'
				? [primary.geometry.coordinates]
				: primary.geometry.coordinates;
		let ellipsoidKm = 0;
		for (const part of parts)
			for (let i = 1; i < part.length; i++)
				ellipsoidKm += ellipsoidDistanceKm(part[i - 1]!, part[i]!);
		const turfKm = lineLengthKm(primary);
		expect(Math.abs(turfKm - ellipsoidKm) / ellipsoidKm).toBeLessThan(0.01);
		// A generalised 1:10m line cuts corners: shorter than what was measured on the ground.
		const whole = meta.border.officialLengths.map((l) => l.km);
		expect(turfKm).toBeLessThan(Math.max(...whole));
	});

	it('gives each border side an actor, and each event an actor of the pack', () => {
		for (const side of meta.border.sides)
			expect(
				meta.actors.some((a) => a.side === side),
				side
			).toBe(true);
		const ids = new Set(meta.actors.map((a) => a.id));
		for (const e of events) expect(ids.has(e.properties.actorGroup), e.properties.id).toBe(true);
	});
});

describe('the India–Pakistan pack', () => {
	const meta = readScenarioMeta('india-pakistan-2025');
	const layers = readScenarioLayers('india-pakistan-2025');

	it('has the nine sites India named for 7 May, all in Pakistan or Pakistan-administered Kashmir', () => {
		const sindoor = layers.events.features.filter(
			(e) => e.properties.actorGroup === 'india' && e.properties.dateStart.startsWith('2025-05-06')
		);
		expect(sindoor).toHaveLength(9);
		expect(new Set(sindoor.map((e) => e.properties.admin1))).toEqual(
			new Set(['Punjab', 'Azad Jammu and Kashmir'])
		);
		expect(sindoor.every((e) => e.properties.country === 'Pakistan')).toBe(true);
	});

	it('links every source it cites', () => {
		for (const e of layers.events.features)
			for (const s of e.properties.sources)
				expect(s.url, `${e.properties.id}: ${s.publisher}`).toMatch(/^https:\/\//);
	});

	it('says the line is disputed where it is the Line of Control', () => {
		expect(meta.border.disputed?.summary).toMatch(/Line of Control/);
		expect(meta.border.line).toMatch(/Line of Control/);
	});

	it('does not use the gazetteer entries its research flagged as the wrong place', () => {
		const names = layers.towns.features.map((t) => t.properties.nameAscii);
		// GeoNames' "Barnala" is in Indian Punjab, "Kartarpur" in Jalandhar, "Shorkot" in Khyber
		// Pakhtunkhwa: none is the place the sources mean.
		for (const wrong of ['Barnala', 'Kartarpur', 'Shorkot']) expect(names).not.toContain(wrong);
	});
});

describe.each(packSlugs)('the OpenStreetMap border line of %s', (slug) => {
	const meta = readScenarioMeta(slug);
	const extra = meta.extraLayers.find((e) => e.id === 'border-osm')!;
	const osm = JSON.parse(readFileSync(packDir(slug) + extra.file, 'utf8')) as {
		features: { geometry: { type: string; coordinates: number[][][] } }[];
	};
	const primary = readScenarioLayers(slug).borders.features.find((b) => b.properties.primary)!;
	const neLines =
		primary.geometry.type === 'LineString'
			? [primary.geometry.coordinates]
			: primary.geometry.coordinates;

	it('is declared as an extra line layer, credited to OpenStreetMap under the ODbL', () => {
		expect(extra.kind).toBe('lines');
		expect(extra.source.publisher).toMatch(/OpenStreetMap contributors \(ODbL\)/);
		expect(osm.features).toHaveLength(1);
		expect(osm.features[0]!.geometry.type).toBe('MultiLineString');
	});

	it('runs within a few km of the Natural Earth line (geodesic, independent of Turf)', () => {
		// Every 25th vertex of the OpenStreetMap line, measured on the WGS84 ellipsoid.
		const sample = osm.features[0]!.geometry.coordinates.flat().filter((_, i) => i % 25 === 0);
		const offsets = sample
			.map((p) => Math.min(...neLines.map((l) => ellipsoidDistanceToLineKm(p, l))))
			.sort((a, b) => a - b);
		const median = offsets[offsets.length >> 1]!;
		const p95 = offsets[Math.floor(offsets.length * 0.95)]!;
		// Two generalisations of one border: apart, but by kilometres, not tens of them. (Beyond
		// Natural Earth's end of the India–Pakistan line, OpenStreetMap's goes on north along the
		// Siachen area, which Natural Earth makes a unit of its own: up to ~60 km off there.)
		expect(median).toBeGreaterThan(0.1);
		expect(median).toBeLessThan(5);
		expect(p95).toBeLessThan(12);
	});
});
