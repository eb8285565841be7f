// Owner of the worker-computed analysis: location estimates and buffer bands.
// Requests are coalesced: while one is computing only the latest new one is kept, so a slider
// drag never queues up stale work and the main thread never blocks on Turf.
import type { WorkerRequest, WorkerResponse } from '$lib/geo/analysis-worker';
import type { BandResult, BufferSettings } from '$lib/geo/buffers';
import type { LocationEstimate } from '$lib/geo/estimate';
import type { ScenarioLayers } from '$lib/geo/scenario';

export class AnalysisStore {
	// eslint-disable-next-line svelte/prefer-svelte-reactivity -- replaced whole on each change, never mutated
	estimates = $state.raw<ReadonlyMap<string, LocationEstimate>>(new Map());
	bands = $state.raw<BandResult[]>([]);
	/** The settings the current `bands` were computed for. */
	bandSettings = $state.raw<BufferSettings | null>(null);
	status = $state<'idle' | 'starting' | 'computing' | 'ready' | 'error'>('idle');
	error = $state<string | null>(null);
	lastComputeMs = $state<number | null>(null);

	private worker: Worker | null = null;
	private ready = false;
	private inFlight: { id: number; settings: BufferSettings } | null = null;
	private pending: BufferSettings | null = null;
	private nextId = 1;

	/** The border line the worker measures to first (see `ScenarioLayers.primaryLine`). */
	startedLine: string | null = null;

	/** Starts the worker on a scenario; a running one is replaced (another border line chosen). */
	start(layers: ScenarioLayers): void {
		this.worker?.terminate();
		this.startedLine = layers.primaryLine ?? null;
		// What was shown or asked for is computed again by the new worker.
		this.pending = this.pending ?? this.inFlight?.settings ?? this.bandSettings;
		this.inFlight = null;
		// eslint-disable-next-line svelte/prefer-svelte-reactivity -- a fixed module URL, not state
		this.worker = new Worker(new URL('../geo/analysis.worker.ts', import.meta.url), {
			type: 'module'
		});
		this.worker.onmessage = (event: MessageEvent<WorkerResponse>) => this.receive(event.data);
		this.worker.onerror = (event) => this.fail(`the analysis worker failed: ${event.message}`);
		this.status = 'starting';
		this.ready = false;
		this.post({ type: 'init', layers });
	}

	/** Asks for bands; while a request is computing, only the newest settings are kept. */
	requestBands(settings: BufferSettings): void {
		if (!this.ready || this.inFlight) {
			this.pending = settings;
			return;
		}
		const id = this.nextId++;
		this.inFlight = { id, settings };
		this.status = 'computing';
		this.post({ type: 'bands', requestId: id, settings });
	}

	stop(): void {
		this.worker?.terminate();
		this.worker = null;
	}

	private post(request: WorkerRequest): void {
		this.worker?.postMessage(request);
	}

	private fail(message: string): void {
		this.status = 'error';
		this.error = message;
	}

	private receive(response: WorkerResponse): void {
		if (response.type === 'error') {
			this.inFlight = null;
			this.fail(response.message);
		} else if (response.type === 'ready') {
			this.ready = true;
			// eslint-disable-next-line svelte/prefer-svelte-reactivity -- replaced whole on each change, never mutated
			this.estimates = new Map(response.estimates.map((e) => [e.eventId, e]));
			this.status = 'ready';
			this.lastComputeMs = response.computeMs;
		} else if (response.requestId === this.inFlight?.id) {
			this.bands = response.bands;
			this.bandSettings = this.inFlight.settings;
			this.lastComputeMs = response.computeMs;
			this.inFlight = null;
			this.status = 'ready';
		}
		const next = this.pending;
		if (this.ready && !this.inFlight && next) {
			this.pending = null;
			this.requestBands(next);
		}
	}
}
