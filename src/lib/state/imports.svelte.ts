// Owner of the user's imported points: files are read, validated and measured in a worker, then
// analysed like the built-in events. A failed import never touches what was loaded before.
import type { FeatureCollection } from 'geojson';
import { withPrimaryLine, type EventDistances } from '$lib/geo/distances';
import { clip, isolate, LABEL_CHARS } from '$lib/format';
import { MAX_IMPORT_BYTES, slugify, type ImportedPoint } from '$lib/geo/import';
import type { ImportRequest, ImportResponse } from '$lib/geo/import-worker';
import type { ScenarioLayers } from '$lib/geo/scenario';
import { formatMb as mb } from '$lib/geo/size';
import { replaceFile } from './import-merge';

export type ImportedFile = { file: string; count: number; skipped: number; warnings: string[] };

const plural = (n: number, word: string) =>
	`${n.toLocaleString('en-GB')} ${word}${n === 1 ? '' : 's'}`;

export class ImportStore {
	points = $state.raw<ImportedPoint[]>([]);
	/** The points' distances as the worker measured them, to every border line. */
	// eslint-disable-next-line svelte/prefer-svelte-reactivity -- not reactive state: a local value or one replaced whole
	measured = $state.raw<ReadonlyMap<string, EventDistances>>(new Map());
	/** The same, under the border line the user measures to first. */
	readonly distances: ReadonlyMap<string, EventDistances>;
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
	/** Counts imports: each one's point ids start with its own number, so no two collide. */
	private imported = 0;
	// eslint-disable-next-line svelte/prefer-svelte-reactivity -- not reactive state: a local value or one replaced whole
	private pending = new Map<number, (response: ImportResponse) => void>();

	/**
	 * @param onremoved told the ids of points that are gone (a file removed or imported again),
	 *   so whoever holds a selection of one can clear it
	 */
	constructor(
		private onremoved: (ids: ReadonlySet<string>) => void = () => {},
		/** The chosen border line's id (null: the pack's first). */
		lineId: () => string | null = () => null
	) {
		this.distances = $derived.by(() => {
			const id = lineId();
			if (id === null) return this.measured;
			// eslint-disable-next-line svelte/prefer-svelte-reactivity -- replaced whole on each change, never mutated
			return new Map([...this.measured].map(([k, d]) => [k, withPrimaryLine(d, id)]));
		});
		this.collection = $derived({
			type: 'FeatureCollection',
			features: this.points.map((p) => ({
				type: 'Feature',
				id: p.id,
				geometry: { type: 'Point', coordinates: p.point },
				// A label is drawn from the start of the name only: MapLibre cannot lay out a label
				// of more than 16,384 characters, and a long one costs every frame.
				properties: { id: p.id, name: clip(p.name, LABEL_CHARS, false) }
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

	private post(request: ImportRequest, transfer: Transferable[] = []): void {
		this.worker?.postMessage(request, transfer);
	}

	/** Reads files one by one; each either adds its points or reports what is wrong with it. */
	async importFiles(files: readonly File[]): Promise<void> {
		for (const file of files) await this.importOne(file);
	}

	private async importOne(file: File): Promise<void> {
		this.error = null;
		const name = isolate(file.name);
		if (file.size > MAX_IMPORT_BYTES) {
			this.error = `${name} was not imported: it is ${mb(file.size)}, above the ${mb(MAX_IMPORT_BYTES)} limit.`;
			return;
		}
		if (!this.worker) {
			this.error = `${name} was not imported: ${this.unavailable ?? 'the map data is still loading. Try again in a moment.'}`;
			return;
		}
		this.busy = true;
		this.status = `Reading ${name}…`;
		try {
			const bytes = await file.arrayBuffer();
			const requestId = this.nextId++;
			const idPrefix = `f${++this.imported}-${slugify(file.name)}`;
			const done = await new Promise<Extract<ImportResponse, { type: 'imported' | 'error' }>>(
				(resolve) => {
					this.pending.set(requestId, (r) => {
						if (r.type === 'progress')
							this.status =
								r.stage === 'checking'
									? `Checking ${name}…`
									: `Measuring ${name}: ${r.done.toLocaleString('en-GB')} of ${plural(r.total, 'point')}…`;
						else resolve(r);
					});
					this.post({ type: 'import', requestId, fileName: file.name, bytes, idPrefix }, [bytes]);
				}
			);
			this.pending.delete(requestId);
			if (done.type === 'error') throw new Error(done.message);
			const { result } = done;
			if (!result.ok) {
				this.error = `${name} was not imported: ${result.error}`;
				this.status = null;
				return;
			}
			// Re-importing a file of the same name replaces its earlier points.
			this.apply(
				replaceFile(
					{ points: this.points, distances: this.measured },
					result.file,
					result.points,
					done.distances
				)
			);
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
			this.status = `Imported ${plural(result.points.length, 'point')} from ${name}${skipped}${
				result.warnings.length ? `. ${result.warnings.join(' ')}` : '.'
			}`;
		} catch (e) {
			this.error = `${name} could not be read: ${(e as Error).message}`;
			this.status = null;
		} finally {
			this.busy = false;
		}
	}

	private apply(next: ReturnType<typeof replaceFile>): void {
		this.points = next.points;
		this.measured = next.distances;
		if (next.removed.size) this.onremoved(next.removed);
	}

	remove(file: string): void {
		this.apply(replaceFile({ points: this.points, distances: this.measured }, file));
		this.files = this.files.filter((f) => f.file !== file);
		this.status = `Removed ${isolate(file)}.`;
	}
}
