// The analysis worker's message handling, kept pure so it runs (and is tested) without a Worker.
import { mappedEvents } from './analysis';
import {
	bufferBand,
	prepareBufferContext,
	type BandResult,
	type BandSide,
	type BufferContext,
	type BufferSettings
} from './buffers';
import { estimateLocation, type LocationEstimate } from './estimate';
import { bufferInput, buildScenario, type ScenarioLayers } from './scenario';

export type WorkerRequest =
	| { type: 'init'; layers: ScenarioLayers }
	| { type: 'bands'; requestId: number; settings: BufferSettings };

export type WorkerResponse =
	| { type: 'ready'; estimates: LocationEstimate[]; computeMs: number }
	| { type: 'bands'; requestId: number; bands: BandResult[]; computeMs: number }
	| { type: 'error'; requestId?: number; message: string };

/** Bands already computed, by distance and side: dragging one slider recomputes only its band. */
const CACHE_SIZE = 48;

export class AnalysisEngine {
	private context: BufferContext | null = null;
	/**
	 * The other measured lines' contexts: each band's areas are also given under them. Prepared
	 * at the first band request, so the estimates are ready without waiting for them.
	 */
	private others: { lineId: string; label: string; context: BufferContext }[] | null = null;
	private prepareOthers: () => { lineId: string; label: string; context: BufferContext }[] =
		() => [];
	private cache = new Map<string, BandResult>();

	handle(request: WorkerRequest): WorkerResponse {
		const started = performance.now();
		try {
			if (request.type === 'init') {
				const scenario = buildScenario(request.layers);
				const input = bufferInput(scenario);
				this.context = prepareBufferContext(input);
				this.others = null;
				this.prepareOthers = () =>
					scenario.lines.slice(1).map((l) => ({
						lineId: l.id,
						label: l.label,
						context: prepareBufferContext({ ...input, border: l.line })
					}));
				this.cache.clear();
				const estimates = mappedEvents(request.layers.events.features)
					.map((e) => estimateLocation(e, scenario))
					.filter((e): e is LocationEstimate => e !== null);
				return { type: 'ready', estimates, computeMs: performance.now() - started };
			}
			if (!this.context) throw new Error('analysis requested before the data was loaded');
			const bands = request.settings.distancesKm.map((d) => this.band(d, request.settings.side));
			return {
				type: 'bands',
				requestId: request.requestId,
				bands,
				computeMs: performance.now() - started
			};
		} catch (error) {
			return {
				type: 'error',
				requestId: request.type === 'bands' ? request.requestId : undefined,
				message: error instanceof Error ? error.message : String(error)
			};
		}
	}

	private band(distanceKm: number, side: BandSide): BandResult {
		const key = `${distanceKm}|${side}`;
		let result = this.cache.get(key);
		if (!result) {
			result = {
				...bufferBand(this.context!, distanceKm, side),
				otherLines: (this.others ??= this.prepareOthers()).map(({ lineId, label, context }) => {
					const { byCountry, byProvince } = bufferBand(context, distanceKm, side);
					return { lineId, label, byCountry, byProvince };
				})
			};
			if (this.cache.size >= CACHE_SIZE) this.cache.delete(this.cache.keys().next().value!);
		} else this.cache.delete(key);
		this.cache.set(key, result);
		return result;
	}
}
