// Shared test helpers: reading the committed geodata and an independent WGS84 geodesic.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import geographiclib from 'geographiclib-geodesic';
import { parseLayer } from '../../src/lib/geo/load';
import { parseScenarioMeta, type ScenarioMeta } from '../../src/lib/geo/pack';
import type { LayerData, LayerName } from '../../src/lib/geo/schema';

/** Where the scenario packs live. */
export const scenariosDir = fileURLToPath(new URL('../../geodata/scenarios/', import.meta.url));

/** Every shipped pack's slug (a folder with a scenario.json). */
export const packSlugs: string[] = readdirSync(scenariosDir, { withFileTypes: true })
	.filter((d) => d.isDirectory() && existsSync(`${scenariosDir}${d.name}/scenario.json`))
	.map((d) => d.name)
	.sort();

/** The default pack's slug: the data most unit tests check and compute on. */
export const defaultSlug: string = (
	JSON.parse(readFileSync(scenariosDir + 'default.json', 'utf8')) as { default: string }
).default;

/** A pack's folder, with its trailing slash (the default pack's when no slug is given). */
export const packDir = (slug = defaultSlug) => `${scenariosDir}${slug}/`;

/** The default pack's folder. */
export const geodataDir = packDir();

/** A pack's scenario.json, validated. */
export function readScenarioMeta(slug = defaultSlug): ScenarioMeta {
	return parseScenarioMeta(
		'scenario.json',
		JSON.parse(readFileSync(packDir(slug) + 'scenario.json', 'utf8'))
	);
}

export function readGeodata<K extends LayerName>(layer: K, slug = defaultSlug): LayerData<K> {
	const file = `${layer}.geojson`;
	return parseLayer(layer, file, JSON.parse(readFileSync(packDir(slug) + file, 'utf8')));
}

/** All six shipped layers of a pack, as the analysis takes them. */
export function readScenarioLayers(slug = defaultSlug) {
	return {
		countries: readGeodata('countries', slug),
		provinces: readGeodata('provinces', slug),
		borders: readGeodata('borders', slug),
		towns: readGeodata('towns', slug),
		crossings: readGeodata('crossings', slug),
		events: readGeodata('events', slug)
	};
}

/**
 * A pack's layers with the border lines its scenario.json measures to, as the app passes them to
 * the analysis (`lines`: the primary border, then each extra line layer).
 */
export function readScenarioLayersWithLines(slug = defaultSlug) {
	const meta = readScenarioMeta(slug);
	const lines = (meta.border.lines ?? []).map((l) => {
		if (l.extraLayer === undefined) return { id: l.id, label: l.label, line: null };
		const extra = meta.extraLayers.find((e) => e.id === l.extraLayer)!;
		const data = JSON.parse(readFileSync(packDir(slug) + extra.file, 'utf8')) as {
			features: { geometry: { type: 'MultiLineString'; coordinates: number[][][] } }[];
		};
		const parts = data.features.flatMap((f) => f.geometry.coordinates);
		return {
			id: l.id,
			label: l.label,
			line: {
				type: 'Feature' as const,
				properties: {},
				geometry: { type: 'MultiLineString' as const, coordinates: parts }
			}
		};
	});
	return { ...readScenarioLayers(slug), lines };
}

const wgs84 = geographiclib.Geodesic.WGS84;

/** Geodesic distance on the WGS84 ellipsoid (Karney's algorithm), in kilometres. */
export function ellipsoidDistanceKm(a: readonly number[], b: readonly number[]): number {
	return wgs84.Inverse(a[1]!, a[0]!, b[1]!, b[0]!).s12! / 1000;
}

/**
 * Distance (km) from a point to a polyline on the WGS84 ellipsoid, independent of Turf: each
 * segment's geodesic is sampled every ~25 m, skipping segments that cannot hold a closer point
 * (a point of a segment is at least min(endpoint distances) − half its length away).
 */
export function ellipsoidDistanceToLineKm(
	point: readonly number[],
	line: readonly number[][]
): number {
	const segments = [];
	for (let i = 1; i < line.length; i++) {
		const a = line[i - 1]!;
		const b = line[i]!;
		const lengthKm = ellipsoidDistanceKm(a, b);
		const lowerBound =
			Math.min(ellipsoidDistanceKm(point, a), ellipsoidDistanceKm(point, b)) - lengthKm / 2;
		segments.push({ a, b, lengthKm, lowerBound });
	}
	segments.sort((x, y) => x.lowerBound - y.lowerBound);
	let best = Infinity;
	for (const { a, b, lengthKm, lowerBound } of segments) {
		if (lowerBound > best) break;
		const segment = wgs84.InverseLine(a[1]!, a[0]!, b[1]!, b[0]!);
		const steps = Math.max(1, Math.ceil((lengthKm * 1000) / 25));
		for (let k = 0; k <= steps; k++) {
			const p = segment.Position((segment.s13! * k) / steps);
			best = Math.min(best, ellipsoidDistanceKm(point, [p.lon2!, p.lat2!]));
		}
	}
	return best;
}

/** Rounds every number in a JSON-like value, so golden files are stable across platforms. */
export function roundDeep(value: unknown, decimals = 3): unknown {
	if (typeof value === 'number') return Math.round(value * 10 ** decimals) / 10 ** decimals;
	if (Array.isArray(value)) return value.map((v) => roundDeep(v, decimals));
	if (value && typeof value === 'object')
		return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, roundDeep(v, decimals)]));
	return value;
}

/**
 * Compares a result with its golden file in tests/fixtures/golden/ (Turf's test/out pattern).
 * Run with UPDATE_GOLDEN=1 to rewrite the files after an intended change: each rewritten test
 * fails, so the flag can never turn a run green; review the diff and run again without it.
 */
export function expectGolden(
	name: string,
	actual: unknown,
	expectFn: (a: unknown, b: unknown) => void
): void {
	const path = fileURLToPath(new URL(`../fixtures/golden/${name}.json`, import.meta.url));
	const rounded = roundDeep(actual);
	if (process.env.UPDATE_GOLDEN) {
		writeFileSync(path, JSON.stringify(rounded, null, '\t') + '\n');
		// Rewriting is never a pass: review the diff, then run again without the flag.
		throw new Error(`${name}.json rewritten (UPDATE_GOLDEN): review the diff and rerun without it`);
	}
	expectFn(rounded, JSON.parse(readFileSync(path, 'utf8')));
}
