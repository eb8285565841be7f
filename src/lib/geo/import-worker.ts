// The import worker's logic, kept pure so it runs (and is tested) without a Worker: read a user's
// file and measure every point like the events, reporting progress as it goes.
import { bbox, coordAll, simplify } from '@turf/turf';
import { BorderIndex } from './border';
import { eventDistances, type DistanceContext, type EventDistances } from './distances';
import { importBytes, type ImportResult } from './import';
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
	  };

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
			result: ImportResult;
			distances: [string, EventDistances][];
			checkMs: number;
			measureMs: number;
	  }
	| { type: 'error'; requestId?: number; message: string };

const PROGRESS_EVERY = 5_000;

export class ImportEngine {
	private context: DistanceContext | null = null;
	/** Where the scenario's places and border are: imports far from it get a warning. */
	private region: RegionBox | null = null;

	constructor(private post: (response: ImportResponse) => void) {}

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
			const checkMs = performance.now() - started;
			const distances: [string, EventDistances][] = [];
			if (result.ok) {
				const total = result.points.length;
				for (let i = 0; i < total; i++) {
					const p = result.points[i]!;
					distances.push([
						p.id,
						eventDistances(
							{ eventId: p.id, point: p.point, radiusKm: 0, basis: 'imported' },
							this.context
						)
					]);
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
			}
			this.post({
				type: 'imported',
				requestId,
				result,
				distances,
				checkMs,
				measureMs: performance.now() - started - checkMs
			});
		} catch (error) {
			this.post({
				type: 'error',
				requestId: request.type === 'import' ? request.requestId : undefined,
				message: error instanceof Error ? error.message : String(error)
			});
		}
	}
}
