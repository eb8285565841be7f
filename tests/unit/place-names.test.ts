// The Persian (fa) and Urdu (ur) place names of the packs (`names`): sourced text in Arabic script,
// counted as the pack's SOURCES.md and MANIFEST.json say. The source packages are build-time only
// (scripts/geodata/node_modules), so values are spot-checked against names known from them.
import { readFileSync } from 'node:fs';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { layerSchemas } from '../../src/lib/geo/schema';
import { packDir, packSlugs, readScenarioLayers } from './helpers';

const LANGUAGES = ['fa', 'ur'] as const;
const LANGUAGE_NAMES = { fa: 'Persian', ur: 'Urdu' } as const;
const PLACE_LAYERS = ['countries', 'provinces', 'towns'] as const;
type Lang = (typeof LANGUAGES)[number];
type PlaceLayer = (typeof PLACE_LAYERS)[number];
type Coverage = Record<PlaceLayer, { features: number } & Record<Lang, number>>;

/** Each place layer's features as id → names. */
function namesById(slug: string): Record<PlaceLayer, Map<string, Partial<Record<Lang, string>>>> {
	const layers = readScenarioLayers(slug);
	return {
		countries: new Map(layers.countries.features.map((f) => [f.properties.id, f.properties.names])),
		provinces: new Map(layers.provinces.features.map((f) => [f.properties.id, f.properties.names])),
		towns: new Map(layers.towns.features.map((f) => [f.properties.id, f.properties.names]))
	};
}

it('covers both shipped packs', () => {
	expect(packSlugs).toEqual(expect.arrayContaining(['iran-pakistan-2024', 'india-pakistan-2025']));
});

describe.each(packSlugs)('pack %s', (slug) => {
	const names = namesById(slug);

	it('writes only Arabic-script names, without Latin letters, in fa then ur order', () => {
		for (const layer of PLACE_LAYERS)
			for (const [id, byLang] of names[layer]) {
				const keys = Object.keys(byLang);
				expect(keys, `${layer} ${id}`).toEqual(LANGUAGES.filter((l) => l in byLang));
				for (const [lang, name] of Object.entries(byLang)) {
					const where = `${layer} ${id} ${lang} "${name}"`;
					expect(name, where).toMatch(/(?=\p{L})[\u0600-\u06FF]/u);
					expect(name, where).not.toMatch(/\p{Script=Latin}/u);
				}
			}
	});

	it('gives no town a name (no sourced town names exist)', () => {
		for (const [id, byLang] of names.towns) expect(byLang, id).toEqual({});
	});

	it('counts the names as MANIFEST.json and SOURCES.md state', () => {
		const dir = packDir(slug);
		const coverage = Object.fromEntries(
			PLACE_LAYERS.map((layer) => {
				const list = [...names[layer].values()];
				return [
					layer,
					{
						features: list.length,
						...Object.fromEntries(LANGUAGES.map((l) => [l, list.filter((n) => n[l]).length]))
					}
				];
			})
		) as Coverage;
		const manifest = JSON.parse(readFileSync(dir + 'MANIFEST.json', 'utf8')) as {
			names: { coverage: Coverage; dropped: string[] };
		};
		expect(manifest.names.coverage).toEqual(coverage);
		const sources = readFileSync(dir + 'SOURCES.md', 'utf8');
		for (const lang of LANGUAGES) {
			const counts = PLACE_LAYERS.map(
				(layer) => `${coverage[layer][lang]} of ${coverage[layer].features} ${layer}`
			);
			expect(sources).toContain(`- ${LANGUAGE_NAMES[lang]} names: ${counts.join(', ')}.`);
		}
		expect(sources).toContain('cldr-localenames-full@48.2.0');
		expect(sources).toContain('cldr-core@48.2.0');
		expect(sources).toContain('Unicode License v3');
		expect(sources).toContain('SPDX-License-Identifier: Unicode-3.0');
		expect(manifest.names.dropped).toEqual([]);
	});

	it('names every involved province in both languages', () => {
		const involved = readScenarioLayers(slug).provinces.features.filter(
			(f) => f.properties.involved
		);
		expect(involved.length).toBeGreaterThan(0);
		for (const { properties: p } of involved) {
			expect(p.names.fa, p.id).toBeTruthy();
			expect(p.names.ur, p.id).toBeTruthy();
		}
	});
});

describe('known values', () => {
	const iranPakistan = namesById('iran-pakistan-2024');
	const indiaPakistan = namesById('india-pakistan-2025');

	it('takes the countries from CLDR', () => {
		expect(iranPakistan.countries.get('IRN')).toEqual({ fa: 'ایران', ur: 'ایران' });
		expect(iranPakistan.countries.get('PAK')).toEqual({ fa: 'پاکستان', ur: 'پاکستان' });
		expect(indiaPakistan.countries.get('IND')).toEqual({ fa: 'هند', ur: 'بھارت' });
		// CLDR's short form, "Palestine" in English as on the map, not "Palestinian Territories".
		expect(iranPakistan.countries.get('PSE')).toEqual({ fa: 'فلسطین', ur: 'فلسطین' });
		// Siachen Glacier has no ISO code, so no CLDR name.
		expect(indiaPakistan.countries.get('KAS')).toEqual({});
	});

	it('names the struck provinces of Iran–Pakistan, as Natural Earth has them', () => {
		const involved = readScenarioLayers('iran-pakistan-2024')
			.provinces.features.filter((f) => f.properties.involved)
			.map((f) => f.properties.id)
			.sort();
		expect(involved).toEqual(['IRN-3247', 'PAK-1108']);
		expect(iranPakistan.provinces.get('IRN-3247')).toEqual({
			fa: 'استان سیستان و بلوچستان',
			ur: 'صوبہ سیستان و بلوچستان'
		});
		expect(iranPakistan.provinces.get('PAK-1108')).toEqual({
			fa: 'ایالت بلوچستان پاکستان',
			ur: 'بلوچستان'
		});
		// The same Natural Earth unit in both packs.
		expect(indiaPakistan.provinces.get('PAK-1108')).toEqual(iranPakistan.provinces.get('PAK-1108'));
	});
});

describe('schema', () => {
	const town = (names: unknown) => ({
		type: 'FeatureCollection',
		features: [
			{
				type: 'Feature',
				geometry: { type: 'Point', coordinates: [60, 27] },
				properties: {
					id: 'x',
					name: 'X',
					nameAscii: 'X',
					...(names === undefined ? {} : { names }),
					country: 'Iran',
					source: 'test',
					sourceUrl: null
				}
			}
		]
	});
	const valid = (names: unknown) => v.safeParse(layerSchemas.towns, town(names)).success;

	it('reads `names` with only fa and ur, each non-empty; a pack without them still opens', () => {
		expect(valid({})).toBe(true);
		expect(valid({ fa: 'ایران' })).toBe(true);
		expect(valid({ fa: 'ایران', ur: 'ایران' })).toBe(true);
		expect(valid(undefined)).toBe(true);
		expect(valid(null)).toBe(false);
		expect(valid({ fa: '' })).toBe(false);
		expect(valid({ ar: 'إيران' })).toBe(false);
	});
});
