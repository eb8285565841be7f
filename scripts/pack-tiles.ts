// `npm run pack:tiles -- <input.geojson|.ndjson> <output.pmtiles> --layer <name> --kind <kind>`:
// builds a pack's served layer (a PMTiles archive) from GeoJSON; see README, "Served layers".
import { parseArgs } from 'node:util';
import { buildTiles, DEFAULTS, thinningRule } from './tiles/build';

const { values, positionals } = parseArgs({
	allowPositionals: true,
	options: {
		layer: { type: 'string' },
		kind: { type: 'string' },
		'min-zoom': { type: 'string' },
		'max-zoom': { type: 'string' },
		'max-features': { type: 'string' },
		'max-bytes': { type: 'string' },
		name: { type: 'string' },
		attribution: { type: 'string' },
		description: { type: 'string' }
	}
});

const usage =
	'usage: npm run pack:tiles -- <input.geojson|.ndjson> <output.pmtiles> --layer <name> ' +
	'--kind points|lines|areas [--min-zoom 0] [--max-zoom 12] [--max-features 10000] ' +
	'[--max-bytes 500000] [--name …] [--attribution …] [--description …]';
const [input, output] = positionals;
const kind = values.kind;
if (
	!input ||
	!output ||
	!values.layer ||
	(kind !== 'points' && kind !== 'lines' && kind !== 'areas')
) {
	console.error(usage);
	process.exit(2);
}
if (!output.endsWith('.pmtiles')) {
	console.error(`${output}: the archive's name ends in .pmtiles`);
	process.exit(2);
}
const int = (name: string, value: string | undefined, fallback: number) => {
	if (value === undefined) return fallback;
	const n = Number(value);
	if (!Number.isInteger(n) || n < 0) {
		console.error(`--${name} is a whole number, not "${value}"`);
		process.exit(2);
	}
	return n;
};
const options = {
	layer: values.layer,
	kind,
	minZoom: int('min-zoom', values['min-zoom'], DEFAULTS.minZoom),
	maxZoom: int('max-zoom', values['max-zoom'], DEFAULTS.maxZoom),
	maxFeaturesPerTile: int('max-features', values['max-features'], DEFAULTS.maxFeaturesPerTile),
	maxTileBytes: int('max-bytes', values['max-bytes'], DEFAULTS.maxTileBytes),
	name: values.name,
	attribution: values.attribution,
	description: values.description
} as const;

try {
	const report = await buildTiles(input, output, options);
	console.log(
		`${report.output}: ${report.features} features, ${report.tiles} tiles (z${options.minZoom}–${options.maxZoom}), ` +
			`${(report.bytes / 1024).toFixed(1)} KB, ${report.leafDirectories} leaf directories, ${(report.ms / 1000).toFixed(1)} s`
	);
	if (kind === 'points') {
		console.log(thinningRule(options));
		for (const [z, r] of Object.entries(report.tiling.byZoom))
			if (r.thinnedTiles)
				console.log(
					`  z${z}: ${r.thinnedTiles} of ${r.tiles} tiles thinned, ${r.kept} of ${r.of} points kept`
				);
	}
	for (const t of report.tiling.overBudget)
		console.warn(
			`warning: tile ${t.z}/${t.x}/${t.y} is ${t.bytes} bytes gzipped with ${t.features} features, over the budget` +
				(kind === 'points' ? ' (the most detailed zoom keeps every point: raise --max-zoom)' : '')
		);
} catch (error) {
	console.error((error as Error).message);
	process.exit(1);
}
