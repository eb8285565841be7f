// The imported points' tile server, as plain code the worker entry (import-tiles.worker.ts) and
// the unit tests drive: it keeps each run of features it was sent, and answers tile requests
// from the index of the runs last published.
import { ImportTileIndex, parseRun, type ClusterOptions } from './import-tiles';

export type TileRequest =
	/** The runs to draw now, by key; `bytes` only for a run this server has not been sent yet. */
	| { type: 'publish'; runs: { key: number; bytes?: Uint8Array }[] }
	| { type: 'tile'; requestId: number; z: number; x: number; y: number }
	| { type: 'expansion'; requestId: number; clusterId: number }
	| { type: 'ids'; requestId: number };

export type TileResponse =
	| { type: 'tile'; requestId: number; data: ArrayBuffer }
	| { type: 'expansion'; requestId: number; zoom: number | null }
	| { type: 'ids'; requestId: number; ids: string[] }
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
					const kept = new Map<number, ReturnType<typeof parseRun>>();
					for (const { key, bytes } of request.runs) {
						const run = this.runs.get(key) ?? (bytes ? parseRun(bytes) : undefined);
						if (!run) throw new Error(`run ${key} was never sent`);
						kept.set(key, run);
					}
					// Runs no longer drawn (a file removed) are let go.
					this.runs = kept;
					this.index = new ImportTileIndex([...kept.values()], this.clusters);
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
