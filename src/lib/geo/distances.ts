// Distances for each event: to the border, to the nearest town and crossing, and across the border.
import { coordAll, distance } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import {
	borderProximity,
	BorderIndex,
	countryAt,
	distanceIntervalKm,
	lineDistanceKm,
	type BorderLine
} from './border';
import type {
	CountryFeature,
	MappedCrossingFeature,
	MappedEventFeature,
	TownFeature
} from './schema';
import type { MeasuredLine } from './scenario';

/** Where an event is placed for measuring: its mapped point, or a constraint-based estimate. */
export type EventLocation = {
	eventId: string;
	point: Position;
	radiusKm: number;
	basis: 'reported' | 'stand-in' | 'estimate' | 'imported';
	/** For an estimate, the area it summarises: border-distance intervals are taken over it. */
	area?: Feature<Polygon | MultiPolygon>;
};

export type NearestPlace = { id: string; name: string; country: string; distanceKm: number };

export type EventDistances = {
	eventId: string;
	location: EventLocation;
	/** Country whose polygon contains the location (null at sea or outside the shipped countries). */
	side: string | null;
	borderKm: number;
	borderIntervalKm: [number, number];
	nearestBorderPoint: Position;
	nearestTown: NearestPlace | null;
	nearestCrossing: NearestPlace | null;
	/** Nearest town in the other country of the border pair (Iran ↔ Pakistan); null elsewhere. */
	nearestTownAcross: NearestPlace | null;
	/** The border distance under each measured line, the first being `borderKm`'s line. */
	byLine: LineDistance[];
};

/** A border distance under one line. */
export type LineDistance = {
	lineId: string;
	label: string;
	borderKm: number;
	borderIntervalKm: [number, number];
	nearestBorderPoint: Position;
};

/**
 * The same distances with another measured line first: its figures become the border distance
 * (imported points are measured to every line once, and shown under the line the user picks).
 * Unchanged when the line is already first or was not measured.
 */
export function withPrimaryLine(d: EventDistances, lineId: string | null): EventDistances {
	const chosen = d.byLine.find((l) => l.lineId === lineId);
	if (!chosen || d.byLine[0] === chosen) return d;
	return {
		...d,
		borderKm: chosen.borderKm,
		borderIntervalKm: chosen.borderIntervalKm,
		nearestBorderPoint: chosen.nearestBorderPoint,
		byLine: [chosen, ...d.byLine.filter((l) => l !== chosen)]
	};
}

export type DistanceContext = {
	border: BorderLine;
	/**
	 * Every line distances are measured to, the first being `border`; the others are measured
	 * too, so each figure can be given under every line with the spread between them.
	 */
	lines?: readonly MeasuredLine[];
	/** Segment indexes of `lines` after the first (same results as Turf, faster for many points). */
	lineIndexes?: readonly BorderIndex[];
	/**
	 * Indexes of the same lines simplified at 0.01° (within ~1 km), used for points over
	 * FAR_FROM_LINE_KM from the first line: there a dense line's index has to scan most of it,
	 * and ~1 km is under 0.5% of the distance.
	 */
	coarseLineIndexes?: readonly BorderIndex[];
	borderCountries: readonly [string, string];
	countries: readonly CountryFeature[];
	towns: readonly TownFeature[];
	crossings: readonly MappedCrossingFeature[];
	/** Optional segment index: same results, much faster for many points. */
	borderIndex?: BorderIndex;
};

/**
 * The context with each line's segment index built once, for measuring many places against it
 * (the pack's events on every change of the time window, a file's imported points): the same
 * figures as the plain context, from a few candidate segments instead of all of them.
 */
export function withLineIndexes<C extends DistanceContext>(ctx: C): C {
	return {
		...ctx,
		borderIndex: new BorderIndex(ctx.border),
		lineIndexes: (ctx.lines ?? []).slice(1).map((l) => new BorderIndex(l.line))
	};
}

/** Beyond this distance from the first line, the other lines may be measured on a simplification. */
export const FAR_FROM_LINE_KM = 200;

/** Places farther than this are not offered as "nearest": the shipped towns only cover the border region. */
export const NEAREST_PLACE_MAX_KM = 400;

