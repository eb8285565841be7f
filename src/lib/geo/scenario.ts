// Assembles the analysis inputs of a scenario from its loaded layers (border pair, sides, points).
import type { BorderLine } from './border';
import type { BufferPoint } from './buffers';
import { countryAt } from './border';
import { mappedEvents } from './analysis';
import type { DistanceContext } from './distances';
import type { CrossingFeature, LayerData, MappedCrossingFeature } from './schema';

export type ScenarioLayers = {
	countries: LayerData<'countries'>;
	provinces: LayerData<'provinces'>;
	borders: LayerData<'borders'>;
	towns: LayerData<'towns'>;
	crossings: LayerData<'crossings'>;
	events: LayerData<'events'>;
	/**
	 * The lines border distances are measured to (scenario.json `border.lines`), in order: `line`
	 * null for borders.geojson's primary border, else the line's geometry (an extra layer's).
	 * Absent: the primary border alone.
	 */
	lines?: readonly { id: string; label: string; line: BorderLine | null }[];
	/** The line the user measures to first (its id); absent or unknown: the first of `lines`. */
	primaryLine?: string | null;
};

/** A border line distances are measured to, with the short label its figures carry. */
export type MeasuredLine = { id: string; label: string; line: BorderLine };

export type Scenario = DistanceContext & {
	borderName: string;
	/** The measured lines, the primary border first. */
	lines: MeasuredLine[];
	/** Involved provinces, for band statistics. */
	involvedProvinces: LayerData<'provinces'>['features'];
	/** The two countries of the border pair, as polygons. */
	sides: LayerData<'countries'>['features'];
	/** Every event, town and crossing as a point with the country it lies in. */
	points: BufferPoint[];
};

/** The crossings a source places on the map (others are listed, not measured). */
export function mappedCrossings(features: readonly CrossingFeature[]): MappedCrossingFeature[] {
	return features.filter((c): c is MappedCrossingFeature => c.geometry !== null);
}

/** Builds the analysis context; throws when the data has no primary border or its countries. */
export function buildScenario(layers: ScenarioLayers): Scenario {
	const primary = layers.borders.features.find((b) => b.properties.primary);
	if (!primary) throw new Error('borders.geojson has no primary border');
	const borderCountries = primary.properties.countries;
	const sides = borderCountries.map((name) => {
		const c = layers.countries.features.find((f) => f.properties.name === name);
		if (!c) throw new Error(`countries.geojson has no ${name}, a side of the primary border`);
		return c;
	});
	const countries = layers.countries.features;
	const points: BufferPoint[] = [
		...mappedEvents(layers.events.features).map((e) => ({
			layer: 'events' as const,
			id: e.properties.id,
			name: e.properties.title,
			country: e.properties.country,
			point: e.geometry.coordinates
		})),
		...layers.towns.features.map((t) => ({
			layer: 'towns' as const,
			id: t.properties.id,
			name: t.properties.name,
			country: t.properties.country,
			point: t.geometry.coordinates
		})),
		...mappedCrossings(layers.crossings.features).map((c) => ({
			layer: 'crossings' as const,
			id: c.properties.id,
			name: c.properties.name,
			country: countryAt(c.geometry.coordinates, sides),
			point: c.geometry.coordinates
		}))
	];
	const lines: MeasuredLine[] = (
		layers.lines ?? [{ id: 'primary', label: primary.properties.name, line: null }]
	).map((l) => ({ id: l.id, label: l.label, line: l.line ?? (primary as BorderLine) }));
	const chosen = lines.find((l) => l.id === layers.primaryLine) ?? lines[0]!;
	lines.sort((a, b) => Number(b === chosen) - Number(a === chosen));
	return {
		border: chosen.line,
		lines,
		borderName: primary.properties.name,
		borderCountries,
		countries,
		sides,
		towns: layers.towns.features,
		crossings: mappedCrossings(layers.crossings.features),
		involvedProvinces: layers.provinces.features.filter((p) => p.properties.involved),
		points
	};
}

/** What buffer bands are measured against: the border, its two sides, the involved provinces. */
export function bufferInput(scenario: Scenario) {
	return {
		border: scenario.border,
		sides: scenario.sides.map((s) => ({ name: s.properties.name, polygon: s })),
		provinces: scenario.involvedProvinces.map((p) => ({
			name: p.properties.name,
			country: p.properties.country,
			polygon: p
		})),
		points: scenario.points
	};
}
