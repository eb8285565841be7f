// The imported points' tiles, from their own worker (geo/import-tiles.worker.ts): ImportStore
// publishes the runs of features to draw, and gets the URL template the map's source reads; the
// map reads each tile through a URL scheme of its own, whose loader (loadImportTile) asks here.
import type { TileRequest, TileResponse } from '$lib/geo/import-tiles-worker';

/** The URL scheme of imported points' tiles: `borderline-imported://<store>/<generation>/z/x/y`. */
export const IMPORT_TILES_SCHEME = 'borderline-imported';

/** The live tile stores of the page, by key (the first part of their URLs). */
const live = new Map<number, ImportTiles>();
let nextKey = 1;

/** The store a tile URL of the scheme names, and the tile; null for a URL not of one. */
export function tileOfUrl(
	url: string
): { tiles: ImportTiles; z: number; x: number; y: number } | null {
	const m = /^borderline-imported:\/\/(\d+)\/\d+\/(\d+)\/(\d+)\/(\d+)$/.exec(url);
	const tiles = m && live.get(Number(m[1]));
	return m && tiles ? { tiles, z: Number(m[2]), x: Number(m[3]), y: Number(m[4]) } : null;
}

/**
 * MapLibre's loader for the scheme (`maplibregl.addProtocol`): a tile of a store that is gone
 * (its page was left) is empty.
 */
export async function loadImportTile(
	params: { url: string },
	abortController: AbortController
): Promise<{ data: ArrayBuffer }> {
	const at = tileOfUrl(params.url);
	if (!at) return { data: new ArrayBuffer(0) };
	return { data: await at.tiles.tile(at.z, at.x, at.y, abortController.signal) };
}

type Settle = { resolve: (r: TileResponse) => void; reject: (e: Error) => void };

export class ImportTiles {
	private readonly key = nextKey++;
	private worker: Worker | null = null;
	private generation = 0;
	/** Each run's key, and the keys the worker has been sent. */
	private readonly runKeys = new WeakMap<Uint8Array, number>();
	private readonly sent = new Set<number>();
	private nextRun = 1;
	private nextRequest = 1;
	private readonly pending = new Map<number, Settle>();

	/**
	 * @param onfailure told why the worker stopped: the points it held are no longer drawn (their
	 *   bytes moved to it), until their files are imported again
	 */
	constructor(private onfailure: (message: string) => void = () => {}) {
		live.set(this.key, this);
	}

	/**
	 * Draws these runs of features (see `mapFeaturesOf`) from now on, in place of the last: the
	 * URL template returned is new each time, so the map's source reloads its tiles. A run is
	 * known by its array, which is emptied when it is first published (its bytes move to the
	 * worker): only the map reads them.
	 */
	publish(runs: readonly Uint8Array[]): string {
		this.generation++;
		if (runs.length || this.worker) {
			const worker = this.start();
			const message: TileRequest = { type: 'publish', runs: [] };
			const transfer: ArrayBuffer[] = [];
			for (const bytes of runs) {
				let key = this.runKeys.get(bytes);
				if (key === undefined) this.runKeys.set(bytes, (key = this.nextRun++));
				if (this.sent.has(key)) {
					message.runs.push({ key });
					continue;
				}
				message.runs.push({ key, bytes });
				// A run is handed over once, and moved rather than copied when it has a buffer of
				// its own (copying a million points' 110 MB took the main thread 0.9 s): the page
				// keeps the array, emptied, as the run's key.
				const { buffer } = bytes;
				if (
					buffer instanceof ArrayBuffer &&
					bytes.byteOffset === 0 &&
					bytes.byteLength === buffer.byteLength
				)
					transfer.push(buffer);
			}
			this.sent.clear();
			for (const { key } of message.runs) this.sent.add(key);
			worker.postMessage(message, transfer);
		}
		return `${IMPORT_TILES_SCHEME}://${this.key}/${this.generation}/{z}/{x}/{y}`;
	}

	/** Tile z/x/y of the points last published, as a vector tile (empty before any). */
	async tile(z: number, x: number, y: number, signal?: AbortSignal): Promise<ArrayBuffer> {
		if (!this.worker) return new ArrayBuffer(0);
		const r = await this.ask({ type: 'tile', requestId: 0, z, x, y }, signal);
		return r.type === 'tile' ? r.data : new ArrayBuffer(0);
	}

	/** The zoom at which a cluster splits; null when it cannot be told. */
	async expansionZoom(clusterId: number): Promise<number | null> {
		if (!this.worker) return null;
		const r = await this.ask({ type: 'expansion', requestId: 0, clusterId });
		return r.type === 'expansion' ? r.zoom : null;
	}

	/** The ids of the points the tiles are made from (for the e2e tests). */
	async ids(): Promise<string[]> {
		if (!this.worker) return [];
		const r = await this.ask({ type: 'ids', requestId: 0 });
		return r.type === 'ids' ? r.ids : [];
	}

	stop(): void {
		this.worker?.terminate();
		this.worker = null;
		this.sent.clear();
		this.fail(new Error('the tiles of imported points were stopped'));
		live.delete(this.key);
	}

	private start(): Worker {
		if (this.worker) return this.worker;
		const worker = new Worker(new URL('../geo/import-tiles.worker.ts', import.meta.url), {
			type: 'module'
		});
		worker.onmessage = (event: MessageEvent<TileResponse>) => {
			const r = event.data;
			const settle = r.requestId === undefined ? undefined : this.pending.get(r.requestId);
			if (r.requestId !== undefined) this.pending.delete(r.requestId);
			if (r.type === 'error') {
				if (settle) settle.reject(new Error(r.message));
				else this.onfailure(`the points could not be tiled (${r.message})`);
			} else settle?.resolve(r);
		};
		// A worker that dies leaves no request waiting; the next publish starts another.
		worker.onerror = (event) => {
			const message = `the tile worker stopped (${event.message || 'unknown error'})`;
			this.fail(new Error(message));
			this.onfailure(message);
			worker.terminate();
			if (this.worker === worker) this.worker = null;
			this.sent.clear();
		};
		live.set(this.key, this);
		return (this.worker = worker);
	}

	private ask(request: TileRequest & { requestId: number }, signal?: AbortSignal) {
		const worker = this.worker;
		if (!worker) return Promise.reject(new Error('no tile worker'));
		const requestId = this.nextRequest++;
		return new Promise<TileResponse>((resolve, reject) => {
			signal?.throwIfAborted();
			this.pending.set(requestId, { resolve, reject });
			signal?.addEventListener('abort', () => {
				if (this.pending.delete(requestId)) reject(signal.reason as Error);
			});
			worker.postMessage({ ...request, requestId });
		});
	}

	private fail(error: Error): void {
		for (const { reject } of this.pending.values()) reject(error);
		this.pending.clear();
	}
}
