// Location estimates from reported constraints: the area consistent with every reported distance,
// built with Turf (buffer, circle, difference, intersect), and a disc that covers it.
import {
	area,
	booleanPointInPolygon,
	buffer,
	centerOfMass,
	circle,
	coordAll,
	difference,
	distance,
	featureCollection,
	flattenEach,
	intersect,
	nearestPointOnLine,
	polygonToLine
} from '@turf/turf';
import type { Feature, LineString, MultiPolygon, Polygon, Position } from 'geojson';
import type { BorderLine } from './border';
import type { CountryFeature, MappedEventFeature, TownFeature } from './schema';

type Area = Feature<Polygon | MultiPolygon>;

export type LocationEstimate = {
	eventId: string;
	/** Everything consistent with the constraints, the side of the border and the precision radius. */
	area: Area;
	areaKm2: number;
	/**
	 * Centre of mass of the area. For a single piece that does not hold its own centre (a crescent)
	 * it is moved to the nearest point of the piece; with several separate pieces it stays between
	 * them and `parts` says so.
	 */
	centre: Position;
	/** The separate pieces of the area, largest first (one for a connected area). */
	parts: { centre: Position; areaKm2: number }[];
	/** Smallest radius around the centre that covers the whole area, in km. */
	radiusKm: number;
	/** The construction, one step per line, for the inspector. */
	method: string[];
};

export type EstimateContext = {
	border: BorderLine;
	countries: readonly CountryFeature[];
	towns: readonly TownFeature[];
};

const CIRCLE_STEPS = 128;

/** Ring of points between minKm and maxKm from a centre (a disc when minKm is 0). */
function annulus(centre: Position, minKm: number, maxKm: number): Area {
	const outer = circle(centre, maxKm, { steps: CIRCLE_STEPS, units: 'kilometers' });
	if (minKm <= 0) return outer;
	const inner = circle(centre, minKm, { steps: CIRCLE_STEPS, units: 'kilometers' });
	return difference(featureCollection([outer, inner]))!;
}

/** Points between minKm and maxKm from the border line. */
function borderBand(border: BorderLine, minKm: number, maxKm: number): Area {
	const outer = buffer(border, maxKm, { units: 'kilometers', steps: 32 }) as Area;
	if (minKm <= 0) return outer;
	const inner = buffer(border, minKm, { units: 'kilometers', steps: 32 }) as Area;
	return difference(featureCollection([outer, inner]))!;
}

const km = (n: number) => `${Math.round(n * 10) / 10} km`;

/**
 * The area where an event can be, given its reported distance constraints, the country it
 * happened in, and its precision radius around the mapped stand-in. Null when the event has no
 * constraints, or when they cannot all hold at once (then the data needs a second look).
 */
export function estimateLocation(
	event: MappedEventFeature,
	ctx: EstimateContext
): LocationEstimate | null {
	const p = event.properties;
	if (p.constraints.length === 0) return null;
	const country = ctx.countries.find((c) => c.properties.name === p.country);
	if (!country) return null;

	const pieces: Area[] = [];
	const method: string[] = [];
	for (const c of p.constraints) {
		if (c.kind === 'distance-from-town') {
			const town = ctx.towns.find((t) => t.properties.id === c.townId);
			if (!town) return null;
			pieces.push(annulus(town.geometry.coordinates, c.minKm, c.maxKm));
			method.push(
				`${km(c.minKm)}–${km(c.maxKm)} from ${town.properties.name} town centre (GeoNames): “${c.statement}” (${c.claimant}).`
			);
		} else {
			pieces.push(borderBand(ctx.border, c.minKm, c.maxKm));
			method.push(
				`${km(c.minKm)}–${km(c.maxKm)} from the border line (Natural Earth 1:10m): “${c.statement}” (${c.claimant}).`
			);
		}
	}
	pieces.push(country as Area);
	method.push(`On the ${p.country} side of the border (Natural Earth country polygon).`);
	pieces.push(annulus(event.geometry.coordinates, 0, p.precisionKm));
	method.push(`Within the ${km(p.precisionKm)} precision radius of the mapped stand-in location.`);

	let result: Area | null = pieces[0]!;
	for (const piece of pieces.slice(1)) {
		result = result && intersect(featureCollection([result, piece]));
	}
	if (!result) return null;

	const parts: LocationEstimate['parts'] = [];
	flattenEach(result, (piece) =>
		parts.push({ centre: centerOfMass(piece).geometry.coordinates, areaKm2: area(piece) / 1e6 })
	);
	parts.sort((x, y) => y.areaKm2 - x.areaKm2);

	let centre = centerOfMass(result).geometry.coordinates;
	if (parts.length === 1 && !booleanPointInPolygon(centre, result)) {
		// A crescent's centre of mass can fall outside it: use the nearest point of the area instead.
		const outline = polygonToLine(result) as Feature<LineString>;
		centre = nearestPointOnLine(outline, centre).geometry.coordinates;
	}
	const radiusKm = Math.max(
		...coordAll(result).map((v) => distance(centre, v, { units: 'kilometers' }))
	);
	const areaKm2 = area(result) / 1e6;
	const piecesNote =
		parts.length > 1
			? ` The area falls in ${parts.length} separate pieces (${parts.map((x) => `${Math.round(x.areaKm2)} km²`).join(', ')}); the estimate lies between them and its radius covers all of them.`
			: '';
	method.push(
		`Result: ${Math.round(areaKm2).toLocaleString('en-GB')} km². Estimate = its centre of mass; radius = distance to the farthest point of the area (${km(radiusKm)}).${piecesNote}`
	);
	return { eventId: p.id, area: result, areaKm2, centre, radiusKm, parts, method };
}
