// The layers a user can toggle, grouped for the layer panel: which map layers each one drives,
// its legend entries, and how its opacity is applied to the style's own paint values.
import type { LayerSpecification } from 'maplibre-gl';

export const layerGroups = [
	'Context',
	'Border region',
	'Provinces',
	'Events',
	'Analysis',
	'Your data'
] as const;
export type LayerGroup = (typeof layerGroups)[number];

export type ToggleLayer = {
	id: string;
	label: string;
	group: LayerGroup;
	/** Ids of the style layers this toggle shows, hides and fades. */
	mapLayers: string[];
};

export const toggleLayers: ToggleLayer[] = [
	{
		id: 'countries',
		label: 'Countries',
		group: 'Context',
		mapLayers: ['countries-fill', 'countries-outline']
	},
	{
		id: 'towns',
		label: 'Towns',
		group: 'Context',
		mapLayers: ['towns-circle', 'towns-label']
	},
	{
		id: 'crossings',
		label: 'Border crossings',
		group: 'Context',
		mapLayers: ['crossings-circle', 'crossings-label']
	},
	{
		id: 'border',
		label: 'Primary border',
		group: 'Border region',
		mapLayers: ['borders-primary']
	},
	{
		id: 'other-borders',
		label: 'Other borders',
		group: 'Border region',
		mapLayers: ['borders-context']
	},
	{
		id: 'provinces',
		label: 'Provinces',
		group: 'Provinces',
		mapLayers: ['provinces-fill', 'provinces-outline']
	},
	{
		id: 'events',
		label: 'Events',
		group: 'Events',
		mapLayers: ['events-halo', 'events-symbol', 'events-label']
	},
	{
		id: 'precision',
		label: 'Location uncertainty',
		group: 'Events',
		mapLayers: ['precision-fill', 'precision-outline']
	},
	{
		id: 'bands',
		label: 'Buffer bands',
		group: 'Analysis',
		mapLayers: ['bands-fill', 'bands-outline']
	},
	{
		id: 'estimates',
		label: 'Location estimates',
		group: 'Analysis',
		mapLayers: ['estimates-fill', 'estimates-outline', 'estimate-centres', 'estimate-centres-label']
	},
	{
		id: 'event-buffer',
		label: 'Selected event: buffer and border connector',
		group: 'Analysis',
		mapLayers: ['event-buffer-outline', 'connector']
	},
	{
		id: 'imported',
		label: 'Imported points',
		group: 'Your data',
		mapLayers: ['imported-clusters', 'imported-circle', 'imported-cluster-count', 'imported-label']
	}
];

export type LayerSetting = { visible: boolean; opacity: number };
export type LayerSettings = Record<string, LayerSetting>;

export function defaultLayerSettings(): LayerSettings {
	return Object.fromEntries(toggleLayers.map((l) => [l.id, { visible: true, opacity: 1 }]));
}

const OPACITY_PROPS: Partial<Record<LayerSpecification['type'], string[]>> = {
	fill: ['fill-opacity'],
	line: ['line-opacity'],
	circle: ['circle-opacity', 'circle-stroke-opacity'],
	symbol: ['text-opacity', 'icon-opacity']
};

/**
 * Paint properties that fade a style layer by `factor` (0–1), multiplying the opacity the style
 * itself gives the layer, so a half-transparent fill stays proportionally lighter.
 */
export function opacityPaint(layer: LayerSpecification, factor: number): [string, unknown][] {
	const paint = ('paint' in layer ? layer.paint : undefined) as Record<string, unknown> | undefined;
	return (OPACITY_PROPS[layer.type] ?? []).map((prop) => {
		const base = paint?.[prop];
		// A data-driven base (e.g. shown only on hover) keeps its expression, scaled.
		if (Array.isArray(base)) return [prop, ['*', base, factor]];
		return [prop, (typeof base === 'number' ? base : 1) * factor];
	});
}

/**
 * The toggles that are on and draw something now: what the legend lists.
 * @param hasData toggle id → whether its data holds anything now; a toggle not named always has
 */
export function shownToggles(
	settings: LayerSettings,
	hasData: Readonly<Record<string, boolean>> = {}
): Set<string> {
	return new Set(
		toggleLayers.filter((l) => settings[l.id]?.visible && hasData[l.id] !== false).map((l) => l.id)
	);
}

/** A style layer with a toggle's visibility and opacity applied, as the map would hold it. */
function withSetting(layer: LayerSpecification, setting: LayerSetting): LayerSpecification {
	const paint = {
		...(('paint' in layer ? layer.paint : undefined) as Record<string, unknown> | undefined),
		...Object.fromEntries(opacityPaint(layer, setting.opacity))
	};
	return {
		...layer,
		layout: { ...layer.layout, visibility: setting.visible ? 'visible' : 'none' },
		paint
	} as LayerSpecification;
}

/** The style's layers with the layer settings applied, so a new map starts as the panel says. */
export function applyLayerSettings(
	layers: LayerSpecification[],
	settings: LayerSettings
): LayerSpecification[] {
	const toggleOf = new Map(toggleLayers.flatMap((t) => t.mapLayers.map((id) => [id, t.id])));
	return layers.map((layer) => {
		const setting = settings[toggleOf.get(layer.id) ?? ''];
		return setting ? withSetting(layer, setting) : layer;
	});
}
