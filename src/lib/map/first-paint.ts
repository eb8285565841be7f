// Holds the map's drawing until its first complete frame.
import type { Map as MlMap } from 'maplibre-gl';

/** The parts of MapLibre's map this reaches into: its painter, and whether labels still settle. */
type Internals = {
	painter?: { render?: (...args: unknown[]) => unknown };
	_placementDirty?: unknown;
};

/**
 * Lets the map draw nothing until every source is loaded and its labels are placed, then draws
 * it once, whole. MapLibre otherwise draws a frame each time a tile arrives: a dozen frames of a
 * half-built map, each of which a software renderer (SwiftShader, or a browser without a GPU)
 * takes 100–500 ms to show, in CPU time the tile worker needs. `npm run bench` measures the gain.
 *
 * Loading, tiling and label placement run as before: only the drawing waits. The hold ends at
 * the first complete frame, or after `maxWaitMs` whatever is still loading, so a slow or failing
 * source never leaves the map blank. Returns a function that ends the hold at once.
 *
 * This wraps MapLibre's painter, which its API does not document: if a version lacks it, the map
 * simply draws as it loads.
 */
export function paintWhenComplete(map: MlMap, maxWaitMs = 4000): () => void {
	const internals = map as unknown as Internals;
	const painter = internals.painter;
	const render = painter?.render;
	if (!painter || typeof render !== 'function') return () => {};

	let holding = true;
	const release = () => {
		if (!holding) return;
		holding = false;
		clearTimeout(timer);
		painter.render = render;
	};
	painter.render = (...args: unknown[]) => {
		// `_render` sets `_placementDirty` just before painting: a frame whose labels are still
		// being placed is followed by another, so draw that one instead.
		if (!map.loaded() || internals._placementDirty === true) return;
		release();
		return render.apply(painter, args);
	};
	// Ending the hold early (the time limit, or the caller) asks for the frame it held back.
	const stop = () => {
		if (!holding) return;
		release();
		map.triggerRepaint();
	};
	const timer = setTimeout(stop, maxWaitMs);
	return stop;
}
