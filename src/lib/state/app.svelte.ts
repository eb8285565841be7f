// The app's interaction state: one owner for selection, hover and analysis settings, read by the
// map and the panels alike.
import type { BufferSettings } from '$lib/geo/buffers';
import type { DayWindow } from '$lib/geo/timeline';
import type { MapView } from './url';
import {
	defaultLayerSettings,
	toggleLayers,
	type LayerSettings,
	type ToggleLayer
} from '$lib/map/layers';
import type { MapLanguage } from '$lib/geo/place-names';
import { DEFAULT_BUFFER, DEFAULT_EVENT_RADIUS_KM, type LocationMode } from './defaults';
import { sameRef, type FeatureRef } from './selection';

export class AppState {
	/**
	 * The pack's layer toggles (the app's and its extra layers'), fixed for the page: what the
	 * layer panel lists, links name and `layers` holds a setting for.
	 */
	readonly toggles: readonly ToggleLayer[];
	selection = $state.raw<FeatureRef | null>(null);
	hover = $state.raw<FeatureRef | null>(null);
	/** Bumped when a panel asks the map to bring the selection into view. */
	focusRequest = $state(0);
	buffer = $state.raw<BufferSettings>(DEFAULT_BUFFER);
	/**
	 * True while a band slider is being dragged: the panels follow every step, the map redraws
	 * the bands on release (a map repaint is the one step that cannot keep up with a drag).
	 */
	bufferDragging = $state(false);
	/** Radius of the buffer drawn around the selected event, km. */
	eventRadiusKm = $state(DEFAULT_EVENT_RADIUS_KM);
	/** Whether distances use the mapped (reported or stand-in) points or constraint estimates. */
	locationMode = $state<LocationMode>('mapped');
	/**
	 * The border line distances are measured to first (scenario.json `border.lines` id); null for
	 * the pack's first line. Every figure is also given under the other lines.
	 */
	borderLine = $state<string | null>(null);
	/**
	 * The language places are named in, on the map, in the panels and in prints: a sourced name
	 * in it where the pack has one, else the English one. The interface itself stays English.
	 */
	lang = $state<MapLanguage>('en');
	/** Visibility and opacity of each toggleable layer (src/lib/map/layers.ts). */
	layers = $state.raw<LayerSettings>({});

	/** The date window events are filtered to; null shows every date. */
	timeWindow = $state.raw<DayWindow | null>(null);

	/** The camera as the map last settled (written by the map on moveend). */
	view = $state.raw<MapView | null>(null);
	/** Bumped when a link or history step asks the map to move to `view`. */
	viewRequest = $state(0);

	constructor(toggles: readonly ToggleLayer[] = toggleLayers) {
		this.toggles = toggles;
		this.layers = defaultLayerSettings(toggles);
	}

	/** Asks the map to show a view (from a link or a history step). */
	requestView(view: MapView): void {
		this.view = view;
		this.viewRequest++;
	}

	setLayer(id: string, change: Partial<{ visible: boolean; opacity: number }>): void {
		const current = this.layers[id];
		if (current) this.layers = { ...this.layers, [id]: { ...current, ...change } };
	}

	/** Selects a feature; `focus` also centres the map on it (used by the panels). */
	select(ref: FeatureRef | null, options: { focus?: boolean } = {}): void {
		if (!sameRef(ref, this.selection)) this.selection = ref;
		if (ref && options.focus) this.focusRequest++;
	}

	setHover(ref: FeatureRef | null): void {
		if (!sameRef(ref, this.hover)) this.hover = ref;
	}
}
