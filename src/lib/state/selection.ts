// What can be picked on the map or in a panel: a feature of one of the interactive layers.
export const interactiveLayers = ['events', 'imported', 'towns', 'crossings', 'provinces'] as const;
export type InteractiveLayer = (typeof interactiveLayers)[number];

/** What one feature of each layer is called in sentences ("no such imported point"). */
export const featureNouns: Record<InteractiveLayer, string> = {
	events: 'event',
	imported: 'imported point',
	towns: 'town',
	crossings: 'crossing',
	provinces: 'province'
};

/** A reference to one feature: its layer and its `id` property. */
export type FeatureRef = { layer: InteractiveLayer; id: string };

export function sameRef(a: FeatureRef | null, b: FeatureRef | null): boolean {
	return a === b || (a !== null && b !== null && a.layer === b.layer && a.id === b.id);
}
