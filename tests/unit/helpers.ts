// Shared test helpers: reading the committed geodata and an independent WGS84 geodesic.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import geographiclib from 'geographiclib-geodesic';
import { parseLayer } from '../../src/lib/geo/load';
import type { LayerData, LayerName } from '../../src/lib/geo/schema';

export const geodataDir = fileURLToPath(new URL('../../geodata/', import.meta.url));

export function readGeodata<K extends LayerName>(layer: K): LayerData<K> {
	const file = `${layer}.geojson`;
	return parseLayer(layer, file, JSON.parse(readFileSync(geodataDir + file, 'utf8')));
}

const wgs84 = geographiclib.Geodesic.WGS84;

/** Geodesic distance on the WGS84 ellipsoid (Karney's algorithm), in kilometres. */
export function ellipsoidDistanceKm(a: readonly number[], b: readonly number[]): number {
	return wgs84.Inverse(a[1]!, a[0]!, b[1]!, b[0]!).s12! / 1000;
}
