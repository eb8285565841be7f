// The import worker's logic, kept pure so it runs (and is tested) without a Worker: read a user's
// file and measure every point like the events, reporting progress as it goes.
import { bbox, coordAll, simplify } from '@turf/turf';
import { BorderIndex } from './border';
import { eventDistances, type DistanceContext, type EventDistances } from './distances';
import { importBytes, type SkippedItem } from './import';
import { packImport, tableBuffers, type ImportTable } from './import-table';
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
	  };

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
			stage: 'checking' | 'measuring';
			done: number;
			total: number;
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
	/** Where the scenario's places and border are: imports far from it get a warning. */
	private region: RegionBox | null = null;

	constructor(private post: (response: ImportResponse, transfer?: Transferable[]) => void) {}

	async handle(request: ImportRequest): Promise<void> {
		try {
			if (request.type === 'init') {
				const scenario = buildScenario(request.layers);
				this.context = {
					...scenario,
					// Boxes let point-in-polygon skip most countries at once.
					countries: scenario.countries.map((c) => ({ ...c, bbox: bbox(c) })),
					borderIndex: new BorderIndex(scenario.border),
					lineIndexes: scenario.lines.slice(1).map((l) => new BorderIndex(l.line)),
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
			if (!this.context) throw new Error('import requested before the map data was loaded');
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
			const distances: EventDistances[] = [];
			const total = result.points.length;
			for (let i = 0; i < total; i++) {
				const p = result.points[i]!;
				distances.push(
					eventDistances(
						{ eventId: p.id, point: p.point, radiusKm: 0, basis: 'imported' },
						this.context
					)
				);
				if ((i + 1) % PROGRESS_EVERY === 0)
					this.post({ type: 'progress', requestId, stage: 'measuring', done: i + 1, total });
			}
			const far =
				this.region &&
				regionWarning(
					result.points.map((p) => p.point),
					this.region
				);
			if (far) result.warnings.push(far);
			const measured = performance.now();
			const table = packImport(result.file, result.points, distances, request.labelChars);
			const packMs = performance.now() - measured;
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
					timings: { readMs, measureMs: measured - started - readMs, packMs }
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
}
