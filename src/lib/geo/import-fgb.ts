// Reading FlatGeobuf (QGIS, GDAL's ogr2ogr, DuckDB spatial) into imported points: the flatgeobuf
// library decodes the features, then the GeoJSON reader checks them as it does any GeoJSON file.
import { deserialize } from 'flatgeobuf/lib/mjs/geojson.js';
import type { HeaderMeta } from 'flatgeobuf/lib/mjs/header-meta.js';
import { count, ImportError, MAX_IMPORT_POINTS, type Parsed } from './import-common';
import { readConvertedGeoJson } from './import-geojson';

/** FlatGeobuf's first bytes: "fgb", major version 3. */
const MAGIC = [0x66, 0x67, 0x62, 0x03];

/**
 * A FlatGeobuf file's point features as imported points, in file order (features are named
 * "feature N", counted from 1 as QGIS shows them). Coordinates must be WGS84 longitude/latitude:
 * a file in another CRS is refused, not guessed at.
 */
export async function readFlatGeobuf(
	fileName: string,
	bytes: Uint8Array,
	idPrefix: string
): Promise<Parsed> {
	if (bytes.length < 8 || MAGIC.some((b, i) => bytes[i] !== b))
		throw new ImportError('Not a FlatGeobuf file: it does not start with the "fgb" signature.');
	let header: HeaderMeta | null = null;
	const features = [];
	try {
		for await (const feature of deserialize(bytes, {
			headerMetaFn: (meta) => {
				header = meta;
				const problem = crsProblem(meta);
				if (problem) throw new ImportError(problem);
				if (meta.featuresCount > MAX_IMPORT_POINTS)
					throw new ImportError(
						`The file has ${count(meta.featuresCount)} features; at most ` +
							`${count(MAX_IMPORT_POINTS)} can be imported.`
					);
			}
		})) {
			features.push({
				type: 'Feature',
				geometry: feature.geometry,
				properties: feature.properties ?? {}
			});
			if (features.length > MAX_IMPORT_POINTS)
				throw new ImportError(`The file has more than ${count(MAX_IMPORT_POINTS)} features.`);
		}
	} catch (error) {
		if (error instanceof ImportError) throw error;
		throw new ImportError(
			`The FlatGeobuf file could not be decoded (${(error as Error).message}): is it complete?`
		);
	}
	if (!header || features.length === 0)
		throw new ImportError('The FlatGeobuf file has no features.');
	return readConvertedGeoJson(
		fileName,
		{ type: 'FeatureCollection', features },
		idPrefix,
		'feature'
	);
}

/** Why the file's coordinate reference system is not one this reads (WGS84 degrees), or null. */
function crsProblem(meta: HeaderMeta): string | null {
	const crs = meta.crs;
	// No CRS, or EPSG:4326 / OGC CRS84: longitude and latitude on WGS84.
	if (!crs || crs.code === 0 || crs.code === 4326 || /CRS84/i.test(crs.code_string ?? ''))
		return null;
	const name = `${crs.org ?? 'EPSG'}:${crs.code}${crs.name ? ` (${crs.name})` : ''}`;
	return (
		`The file's coordinates are in ${name}, not WGS84 longitude and latitude (EPSG:4326): ` +
		'reproject it first (in QGIS: Export, CRS EPSG:4326; or ogr2ogr -t_srs EPSG:4326).'
	);
}
