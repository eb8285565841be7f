// Owner of the user's imported points: files are read, validated and measured in a worker, which
// sends each file back as a table of columns (cheap to receive); the points and their distances are
// rebuilt from it as they are read. A failed import never touches what was loaded before.
import { isolate, LABEL_CHARS } from '$lib/format';
import { MAX_IMPORT_BYTES, slugify, type ImportedPoint } from '$lib/geo/import';
import { MAX_STREAM_BYTES } from '$lib/geo/import-common';
import { tablePoint, tableRowsWithin, type ImportTable } from '$lib/geo/import-table';
import type { ImportRequest, ImportResponse, ImportTimings } from '$lib/geo/import-worker';
import type { ScenarioLayers } from '$lib/geo/scenario';
import { formatMb as mb } from '$lib/geo/size';
import { ImportTiles } from './import-tiles';
import { distanceLookup, indexTables, replaceFile, type DistanceLookup } from './import-merge';

export type ImportedFile = { file: string; count: number; skipped: number; warnings: string[] };

const plural = (n: number, word: string) =>
	`${n.toLocaleString('en-GB')} ${word}${n === 1 ? '' : 's'}`;

export class ImportStore {
	/** One table per imported file, in import order. */
	tables = $state.raw<ImportTable[]>([]);
	/** How many points are imported, over every file. */
	readonly count: number;
	/** Every imported point, file by file: made when first read (an export), not on import. */
	readonly points: ImportedPoint[];
	/** The points' distances as the worker measured them, under the line the user measures to first. */
	readonly distances: DistanceLookup;
	/** Makes the map's tiles of the points, in a worker of its own. */
	readonly tiles = new ImportTiles((why) => {
		this.error = `The map stopped drawing the imported points: ${why}. Import the files again to draw them.`;
	});
	/**
	 * The points as the map draws them: the URL template of their tiles, new whenever they
	 * change. The tiles are made in a worker, so 100,000 points never cross the page's main
	 * thread as objects, neither here nor in MapLibre.
	 */
	mapData = $state.raw<string>(this.tiles.publish([]));
	files = $state.raw<ImportedFile[]>([]);
	/** The last import's failure, for role="alert". */
	error = $state<string | null>(null);
	/** Progress and outcome of the last import, for role="status". */
	status = $state<string | null>(null);
	busy = $state(false);
	/** How far the current import is (bytes when read in chunks, else points measured). */
	progress = $state.raw<{ done: number; total: number } | null>(null);
	/** The request reading a large file in chunks, which can be cancelled; null when none. */
	streaming = $state<number | null>(null);
	/** Why imports cannot work at all (the border data failed to load), or null. */
	unavailable = $state<string | null>(null);
	/** Where the last import's time went (ms); also in the page's performance timeline. */
	lastTimings = $state.raw<(ImportTimings & { receiveMs: number }) | null>(null);

	private worker: Worker | null = null;
	private nextId = 1;
	/** Counts imports: each one's point ids start with its own number, so no two collide. */
	private imported = 0;
	// eslint-disable-next-line svelte/prefer-svelte-reactivity -- not reactive state: a local value or one replaced whole
	private pending = new Map<number, (response: ImportResponse) => void>();
	/** The feature runs the map was last given, to tell when it has them already. */
	private drawn: readonly Uint8Array[] = [];
	/** The runs of files drawn early whose import is still under way. */
	// eslint-disable-next-line svelte/prefer-svelte-reactivity -- not reactive state: a local value or one replaced whole
	private drawnEarly = new Set<Uint8Array>();
	/** Each table's points, once made. */
	private made = new WeakMap<ImportTable, ImportedPoint[]>();

	/**
	 * @param onremoved told the ids of points that are gone (a file removed or imported again),
	 *   so whoever holds a selection of one can clear it
	 */
	constructor(
		private onremoved: (ids: ReadonlySet<string>) => void = () => {},
		/** The chosen border line's id (null: the pack's first). */
		private lineId: () => string | null = () => null
	) {
		this.count = $derived(this.tables.reduce((n, t) => n + t.count, 0));
		this.points = $derived(this.tables.flatMap((t) => this.pointsOf(t)));
		this.where = $derived(indexTables(this.tables));
		this.distances = $derived(distanceLookup(this.where, lineId()));
	}

