// The pack worker's logic, kept pure so it runs (and is tested) without a Worker: read a zipped
// scenario pack off the main thread and answer with the pack or its problems.
import type { GeodataError } from './load';
import { readPackZip } from './pack-zip';
import type { PackExtras, PackLayers } from './pack-files';
import type { ScenarioMeta } from './pack';

export type PackRequest = { requestId: number; fileName: string; bytes: ArrayBuffer };

export type PackResponse =
	| { requestId: number; ok: true; meta: ScenarioMeta; layers: PackLayers; extras: PackExtras }
	| { requestId: number; ok: false; problems: string[] };

export function handlePackRequest({ requestId, fileName, bytes }: PackRequest): PackResponse {
	try {
		const read = readPackZip(fileName, new Uint8Array(bytes));
		return read.ok
			? { requestId, ok: true, meta: read.meta, layers: read.layers, extras: read.extras }
			: { requestId, ok: false, problems: read.problems.map((p: GeodataError) => p.message) };
	} catch (error) {
		return { requestId, ok: false, problems: [`${fileName}: ${(error as Error).message}`] };
	}
}