function nearestOf(
	point: Position,
	places: readonly {
		properties: { id: string; name: string };
		geometry: { coordinates: Position };
	}[],
	countryOf: (index: number) => string
): NearestPlace | null {
	let best: NearestPlace | null = null;
	places.forEach((place, i) => {
		const km = distance(point, place.geometry.coordinates, { units: 'kilometers' });
		if (km <= NEAREST_PLACE_MAX_KM && (!best || km < best.distanceKm))
			best = {
				id: place.properties.id,
				name: place.properties.name,
				country: countryOf(i),
				distanceKm: km
			};
	});
	return best;
}

/** The location of each event as mapped (reported or stand-in), with its precision radius. */
export function mappedLocation(event: MappedEventFeature): EventLocation {
	const p = event.properties;
	return {
		eventId: p.id,
		point: event.geometry.coordinates,
		radiusKm: p.precisionKm,
		basis: p.locationBasis
	};
}

/** All distances for one event location. */
export function eventDistances(location: EventLocation, ctx: DistanceContext): EventDistances {
	const { distanceKm, nearest } = ctx.borderIndex
		? ctx.borderIndex.nearest(location.point)
		: borderProximity(location.point, ctx.border);
	const side = countryAt(location.point, ctx.countries);
	const [a, b] = ctx.borderCountries;
	const across = side === a ? b : side === b ? a : null;
	const acrossTowns = across ? ctx.towns.filter((t) => t.properties.country === across) : [];
	const borderIntervalKm = location.area
		? areaBorderIntervalKm(location.area, ctx.border, ctx.borderIndex)
		: distanceIntervalKm(distanceKm, location.radiusKm);
	const lines = ctx.lines ?? [{ id: 'primary', label: 'border', line: ctx.border }];
	const byLine = lines.map((l, i): LineDistance => {
		if (i === 0)
			return {
				lineId: l.id,
				label: l.label,
				borderKm: distanceKm,
				borderIntervalKm,
				nearestBorderPoint: nearest
			};
		const hit =
			(distanceKm > FAR_FROM_LINE_KM
				? ctx.coarseLineIndexes?.[i - 1]?.nearest(location.point)
				: undefined) ??
			ctx.lineIndexes?.[i - 1]?.nearest(location.point) ??
			borderProximity(location.point, l.line);
		const km = hit.distanceKm;
		return {
			lineId: l.id,
			label: l.label,
			borderKm: km,
			nearestBorderPoint: hit.nearest,
			borderIntervalKm: location.area
				? areaBorderIntervalKm(location.area, l.line, ctx.lineIndexes?.[i - 1])
				: distanceIntervalKm(km, location.radiusKm)
		};
	});
	return {
		eventId: location.eventId,
		location,
		side,
		borderKm: distanceKm,
		byLine,
		borderIntervalKm,
		nearestBorderPoint: nearest,
		nearestTown: nearestOf(location.point, ctx.towns, (i) => ctx.towns[i]!.properties.country),
		nearestCrossing: nearestOf(location.point, ctx.crossings, () => `${a}–${b}`),
		nearestTownAcross: across
			? nearestOf(location.point, acrossTowns, (i) => acrossTowns[i]!.properties.country)
			: null
	};
}

/**
 * The range of distances to the border over an area, evaluated at its vertices (its edges are
 * short: ≤ 5 km for the 128-step circles and 32-step buffers the estimates are built from).
 */
export function areaBorderIntervalKm(
	area: Feature<Polygon | MultiPolygon>,
	border: DistanceContext['border'],
	index?: BorderIndex
): [number, number] {
	const km = coordAll(area).map((v) =>
		index ? index.nearest(v).distanceKm : lineDistanceKm(v, border)
	);
	return [Math.min(...km), Math.max(...km)];
}

export type EventPair = {
	fromId: string;
	toId: string;
	distanceKm: number;
	/** Both locations are uncertain: the true distance lies within d ∓ (r1 + r2). */
	intervalKm: [number, number];
};

/**
 * Distances between each strike by one attacker and each strike by the other (e.g. Panjgur ↔
 * Saravan), with the interval both precision radii allow.
 */
export function crossBorderPairs(
	fromLocations: readonly EventLocation[],
	toLocations: readonly EventLocation[]
): EventPair[] {
	return fromLocations.flatMap((from) =>
		toLocations.map((to) => {
			const km = distance(from.point, to.point, { units: 'kilometers' });
			return {
				fromId: from.eventId,
				toId: to.eventId,
				distanceKm: km,
				intervalKm: distanceIntervalKm(km, from.radiusKm + to.radiusKm)
			};
		})
	);
}