	/** Where each point's id lies (made when first needed: a selection, a lookup). */
	private readonly where: ReadonlyMap<string, [ImportTable, number]>;

	/** The imported point with this id, if any. */
	pointById(id: string): ImportedPoint | undefined {
		const at = this.where.get(id);
		return at && this.pointsOf(at[0])[at[1]];
	}

	/** A table's points, made once. */
	private pointsOf(t: ImportTable): ImportedPoint[] {
		let points = this.made.get(t);
		if (!points) {
			points = Array.from({ length: t.count }, (_, i) => tablePoint(t, i));
			this.made.set(t, points);
		}
		return points;
	}

	/**
	 * The imported points inside a band: on the chosen line's side list and within `km` of it,
	 * read from the tables' columns. Only the first `sample` are made into points (the panel names
	 * a few and counts the rest).
	 */
	within(
		km: number,
		sides: readonly string[],
		sample: number
	): { count: number; points: ImportedPoint[] } {
		const line = this.lineId();
		let count = 0;
		const points: ImportedPoint[] = [];
		for (const t of this.tables) {
			const rows = tableRowsWithin(t, km, line, sides);
			count += rows.length;
			for (const i of rows.slice(0, Math.max(0, sample - points.length)))
				points.push(this.made.get(t)?.[i] ?? tablePoint(t, i));
		}
		return { count, points };
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
		this.tiles.stop();
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
		// A CSV too large to read whole is read in chunks from the file itself.
		const streamed = file.size > MAX_IMPORT_BYTES && /\.(csv|tsv|txt)$/i.test(file.name);
		const limit = streamed ? MAX_STREAM_BYTES : MAX_IMPORT_BYTES;
		if (file.size > limit) {
			this.error =
				`${name} was not imported: it is ${mb(file.size)}, above the ${mb(limit)} limit` +
				(streamed ? '.' : ' (a CSV may be larger: it is read in chunks).');
			return;
		}
		if (!this.worker) {
			this.error = `${name} was not imported: ${this.unavailable ?? 'the map data is still loading. Try again in a moment.'}`;
			return;
		}
		this.busy = true;
		this.status = `Reading ${name}…`;
		const requestId = this.nextId++;
		const chunks: ImportTable[] = [];
		let early: Uint8Array | null = null;
		try {
			const idPrefix = `f${++this.imported}-${slugify(file.name)}`;
			const request: ImportRequest = streamed
				? {
						type: 'stream',
						requestId,
						file,
						fileName: file.name,
						idPrefix,
						labelChars: LABEL_CHARS
					}
				: {
						type: 'import',
						requestId,
						fileName: file.name,
						bytes: await file.arrayBuffer(),
						idPrefix,
						labelChars: LABEL_CHARS
					};
			if (streamed) this.streaming = requestId;
			const done = await new Promise<Extract<ImportResponse, { type: 'imported' | 'error' }>>(
				(resolve) => {
					this.pending.set(requestId, (r) => {
						if (r.type === 'chunk') chunks.push(r.table);
						else if (r.type === 'features') {
							// Drawn now, measured meanwhile: the table follows without them.
							early = r.bytes;
							this.drawnEarly.add(r.bytes);
							this.setMapData([
								...this.tables.filter((t) => t.file !== file.name),
								{ count: r.count, mapFeatures: r.bytes }
							]);
						} else if (r.type === 'progress') {
							this.progress = { done: r.done, total: r.total };
							this.status =
								r.stage === 'checking'
									? `Checking ${name}…`
									: r.stage === 'streaming'
										? `Reading ${name}: ${mb(r.done)} of ${mb(r.total)}, ${plural(r.points ?? 0, 'point')} measured…`
										: `Measuring ${name}: ${r.done.toLocaleString('en-GB')} of ${plural(r.total, 'point')}…`;
						} else resolve(r);
					});
					this.post(request, request.type === 'import' ? [request.bytes] : []);
				}
			);
			this.pending.delete(requestId);
			if (done.type === 'error') {
				if (done.message === 'cancelled') {
					this.status = `Cancelled: nothing was imported from ${name}.`;
					return;
				}
				throw new Error(done.message);
			}
			const { outcome } = done;
			const tables = done.table
				? [{ ...done.table, mapFeatures: early ?? done.table.mapFeatures }]
				: chunks;
			if (!outcome.ok || !tables.length) {
				this.error = `${name} was not imported: ${outcome.ok ? 'nothing was read' : outcome.error}`;
				this.status = null;
				return;
			}
			const received = performance.now();
			const count = tables.reduce((n, t) => n + t.count, 0);
			// Re-importing a file of the same name replaces its earlier points.
			this.apply(replaceFile(this.tables, outcome.file, tables));
			this.files = [
				...this.files.filter((f) => f.file !== outcome.file),
				{
					file: outcome.file,
					count,
					skipped: outcome.skipped.length,
					warnings: outcome.warnings
				}
			];
			this.timed(done.timings, performance.now() - received);
			const skipped = outcome.skipped.length
				? `; skipped ${outcome.skipped.length} (${outcome.skipped
						.slice(0, 3)
						.map((s) => `${s.where}: ${s.why}`)
						.join('; ')}${outcome.skipped.length > 3 ? '; …' : ''})`
				: '';
			this.status = `Imported ${plural(count, 'point')} from ${name}${skipped}${
				outcome.warnings.length ? `. ${outcome.warnings.join(' ')}` : '.'
			}`;
		} catch (e) {
			this.error = `${name} could not be read: ${(e as Error).message}`;
			this.status = null;
		} finally {
			// Drawn early but not imported after all: the map shows what is imported.
			if (early) this.drawnEarly.delete(early);
			if (early && !this.tables.some((t) => t.mapFeatures === early)) this.setMapData(this.tables);
			this.pending.delete(requestId);
			this.busy = false;
			this.progress = null;
			this.streaming = null;
		}
	}

