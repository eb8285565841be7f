// The page's background work, started in order: the pack's files load at once; the analysis
// worker and the import worker start once the map has drawn (their start-up takes seconds of CPU
// that would otherwise compete with MapLibre's own worker); buffer settings go to the worker.
import type { AnalysisStore } from './analysis.svelte';
import type { AppState } from './app.svelte';
import type { GeodataStore } from './geodata.svelte';
import type { ImportStore } from './imports.svelte';
import { completeLayers, lineLayers } from './scenario.svelte';

type Inputs = {
	geodata: GeodataStore;
	app: AppState;
	analysis: AnalysisStore;
	imports: ImportStore;
	/** True once the map has drawn everything or failed to start. */
	mapSettled: () => boolean;
};

/** Installs the start-up effects; call while a component is being set up. */
export function startBackgroundWork({ geodata, app, analysis, imports, mapSettled }: Inputs): void {
	// Another border line chosen: the worker restarts on it (bands and estimates are measured
	// from the line first in the list).
	$effect(() => {
		const layers = completeLayers(geodata, app.borderLine);
		if (!mapSettled() || !layers) return;
		if (analysis.status === 'idle' || analysis.startedLine !== app.borderLine)
			analysis.start(layers);
	});

	// Imports need only the countries and the border; other missing layers just measure nothing.
	let importsStarted = false;
	$effect(() => {
		if (!mapSettled() || geodata.status !== 'ready' || importsStarted) return;
		importsStarted = true;
		const { countries, borders, provinces, towns, crossings, events } = geodata.layers;
		const none = { type: 'FeatureCollection' as const, features: [] };
		if (countries && borders)
			imports.start({
				countries,
				borders,
				provinces: provinces ?? none,
				towns: towns ?? none,
				crossings: crossings ?? none,
				events: events ?? none,
				...lineLayers(geodata)
			});
		else
			imports.unavailable =
				'imports are measured against the countries and the border, which could not be loaded.';
	});

	// Buffer settings → worker (coalesced there).
	$effect(() => {
		analysis.requestBands(app.buffer);
	});
}
