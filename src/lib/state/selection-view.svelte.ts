// The selection, resolved once: the selected feature (an imported point included) with what the
// analysis knows of it. The map, the panels and print all read this one object.
import type { EventDistances } from '$lib/geo/distances';
import type { LocationEstimate } from '$lib/geo/estimate';
import type { AnalysisStore } from './analysis.svelte';
import type { AppState } from './app.svelte';
import type { GeodataStore } from './geodata.svelte';
import type { ImportStore } from './imports.svelte';
import { resolveRef, type ResolvedFeature } from './lookup';
import type { ScenarioView } from './scenario.svelte';

export class SelectionView {
	/** The selected feature, or null when nothing (or nothing that exists) is selected. */
	readonly feature: ResolvedFeature | null;
	/** The selected event's id, when an event is selected. */
	readonly eventId: string | null;
	/** Distances of the selected event (inside the time window) or imported point. */
	readonly distances: EventDistances | undefined;
	/** The selected event's location estimate from its reported distances, when it has one. */
	readonly estimate: LocationEstimate | undefined;

	constructor(
		geodata: GeodataStore,
		app: AppState,
		view: ScenarioView,
		analysis: AnalysisStore,
		imports: ImportStore
	) {
		this.feature = $derived(
			resolveRef(geodata.layers, app.selection, (id) => imports.pointById(id))
		);
		this.eventId = $derived(
			this.feature?.layer === 'events' ? this.feature.feature.properties.id : null
		);
		this.distances = $derived(
			this.feature?.layer === 'events'
				? view.distances.get(this.feature.feature.properties.id)
				: this.feature?.layer === 'imported'
					? imports.distances.get(this.feature.feature.id)
					: undefined
		);
		this.estimate = $derived(this.eventId ? analysis.estimates.get(this.eventId) : undefined);
	}
}
