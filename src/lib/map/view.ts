// The map's opening view and its interaction rules, kept apart from the component for testing.
import type { LngLatBoundsLike } from 'maplibre-gl';
import { interactiveMapLayers } from './style';
import type { FeatureRef } from '$lib/state/selection';
import type { ScenarioMeta } from '$lib/geo/pack';

/** A pack's opening view (scenario.json "bounds"), as MapLibre takes it. */
export function packBounds(meta: Pick<ScenarioMeta, 'bounds'>): LngLatBoundsLike {
	const { west, south, east, north } = meta.bounds;
	return [
		[west, south],
		[east, north]
	];
}

/** Click and hover priority when features overlap: points before areas. */
export const pickOrder: string[] = Object.keys(interactiveMapLayers);

type RenderedFeature = { layer: { id: string }; properties: Record<string, unknown> | null };

/**
 * The feature a click or hover at a point refers to, by layer priority (topmost first within a
 * layer). Events can share a stand-in location; passing the current selection makes a repeated
 * click on the same spot step to the next feature there instead of re-selecting the same one.
 */
export function pickFeature(
	features: readonly RenderedFeature[],
	current: FeatureRef | null = null
): FeatureRef | null {
	for (const mapLayer of pickOrder) {
		const layer = interactiveMapLayers[mapLayer]!;
		const ids = features
			.filter((f) => f.layer.id === mapLayer)
			.map((f) => f.properties?.['id'])
			.filter((id): id is string => typeof id === 'string');
		if (ids.length === 0) continue;
		const at = current?.layer === layer ? ids.indexOf(current.id) : -1;
		return { layer, id: ids[(at + 1) % ids.length]! };
	}
	return null;
}
