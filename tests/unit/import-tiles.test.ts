// The imported points' tiles: clustered and cut as MapLibre's GeoJSON source would, encoded as
// vector tiles, decoded here with @mapbox/vector-tile (an independent reader) back to lon/lat.
import { describe, expect, it } from 'vitest';
import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import {
	IMPORT_SOURCE_LAYER,
	IMPORTED_CLUSTERS,
	ImportTileIndex,
	parseRun
} from '../../src/lib/geo/import-tiles';
import { ImportTileServer, type TileResponse } from '../../src/lib/geo/import-tiles-worker';
import { mapFeaturesOf } from '../../src/lib/geo/import-table';
import type { ImportedPoint } from '../../src/lib/geo/import-common';
import type { Point } from 'geojson';

const point = (id: string, lon: number, lat: number): ImportedPoint => ({
	id,
	name: `Site ${id}`,
	point: [lon, lat],
	properties: {},
	sourceFile: 'f.csv',
	index: 0,
	origin: 'row 1'
});

/** 400 points within about 4 km near Saravan, and one far away (the e2e test's dense file). */
const dense = Array.from({ length: 400 }, (_, i) =>
	point(`d${i}`, 62.33 + Math.floor(i / 20) * 0.002, 27.37 + (i % 20) * 0.002)
);
const lone = point('lone', 63.5, 25.5);
const run = (points: ImportedPoint[]) => mapFeaturesOf(points, 60);

