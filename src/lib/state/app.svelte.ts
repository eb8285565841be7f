// The app's interaction state: one owner for selection and hover, read by the map and the panels.
import { sameRef, type FeatureRef } from './selection';

export class AppState {
	selection = $state.raw<FeatureRef | null>(null);
	hover = $state.raw<FeatureRef | null>(null);

	select(ref: FeatureRef | null): void {
		if (!sameRef(ref, this.selection)) this.selection = ref;
	}

	setHover(ref: FeatureRef | null): void {
		if (!sameRef(ref, this.hover)) this.hover = ref;
	}
}
