// The PMTiles writer and tiler behind `npm run pack:tiles`, read back with the `pmtiles` package
// the app reads served layers with, and the tiles decoded with @mapbox/vector-tile.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import { Compression, PMTiles, TileType, type Source } from 'pmtiles';
import { buildTiles } from '../../scripts/tiles/build';
import { writePmtiles, type TileInput } from '../../scripts/tiles/pmtiles-writer';
import { packDir } from './helpers';

const dir = mkdtempSync(join(tmpdir(), 'borderline-pmtiles-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** An archive in memory, read as the page reads one over HTTP: by byte ranges. */
function archive(bytes: Uint8Array): PMTiles {
	const source: Source = {
		getKey: () => 'memory',
		// A copy: a Buffer's slice is a view on a shared pool.
		getBytes: async (offset, length) => ({
			data: new Uint8Array(bytes.subarray(offset, offset + length)).buffer as ArrayBuffer
		})
	};
	return new PMTiles(source);
}

/** The tile holding a longitude and latitude at zoom `z`. */
function tileAt(lon: number, lat: number, z: number): [number, number] {
	const n = 2 ** z;
	const sin = Math.sin((lat * Math.PI) / 180);
	const y = 0.5 - (0.25 * Math.log((1 + sin) / (1 - sin))) / Math.PI;
	return [Math.floor((lon / 360 + 0.5) * n), Math.floor(y * n)];
}

async function decode(pm: PMTiles, z: number, x: number, y: number) {
	const tile = await pm.getZxy(z, x, y);
	return tile ? new VectorTile(new PbfReader(new Uint8Array(tile.data))) : undefined;
}

type Town = { properties: { name: string }; geometry: { coordinates: [number, number] } };
const towns = JSON.parse(readFileSync(`${packDir()}towns.geojson`, 'utf8')) as {
	features: Town[];
};

describe('pack:tiles on the default pack’s towns', async () => {
	const output = join(dir, 'towns.pmtiles');
	const report = await buildTiles(`${packDir()}towns.geojson`, output, {
		layer: 'towns',
		kind: 'points',
		maxZoom: 10,
		attribution: 'Towns © GeoNames, CC BY 4.0'
	});
	const bytes = new Uint8Array(readFileSync(output));
	const pm = archive(bytes);
	const header = await pm.getHeader();

	it('writes a PMTiles v3 header the reader agrees with', () => {
		expect(new TextDecoder().decode(bytes.subarray(0, 7))).toBe('PMTiles');
		expect(header).toMatchObject({
			specVersion: 3,
			rootDirectoryOffset: 127,
			clustered: true,
			internalCompression: Compression.Gzip,
			tileCompression: Compression.Gzip,
			tileType: TileType.Mvt,
			minZoom: 0,
			maxZoom: 10,
			numAddressedTiles: report.tiles
		});
		// Header and root directory in the first 16 KiB, which the reader asks for first.
		expect(header.rootDirectoryOffset + header.rootDirectoryLength).toBeLessThanOrEqual(16_384);
		expect(header.leafDirectoryLength).toBe(0);
		expect(header.tileDataOffset + header.tileDataLength!).toBe(bytes.length);
	});

	it('gives the towns’ bounds, to the header’s 1e-7 degree', () => {
		const lons = towns.features.map((t) => t.geometry.coordinates[0]);
		const lats = towns.features.map((t) => t.geometry.coordinates[1]);
		expect(header.minLon).toBeCloseTo(Math.min(...lons), 6);
		expect(header.maxLon).toBeCloseTo(Math.max(...lons), 6);
		expect(header.minLat).toBeCloseTo(Math.min(...lats), 6);
		expect(header.maxLat).toBeCloseTo(Math.max(...lats), 6);
	});

	it('describes its layer and its thinning rule in the metadata', async () => {
		const metadata = (await pm.getMetadata()) as Record<string, unknown>;
		expect(metadata).toMatchObject({
			attribution: 'Towns © GeoNames, CC BY 4.0',
			vector_layers: [{ id: 'towns', minzoom: 0, maxzoom: 10, fields: { name: 'String' } }],
			'borderline:features': towns.features.length,
			'borderline:thinning': { maxFeaturesPerTile: 10_000, maxTileBytes: 500_000 }
		});
		expect((metadata['borderline:thinning'] as { rule: string }).rule).toMatch(
			/No point is moved or added/
		);
	});

	it('puts each town in its tile at every zoom, at its own position', async () => {
		for (const z of [0, 5, 10])
			for (const town of towns.features) {
				const [lon, lat] = town.geometry.coordinates;
				const [x, y] = tileAt(lon, lat, z);
				const layer = (await decode(pm, z, x, y))?.layers['towns'];
				expect(layer, `${town.properties.name} z${z}`).toBeDefined();
				const features = Array.from({ length: layer!.length }, (_, i) => layer!.feature(i));
				const found = features.find((f) => f.properties['name'] === town.properties.name);
				expect(found, `${town.properties.name} at z${z}`).toBeDefined();
				const [gotLon = NaN, gotLat = NaN] = (found!.toGeoJSON(x, y, z).geometry as GeoJSON.Point)
					.coordinates;
				// Within one unit of the tile's 4096 grid.
				const unitDeg = 360 / 2 ** z / 4096;
				expect(Math.abs(gotLon - lon)).toBeLessThanOrEqual(unitDeg);
				expect(Math.abs(gotLat - lat)).toBeLessThanOrEqual(unitDeg);
			}
	});

	it('has no tile where there is no town, and none above its max zoom', async () => {
		expect(await pm.getZxy(10, 0, 0)).toBeUndefined();
		const [x, y] = tileAt(64.09459, 26.97186, 11);
		expect(await pm.getZxy(11, x, y)).toBeUndefined();
	});
});

describe('thinning points at low zooms', async () => {
	// 20,000 points on a 200 × 100 lattice in a 2° × 1° box: dense enough to thin below zoom 9.
	const input = join(dir, 'lattice.ndjson');
	const positions: [number, number][] = [];
	for (let i = 0; i < 200; i++)
		for (let j = 0; j < 100; j++) positions.push([62 + i * 0.01, 27 + j * 0.01]);
	writeFileSync(
		input,
		positions
			.map(
				(p, k) =>
					`{"type":"Feature","id":${k},"geometry":{"type":"Point","coordinates":[${p[0]},${p[1]}]},"properties":{"k":${k}}}`
			)
			.join('\n')
	);
	const options = {
		layer: 'lattice',
		kind: 'points' as const,
		maxZoom: 9,
		maxFeaturesPerTile: 1000,
		maxTileBytes: 500_000
	};
	const output = join(dir, 'lattice.pmtiles');
	const report = await buildTiles(input, output, options);
	const bytes = new Uint8Array(readFileSync(output));
	const pm = archive(bytes);

	it('keeps every tile below its max zoom within the feature budget', async () => {
		const header = await pm.getHeader();
		expect(header.numAddressedTiles).toBe(report.tiles);
		for (const [z, r] of Object.entries(report.tiling.byZoom)) {
			if (Number(z) < 9) expect(r.kept, `z${z}`).toBeLessThanOrEqual(r.tiles * 1000);
			if (Number(z) === 9) expect(r).toMatchObject({ kept: 20_000, of: 20_000, thinnedTiles: 0 });
		}
		const [x, y] = tileAt(63, 27.5, 4);
		const layer = (await decode(pm, 4, x, y))!.layers['lattice']!;
		expect(layer.length).toBeGreaterThan(100);
		expect(layer.length).toBeLessThanOrEqual(1000);
	});

	it('moves no point: each one kept is an input point, with its own properties', async () => {
		const [x, y] = tileAt(63, 27.5, 6);
		const layer = (await decode(pm, 6, x, y))!.layers['lattice']!;
		expect(layer.length).toBeLessThan(20_000);
		const unitDeg = 360 / 2 ** 6 / 4096;
		for (let i = 0; i < layer.length; i++) {
			const feature = layer.feature(i);
			const k = feature.properties['k'] as number;
			expect(feature.id).toBe(k);
			const [lon, lat] = (feature.toGeoJSON(x, y, 6).geometry as { coordinates: number[] })
				.coordinates as [number, number];
			expect(Math.abs(lon - positions[k]![0])).toBeLessThanOrEqual(unitDeg);
			expect(Math.abs(lat - positions[k]![1])).toBeLessThanOrEqual(unitDeg);
		}
	});

	it('is deterministic: the same input gives the same bytes', async () => {
		const again = join(dir, 'lattice-again.pmtiles');
		await buildTiles(input, again, options);
		expect(Buffer.compare(readFileSync(again), Buffer.from(bytes))).toBe(0);
	});
});

describe('writePmtiles directories', () => {
	// Every tile of zooms 0–6 (5,461 tiles), each with bytes of its own, and 64 more at zoom 7
	// with the same bytes (stored once, one run).
	const tiles: TileInput[] = [];
	for (let z = 0; z <= 6; z++)
		for (let x = 0; x < 2 ** z; x++)
			for (let y = 0; y < 2 ** z; y++)
				tiles.push({ z, x, y, data: new TextEncoder().encode(`tile ${z}/${x}/${y}`) });
	const same = new TextEncoder().encode('the same bytes');
	for (let x = 0; x < 8; x++) for (let y = 0; y < 8; y++) tiles.push({ z: 7, x, y, data: same });
	const options = {
		bounds: [-180, -85, 180, 85] as [number, number, number, number],
		minZoom: 0,
		maxZoom: 7,
		metadata: { vector_layers: [] }
	};

	it('finds every tile through leaf directories when the root would be too large', async () => {
		const written = writePmtiles(tiles, {
			...options,
			maxRootDirectoryBytes: 60,
			leafEntries: 500
		});
		expect(written.leafDirectories).toBeGreaterThan(1);
		const pm = archive(written.bytes);
		const header = await pm.getHeader();
		expect(header.rootDirectoryLength).toBeLessThanOrEqual(60);
		expect(header.leafDirectoryLength).toBeGreaterThan(0);
		expect(header.numAddressedTiles).toBe(tiles.length);
		expect(header.numTileContents).toBe(5461 + 1);
		for (const t of [tiles[0]!, tiles[1234]!, tiles[5460]!, tiles[5461]!, tiles.at(-1)!]) {
			const got = await pm.getZxy(t.z, t.x, t.y);
			expect(new TextDecoder().decode(new Uint8Array(got!.data)), `${t.z}/${t.x}/${t.y}`).toBe(
				new TextDecoder().decode(t.data)
			);
		}
		// Inside the zoom range but never written.
		expect(await pm.getZxy(7, 100, 100)).toBeUndefined();
	});

	it('keeps everything in the root directory when it fits, with the same answers', async () => {
		const written = writePmtiles(tiles, options);
		expect(written.leafDirectories).toBe(0);
		const pm = archive(written.bytes);
		const got = await pm.getZxy(6, 17, 42);
		expect(new TextDecoder().decode(new Uint8Array(got!.data))).toBe('tile 6/17/42');
	});

	it('refuses a tile given twice', () => {
		expect(() => writePmtiles([tiles[3]!, tiles[3]!], options)).toThrow(/given twice/);
	});
});