/** The tile holding a lon/lat at zoom z (slippy-map numbering). */
function tileAt(lon: number, lat: number, z: number): [number, number] {
	const n = 2 ** z;
	const r = (lat * Math.PI) / 180;
	return [
		Math.floor(((lon + 180) / 360) * n),
		Math.floor(((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * n)
	];
}

type Decoded = { lon: number; lat: number; properties: Record<string, unknown> };

function decode(bytes: Uint8Array, z: number, x: number, y: number): Decoded[] {
	const layer = new VectorTile(new PbfReader(bytes)).layers[IMPORT_SOURCE_LAYER];
	if (!layer) return [];
	return Array.from({ length: layer.length }, (_, i) => {
		const f = layer.feature(i).toGeoJSON(x, y, z);
		const [lon, lat] = (f.geometry as Point).coordinates as [number, number];
		return { lon, lat, properties: f.properties ?? {} };
	});
}

/** The features of the tile holding lon/lat at zoom z. */
function featuresAt(index: ImportTileIndex, lon: number, lat: number, z: number) {
	const [x, y] = tileAt(lon, lat, z);
	return decode(index.tile(z, x, y), z, x, y);
}

const weight = (fs: Decoded[]) =>
	fs.reduce((n, f) => n + (f.properties['cluster'] ? Number(f.properties['point_count']) : 1), 0);

describe('ImportTileIndex', () => {
	const index = new ImportTileIndex(
		[parseRun(run(dense)), parseRun(run([lone]))],
		IMPORTED_CLUSTERS
	);

	it('counts every point in the one tile of zoom 0', () => {
		expect(index.count).toBe(401);
		expect(weight(decode(index.tile(0, 0, 0), 0, 0, 0))).toBe(401);
	});

	it('draws the crowd as one counted cluster and the lone site as itself, at zoom 6', () => {
		const fs = featuresAt(index, 62.35, 27.39, 6);
		const clusters = fs.filter((f) => f.properties['cluster']);
		expect(clusters).toHaveLength(1);
		expect(clusters[0]!.properties['point_count']).toBe(400);
		expect(String(clusters[0]!.properties['point_count_abbreviated'])).toBe('400');
		// The cluster sits among its points (supercluster's weighted centre).
		expect(clusters[0]!.lon).toBeGreaterThan(62.33);
		expect(clusters[0]!.lon).toBeLessThan(62.37);
		const alone = featuresAt(index, 63.5, 25.5, 6).filter((f) => f.properties['id'] === 'lone');
		expect(alone).toHaveLength(1);
		expect(alone[0]!.properties['name']).toBe('Site lone');
	});

	it('splits a cluster at its expansion zoom', () => {
		const [cluster] = featuresAt(index, 62.35, 27.39, 6).filter((f) => f.properties['cluster']);
		const zoom = index.expansionZoom(Number(cluster!.properties['cluster_id']));
		expect(zoom).toBeGreaterThan(6);
		const there = featuresAt(index, cluster!.lon, cluster!.lat, zoom!).filter(
			(f) => Math.abs(f.lon - 62.35) < 0.05 && Math.abs(f.lat - 27.39) < 0.05
		);
		expect(there.length).toBeGreaterThan(1);
	});

	it('draws every point on its own, where it is, above the cluster zoom', () => {
		const z = IMPORTED_CLUSTERS.clusterMaxZoom + 1;
		const fs = featuresAt(index, 62.33, 27.37, z);
		expect(fs.some((f) => f.properties['cluster'])).toBe(false);
		const d0 = fs.find((f) => f.properties['id'] === 'd0');
		// Within a tile unit of where it was imported (8192 units across a tile of zoom 13).
		expect(d0!.lon).toBeCloseTo(62.33, 4);
		expect(d0!.lat).toBeCloseTo(27.37, 4);
	});

	it('gives empty tiles where no point falls, and when there are none', () => {
		expect(featuresAt(index, -100, 40, 5)).toEqual([]);
		expect(new ImportTileIndex([], IMPORTED_CLUSTERS).tile(0, 0, 0)).toHaveLength(0);
	});
});

describe('ImportTileServer', () => {
	function server() {
		const sent: TileResponse[] = [];
		return { sent, s: new ImportTileServer(IMPORTED_CLUSTERS, (r) => void sent.push(r)) };
	}
	const ids = (t: ReturnType<typeof server>, requestId: number) => {
		t.s.handle({ type: 'ids', requestId });
		const r = t.sent.at(-1)!;
		return r.type === 'ids' ? r.ids : r;
	};

	it('keeps the runs it was sent, by key, and lets go of those neither published nor kept', () => {
		const t = server();
		t.s.handle({ type: 'publish', runs: [{ key: 1, bytes: run(dense.slice(0, 2)) }] });
		t.s.handle({ type: 'publish', runs: [{ key: 1 }, { key: 2, bytes: run([lone]) }] });
		expect(ids(t, 1)).toEqual(['d0', 'd1', 'lone']);
		// Run 1 off the map but kept (a file drawn early, still being imported): back without bytes.
		t.s.handle({ type: 'publish', runs: [{ key: 2 }], keep: [1] });
		expect(ids(t, 2)).toEqual(['lone']);
		t.s.handle({ type: 'publish', runs: [{ key: 2 }, { key: 1 }] });
		expect(ids(t, 3)).toEqual(['lone', 'd0', 'd1']);
		// Run 1 let go: published again without its bytes, it is reported lost, and the rest drawn.
		t.s.handle({ type: 'publish', runs: [{ key: 2 }] });
		t.s.handle({ type: 'publish', runs: [{ key: 1 }, { key: 2 }] });
		expect(t.sent.at(-1)).toEqual({
			type: 'lost',
			keys: [1],
			message: '1 of the runs were never sent'
		});
		expect(ids(t, 4)).toEqual(['lone']);
	});

	it('draws the runs it can read and reports the one it cannot', () => {
		const t = server();
		const broken = new TextEncoder().encode('{"type":"Feature",');
		t.s.handle({
			type: 'publish',
			runs: [
				{ key: 1, bytes: broken },
				{ key: 2, bytes: run([lone]) }
			]
		});
		const lost = t.sent.at(-1)!;
		expect(lost.type === 'lost' && lost.keys).toEqual([1]);
		expect(ids(t, 1)).toEqual(['lone']);
	});

	it('answers a tile request with its vector tile, by request id', () => {
		const t = server();
		t.s.handle({ type: 'publish', runs: [{ key: 7, bytes: run([lone]) }] });
		const [x, y] = tileAt(63.5, 25.5, 8);
		t.s.handle({ type: 'tile', requestId: 9, z: 8, x, y });
		const r = t.sent.at(-1)!;
		expect(r.type === 'tile' && r.requestId).toBe(9);
		const fs = decode(new Uint8Array((r as { data: ArrayBuffer }).data), 8, x, y);
		expect(fs.map((f) => f.properties['id'])).toEqual(['lone']);
	});
});
