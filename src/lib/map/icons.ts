// Event symbols drawn in code (no sprite file): one shape per actor of the scenario pack, so
// colour is never the only signal. Rasterised with 4×4 supersampling for smooth edges at any
// pixel ratio.
import type { Actor, Shape } from '$lib/geo/pack';
import { palette } from './palette';

export type { Shape };

/** Signed test: is (x, y) inside the shape of half-size r centred at the origin? */
function inside(shape: Shape, x: number, y: number, r: number): boolean {
	switch (shape) {
		case 'circle':
			return x * x + y * y <= r * r;
		case 'square':
			return Math.abs(x) <= r * 0.85 && Math.abs(y) <= r * 0.85;
		case 'diamond':
			return Math.abs(x) + Math.abs(y) <= r;
		case 'triangle': {
			// Upward triangle with its centroid at the origin.
			const top = -r;
			const bottom = r * 0.75;
			if (y < top || y > bottom) return false;
			const halfWidth = ((y - top) / (bottom - top)) * r * 1.05;
			return Math.abs(x) <= halfWidth;
		}
	}
}

const rgb = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));

/**
 * An RGBA image of a filled shape with an outline, `sizePx` CSS pixels wide at `pixelRatio`.
 * @returns the object MapLibre's addImage takes, plus the pixel ratio to register it with
 */
export function shapeIcon(
	shape: Shape,
	fill: string,
	stroke: string,
	sizePx = 18,
	pixelRatio = 1,
	strokePx = 2
) {
	const size = Math.round(sizePx * pixelRatio);
	const r = size / 2 - 0.5;
	const inner = r - strokePx * pixelRatio;
	const [fr, fg, fb] = rgb(fill);
	const [sr, sg, sb] = rgb(stroke);
	const data = new Uint8Array(size * size * 4);
	const samples = 4;
	for (let py = 0; py < size; py++)
		for (let px = 0; px < size; px++) {
			let inFill = 0;
			let inShape = 0;
			for (let sy = 0; sy < samples; sy++)
				for (let sx = 0; sx < samples; sx++) {
					const x = px + (sx + 0.5) / samples - size / 2;
					const y = py + (sy + 0.5) / samples - size / 2;
					if (inside(shape, x, y, r)) {
						inShape++;
						if (inside(shape, x, y, inner)) inFill++;
					}
				}
			const n = samples * samples;
			const alpha = inShape / n;
			if (alpha === 0) continue;
			const f = inFill / Math.max(1, inShape);
			const i = (py * size + px) * 4;
			data[i] = Math.round(fr! * f + sr! * (1 - f));
			data[i + 1] = Math.round(fg! * f + sg! * (1 - f));
			data[i + 2] = Math.round(fb! * f + sb! * (1 - f));
			data[i + 3] = Math.round(alpha * 255);
		}
	return { image: { width: size, height: size, data }, pixelRatio };
}

/** The image id of an actor's event symbol in the style. */
export const eventIconId = (actorId: string) => `event-${actorId}`;

/** The image id of the town dot: the icon of each town's label (see the catalogue's towns). */
export const TOWN_ICON = 'town';

/** Every symbol the style refers to (events, the town dot), to add to a map (on screen or off-screen for export). */
export function styleImages(actors: readonly Actor[], pixelRatio = 1) {
	return [
		...actors.map((actor) => ({
			id: eventIconId(actor.id),
			...shapeIcon(actor.shape, actor.colour, palette.labelHalo, 18, pixelRatio)
		})),
		{ id: TOWN_ICON, ...shapeIcon('circle', palette.town, palette.labelHalo, 8, pixelRatio, 1) }
	];
}
