// Finds the feature a selection refers to in the loaded geodata.
import type {
	CrossingFeature,
	MappedEventFeature,
	ProvinceFeature,
	TownFeature
} from '$lib/geo/schema';
import type { LayerData, LayerName } from '$lib/geo/schema';
import type { FeatureRef } from './selection';

export type ResolvedFeature =
	| { layer: 'events'; feature: MappedEventFeature }
	| { layer: 'towns'; feature: TownFeature }
	| { layer: 'crossings'; feature: CrossingFeature }
	| { layer: 'provinces'; feature: ProvinceFeature };

type Layers = { [K in LayerName]?: LayerData<K> };

export function resolveRef(layers: Layers, ref: FeatureRef | null): ResolvedFeature | null {
	if (!ref) return null;
	const features = layers[ref.layer]?.features as { properties: { id: string } }[] | undefined;
	const feature = features?.find((f) => f.properties.id === ref.id);
	return feature ? ({ layer: ref.layer, feature } as ResolvedFeature) : null;
}
