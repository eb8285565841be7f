// Types of `polylabel` (mapbox/polylabel 2.x ships none).
declare module 'polylabel' {
	/**
	 * The pole of inaccessibility of a polygon (rings of [x, y]): the point farthest from its
	 * edges, found to within `precision` (in the polygon's units), with that distance.
	 */
	export default function polylabel(
		polygon: number[][][],
		precision?: number,
		debug?: boolean
	): number[] & { distance: number };
}
