// Wording shared by the panels for location bases and the border line's accuracy.
import { formatKm } from '$lib/format';
import type { BufferSettings } from '$lib/geo/buffers';
import type { EventDistances } from '$lib/geo/distances';

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
export function lineErrorNote(offsets: readonly CrossingOffset[]): string {
	const worst = worstOffset(offsets);
	const base =
		'measured to the Natural Earth 1:10m border line, which is generalised and can be off by a few km';
	return worst
		? `${base} (the ${worst.name} crossing, on the border by definition, is drawn ${formatKm(worst.offsetKm)} from the line; its own location is known to ${formatKm(worst.precisionKm, 0)}).`
		: `${base}.`;
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
	disputedSummary: string | null = null
): string[] {
	const lines: string[] = [];
	if (d) {
		const range = `${formatKm(d.borderIntervalKm[0])}–${formatKm(d.borderIntervalKm[1])}`;
		lines.push(
			d.location.area
				? `Distance to the border: ${range} over the constraint area (${basisLabel(d.location.basis)}).`
				: `Distance to the border: ${formatKm(d.borderKm)} (range ${range}; ${basisLabel(d.location.basis)}).`
		);
		if (lineError !== null)
			lines.push(
				`Border line (Natural Earth 1:10m) accurate to a few km (≈ ${formatKm(lineError.offsetKm)} at the ${lineError.name} crossing).`
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
