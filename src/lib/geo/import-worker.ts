// The import worker's logic, kept pure so it runs (and is tested) without a Worker: read a user's
// file and measure every point like the events, reporting progress as it goes.
import { bbox, coordAll, simplify } from '@turf/turf';
import { BorderIndex } from './border';
import {
	eventDistances,
	withLineIndexes,
	type DistanceContext,
	type EventDistances
} from './distances';
import { importBytes, type ImportedPoint, type SkippedItem } from './import';
import { ImportError } from './import-common';
import { CsvStream } from './import-stream';
import { mapFeaturesOf, packImport, tableBuffers, type ImportTable } from './import-table';
import { regionBox, regionWarning, type RegionBox } from './region';
import { buildScenario, type ScenarioLayers } from './scenario';

export type ImportRequest =
	| { type: 'init'; layers: ScenarioLayers }
	| {
			type: 'import';
			requestId: number;
			fileName: string;
			/** The file's bytes, decoded here (off the main thread). */
			bytes: ArrayBuffer;
			/** Unique to this import: every point id starts with it. */
			idPrefix: string;
			/** How much of a name the map labels show. */
			labelChars: number;
	  }
	| {
			/** A CSV too large to read whole: read in chunks from the file itself. */
			type: 'stream';
			requestId: number;
			file: Blob;
			fileName: string;
			idPrefix: string;
			labelChars: number;
	  }
	| { type: 'cancel'; requestId: number };

/** What became of a file: its table of points holds the rest. */
export type ImportOutcome =
	| { ok: true; file: string; skipped: SkippedItem[]; warnings: string[] }
	| { ok: false; file: string; error: string };

/** Where an import's time went (ms), for the status line and the bench. */
export type ImportTimings = { readMs: number; measureMs: number; packMs: number };

export type ImportResponse =
	| {
			type: 'progress';
			requestId: number;
			stage: 'checking' | 'measuring' | 'streaming';
			/** Points measured, or bytes read when streaming. */
			done: number;
			total: number;
			/** Streaming: points read so far. */
			points?: number;
	  }
	| {
			/**
			 * A file's points as the map draws them, sent before they are measured: MapLibre's
			 * worker parses and draws them on the other core meanwhile. Their table follows
			 * without them.
			 */
			type: 'features';
			requestId: number;
			bytes: Uint8Array;
			count: number;
	  }
	| {
			/** Streaming: one chunk's points, measured; more follow until 'imported'. */
			type: 'chunk';
			requestId: number;
			table: ImportTable;
	  }
	| {
			type: 'imported';
			requestId: number;
			outcome: ImportOutcome;
			/** The points and their distances, when the file was read. */
			table: ImportTable | null;
			timings: ImportTimings;
	  }
	| { type: 'error'; requestId?: number; message: string };

const PROGRESS_EVERY = 5_000;

export class ImportEngine {
	private context: DistanceContext | null = null;
	/** Streams asked to stop: checked between chunks. */
	private cancelled = new Set<number>();
	/** Where the scenario's places and border are: imports far from it get a warning. */
	private region: RegionBox | null = null;

	constructor(private post: (response: ImportResponse, transfer?: Transferable[]) => void) {}

	async handle(request: ImportRequest): Promise<void> {
		if (request.type === 'cancel') {
			this.cancelled.add(request.requestId);
			return;
		}
		if (request.type === 'stream') return this.stream(request);
		try {
			if (request.type === 'init') {
				const scenario = buildScenario(request.layers);
				this.context = {
					...withLineIndexes(scenario),
					// Boxes let point-in-polygon skip most countries at once.
					countries: scenario.countries.map((c) => ({ ...c, bbox: bbox(c) })),
					coarseLineIndexes: scenario.lines
						.slice(1)
						.map((l) => new BorderIndex(simplify(l.line, { tolerance: 0.01, highQuality: true })))
				};
				this.region = regionBox([
					...coordAll(scenario.border),
					...scenario.points.map((p) => p.point)
				]);
				return;
			}
			const { requestId } = request;
			this.post({ type: 'progress', requestId, stage: 'checking', done: 0, total: 1 });
			const started = performance.now();
			const result = await importBytes(
				request.fileName,
				new Uint8Array(request.bytes),
				request.idPrefix
			);
			const readMs = performance.now() - started;
			if (!result.ok) {
				this.post({
					type: 'imported',
					requestId,
					outcome: result,
					table: null,
					timings: { readMs, measureMs: 0, packMs: 0 }
				});
				return;
			}
			const t = performance.now();
			const features = mapFeaturesOf(result.points, request.labelChars);
			this.post({ type: 'features', requestId, bytes: features, count: result.points.length }, [
				features.buffer as ArrayBuffer
			]);
			const featuresMs = performance.now() - t;
			const distances = this.measure(result.points, (done, total) =>
				this.post({ type: 'progress', requestId, stage: 'measuring', done, total })
			);
			const far =
				this.region &&
				regionWarning(
					result.points.map((p) => p.point),
					this.region
				);
			if (far) result.warnings.push(far);
			const measured = performance.now();
			const table = packImport(
				result.file,
				result.points,
				distances,
				request.labelChars,
				new Uint8Array(0)
			);
			const packMs = performance.now() - measured + featuresMs;
			this.post(
				{
					type: 'imported',
					requestId,
					outcome: {
						ok: true,
						file: result.file,
						skipped: result.skipped,
						warnings: result.warnings
					},
					table,
					timings: { readMs, measureMs: measured - started - readMs - featuresMs, packMs }
				},
				tableBuffers(table)
			);
		} catch (error) {
			this.post({
				type: 'error',
				requestId: request.type === 'import' ? request.requestId : undefined,
				message: error instanceof Error ? error.message : String(error)
			});
		}
	}

