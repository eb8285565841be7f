// Where a polygon's label goes: one point per place, at the centre of its largest inscribed circle
// (polylabel) as the map draws it (Web Mercator), preferring the part of the place inside the
// pack's opening view. MapLibre would otherwise place a polygon's label once per tile, at points
// that jump as the map zooms.
import { bboxClip, booleanPointInPolygon } from '@turf/turf';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import polylabel from 'polylabel';
import type { NamedPlace } from './place-names';
import type { CountryFeature, ProvinceFeature, TownFeature } from './schema';

/** A rectangle in degrees (scenario.json `bounds`). */
export type BoundsDeg = { west: number; south: number; east: number; north: number };

/** A label's point, and the radius of the largest circle around it inside the place (Mercator units, the map's width being 2π). */
export type LabelPoint = { point: [number, number]; inscribedRadius: number };

const RAD = Math.PI / 180;
const MAX_LAT_DEG = 85;
const clampLat = (lat: number) => Math.max(-MAX_LAT_DEG, Math.min(MAX_LAT_DEG, lat));
/** Web Mercator, in radians of the equator: the map's own plane, where a label's room is measured. */
const toMercator = ([lon, lat]: Position): [number, number] => [
	lon! * RAD,
	Math.log(Math.tan(Math.PI / 4 + (clampLat(lat!) * RAD) / 2))
];
const fromMercator = ([x, y]: [number, number]): [number, number] => [
	x / RAD,
	(2 * Math.atan(Math.exp(y)) - Math.PI / 2) / RAD
];

/** The best label point of one polygon (its rings in degrees), or null for a degenerate one. */
function polygonLabel(rings: Position[][]): LabelPoint | null {
	const projected = rings.map((ring) => ring.map(toMercator));
	const outer = projected[0];
	if (!outer || outer.length < 4) return null;
	const xs = outer.map((p) => p[0]);
	const ys = outer.map((p) => p[1]);
	const size = Math.max(Math.max(...xs) - Math.min(...xs), Math.max(...ys) - Math.min(...ys));
	if (!(size > 0)) return null;
	const found = polylabel(projected, size / 200);
	return { point: fromMercator([found[0]!, found[1]!]), inscribedRadius: found.distance };
}

/** The best label point among a geometry's polygons: the one with the most room. */
function bestLabel(geometry: Polygon | MultiPolygon): LabelPoint | null {
	const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
	let best: LabelPoint | null = null;
	for (const rings of polygons) {
		const label = polygonLabel(rings);
		if (label && (!best || label.inscribedRadius > best.inscribedRadius)) best = label;
	}
	return best;
}

/**
 * Where to label a place. Inside `region` when the place has room there (an inscribed circle of
 * at least `minShare` of the region's width), so the places of the opening view are named within
 * it; else where the whole place has most room.
 * @param region the pack's opening view, in degrees
 * @param minShare the least room, as a share of the region's width, for a label inside it
 * @example labelPoint(iran.geometry, { west: 59.3, south: 24.6, east: 65.3, north: 30.4 })
 * // { point: [60.6, 27.4], inscribedRadius: 0.019 } — inside the view, not in central Iran
 */
export function labelPoint(
	geometry: Polygon | MultiPolygon,
	region?: BoundsDeg,
	minShare = 0.04
): LabelPoint | null {
	if (region) {
		const clipped = bboxClip(geometry, [region.west, region.south, region.east, region.north])
			.geometry as Polygon | MultiPolygon;
		const inside = bestLabel(clipped);
		const widthMerc = (region.east - region.west) * RAD;
		if (inside && inside.inscribedRadius >= minShare * widthMerc) return inside;
	}
	return bestLabel(geometry);
}

/**
 * Whether a point lies in any of the areas (e.g. a town in an involved province).
 * @param point [longitude, latitude] in degrees
 */
export function inAnyArea(
	point: Position,
	areas: readonly { geometry: Polygon | MultiPolygon }[]
): boolean {
	return areas.some((area) => booleanPointInPolygon(point, area.geometry));
}

type Area = { geometry: Polygon | MultiPolygon };
type LabelledArea<P> = Area & { properties: P };

/** A labelled place: its properties and where its label goes. */
export type PlaceLabel<P> = { properties: P; point: [number, number]; inscribedRadius: number };

/**
 * The label of every area of a layer (countries, provinces), placed as `labelPoint` places them;
 * an area too thin to place is left unlabelled.
 */
export function areaLabels<P>(
	areas: readonly LabelledArea<P>[],
	region?: BoundsDeg
): PlaceLabel<P>[] {
	return areas.flatMap((area) => {
		const label = labelPoint(area.geometry, region);
		return label ? [{ properties: area.properties, ...label }] : [];
	});
}

/** Every labelled place of a pack: areas at their label points, towns with their rank. */
export type PlaceLabels = {
	countries: PlaceLabel<NamedPlace & { id: string; focus: boolean }>[];
	provinces: PlaceLabel<NamedPlace & { id: string; involved: boolean }>[];
	/** Each town, and whether it lies in an involved province (its label then comes first). */
	towns: { feature: TownFeature; involved: boolean }[];
};

/**
 * Where a pack's countries, provinces and towns are labelled.
 * @param region the pack's opening view (scenario.json bounds), in degrees
 */
export function placeLabels(
	layers: {
		countries: readonly CountryFeature[];
		provinces: readonly ProvinceFeature[];
		towns: readonly TownFeature[];
	},
	region: BoundsDeg
): PlaceLabels {
	const involved = layers.provinces.filter((p) => p.properties.involved);
	return {
		countries: areaLabels(layers.countries, region),
		provinces: areaLabels(layers.provinces, region),
		towns: layers.towns.map((feature) => ({
			feature,
			involved: inAnyArea(feature.geometry.coordinates, involved)
		}))
	};
}
