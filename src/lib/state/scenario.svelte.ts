// Derived analysis for the page: the scenario context, event locations and their distances.
// Everything here is $derived from the loaded geodata, the app state and the worker results.
import { lineLengthKm, mappedEvents } from '$lib/geo/analysis';
import { borderProximity } from '$lib/geo/border';
import {
	crossBorderPairs,
	eventDistances,
	mappedLocation,
	withLineIndexes,
	type EventDistances,
	type EventLocation,
	type EventPair
} from '$lib/geo/distances';
import { buildScenario, type Scenario, type ScenarioLayers } from '$lib/geo/scenario';
import { overlapsWindow } from '$lib/geo/timeline';
import { placeLabels, type PlaceLabels } from '$lib/geo/label-points';
import {
	nameCoverage,
	placeName,
	type LocalName,
	type NameCoverage,
	type NameLanguage,
	type NamedPlace
} from '$lib/geo/place-names';
import type { ScenarioMeta } from '$lib/geo/pack';
import type { BorderLine } from '$lib/geo/border';
import type { CrossingFeature, ExtraLayerData, MappedEventFeature } from '$lib/geo/schema';
import type { LineString, MultiLineString } from 'geojson';
import { palette } from '$lib/map/palette';
import type { AnalysisStore } from './analysis.svelte';
import type { AppState } from './app.svelte';
import type { GeodataStore } from './geodata.svelte';

/** All six layers, or null while any is missing (the analysis needs every one of them). */
export function completeLayers(
	geodata: Pick<GeodataStore, 'layers' | 'extras' | 'meta'>,
	primaryLine: string | null = null
): ScenarioLayers | null {
	const { countries, provinces, borders, towns, crossings, events } = geodata.layers;
	return countries && provinces && borders && towns && crossings && events
		? {
				countries,
				provinces,
				borders,
				towns,
				crossings,
				events,
				...lineLayers(geodata),
				primaryLine
			}
		: null;
}

/**
 * The lines scenario.json says to measure to, with the extra layers' geometry. A line whose layer
 * failed to load is left out (its error is shown): the others are still measured.
 */
export function lineLayers(
	geodata: Pick<GeodataStore, 'extras' | 'meta'>
): Pick<ScenarioLayers, 'lines'> {
	const declared = geodata.meta.border.lines;
	if (!declared) return {};
	return {
		lines: declared.flatMap((l): NonNullable<ScenarioLayers['lines']>[number][] => {
			if (l.extraLayer === undefined) return [{ id: l.id, label: l.label, line: null }];
			const data = geodata.extras[l.extraLayer];
			return data ? [{ id: l.id, label: l.label, line: asBorderLine(data) }] : [];
		})
	};
}

/** An extra line layer as one border line: its features' lines as one multi-line. */
function asBorderLine(data: ExtraLayerData): BorderLine {
	const parts = data.features.flatMap((f) => {
		const g = f.geometry as LineString | MultiLineString;
		return g.type === 'LineString' ? [g.coordinates] : g.coordinates;
	});
	return {
		type: 'Feature',
		properties: {},
		geometry: { type: 'MultiLineString', coordinates: parts }
	};
}

function tryBuildScenario(layers: ScenarioLayers | null): Scenario | null {
	if (!layers) return null;
	try {
		return buildScenario(layers);
	} catch {
		return null;
	}
}

/** Where an event is measured from: its estimate when chosen and available, else its mapped point. */
function locate(
	event: MappedEventFeature,
	analysis: AnalysisStore,
	app: AppState
): [string, EventLocation] {
	const estimate = analysis.estimates.get(event.properties.id);
	if (app.locationMode !== 'estimate' || !estimate)
		return [event.properties.id, mappedLocation(event)];
	return [
		event.properties.id,
		{
			eventId: event.properties.id,
			point: estimate.centre,
			radiusKm: estimate.radiusKm,
			basis: 'estimate',
			area: estimate.area
		}
	];
}

export class ScenarioView {
	readonly scenario: Scenario | null;
	readonly events: MappedEventFeature[];
	readonly locations: ReadonlyMap<string, EventLocation>;
	readonly distances: ReadonlyMap<string, EventDistances>;
	/** Each strike by one side of the border pair against each strike by the other. */
	readonly pairs: EventPair[];
	readonly borderLengthKm: number | null;
	/**
	 * How far each border crossing (on the border by definition) is drawn from the line: direct
	 * evidence of the line's positional error.
	 */
	readonly crossingOffsets: { name: string; precisionKm: number; offsetKm: number }[];
	/** The geodesic length of every measured border line, the primary first. */
	readonly lineLengths: { id: string; label: string; km: number }[];
	/** The short label of the line measured to first. */
	readonly lineLabel: string;
	/** Every official crossing of the pack, also those no source places (listed, not drawn). */
	readonly crossings: readonly CrossingFeature[];
	/** The pack's description of the incident: title, border, actors. */
	readonly meta: ScenarioMeta;
	/** Where the map labels countries, provinces and towns; null until all three are loaded. */
	readonly placeLabels: PlaceLabels | null;
	/** For each language the pack may name places in: how many places have a sourced name. */
	readonly nameCoverage: Record<NameLanguage, NameCoverage>;
	private readonly countryNames: ReadonlyMap<string, NamedPlace>;
	private readonly app: AppState;
	private readonly actorColours: ReadonlyMap<string, string>;

