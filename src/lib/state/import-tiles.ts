// The imported points' tiles, from their own worker (geo/import-tiles.worker.ts): ImportStore
// publishes the runs of features to draw, and gets the URL template the map's source reads; the
// map reads each tile through a URL scheme of its own, whose loader (loadImportTile) asks here.
import type { TileRequest, TileResponse } from '$lib/geo/import-tiles-worker';
import { IMPORT_TILES_SCHEME } from '$lib/geo/import-tiles';

export { IMPORT_TILES_SCHEME };

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
	/** Each run's key; the keys of the runs the worker holds; the runs whose bytes were moved. */
	private readonly runKeys = new WeakMap<Uint8Array, number>();
	private held = new Set<number>();
	private readonly moved = new WeakSet<Uint8Array>();
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
	 * Draws these runs of features (see `mapFeaturesOf`) from now on, in place of the last, and
	 * holds the `keep` runs without drawing them (a file drawn early, still being imported, that
	 * another change took off the map for now); the worker lets every other run go. The URL
	 * template returned is new each time, so the map's source reloads its tiles.
	 *
	 * A run is known by its array. Its bytes are handed over once, and moved rather than copied
	 * when they have a buffer of their own (copying a million points' 110 MB took the main thread
	 * 0.9 s): the page keeps the array, emptied, as the run's key. A run whose bytes went to a
	 * worker that stopped cannot be sent again: it is left out (the failure was reported).
	 */
	publish(runs: readonly Uint8Array[], keep: readonly Uint8Array[] = []): string {
		this.generation++;
		if (runs.length || this.worker) {
			const worker = this.start();
			const message = {
				type: 'publish' as const,
				runs: [] as { key: number; bytes?: Uint8Array }[],
				keep: [] as number[]
			};
			const transfer: ArrayBuffer[] = [];
			for (const bytes of runs) {
				const key = this.keyOf(bytes);
				if (this.held.has(key)) message.runs.push({ key });
				else if (!this.moved.has(bytes)) {
					message.runs.push({ key, bytes });
					const { buffer } = bytes;
					if (
						buffer instanceof ArrayBuffer &&
						bytes.byteLength > 0 &&
						bytes.byteOffset === 0 &&
						bytes.byteLength === buffer.byteLength
					) {
						transfer.push(buffer);
						this.moved.add(bytes);
					}
				}
			}
			for (const bytes of keep) {
				const key = this.keyOf(bytes);
				if (this.held.has(key)) message.keep.push(key);
			}
			this.held = new Set([...message.runs.map((r) => r.key), ...message.keep]);
			worker.postMessage(message satisfies TileRequest, transfer);
		}
		return `${IMPORT_TILES_SCHEME}://${this.key}/${this.generation}/{z}/{x}/{y}`;
	}

	private keyOf(bytes: Uint8Array): number {
		let key = this.runKeys.get(bytes);
		if (key === undefined) this.runKeys.set(bytes, (key = this.nextRun++));
		return key;
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
		this.held.clear();
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
			if (r.type === 'lost') {
				// Runs the worker could not hold: those whose bytes were moved are gone from the map.
				for (const key of r.keys) this.held.delete(key);
				return this.onfailure(`some points could not be tiled (${r.message})`);
			}
			const settle = this.pending.get(r.requestId ?? -1);
			if (r.requestId !== undefined) this.pending.delete(r.requestId);
			if (r.type === 'error') {
				if (settle) settle.reject(new Error(r.message));
				// An answer to a request given up meanwhile (aborted) is no failure.
				else if (r.requestId === undefined)
					this.onfailure(`the points could not be tiled (${r.message})`);
			} else settle?.resolve(r);
		};
		// A worker that dies leaves no request waiting; the next publish starts another.
		worker.onerror = (event) => {
			const message = `the tile worker stopped (${event.message || 'unknown error'})`;
			this.fail(new Error(message));
			this.onfailure(message);
			worker.terminate();
			if (this.worker === worker) this.worker = null;
			this.held.clear();
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
