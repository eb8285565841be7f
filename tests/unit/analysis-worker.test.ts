// The worker's engine: estimates at init, bands on request, and errors as messages.
import { describe, expect, it } from 'vitest';
import { AnalysisEngine } from '../../src/lib/geo/analysis-worker';
import type { BandSide } from '../../src/lib/geo/buffers';
import { readScenarioLayers } from './helpers';

const layers = readScenarioLayers();

describe('AnalysisEngine', () => {
	it('answers a band request before init with an error message, not a throw', () => {
		const engine = new AnalysisEngine();
		const response = engine.handle({
			type: 'bands',
			requestId: 7,
			settings: { distancesKm: [10], side: 'both' }
		});
		expect(response).toMatchObject({ type: 'error', requestId: 7 });
	});

	it('computes estimates at init and bands on request', () => {
		const engine = new AnalysisEngine();
		const ready = engine.handle({ type: 'init', layers });
		expect(ready.type).toBe('ready');
		if (ready.type !== 'ready') return;
		expect(ready.estimates.map((e) => e.eventId).sort()).toEqual([
			'panjgur-2024-01-16',
			'saravan-2024-01-18'
		]);
		const bands = engine.handle({
			type: 'bands',
			requestId: 1,
			settings: { distancesKm: [10, 25], side: 'Iran' as BandSide }
		});
		expect(bands.type).toBe('bands');
		if (bands.type !== 'bands') return;
		expect(bands.requestId).toBe(1);
		expect(bands.bands.map((b) => [b.distanceKm, b.side])).toEqual([
			[10, 'Iran'],
			[25, 'Iran']
		]);
		// A repeated request is served from the cache: the same objects come back.
		const again = engine.handle({
			type: 'bands',
			requestId: 2,
			settings: { distancesKm: [25], side: 'Iran' as BandSide }
		});
		expect(again.type === 'bands' && again.bands[0]).toBe(bands.bands[1]);
	});
});
