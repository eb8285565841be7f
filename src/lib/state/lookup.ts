// Finds the feature a selection refers to: in the loaded geodata, or among the user's imports.
import type {
	CrossingFeature,
	LayerData,
	LayerName,
	MappedEventFeature,
	ProvinceFeature,
	TownFeature
} from '$lib/geo/schema';
import type { ImportedPoint } from '$lib/geo/import';
import type { FeatureRef } from './selection';

export type ResolvedFeature =
	| { layer: 'events'; feature: MappedEventFeature }
	| { layer: 'towns'; feature: TownFeature }
	| { layer: 'crossings'; feature: CrossingFeature }
	| { layer: 'provinces'; feature: ProvinceFeature }
	| { layer: 'imported'; feature: ImportedPoint };

type Layers = { [K in LayerName]?: LayerData<K> };

/**
 * @param importedById finds an imported point by its id (the import store's index: a search
 *   through 100,000 points on every selection would be felt)
 */
export function resolveRef(
	layers: Layers,
	ref: FeatureRef | null,
	importedById: (id: string) => ImportedPoint | undefined = () => undefined
): ResolvedFeature | null {
	if (!ref) return null;
	if (ref.layer === 'imported') {
		const point = importedById(ref.id);
		return point ? { layer: 'imported', feature: point } : null;
	}
	const features = layers[ref.layer]?.features as
		{ properties: { id: string }; geometry: unknown }[] | undefined;
	// Events without a location (diplomatic ones) are timeline-only: they cannot be selected.
	const feature = features?.find((f) => f.properties.id === ref.id && f.geometry !== null);
	return feature ? ({ layer: ref.layer, feature } as ResolvedFeature) : null;
}