	constructor(geodata: GeodataStore, app: AppState, analysis: AnalysisStore) {
		this.meta = geodata.meta;
		this.app = app;
		this.placeLabels = $derived.by(() => {
			const { countries, provinces, towns } = geodata.layers;
			if (!countries || !provinces || !towns) return null;
			return placeLabels(
				{ countries: countries.features, provinces: provinces.features, towns: towns.features },
				geodata.meta.bounds
			);
		});
		this.nameCoverage = $derived({
			fa: nameCoverage(geodata.layers, 'fa'),
			ur: nameCoverage(geodata.layers, 'ur')
		});
		this.countryNames = $derived(
			// eslint-disable-next-line svelte/prefer-svelte-reactivity -- replaced whole on each change, never mutated
			new Map(
				(geodata.layers.countries?.features ?? []).map((c) => [c.properties.name, c.properties])
			)
		);
		// eslint-disable-next-line svelte/prefer-svelte-reactivity -- built once from the pack, never mutated
		this.actorColours = new Map(geodata.meta.actors.map((a) => [a.id, a.colour]));
		this.scenario = $derived(tryBuildScenario(completeLayers(geodata, app.borderLine)));
		this.events = $derived(
			mappedEvents(geodata.layers.events?.features ?? []).filter((e) =>
				overlapsWindow(e.properties, app.timeWindow)
			)
		);
		// eslint-disable-next-line svelte/prefer-svelte-reactivity -- replaced whole on each change, never mutated
		this.locations = $derived(new Map(this.events.map((e) => locate(e, analysis, app))));
		// The lines' indexes are built once per scenario, not on each change of the time window.
		const measured = $derived(this.scenario && withLineIndexes(this.scenario));
		this.distances = $derived.by(() => {
			const scenario = measured;
			// eslint-disable-next-line svelte/prefer-svelte-reactivity -- replaced whole on each change, never mutated
			if (!scenario) return new Map();
			// eslint-disable-next-line svelte/prefer-svelte-reactivity -- replaced whole on each change, never mutated
			return new Map(
				[...this.locations.values()].map((l) => [l.eventId, eventDistances(l, scenario)])
			);
		});
		this.pairs = $derived.by(() => {
			const scenario = this.scenario;
			if (!scenario) return [];
			const actorsOf = (side: string) =>
				// eslint-disable-next-line svelte/prefer-svelte-reactivity -- a lookup built and read in one pass
				new Set(this.meta.actors.filter((a) => a.side === side).map((a) => a.id));
			const strikesBy = (side: string) => {
				const actors = actorsOf(side);
				return this.events
					.filter(
						(e) =>
							e.properties.eventType === 'Explosions/Remote violence' &&
							actors.has(e.properties.actorGroup)
					)
					.map((e) => this.locations.get(e.properties.id)!);
			};
			const [a, b] = scenario.borderCountries;
			return crossBorderPairs(strikesBy(a), strikesBy(b)).sort(
				(x, y) => x.distanceKm - y.distanceKm
			);
		});
		this.borderLengthKm = $derived(this.scenario ? lineLengthKm(this.scenario.border) : null);
		this.lineLengths = $derived(
			(this.scenario?.lines ?? []).map((l) => ({
				id: l.id,
				label: l.label,
				km: lineLengthKm(l.line)
			}))
		);
		this.lineLabel = $derived(this.scenario?.lines[0]?.label ?? 'Natural Earth 1:10m');
		this.crossings = $derived(geodata.layers.crossings?.features ?? []);
		this.crossingOffsets = $derived.by(() => {
			const scenario = this.scenario;
			if (!scenario) return [];
			return scenario.crossings.map((c) => ({
				name: c.properties.name,
				precisionKm: c.properties.precisionKm,
				offsetKm: borderProximity(c.geometry.coordinates, scenario.border).distanceKm
			}));
		});
	}

	/** An actor's colour (scenario.json "actors"); grey for one the pack does not declare. */
	actorColour(actorId: string): string {
		return this.actorColours.get(actorId) ?? palette.borderContext;
	}

	/** A place's name in the chosen language: its sourced name, else its English one. */
	placeName(place: NamedPlace): LocalName {
		return placeName(place, this.app.lang);
	}

	/** A country's name (as the pack names it in English) in the chosen language. */
	countryName(name: string): LocalName {
		return placeName(this.countryNames.get(name) ?? { name }, this.app.lang);
	}

	eventById(id: string): MappedEventFeature | undefined {
		return this.events.find((e) => e.properties.id === id);
	}
}
