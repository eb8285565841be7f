// Place names in the map's languages (sourced, else English, counted) and where labels go.
import { booleanPointInPolygon } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import { labelPoint, placeLabels } from '../../src/lib/geo/label-points';
import {
	coverageNote,
	nameCoverage,
	placeName,
	type NameCoverage
} from '../../src/lib/geo/place-names';
import { countryLabelCollection, townLabelCollection } from '../../src/lib/map/place-labels';
import { packSlugs, readGeodata, readScenarioMeta } from './helpers';

describe('placeName', () => {
	const iran = { name: 'Iran', names: { fa: 'ایران', ur: 'ایران' } };
	it('gives the sourced name in the language, marked with it', () => {
		expect(placeName(iran, 'fa')).toEqual({ text: 'ایران', lang: 'fa' });
		expect(placeName(iran, 'en')).toEqual({ text: 'Iran', lang: 'en' });
	});
	it('falls back to English where no name is sourced, never to another language', () => {
		expect(placeName({ name: 'Panjgur', names: {} }, 'ur')).toEqual({
			text: 'Panjgur',
			lang: 'en'
		});
		expect(placeName({ name: 'X', names: { fa: 'ایکس' } }, 'ur')).toEqual({
			text: 'X',
			lang: 'en'
		});
		expect(placeName({ name: 'Old pack' }, 'fa')).toEqual({ text: 'Old pack', lang: 'en' });
	});
});

describe('nameCoverage', () => {
	const layers = (slug: string) => ({
		countries: readGeodata('countries', slug),
		provinces: readGeodata('provinces', slug),
		towns: readGeodata('towns', slug)
	});

	it('counts the sourced names of each pack, as SOURCES.md states them', () => {
		const expected: Record<string, NameCoverage> = {
			'iran-pakistan-2024': {
				countries: { named: 34, total: 34 },
				provinces: { named: 71, total: 71 },
				towns: { named: 0, total: 24 }
			},
			'india-pakistan-2025': {
				countries: { named: 9, total: 10 },
				provinces: { named: 43, total: 43 },
				towns: { named: 0, total: 31 }
			}
		};
		for (const slug of packSlugs)
			for (const lang of ['fa', 'ur'] as const)
				expect(nameCoverage(layers(slug), lang), `${slug} ${lang}`).toEqual(expected[slug]);
	});

	it('says it in a sentence, naming the fallback to English', () => {
		const coverage = nameCoverage(layers('iran-pakistan-2024'), 'fa');
		expect(coverageNote(coverage, 'fa')).toBe(
			'Persian names for 34 of 34 countries, 71 of 71 provinces, 0 of 24 towns; the others in English.'
		);
		const full = {
			countries: { named: 2, total: 2 },
			provinces: { named: 1, total: 1 },
			towns: { named: 0, total: 0 }
		};
		expect(coverageNote(full, 'ur')).toBe(
			'Urdu names for 2 of 2 countries, 1 of 1 provinces, 0 of 0 towns.'
		);
	});

	it('counts a layer not loaded as empty', () => {
		expect(nameCoverage({}, 'fa').towns).toEqual({ named: 0, total: 0 });
	});
});

describe('labelPoint', () => {
	const meta = readScenarioMeta('iran-pakistan-2024');
	const { bounds } = meta;
	const countries = readGeodata('countries', 'iran-pakistan-2024').features;
	const country = (name: string) => countries.find((c) => c.properties.name === name)!;
	const inBounds = ([lon, lat]: [number, number]) =>
		lon >= bounds.west && lon <= bounds.east && lat >= bounds.south && lat <= bounds.north;

	it('names the countries of the opening view inside it, on their own land', () => {
		for (const name of ['Iran', 'Pakistan', 'Afghanistan']) {
			const label = labelPoint(country(name).geometry, bounds)!;
			expect(inBounds(label.point), name).toBe(true);
			expect(booleanPointInPolygon(label.point, country(name).geometry), name).toBe(true);
		}
	});

	it('labels a place outside the view where the whole place has most room', () => {
		const oman = country('Oman');
		const label = labelPoint(oman.geometry, bounds)!;
		expect(inBounds(label.point)).toBe(false);
		expect(booleanPointInPolygon(label.point, oman.geometry)).toBe(true);
		expect(labelPoint(oman.geometry)).toEqual(label);
	});

	it('picks the largest part of a multipolygon', () => {
		const square = (x: number, size: number) => [
			[
				[x, 0],
				[x + size, 0],
				[x + size, size],
				[x, size],
				[x, 0]
			]
		];
		const label = labelPoint({
			type: 'MultiPolygon',
			coordinates: [square(0, 1), square(10, 4)]
		})!;
		expect(label.point[0]).toBeCloseTo(12, 1);
		expect(label.point[1]).toBeCloseTo(2, 1);
	});
});

describe('placeLabels', () => {
	const slug = 'iran-pakistan-2024';
	const labels = placeLabels(
		{
			countries: readGeodata('countries', slug).features,
			provinces: readGeodata('provinces', slug).features,
			towns: readGeodata('towns', slug).features
		},
		readScenarioMeta(slug).bounds
	);

	it('ranks the towns of the involved provinces first', () => {
		const involved = labels.towns.filter((t) => t.involved).map((t) => t.feature.properties.id);
		expect(involved).toEqual(expect.arrayContaining(['saravan', 'panjgur', 'turbat', 'quetta']));
		const rank = Object.fromEntries(
			townLabelCollection(labels.towns, 'en').features.map((f) => [
				f.properties!['id'],
				f.properties!['rank']
			])
		);
		expect(rank['panjgur']).toBe(0);
		expect(labels.towns.filter((t) => !t.involved).length).toBeGreaterThan(0);
	});

	it('labels every country in the language, marking Arabic-script names', () => {
		const fa = countryLabelCollection(labels.countries, 'fa').features;
		const iran = fa.find((f) => f.properties!['id'] === 'IRN')!;
		expect(iran.properties).toMatchObject({ label: 'ایران', arabicScript: true, focus: true });
		const en = countryLabelCollection(labels.countries, 'en').features;
		expect(en.find((f) => f.properties!['id'] === 'IRN')!.properties).toMatchObject({
			label: 'Iran',
			arabicScript: false
		});
		expect(fa).toHaveLength(34);
	});
});
