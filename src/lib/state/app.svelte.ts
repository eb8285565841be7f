// The app's interaction state: one owner for selection, hover and analysis settings, read by the
// map and the panels alike.
import type { BufferSettings } from '$lib/geo/buffers';
import { DEFAULT_BUFFER, DEFAULT_EVENT_RADIUS_KM, type LocationMode } from './defaults';
import { sameRef, type FeatureRef } from './selection';

export class AppState {
	selection = $state.raw<FeatureRef | null>(null);
	hover = $state.raw<FeatureRef | null>(null);
	/** Bumped when a panel asks the map to bring the selection into view. */
	focusRequest = $state(0);
	buffer = $state.raw<BufferSettings>(DEFAULT_BUFFER);
	/** Radius of the buffer drawn around the selected event, km. */
	eventRadiusKm = $state(DEFAULT_EVENT_RADIUS_KM);
	/** Whether distances use the mapped (reported or stand-in) points or constraint estimates. */
	locationMode = $state<LocationMode>('mapped');

	/** Selects a feature; `focus` also centres the map on it (used by the panels). */
	select(ref: FeatureRef | null, options: { focus?: boolean } = {}): void {
		if (!sameRef(ref, this.selection)) this.selection = ref;
		if (ref && options.focus) this.focusRequest++;
	}

	setHover(ref: FeatureRef | null): void {
		if (!sameRef(ref, this.hover)) this.hover = ref;
	}
}
