// The scenario's region as a box, and the plausibility check that imported points fall in it.
import type { Position } from 'geojson';

/** [west, south, east, north] in degrees. */
export type RegionBox = [number, number, number, number];

/**
 * How far beyond the scenario's own places a point may lie before it is "far outside": 10° of
 * latitude is about 1,100 km, generous enough for a neighbouring country's data.
 */
export const REGION_MARGIN_DEG = 10;

/** The box around every given position, widened by `marginDeg` on each side (clamped to the globe). */
export function regionBox(positions: Iterable<Position>, marginDeg = REGION_MARGIN_DEG): RegionBox {
	let west = Infinity;
	let south = Infinity;
	let east = -Infinity;
	let north = -Infinity;
	for (const [lon, lat] of positions) {
		west = Math.min(west, lon!);
		east = Math.max(east, lon!);
		south = Math.min(south, lat!);
		north = Math.max(north, lat!);
	}
	if (west > east) return [-180, -90, 180, 90];
	return [
		Math.max(-180, west - marginDeg),
		Math.max(-90, south - marginDeg),
		Math.min(180, east + marginDeg),
		Math.min(90, north + marginDeg)
	];
}

const inBox = ([lon, lat]: Position, [w, s, e, n]: RegionBox) =>
	lon! >= w && lon! <= e && lat! >= s && lat! <= n;

/**
 * A warning when most points lie far outside the scenario's region, as they do when latitude
 * and longitude were swapped (both in range, so no single point looks wrong), or null.
 */
export function regionWarning(points: readonly Position[], region: RegionBox): string | null {
	if (!points.length) return null;
	let outside = 0;
	let swappedInside = 0;
	for (const p of points) {
		if (inBox(p, region)) continue;
		outside++;
		if (inBox([p[1]!, p[0]!], region)) swappedInside++;
	}
	if (outside * 2 <= points.length) return null;
	const n = (x: number) => x.toLocaleString('en-US');
	const [w, s, e, north] = region.map((x) => Math.round(x));
	return (
		`${n(outside)} of ${n(points.length)} points lie far outside this scenario's region ` +
		`(longitude ${w}° to ${e}°, latitude ${s}° to ${north}°)` +
		(swappedInside * 2 > outside
			? `; with latitude and longitude swapped, ${n(swappedInside)} of them would lie inside it. ` +
				'Are the coordinates the right way round?'
			: '. Check that the file belongs to this scenario.')
	);
}
