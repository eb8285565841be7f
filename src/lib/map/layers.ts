// The layers a user can toggle (one per catalogue entry): which style layers each one drives, and
// how its opacity is applied to the style's own paint values.
import type { LayerSpecification } from 'maplibre-gl';
import { catalogue, type LayerEntry, type LayerGroup } from './catalogue';

export { layerGroups, type LayerGroup } from './catalogue';

export type ToggleLayer = {
	id: string;
	label: string;
	group: LayerGroup;
	/** Ids of the style layers this toggle shows, hides and fades. */
	mapLayers: string[];
};

/** The layer panel's toggles: one per catalogue entry. */
export function togglesOf(entries: readonly LayerEntry[]): ToggleLayer[] {
	return entries.map((entry) => ({
		id: entry.id,
		label: entry.label,
		group: entry.group,
		mapLayers: entry.style([]).map((l) => l.id)
	}));
}

/** The app's own toggles (a pack's extra layers add theirs: `togglesOf(packCatalogue(meta))`). */
export const toggleLayers: ToggleLayer[] = togglesOf(catalogue);

export type LayerSetting = { visible: boolean; opacity: number };
export type LayerSettings = Record<string, LayerSetting>;

export function defaultLayerSettings(
	toggles: readonly ToggleLayer[] = toggleLayers
): LayerSettings {
	return Object.fromEntries(toggles.map((l) => [l.id, { visible: true, opacity: 1 }]));
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
	hasData: Readonly<Record<string, boolean>> = {},
	toggles: readonly ToggleLayer[] = toggleLayers
): Set<string> {
	return new Set(
		toggles.filter((l) => settings[l.id]?.visible && hasData[l.id] !== false).map((l) => l.id)
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
	settings: LayerSettings,
	toggles: readonly ToggleLayer[] = toggleLayers
): LayerSpecification[] {
	const toggleOf = new Map(toggles.flatMap((t) => t.mapLayers.map((id) => [id, t.id])));
	return layers.map((layer) => {
		const setting = settings[toggleOf.get(layer.id) ?? ''];
		return setting ? withSetting(layer, setting) : layer;
	});
}
