// The page's side of the imported points' tiles (ImportTiles), against the real tile server in a
// stand-in Worker whose messages are structured clones with transfers, as a browser's are: a
// buffer handed over is detached here too.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { IMPORTED_CLUSTERS } from '../../src/lib/geo/import-tiles';
import { ImportTileServer, type TileRequest } from '../../src/lib/geo/import-tiles-worker';
import { mapFeaturesOf } from '../../src/lib/geo/import-table';
import type { ImportedPoint } from '../../src/lib/geo/import-common';
import { ImportTiles, tileOfUrl } from '../../src/lib/state/import-tiles';

class FakeWorker {
	static all: FakeWorker[] = [];
	onmessage: ((event: { data: unknown }) => void) | null = null;
	onerror: ((event: { message: string }) => void) | null = null;
	terminated = false;
	private server = new ImportTileServer(IMPORTED_CLUSTERS, (response, transfer = []) => {
		const data = structuredClone(response, { transfer });
		queueMicrotask(() => this.onmessage?.({ data }));
	});
	constructor() {
		FakeWorker.all.push(this);
	}
	postMessage(message: TileRequest, transfer: Transferable[] = []) {
		const copy = structuredClone(message, { transfer });
		queueMicrotask(() => !this.terminated && this.server.handle(copy));
	}
	terminate() {
		this.terminated = true;
	}
}

const point = (id: string, lon: number, lat: number): ImportedPoint => ({
	id,
	name: id,
	point: [lon, lat],
	properties: {},
	sourceFile: 'f.csv',
	index: 0,
	origin: 'row 1'
});
const run = (...points: ImportedPoint[]) => mapFeaturesOf(points, 60);

describe('ImportTiles', () => {
	beforeEach(() => {
		FakeWorker.all = [];
		vi.stubGlobal('Worker', FakeWorker);
	});
	afterEach(() => vi.unstubAllGlobals());

	it('draws nothing and starts no worker before points are published', async () => {
		const tiles = new ImportTiles();
		const url = tiles.publish([]);
		expect(tileOfUrl(url.replace('{z}/{x}/{y}', '0/0/0'))?.tiles).toBe(tiles);
		expect(await tiles.ids()).toEqual([]);
		expect((await tiles.tile(0, 0, 0)).byteLength).toBe(0);
		expect(FakeWorker.all).toHaveLength(0);
		tiles.stop();
		expect(tileOfUrl(url.replace('{z}/{x}/{y}', '0/0/0'))).toBeNull();
	});

	it('moves each run to the worker once, and gives a new URL each time', async () => {
		const tiles = new ImportTiles();
		const a = run(point('a', 62, 27));
		const first = tiles.publish([a]);
		expect(a.byteLength, 'moved, not copied').toBe(0);
		const second = tiles.publish([a, run(point('b', 63, 26))]);
		expect(second).not.toBe(first);
		expect(await tiles.ids()).toEqual(['a', 'b']);
		tiles.stop();
	});

	it('keeps a file drawn early that another change took off the map, and draws it again', async () => {
		const failures: string[] = [];
		const tiles = new ImportTiles((why) => failures.push(why));
		const a = run(point('a', 62, 27));
		const early = run(point('e1', 61, 28), point('e2', 61.1, 28));
		tiles.publish([a]);
		tiles.publish([a, early]);
		// Another file removed while `early` is still being measured: off the map, held.
		tiles.publish([a], [early]);
		expect(await tiles.ids()).toEqual(['a']);
		// Its import done: back on the map, though its bytes were moved long ago.
		expect(() => tiles.publish([a, early])).not.toThrow();
		expect(await tiles.ids()).toEqual(['a', 'e1', 'e2']);
		expect(failures).toEqual([]);
		tiles.stop();
	});

	it('says so when its worker stops, and draws what is imported after', async () => {
		const failures: string[] = [];
		const tiles = new ImportTiles((why) => failures.push(why));
		const a = run(point('a', 62, 27));
		tiles.publish([a]);
		const waiting = tiles.ids();
		FakeWorker.all[0]!.onerror!({ message: 'out of memory' });
		await expect(waiting).rejects.toThrow('the tile worker stopped (out of memory)');
		expect(failures).toEqual(['the tile worker stopped (out of memory)']);
		// `a` went with the worker; a new file is drawn by a new one, and nothing throws.
		expect(() => tiles.publish([a, run(point('b', 63, 26))])).not.toThrow();
		expect(FakeWorker.all).toHaveLength(2);
		expect(await tiles.ids()).toEqual(['b']);
		tiles.stop();
	});
});
