// Holds the map's drawing until it has something worth showing: a first frame with the essential
// layers (the border and the events), then the complete one.
import type { Map as MlMap } from 'maplibre-gl';

/** The parts of MapLibre's map this reaches into: its painter, and whether labels still settle. */
type Internals = {
	painter?: { render?: (...args: unknown[]) => unknown };
	_placementDirty?: unknown;
};

/** The performance-timeline mark of the first frame with the essential sources drawn. */
export const FIRST_MEANINGFUL_PAINT = 'map: first meaningful paint';

/**
 * Lets the map draw two frames while it loads instead of a dozen: the first once the `essential`
 * sources are loaded (the border and events, before the labels and the rest), marked in the
 * page's performance timeline as FIRST_MEANINGFUL_PAINT, then none until every source is loaded
 * and its labels are placed, when it draws the map whole. MapLibre otherwise draws a frame each
 * time a tile arrives: each of them a software renderer (SwiftShader, or a browser without a
 * GPU) takes 100–500 ms to show, in CPU time the tile worker needs. `npm run bench` measures
 * both frames against a bare page. With no essential source, the first frame is the whole map.
 *
 * Loading, tiling and label placement run as before: only the drawing waits. The hold ends at
 * the complete frame, or after `maxWaitMs` whatever is still loading, so a slow or failing source
 * never leaves the map blank. Returns a function that ends the hold at once.
 *
 * This wraps MapLibre's painter, which its API does not document: if a version lacks it, the map
 * simply draws as it loads.
 */
export function paintWhenComplete(
	map: MlMap,
	maxWaitMs = 4000,
	essential: readonly string[] = [],
	/** Whether the essential sources have been given their data (the app's state is loaded). */
	given: () => boolean = () => true
): () => void {
	const internals = map as unknown as Internals;
	const painter = internals.painter;
	const render = painter?.render;
	if (!painter || typeof render !== 'function') return () => {};

	let holding = true;
	/** The frame with the essential sources is drawn (and marked). */
	let marked = false;
	const release = () => {
		if (!holding) return;
		holding = false;
		clearTimeout(timer);
		painter.render = render;
	};
	// A source the style does not have (a pack without it) is not waited for.
	const essentialLoaded = () =>
		essential.length > 0 &&
		given() &&
		essential.every((id) => !map.getSource(id) || map.isSourceLoaded(id));
	/** Draws a frame; the first one drawn is marked (when there are essential sources). */
	const draw = (args: unknown[]) => {
		const drawn = render.apply(painter, args);
		if (!marked && essential.length) performance.mark(FIRST_MEANINGFUL_PAINT);
		marked = true;
		return drawn;
	};
	painter.render = (...args: unknown[]) => {
		// `_render` sets `_placementDirty` just before painting: a frame whose labels are still
		// being placed is followed by another, so draw that one instead.
		if (map.loaded() && internals._placementDirty !== true) release();
		else if (marked || !essentialLoaded()) return;
		return draw(args);
	};
	// Ending the hold early (the time limit, or the caller) asks for the frame it held back,
	// which is then the first picture, and marked as such.
	const stop = () => {
		if (!holding) return;
		release();
		if (!marked && essential.length)
			painter.render = (...args: unknown[]) => {
				painter.render = render;
				return draw(args);
			};
		map.triggerRepaint();
	};
	const timer = setTimeout(stop, maxWaitMs);
	return stop;
}
