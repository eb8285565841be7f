// Owner of the user's imported points: files are read, validated and measured in a worker, then
// analysed like the built-in events. A failed import never touches what was loaded before.
import type { FeatureCollection } from 'geojson';
import type { EventDistances } from '$lib/geo/distances';
import { MAX_IMPORT_BYTES, type ImportedPoint } from '$lib/geo/import';
import type { ImportRequest, ImportResponse } from '$lib/geo/import-worker';
import type { ScenarioLayers } from '$lib/geo/scenario';

export type ImportedFile = { file: string; count: number; skipped: number; warnings: string[] };

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const plural = (n: number, word: string) =>
	`${n.toLocaleString('en-GB')} ${word}${n === 1 ? '' : 's'}`;

export class ImportStore {
	points = $state.raw<ImportedPoint[]>([]);
	// eslint-disable-next-line svelte/prefer-svelte-reactivity -- not reactive state: a local value or one replaced whole
	distances = $state.raw<ReadonlyMap<string, EventDistances>>(new Map());
	files = $state.raw<ImportedFile[]>([]);
	/** The last import's failure, for role="alert". */
	error = $state<string | null>(null);
	/** Progress and outcome of the last import, for role="status". */
	status = $state<string | null>(null);
	busy = $state(false);
	/** Why imports cannot work at all (the border data failed to load), or null. */
	unavailable = $state<string | null>(null);
	readonly collection: FeatureCollection;

	private worker: Worker | null = null;
	private nextId = 1;
	// eslint-disable-next-line svelte/prefer-svelte-reactivity -- not reactive state: a local value or one replaced whole
	private pending = new Map<number, (response: ImportResponse) => void>();

	constructor() {
		this.collection = $derived({
			type: 'FeatureCollection',
			features: this.points.map((p) => ({
				type: 'Feature',
				id: p.id,
				geometry: { type: 'Point', coordinates: p.point },
				properties: { id: p.id, name: p.name }
			}))
		});
	}

	/** Starts the worker with the scenario it measures against. */
	start(layers: ScenarioLayers): void {
		this.worker?.terminate();
		// eslint-disable-next-line svelte/prefer-svelte-reactivity -- not reactive state: a local value or one replaced whole
		this.worker = new Worker(new URL('../geo/import.worker.ts', import.meta.url), {
			type: 'module'
		});
		this.worker.onmessage = (event: MessageEvent<ImportResponse>) => {
			const r = event.data;
			if (r.requestId !== undefined) this.pending.get(r.requestId)?.(r);
		};
		// A worker that dies must not leave an import waiting for ever.
		this.worker.onerror = (event) => {
			const message = `the import worker stopped (${event.message || 'unknown error'})`;
			for (const [requestId, settle] of this.pending) settle({ type: 'error', requestId, message });
			this.pending.clear();
			this.worker?.terminate();
			this.worker = null;
		};
		this.post({ type: 'init', layers });
	}

	stop(): void {
		this.worker?.terminate();
		this.worker = null;
	}

	private post(request: ImportRequest): void {
		this.worker?.postMessage(request);
	}

	/** Reads files one by one; each either adds its points or reports what is wrong with it. */
	async importFiles(files: readonly File[]): Promise<void> {
		for (const file of files) await this.importOne(file);
	}

	private async importOne(file: File): Promise<void> {
		this.error = null;
		if (file.size > MAX_IMPORT_BYTES) {
			this.error = `${file.name} was not imported: it is ${mb(file.size)}, above the ${mb(MAX_IMPORT_BYTES)} limit.`;
			return;
		}
		if (!this.worker) {
			this.error = `${file.name} was not imported: ${this.unavailable ?? 'the map data is still loading. Try again in a moment.'}`;
			return;
		}
		this.busy = true;
		this.status = `Reading ${file.name}…`;
		try {
			const text = await file.text();
			const requestId = this.nextId++;
			const done = await new Promise<Extract<ImportResponse, { type: 'imported' | 'error' }>>(
				(resolve) => {
					this.pending.set(requestId, (r) => {
						if (r.type === 'progress')
							this.status =
								r.stage === 'checking'
									? `Checking ${file.name}…`
									: `Measuring ${file.name}: ${r.done.toLocaleString('en-GB')} of ${plural(r.total, 'point')}…`;
						else resolve(r);
					});
					this.post({ type: 'import', requestId, fileName: file.name, text, sizeBytes: file.size });
				}
			);
			this.pending.delete(requestId);
			if (done.type === 'error') throw new Error(done.message);
			const { result } = done;
			if (!result.ok) {
				this.error = `${file.name} was not imported: ${result.error}`;
				this.status = null;
				return;
			}
			// Re-importing a file of the same name replaces its earlier points.
			const kept = this.points.filter((p) => p.sourceFile !== result.file);
			this.points = [...kept, ...result.points];

			// eslint-disable-next-line svelte/prefer-svelte-reactivity -- not reactive state: a local value or one replaced whole
			const distances = new Map(
				[...this.distances].filter(([id]) => kept.some((p) => p.id === id))
			);
			for (const [id, d] of done.distances) distances.set(id, d);
			this.distances = distances;
			this.files = [
				...this.files.filter((f) => f.file !== result.file),
				{
					file: result.file,
					count: result.points.length,
					skipped: result.skipped.length,
					warnings: result.warnings
				}
			];
			const skipped = result.skipped.length
				? `; skipped ${result.skipped.length} (${result.skipped
						.slice(0, 3)
						.map((s) => `${s.where}: ${s.why}`)
						.join('; ')}${result.skipped.length > 3 ? '; …' : ''})`
				: '';
			this.status = `Imported ${plural(result.points.length, 'point')} from ${file.name}${skipped}${
				result.warnings.length ? `. ${result.warnings.join(' ')}` : '.'
			}`;
		} catch (e) {
			this.error = `${file.name} could not be read: ${(e as Error).message}`;
			this.status = null;
		} finally {
			this.busy = false;
		}
	}

	remove(file: string): void {
		this.points = this.points.filter((p) => p.sourceFile !== file);
		// eslint-disable-next-line svelte/prefer-svelte-reactivity -- not reactive state: a local value or one replaced whole
		const ids = new Set(this.points.map((p) => p.id));
		// eslint-disable-next-line svelte/prefer-svelte-reactivity -- not reactive state: a local value or one replaced whole
		this.distances = new Map([...this.distances].filter(([id]) => ids.has(id)));
		this.files = this.files.filter((f) => f.file !== file);
		this.status = `Removed ${file}.`;
	}
}
