// The page's one live map, shared through Svelte context: MapView creates and drives it, and
// everything else (print, the page's start-up work) reaches it only through here, to read it.
import { getContext, setContext } from 'svelte';
import type { Map as MlMap } from 'maplibre-gl';

const KEY = Symbol('borderline map');

export type MapStatus = 'loading' | 'idle' | 'error';

export class MapContext {
	/** The map from its creation to its removal; raw, so MapLibre's object is never proxied. */
	map = $state.raw<MlMap | null>(null);
	/** The style is parsed: sources, layers and feature state can be changed. */
	styleLoaded = $state(false);
	/** Loading until every pack file is drawn; error when the map could not start. */
	status = $state<MapStatus>('loading');
	/** Why the map could not start, in words for the user. */
	error = $state<string | null>(null);
	/**
	 * True a task after the map has drawn everything or failed: heavy work (the analysis worker,
	 * imports) waits for it, so it does not compete with the first frame.
	 */
	settled = $state(false);

	/** The map once it has drawn everything: read for its view and style, never driven. */
	get ready(): MlMap | null {
		return this.status === 'idle' ? this.map : null;
	}

	/**
	 * The style-loaded guard: `fn` runs with the map only when its style is loaded, and its result
	 * is returned; otherwise nothing runs. Read inside an effect, it reruns when the map gets there.
	 */
	whenStyled<T>(fn: (map: MlMap) => T): T | undefined {
		const m = this.map;
		return m && this.styleLoaded ? fn(m) : undefined;
	}

	/** A new map (the style not loaded yet). */
	attach(map: MlMap): void {
		this.map = map;
		this.styleLoaded = false;
		// A handle for the e2e tests and the bench (they project coordinates with it), in builds
		// made for them only (VITE_TEST_HOOKS=1): a production build leaves it out.
		if (import.meta.env.VITE_TEST_HOOKS === '1')
			(window as unknown as { borderline?: { map: MlMap } }).borderline = { map };
	}

	/** The map has drawn every layer of the pack. */
	markIdle(): void {
		if (this.status !== 'loading') return;
		this.status = 'idle';
		this.settle();
	}

	/** The map could not start; the panels still work. */
	fail(message: string): void {
		this.status = 'error';
		this.error = message;
		this.settle();
	}

	/** The map is removed with its page. */
	detach(): void {
		this.map?.remove();
		this.map = null;
		this.styleLoaded = false;
	}

	private settle() {
		setTimeout(() => (this.settled = true));
	}
}

/** Makes `context` the map of the component tree below the caller. */
export function setMapContext(context: MapContext): MapContext {
	return setContext(KEY, context);
}

/** The page's map context (set by the page that owns the map). */
export function getMapContext(): MapContext {
	const context = getContext<MapContext | undefined>(KEY);
	if (!context) throw new Error('getMapContext: no MapContext was set above this component');
	return context;
}
