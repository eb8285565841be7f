// Cuts GeoJSON features into Mapbox vector tiles for a PMTiles archive (`npm run pack:tiles`).
// Lines and areas are cut by @maplibre/geojson-vt, as MapLibre cuts a GeoJSON source; points are
// bucketed here, one pass per zoom over typed arrays, so a million points fit in memory, and thinned
// at low zooms to a stated budget. No coordinate is moved or made up: a tile holds a subset of the
// input points, each at its own position (quantized to the tile's 4096-unit grid, as every vector
// tile is).
import type { Feature, Geometry, GeoJsonProperties } from 'geojson';
import { GeoJSONVT, type GeoJSONVTFeature, type GeoJSONVTTile } from '@maplibre/geojson-vt';
import { fromGeojsonVt } from '@maplibre/vt-pbf';
import { gzip, type TileInput } from './pmtiles-writer';

export const EXTENT = 4096;

export type TileKind = 'points' | 'lines' | 'areas';

export type TilingOptions = {
	/** The vector tile layer's name (the manifest's `sourceLayer`). */
	layer: string;
	kind: TileKind;
	minZoom: number;
	/** The most detailed zoom: every input feature is in its tiles; MapLibre overzooms past it. */
	maxZoom: number;
	/** Below maxZoom, a point tile holds at most this many points (tippecanoe's limit is 200,000). */
	maxFeaturesPerTile: number;
	/** Below maxZoom, a point tile is at most this many bytes gzipped (tippecanoe's is 500 KB). */
	maxTileBytes: number;
};

/** What thinning did at one zoom: tiles, tiles thinned, points kept of points in them. */
export type ZoomReport = { tiles: number; thinnedTiles: number; kept: number; of: number };

export type TilingResult = {
	tiles: TileInput[];
	bounds: [number, number, number, number];
	features: number;
	/** By zoom (points only; lines and areas are simplified by geojson-vt, never dropped). */
	byZoom: Record<number, ZoomReport>;
	/** Tiles over the byte budget that could not be thinned (maxZoom keeps every point). */
	overBudget: { z: number; x: number; y: number; bytes: number; features: number }[];
	/** Property names and their types, for the archive's vector_layers. */
	fields: Record<string, string>;
};

const GEOMETRY_TYPES: Record<TileKind, Geometry['type'][]> = {
	points: ['Point', 'MultiPoint'],
	lines: ['LineString', 'MultiLineString'],
	areas: ['Polygon', 'MultiPolygon']
};

/** Web Mercator x and y of a longitude and latitude, on the unit square. */
function mercator(lon: number, lat: number): [number, number] {
	const sin = Math.sin((lat * Math.PI) / 180);
	const y = 0.5 - (0.25 * Math.log((1 + sin) / (1 - sin))) / Math.PI;
	return [lon / 360 + 0.5, Math.min(Math.max(y, 0), 1 - 1e-12)];
}

function fieldType(value: unknown): string {
	return typeof value === 'number' ? 'Number' : typeof value === 'boolean' ? 'Boolean' : 'String';
}

const encode = (layer: string, z: number, x: number, y: number, features: GeoJSONVTFeature[]) =>
	fromGeojsonVt(
		{ [layer]: { transformed: true, features, source: null, x, y, z } as GeoJSONVTTile },
		{
			version: 2,
			extent: EXTENT
		}
	);

/**
 * Collects features of one kind and cuts them into tiles. Points are held as columns (Mercator
 * x/y, the feature each belongs to), so the input can be streamed feature by feature.
 */
export class Tiler {
	private readonly xs: number[] = [];
	private readonly ys: number[] = [];
	/** For each point, its feature's index. */
	private readonly owner: number[] = [];
	private readonly properties: GeoJsonProperties[] = [];
	private readonly ids: (number | undefined)[] = [];
	private readonly others: Feature[] = [];
	private readonly fields: Record<string, string> = {};
	private bounds: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
	private count = 0;

	constructor(private readonly options: TilingOptions) {}

