// Rows of the analysis download: events and imported points with their computed distances.
import type { BufferSettings } from '$lib/geo/buffers';
import type { EventDistances } from '$lib/geo/distances';
import { claimLine, sourceLine } from '$lib/geo/evidence';
import type { ResultRow } from '$lib/geo/export';
import type { ImportedPoint } from '$lib/geo/import';
import type { MappedEventFeature } from '$lib/geo/schema';
import type { DistanceLookup } from './import-merge';

/** Band distances (km) a place falls within, given its border distance and side. */
export function bandsContaining(
	d: EventDistances,
	settings: BufferSettings | null,
	borderCountries: readonly string[]
): number[] {
	if (!settings || d.side === null || !borderCountries.includes(d.side)) return [];
	if (settings.side !== 'both' && settings.side !== d.side) return [];
	return settings.distancesKm.filter((km) => d.borderKm <= km);
}

export function resultRows(input: {
	events: readonly MappedEventFeature[];
	eventDistances: ReadonlyMap<string, EventDistances>;
	imported: readonly ImportedPoint[];
	importedDistances: DistanceLookup;
	bands: BufferSettings | null;
	borderCountries: readonly string[];
}): ResultRow[] {
	const common = (d: EventDistances) => ({
		point: d.location.point as [number, number],
		locationBasis: d.location.basis,
		side: d.side,
		borderKm: d.borderKm,
		borderIntervalKm: d.borderIntervalKm,
		byLine: d.byLine.map((l) => ({ label: l.label, borderKm: l.borderKm })),
		nearestTown: d.nearestTown && {
			name: d.nearestTown.name,
			distanceKm: d.nearestTown.distanceKm
		},
		nearestCrossing: d.nearestCrossing && {
			name: d.nearestCrossing.name,
			distanceKm: d.nearestCrossing.distanceKm
		},
		bandsKm: bandsContaining(d, input.bands, input.borderCountries)
	});
	const rows: ResultRow[] = [];
	for (const e of input.events) {
		const d = input.eventDistances.get(e.properties.id);
		if (!d) continue;
		const p = e.properties;
		rows.push({
			id: e.properties.id,
			name: e.properties.title,
			kind: 'event',
			precisionKm: d.location.radiusKm,
			evidence: {
				dateStart: p.dateStart,
				dateEnd: p.dateEnd,
				timePrecision: p.timePrecision,
				eventType: p.eventType,
				subEventType: p.subEventType,
				actor1: p.actor1,
				actor2: p.actor2,
				civilianTargeting: p.civilianTargeting,
				admin1: p.admin1,
				admin2: p.admin2,
				placeReported: p.placeReported,
				geoPrecision: p.geoPrecision,
				wherePrecision: p.wherePrecision,
				claims: p.claims.map((c) => claimLine(c, p.sources)),
				sources: p.sources.map(sourceLine)
			},
			...common(d)
		});
	}
	for (const p of input.imported) {
		const d = input.importedDistances.get(p.id);
		if (!d) continue;
		rows.push({
			id: p.id,
			name: p.name,
			kind: 'imported',
			precisionKm: null,
			...common(d)
		});
	}
	return rows;
}