	/** Every point's distances, like an event's; `progress` is told every PROGRESS_EVERY points. */
	private measure(
		points: readonly ImportedPoint[],
		progress: (done: number, total: number) => void = () => {}
	): EventDistances[] {
		const context = this.context;
		if (!context) throw new Error('import requested before the map data was loaded');
		const distances: EventDistances[] = [];
		for (let i = 0; i < points.length; i++) {
			const p = points[i]!;
			distances.push(
				eventDistances({ eventId: p.id, point: p.point, radiusKm: 0, basis: 'imported' }, context)
			);
			if ((i + 1) % PROGRESS_EVERY === 0) progress(i + 1, points.length);
		}
		return distances;
	}

	/**
	 * Reads a large CSV chunk by chunk from the file: each chunk's points are measured and sent
	 * as a table of their own, so neither the file's text nor all its points are held at once.
	 */
	private async stream(request: Extract<ImportRequest, { type: 'stream' }>): Promise<void> {
		const { requestId, fileName } = request;
		const timings: ImportTimings = { readMs: 0, measureMs: 0, packMs: 0 };
		const ext = /\.[^./\\]+$/.exec(fileName)?.[0]?.toLowerCase() ?? '';
		const csv = new CsvStream(fileName, ext, request.idPrefix);
		let points = 0;
		let far: [number, number][] = [];
		try {
			let t = performance.now();
			for await (const step of csv.steps(request.file.stream())) {
				timings.readMs += performance.now() - t;
				// A file's chunks can arrive without a pause for messages: let a 'cancel' in.
				await new Promise((resolve) => setTimeout(resolve, 0));
				if (this.cancelled.delete(requestId)) {
					this.post({ type: 'error', requestId, message: 'cancelled' });
					return;
				}
				t = performance.now();
				const distances = this.measure(step.points);
				timings.measureMs += performance.now() - t;
				t = performance.now();
				if (step.points.length) {
					const table = packImport(fileName, step.points, distances, request.labelChars);
					this.post({ type: 'chunk', requestId, table }, tableBuffers(table));
				}
				timings.packMs += performance.now() - t;
				points += step.points.length;
				// A sample is enough to tell whether the points lie far from the scenario.
				if (far.length < 10_000) far = far.concat(step.points.slice(0, 1_000).map((p) => p.point));
				this.post({
					type: 'progress',
					requestId,
					stage: 'streaming',
					done: step.bytesRead,
					total: request.file.size,
					points
				});
				t = performance.now();
			}
			const reader = csv.reader!;
			const skipped = reader.rows - points;
			const parsed = reader.finish([], points);
			if (skipped > parsed.skipped.length)
				parsed.warnings.push(
					`${skipped.toLocaleString('en-US')} rows were skipped in all; the first ` +
						`${parsed.skipped.length.toLocaleString('en-US')} are listed.`
				);
			const warning = this.region && regionWarning(far, this.region);
			if (warning) parsed.warnings.push(warning);
			this.post({
				type: 'imported',
				requestId,
				outcome: { ok: true, file: fileName, skipped: parsed.skipped, warnings: parsed.warnings },
				table: null,
				timings
			});
		} catch (error) {
			this.post({
				type: 'imported',
				requestId,
				outcome: {
					ok: false,
					file: fileName,
					error:
						error instanceof ImportError
							? error.message
							: `The file could not be read (${(error as Error).message}).`
				},
				table: null,
				timings
			});
		} finally {
			this.cancelled.delete(requestId);
		}
	}
}