	/** Adds one feature; `where` names it in errors (e.g. "line 12"). */
	add(feature: Feature, where: string): void {
		const geometry = feature.geometry;
		if (!geometry) return; // unlocated: nothing to draw
		const allowed = GEOMETRY_TYPES[this.options.kind];
		if (!allowed.includes(geometry.type))
			throw new Error(
				`${where}: a ${geometry.type} in a layer of kind "${this.options.kind}" (${allowed.join(' or ')} expected)`
			);
		for (const [key, value] of Object.entries(feature.properties ?? {}))
			if (value !== null && value !== undefined) this.fields[key] ??= fieldType(value);
		const positions =
			geometry.type === 'Point'
				? [geometry.coordinates]
				: geometry.type === 'MultiPoint' || geometry.type === 'LineString'
					? geometry.coordinates
					: geometry.type === 'MultiLineString' || geometry.type === 'Polygon'
						? geometry.coordinates.flat()
						: geometry.type === 'MultiPolygon'
							? geometry.coordinates.flat(2)
							: [];
		for (const p of positions) {
			const [lon, lat] = p as [number, number];
			if (!(Math.abs(lon) <= 180 && Math.abs(lat) <= 85.0511))
				throw new Error(`${where}: position [${lon}, ${lat}] is not a longitude and latitude`);
			this.bounds = [
				Math.min(this.bounds[0], lon),
				Math.min(this.bounds[1], lat),
				Math.max(this.bounds[2], lon),
				Math.max(this.bounds[3], lat)
			];
		}
		const index = this.count++;
		if (this.options.kind !== 'points') {
			this.others.push(feature);
			return;
		}
		this.properties.push(feature.properties ?? null);
		this.ids.push(typeof feature.id === 'number' ? feature.id : undefined);
		for (const p of positions) {
			const [x, y] = mercator(p[0]!, p[1]!);
			this.xs.push(x);
			this.ys.push(y);
			this.owner.push(index);
		}
	}

	/** Every tile from minZoom to maxZoom that holds something. */
	finish(): TilingResult {
		if (!this.count) throw new Error('no features with a geometry to tile');
		const result: TilingResult = {
			tiles: [],
			bounds: this.bounds,
			features: this.count,
			byZoom: {},
			overBudget: [],
			fields: this.fields
		};
		if (this.options.kind === 'points') this.tilePoints(result);
		else this.tileShapes(result);
		return result;
	}

	private tileShapes(result: TilingResult): void {
		const { minZoom, maxZoom, layer, maxTileBytes } = this.options;
		const index = new GeoJSONVT(
			{ type: 'FeatureCollection', features: this.others },
			{ maxZoom, indexMaxZoom: maxZoom, indexMaxPoints: 0, extent: EXTENT, buffer: 64 }
		);
		const visit = (z: number, x: number, y: number) => {
			const tile = index.getTile(z, x, y);
			if (!tile || !tile.features.length) return;
			if (z >= minZoom) {
				const data = gzip(encode(layer, z, x, y, tile.features));
				if (data.length > maxTileBytes)
					result.overBudget.push({ z, x, y, bytes: data.length, features: tile.features.length });
				result.tiles.push({ z, x, y, data, gzipped: true });
			}
			if (z < maxZoom)
				for (const [dx, dy] of [
					[0, 0],
					[1, 0],
					[0, 1],
					[1, 1]
				] as const)
					visit(z + 1, x * 2 + dx, y * 2 + dy);
		};
		visit(0, 0, 0);
	}

