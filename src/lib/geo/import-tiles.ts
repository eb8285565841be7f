// Imported points as vector tiles, made in a worker (import-tiles.worker.ts): the map reads them
// tile by tile through a protocol, so no collection of 100,000 points ever crosses the page's main
// thread. MapLibre's own GeoJSON source parses a file in its worker and then sends the whole
// collection back to the main thread (to keep a copy for `getData`): for 100,000 points that one
// message took 0.5–0.7 s of main-thread time.
import { GeoJSONVT } from '@maplibre/geojson-vt';
import { fromGeojsonVt } from '@maplibre/vt-pbf';
import type { Feature, Point } from 'geojson';

/** The URL scheme of imported points' tiles: `borderline-imported://<store>/<generation>/z/x/y`. */
export const IMPORT_TILES_SCHEME = 'borderline-imported';
/** The one layer of every tile, which the style's imported layers draw (`source-layer`). */
export const IMPORT_SOURCE_LAYER = 'imported';
/** Tiles are made up to this zoom; the map overzooms them beyond. */
export const IMPORT_TILES_MAXZOOM = 14;

/** Where points are drawn as one counted circle (MapLibre's names and meanings). */
export type ClusterOptions = {
	/** Radius of a cluster, px. */
	clusterRadius: number;
	/** Fewest points that make a cluster. */
	clusterMinPoints: number;
	/** Above this zoom, every point is drawn on its own. */
	clusterMaxZoom: number;
};

/**
 * Imported points are clustered where ten or more fall within 40 px: a file of 100 000 points
 * stays quick to pan, while a handful of sites is drawn point by point at any zoom.
 */
export const IMPORTED_CLUSTERS: ClusterOptions = {
	clusterRadius: 40,
	clusterMinPoints: 10,
	clusterMaxZoom: 12
};

/** Tile units across a tile, and the tile's size in px: as MapLibre's GeoJSON source makes them. */
const EXTENT = 8192;
const TILE_SIZE = 512;
const units = (px: number) => px * (EXTENT / TILE_SIZE);

type PointFeature = Feature<Point, { id: string; name: string }>;

/**
 * The points of runs of features (GeoJSON Features joined by commas, as UTF-8: see
 * `mapFeaturesOf`), clustered and cut into tiles the way MapLibre's GeoJSON source does it,
 * with the same engine (@maplibre/geojson-vt), and encoded as Mapbox Vector Tiles.
 */
export class ImportTileIndex {
	readonly count: number;
	private readonly index: GeoJSONVT | null;
	private readonly features: PointFeature[];

	constructor(runs: readonly (readonly PointFeature[])[], clusters: ClusterOptions) {
		this.features = runs.flat();
		this.count = this.features.length;
		this.index = this.count
			? new GeoJSONVT(
					{ type: 'FeatureCollection', features: this.features },
					{
						maxZoom: IMPORT_TILES_MAXZOOM,
						extent: EXTENT,
						buffer: units(128),
						tolerance: units(0.375),
						cluster: true,
						clusterOptions: {
							maxZoom: clusters.clusterMaxZoom,
							minPoints: Math.max(2, clusters.clusterMinPoints),
							radius: units(clusters.clusterRadius),
							extent: EXTENT
						}
					}
				)
			: null;
	}

	/** The tile z/x/y as a vector tile (empty where no point falls). */
	tile(z: number, x: number, y: number): Uint8Array {
		const tile = this.index?.getTile(z, x, y);
		if (!tile || !tile.features.length) return new Uint8Array(0);
		return fromGeojsonVt({ [IMPORT_SOURCE_LAYER]: tile }, { version: 2, extent: EXTENT });
	}

	/** The zoom at which a cluster splits (null when there are no points, or it cannot be told). */
	expansionZoom(clusterId: number): number | null {
		try {
			return this.index?.getClusterExpansionZoom(clusterId) ?? null;
		} catch {
			return null;
		}
	}

	/** The ids of the points, in order. */
	ids(): string[] {
		return this.features.map((f) => f.properties.id);
	}
}

/**
 * A run of features as the map's points: parsed, with the feature-level id dropped (a vector
 * tile's id is a number; the map finds a point by its `id` property, `promoteId`).
 */
export function parseRun(bytes: Uint8Array): PointFeature[] {
	if (!bytes.length) return [];
	const features = JSON.parse(`[${new TextDecoder().decode(bytes)}]`) as PointFeature[];
	for (const f of features) delete f.id;
	return features;
}
