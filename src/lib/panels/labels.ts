// Wording shared by the panels for location bases and the border line's accuracy.
import { formatKm } from '$lib/format';

export function basisLabel(basis: 'reported' | 'stand-in' | 'estimate' | 'imported'): string {
	return {
		'stand-in': 'stand-in location',
		estimate: 'constraint estimate',
		imported: 'imported location (as given in your file)',
		reported: 'reported location'
	}[basis];
}

/** One sentence on the border line's positional error, from the crossings' measured offsets. */
export function lineErrorNote(
	offsets: readonly { name: string; offsetKm: number; precisionKm: number }[]
): string {
	const worst = [...offsets].sort((a, b) => b.offsetKm - a.offsetKm)[0];
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
