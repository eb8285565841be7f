// Owner of the scenario pack opened from a .zip in this tab: read and checked in a worker; shown
// only when every file passes, so a broken pack never replaces the scenario on screen.
import type { PackRequest, PackResponse } from '$lib/geo/pack-worker';
import { MAX_PACK_ZIP_BYTES } from '$lib/geo/pack-zip';
import { isolate } from '$lib/format';
import { formatMb as mb } from '$lib/geo/size';
import type { Pack } from '$lib/packs';

export class PackOpener {
	/** The opened pack, shown instead of the page's own until closed. */
	pack = $state.raw<Extract<Pack, { layers: object }> | null>(null);
	/** Why the last pack could not be opened: its problems, each with file and path. */
	problems = $state.raw<string[]>([]);
	status = $state<string | null>(null);
	busy = $state(false);

	private worker: Worker | null = null;
	private nextId = 1;

	async open(file: File): Promise<void> {
		this.problems = [];
		const name = isolate(file.name);
		if (file.size > MAX_PACK_ZIP_BYTES) {
			this.status = null;
			this.problems = [
				`${name} is ${mb(file.size)}; a zipped pack may be at most ${mb(MAX_PACK_ZIP_BYTES)}.`
			];
			return;
		}
		this.busy = true;
		this.status = `Reading ${name}…`;
		try {
			const bytes = await file.arrayBuffer();
			// eslint-disable-next-line svelte/prefer-svelte-reactivity -- a worker's address, not state
			this.worker ??= new Worker(new URL('../geo/pack.worker.ts', import.meta.url), {
				type: 'module'
			});
			const worker = this.worker;
			const requestId = this.nextId++;
			const response = await new Promise<PackResponse>((resolve, reject) => {
				worker.onmessage = (event: MessageEvent<PackResponse>) => {
					if (event.data.requestId === requestId) resolve(event.data);
				};
				worker.onerror = (event) => reject(new Error(event.message || 'the pack reader stopped'));
				const request: PackRequest = { requestId, fileName: file.name, bytes };
				worker.postMessage(request, [bytes]);
			});
			if (!response.ok) {
				this.status = null;
				this.problems = response.problems;
				return;
			}
			this.pack = {
				meta: response.meta,
				layers: response.layers,
				extras: response.extras,
				openedFrom: file.name
			};
			this.status = `Opened ${name}: ${response.meta.title}.`;
		} catch (error) {
			this.status = null;
			this.problems = [`${name} could not be read: ${(error as Error).message}`];
			this.worker?.terminate();
			this.worker = null;
		} finally {
			this.busy = false;
		}
	}

	/** Back to the page's own pack. */
	close(): void {
		this.pack = null;
		this.status = null;
	}
}

/** One per tab: the routes show its pack in place of theirs, the switcher opens and closes it. */
export const packOpener = new PackOpener();