	/** Stops the file being read in chunks; nothing of it is kept. */
	cancel(): void {
		if (this.streaming !== null) this.post({ type: 'cancel', requestId: this.streaming });
	}

	/** Keeps an import's timings, and marks them in the page's performance timeline. */
	private timed(timings: ImportTimings, receiveMs: number): void {
		this.lastTimings = { ...timings, receiveMs };
		for (const [name, duration] of Object.entries(this.lastTimings))
			performance.measure(`import: ${name.replace(/Ms$/, '')}`, {
				start: performance.now() - duration,
				duration
			});
	}

	private apply(next: ReturnType<typeof replaceFile>): void {
		this.tables = next.tables;
		this.setMapData(next.tables);
		if (next.removed.size) this.onremoved(next.removed);
	}

	/**
	 * The map's imported points: the tables' runs of features, drawn by the tile worker. Files
	 * drawn early and still being imported are held there even when another change (a file
	 * removed meanwhile) leaves them off the map for now, since their bytes were moved to it.
	 */
	private setMapData(tables: readonly Pick<ImportTable, 'count' | 'mapFeatures'>[]): void {
		// By count: a run the map was given is emptied (ImportTiles.publish moves its bytes).
		const features = tables.filter((t) => t.count > 0).map((t) => t.mapFeatures);
		// The same features as drawn already (a file drawn early, then measured): nothing to redo.
		if (features.length === this.drawn.length && features.every((f, i) => f === this.drawn[i]))
			return;
		this.drawn = features;
		this.mapData = this.tiles.publish(features, [...this.drawnEarly]);
	}

	remove(file: string): void {
		this.apply(replaceFile(this.tables, file));
		this.files = this.files.filter((f) => f.file !== file);
		this.status = `Removed ${isolate(file)}.`;
	}
}
