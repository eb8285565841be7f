// `npm run pack:tiles`: a GeoJSON file (or newline-delimited GeoJSON, one Feature a line, for
// inputs too large to parse at once) → a PMTiles v3 archive of vector tiles, one layer.
import { createReadStream, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Feature, FeatureCollection } from 'geojson';
import { writePmtiles } from './pmtiles-writer';
import { Tiler, type TileKind, type TilingOptions, type TilingResult } from './tiler';

export type BuildOptions = Partial<Omit<TilingOptions, 'layer' | 'kind'>> &
	Pick<TilingOptions, 'layer' | 'kind'> & {
		/** A name and a credit for the archive's metadata. */
		name?: string;
		attribution?: string;
		description?: string;
	};

export const DEFAULTS = {
	minZoom: 0,
	maxZoom: 12,
	maxFeaturesPerTile: 10_000,
	maxTileBytes: 500_000
};

export type BuildReport = {
	output: string;
	bytes: number;
	features: number;
	tiles: number;
	leafDirectories: number;
	ms: number;
	tiling: Omit<TilingResult, 'tiles'>;
};

const isLines = (file: string) => /\.(ndjson|geojsonl|geojsonseq|jsonl)$/i.test(file);

/** The rule written into each archive's metadata and printed by the script. */
export function thinningRule(o: typeof DEFAULTS): string {
	return (
		`Points below zoom ${o.maxZoom} are thinned per tile to at most ${o.maxFeaturesPerTile} ` +
		`points and ${o.maxTileBytes} bytes gzipped: the tile is cut into a grid, each cell keeps ` +
		`its first point in input order, and the grid coarsens until the tile fits (dense places ` +
		`lose points first). Zoom ${o.maxZoom} keeps every point. No point is moved or added.`
	);
}

/** Reads `input`, tiles it and writes the archive to `output`. */
export async function buildTiles(
	input: string,
	output: string,
	options: BuildOptions
): Promise<BuildReport> {
	const started = performance.now();
	const o = { ...DEFAULTS, ...options };
	if (o.minZoom > o.maxZoom) throw new Error('--min-zoom is above --max-zoom');
	const tiler = new Tiler(o);
	if (isLines(input)) {
		const lines = createInterface({ input: createReadStream(input), crlfDelay: Infinity });
		let n = 0;
		for await (const raw of lines) {
			n++;
			// geojsonseq (RFC 8142) starts each record with a record separator.
			const line = (raw.startsWith('\u001e') ? raw.slice(1) : raw).trim();
			if (!line) continue;
			let feature: Feature;
			try {
				feature = JSON.parse(line) as Feature;
			} catch {
				throw new Error(`${input}: line ${n} is not JSON`);
			}
			if (feature?.type !== 'Feature') throw new Error(`${input}: line ${n} is not a Feature`);
			tiler.add(feature, `${input}: line ${n}`);
		}
	} else {
		const json = JSON.parse(readFileSync(input, 'utf8')) as FeatureCollection | Feature;
		const features = json.type === 'FeatureCollection' ? json.features : [json];
		features.forEach((f, i) => tiler.add(f, `${input}: features.${i}`));
	}
	const tiling = tiler.finish();
	const { tiles, ...report } = tiling;
	const { bytes, leafDirectories } = writePmtiles(tiles, {
		bounds: tiling.bounds,
		minZoom: o.minZoom,
		maxZoom: o.maxZoom,
		metadata: {
			name: o.name ?? o.layer,
			...(o.description ? { description: o.description } : {}),
			...(o.attribution ? { attribution: o.attribution } : {}),
			type: 'overlay',
			format: 'pbf',
			generator: 'borderline npm run pack:tiles',
			vector_layers: [
				{ id: o.layer, fields: tiling.fields, minzoom: o.minZoom, maxzoom: o.maxZoom }
			],
			'borderline:kind': o.kind,
			'borderline:features': tiling.features,
			...(o.kind === 'points'
				? {
						'borderline:thinning': {
							rule: thinningRule(o),
							maxFeaturesPerTile: o.maxFeaturesPerTile,
							maxTileBytes: o.maxTileBytes,
							byZoom: tiling.byZoom
						}
					}
				: {}),
			...(tiling.overBudget.length ? { 'borderline:overBudget': tiling.overBudget } : {})
		}
	});
	writeFileSync(output, bytes);
	return {
		output,
		bytes: statSync(output).size,
		features: tiling.features,
		tiles: tiles.length,
		leafDirectories,
		ms: performance.now() - started,
		tiling: report
	};
}

export type { TileKind };
