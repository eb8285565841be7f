// Wording shared by the panels for location bases and the border line's accuracy.
import { formatKm, formatKm2 } from '$lib/format';
import type { BufferSettings } from '$lib/geo/buffers';
import type { EventDistances, LineDistance } from '$lib/geo/distances';

export function basisLabel(basis: 'reported' | 'stand-in' | 'estimate' | 'imported'): string {
	return {
		'stand-in': 'stand-in location',
		estimate: 'constraint estimate',
		imported: 'imported location (as given in your file)',
		reported: 'reported location'
	}[basis];
}

export type CrossingOffset = { name: string; offsetKm: number; precisionKm: number };

/** The crossing drawn farthest from the border line: the line's worst measured error. */
export function worstOffset(offsets: readonly CrossingOffset[]): CrossingOffset | null {
	return offsets.reduce<CrossingOffset | null>(
		(worst, c) => (worst === null || c.offsetKm > worst.offsetKm ? c : worst),
		null
	);
}

/** One sentence on the border line's positional error, from the crossings' measured offsets. */
export function lineErrorNote(
	offsets: readonly CrossingOffset[],
	lineLabel = 'Natural Earth 1:10m'
): string {
	const worst = worstOffset(offsets);
	const base = `measured to the ${lineLabel} border line, which is generalised and can be off by a few km`;
	return worst
		? `${base} (the ${worst.name} crossing, on the border by definition, is drawn ${formatKm(worst.offsetKm)} from the line; its own location is known to ${formatKm(worst.precisionKm, 0)}).`
		: `${base}.`;
}

/** The largest difference between the lines' distances, km (0 for one line). */
export function lineSpreadKm(byLine: readonly LineDistance[]): number {
	const km = byLine.map((l) => l.borderKm);
	return km.length ? Math.max(...km) - Math.min(...km) : 0;
}

/**
 * A border distance under every measured line, with the spread between them: "42.2 km (Natural
 * Earth 1:10m) · 45.7 km (OpenStreetMap) · spread 3.5 km". Null with one line only.
 * @param interval give each line's range over the location's uncertainty instead of its distance
 */
export function lineFigures(byLine: readonly LineDistance[], interval = false): string | null {
	if (byLine.length < 2) return null;
	const figure = (l: LineDistance) =>
		interval
			? `${formatKm(l.borderIntervalKm[0])}–${formatKm(l.borderIntervalKm[1])}`
			: formatKm(l.borderKm);
	return [
		...byLine.map((l) => `${figure(l)} (${l.label})`),
		`spread ${formatKm(lineSpreadKm(byLine))}`
	].join(' · ');
}

/**
 * An area under the other measured lines, with the spread across all of them: "OpenStreetMap
 * 2,481 km² · spread 57 km²". Null when there is no other line.
 */
export function otherLineAreas(
	primaryKm2: number,
	others: readonly { label: string; areaKm2: number }[]
): string | null {
	if (!others.length) return null;
	const all = [primaryKm2, ...others.map((o) => o.areaKm2)];
	return [
		...others.map((o) => `${o.label} ${formatKm2(o.areaKm2)}`),
		`spread ${formatKm2(Math.max(...all) - Math.min(...all))}`
	].join(' · ');
}

/** Which side of the border a place is on, or where it is when it is on neither. */
export function sideLabel(side: string | null, borderCountries: readonly string[]): string {
	if (side === null) return 'outside the shipped countries';
	return borderCountries.includes(side) ? `${side} side` : `in ${side}, away from this border`;
}

/** The short analysis box of a snapshot: the selection's border distance and the bands shown. */
export function analysisLines(
	d: EventDistances | undefined,
	bands: BufferSettings | null,
	bandsVisible: boolean,
	lineError: CrossingOffset | null,
	disputedSummary: string | null = null,
	lineLabel = 'Natural Earth 1:10m'
): string[] {
	const lines: string[] = [];
	if (d) {
		const range = `${formatKm(d.borderIntervalKm[0])}–${formatKm(d.borderIntervalKm[1])}`;
		lines.push(
			d.location.area
				? `Distance to the border: ${range} over the constraint area (${basisLabel(d.location.basis)}).`
				: `Distance to the border: ${formatKm(d.borderKm)} (range ${range}; ${basisLabel(d.location.basis)}).`
		);
		const figures = lineFigures(d.byLine, Boolean(d.location.area));
		if (figures) lines.push(`Under each border line: ${figures}.`);
		if (lineError !== null)
			lines.push(
				`Border line (${lineLabel}) accurate to a few km (≈ ${formatKm(lineError.offsetKm)} at the ${lineError.name} crossing).`
			);
		if (disputedSummary !== null) lines.push(`The border line ${disputedSummary}.`);
		if (d.nearestTownAcross)
			lines.push(
				`Nearest town across the border: ${d.nearestTownAcross.name}, ${formatKm(d.nearestTownAcross.distanceKm)}.`
			);
	}
	if (bands && bandsVisible)
		lines.push(
			`Buffer bands shown: ${bands.distancesKm.join(', ')} km (${bands.side === 'both' ? 'both sides' : `${bands.side} side`}).`
		);
	return lines;
}

/**
 * An event's distances for a briefing page: to the border with its range (under each line),
 * its side, the nearest towns and crossing.
 */
export function eventDistanceLines(
	d: EventDistances | undefined,
	borderCountries: readonly string[],
	lineError: CrossingOffset | null,
	disputedSummary: string | null,
	lineLabel: string
): string[] {
	if (!d) return [];
	return [
		...analysisLines(d, null, false, lineError, disputedSummary, lineLabel),
		`Side: ${sideLabel(d.side, borderCountries)}.`,
		...(d.nearestTown
			? [
					`Nearest town: ${d.nearestTown.name} (${d.nearestTown.country}), ${formatKm(d.nearestTown.distanceKm)}.`
				]
			: []),
		...(d.nearestCrossing
			? [
					`Nearest border crossing: ${d.nearestCrossing.name}, ${formatKm(d.nearestCrossing.distanceKm)}.`
				]
			: [])
	];
}