	private tilePoints(result: TilingResult): void {
		const { minZoom, maxZoom, layer, maxFeaturesPerTile, maxTileBytes } = this.options;
		const grid = new CellGrid();
		for (let z = minZoom; z <= maxZoom; z++) {
			const n = 2 ** z;
			// Points by tile, in input order (the order decides which point a thinned cell keeps).
			const byTile = new Map<number, number[]>();
			for (let i = 0; i < this.xs.length; i++) {
				const key = Math.floor(this.xs[i]! * n) * n + Math.floor(this.ys[i]! * n);
				let list = byTile.get(key);
				if (!list) byTile.set(key, (list = []));
				list.push(i);
			}
			const report: ZoomReport = { tiles: 0, thinnedTiles: 0, kept: 0, of: 0 };
			for (const [key, points] of [...byTile].sort((a, b) => a[0] - b[0])) {
				const x = Math.floor(key / n);
				const y = key % n;
				// Tile coordinates (0–4096) of each point, as the tile stores them.
				const px = new Int32Array(points.length);
				const py = new Int32Array(points.length);
				points.forEach((i, k) => {
					px[k] = Math.round((this.xs[i]! * n - x) * EXTENT);
					py[k] = Math.round((this.ys[i]! * n - y) * EXTENT);
				});
				let kept = points.map((_, k) => k);
				let cells = EXTENT;
				let data: Uint8Array;
				for (;;) {
					if (z < maxZoom && kept.length > maxFeaturesPerTile)
						({ kept, cells } = grid.thin(px, py, cells, maxFeaturesPerTile));
					data = gzip(encode(layer, z, x, y, this.features(points, kept, px, py)));
					if (z === maxZoom || kept.length <= 1 || data.length <= maxTileBytes) break;
					// Over the byte budget: a coarser grid (fewer points, none moved).
					({ kept, cells } = grid.thin(px, py, cells, Math.floor(kept.length * 0.8)));
				}
				if (data.length > maxTileBytes)
					result.overBudget.push({ z, x, y, bytes: data.length, features: kept.length });
				report.tiles++;
				report.of += points.length;
				report.kept += kept.length;
				if (kept.length < points.length) report.thinnedTiles++;
				result.tiles.push({ z, x, y, data, gzipped: true });
			}
			result.byZoom[z] = report;
		}
	}

	/** The tile features of the points `kept` (indexes into `points`): one per input feature. */
	private features(
		points: readonly number[],
		kept: readonly number[],
		px: Int32Array,
		py: Int32Array
	): GeoJSONVTFeature[] {
		const byOwner = new Map<number, [number, number][]>();
		for (const k of kept) {
			const owner = this.owner[points[k]!]!;
			let list = byOwner.get(owner);
			if (!list) byOwner.set(owner, (list = []));
			list.push([px[k]!, py[k]!]);
		}
		return [...byOwner].map(([owner, geometry]) => ({
			type: 1 as const,
			geometry,
			tags: this.properties[owner] ?? null,
			...(this.ids[owner] !== undefined ? { id: this.ids[owner] } : {})
		}));
	}
}

/**
 * Drop-densest-as-needed, deterministically: the tile is cut into a grid, each cell keeps its
 * first point in input order, and the grid coarsens until at most `budget` points remain. Dense
 * places lose points first; a lone point always stays. Cells are marked in one reused array
 * (a stamp per pass), so a pass over a million points takes milliseconds.
 */
export class CellGrid {
	private readonly stamps = new Uint32Array((EXTENT + 2) * (EXTENT + 2));
	private pass = 0;

	/** Indexes of the points kept (ascending) and the grid's cells per side. */
	thin(
		px: Int32Array,
		py: Int32Array,
		startCells: number,
		budget: number
	): { kept: number[]; cells: number } {
		for (let cells = Math.min(startCells, EXTENT); ; cells = Math.floor(cells * 0.8)) {
			const stamp = ++this.pass;
			const scale = Math.max(cells, 1) / EXTENT;
			const kept: number[] = [];
			for (let k = 0; k < px.length; k++) {
				// A point may sit on the tile's far edge (4096): one more cell on each axis.
				const cell = Math.floor(px[k]! * scale) * (EXTENT + 2) + Math.floor(py[k]! * scale);
				if (this.stamps[cell] === stamp) continue;
				this.stamps[cell] = stamp;
				kept.push(k);
			}
			if (kept.length <= budget || cells <= 1) return { kept, cells };
		}
	}
}
