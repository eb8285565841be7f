// The imported points' tile server, as plain code the worker entry (import-tiles.worker.ts) and
// the unit tests drive: it keeps each run of features it was sent, and answers tile requests
// from the index of the runs last published.
import { ImportTileIndex, parseRun, type ClusterOptions } from './import-tiles';

export type TileRequest =
	/**
	 * The runs to draw now, by key, with `bytes` for a run this server does not hold yet; `keep`
	 * names runs to hold without drawing them (a file drawn early whose import is still under
	 * way). Every other run is let go.
	 */
	| { type: 'publish'; runs: { key: number; bytes?: Uint8Array }[]; keep?: number[] }
	| { type: 'tile'; requestId: number; z: number; x: number; y: number }
	| { type: 'expansion'; requestId: number; clusterId: number }
	| { type: 'ids'; requestId: number };

export type TileResponse =
	| { type: 'tile'; requestId: number; data: ArrayBuffer }
	| { type: 'expansion'; requestId: number; zoom: number | null }
	| { type: 'ids'; requestId: number; ids: string[] }
	/** Runs this server could not hold (unreadable, or never sent): the page sends them again. */
	| { type: 'lost'; keys: number[]; message: string }
	| { type: 'error'; requestId?: number; message: string };

export class ImportTileServer {
	private runs = new Map<number, ReturnType<typeof parseRun>>();
	private index: ImportTileIndex;

	constructor(
		private clusters: ClusterOptions,
		private send: (response: TileResponse, transfer?: Transferable[]) => void
	) {
		this.index = new ImportTileIndex([], clusters);
	}

	handle(request: TileRequest): void {
		try {
			switch (request.type) {
				case 'publish': {
					const held = new Map<number, ReturnType<typeof parseRun>>();
					const drawn: ReturnType<typeof parseRun>[] = [];
					const lost: number[] = [];
					const problems: string[] = [];
					const hold = (key: number, bytes?: Uint8Array) => {
						let run = held.get(key) ?? this.runs.get(key);
						if (!run && bytes)
							try {
								run = parseRun(bytes);
							} catch (e) {
								problems.push((e as Error).message);
							}
						if (run) held.set(key, run);
						else lost.push(key);
						return run;
					};
					for (const { key, bytes } of request.runs) {
						const run = hold(key, bytes);
						if (run) drawn.push(run);
					}
					for (const key of request.keep ?? []) hold(key);
					// Runs neither drawn nor kept (a file removed) are let go; the points that could be
					// read are drawn.
					this.runs = held;
					this.index = new ImportTileIndex(drawn, this.clusters);
					if (lost.length)
						this.send({
							type: 'lost',
							keys: lost,
							message: problems[0] ?? `${lost.length} of the runs were never sent`
						});
					return;
				}
				case 'tile': {
					const { buffer, byteOffset, byteLength } = this.index.tile(
						request.z,
						request.x,
						request.y
					);
					const data = buffer.slice(byteOffset, byteOffset + byteLength) as ArrayBuffer;
					return this.send({ type: 'tile', requestId: request.requestId, data }, [data]);
				}
				case 'expansion':
					return this.send({
						type: 'expansion',
						requestId: request.requestId,
						zoom: this.index.expansionZoom(request.clusterId)
					});
				case 'ids':
					return this.send({ type: 'ids', requestId: request.requestId, ids: this.index.ids() });
			}
		} catch (e) {
			this.send({
				type: 'error',
				requestId: 'requestId' in request ? request.requestId : undefined,
				message: (e as Error).message
			});
		}
	}
}
