// The legend model: one entry per visible map layer group, with the symbol the style draws it with.
// The on-screen legend and the snapshot export both render from this list.
import { attackerColours, attackerLabels, palette } from './palette';
import { attackerGroups } from '$lib/geo/schema';

export type LegendSymbol =
	| { kind: 'fill'; fill: string; stroke: string }
	| { kind: 'line'; stroke: string; widthPx: number; dash?: [number, number] }
	| { kind: 'circle'; fill: string; stroke: string; radiusPx: number }
	| { kind: 'ring'; stroke: string; fill: string; dash: [number, number] };

export type LegendEntry = { id: string; label: string; symbol: LegendSymbol };

export function legendEntries(): LegendEntry[] {
	return [
		{
			id: 'province-involved',
			label: 'Province struck (Balochistan, Sistan and Baluchestan)',
			symbol: { kind: 'fill', fill: palette.provinceInvolved, stroke: palette.provinceOutline }
		},
		{
			id: 'province',
			label: 'Other province',
			symbol: { kind: 'fill', fill: palette.province, stroke: palette.provinceOutline }
		},
		{
			id: 'border-primary',
			label: 'Iran–Pakistan border',
			symbol: { kind: 'line', stroke: palette.borderPrimary, widthPx: 3.5 }
		},
		{
			id: 'border-context',
			label: 'Other international border',
			symbol: { kind: 'line', stroke: palette.borderContext, widthPx: 2, dash: [3, 2] }
		},
		...attackerGroups.map((group): LegendEntry => ({
			id: `event-${group}`,
			label: `Event, attacker: ${attackerLabels[group]}`,
			symbol: {
				kind: 'circle',
				fill: attackerColours[group],
				stroke: palette.labelHalo,
				radiusPx: 8
			}
		})),
		{
			id: 'precision',
			label: 'Location uncertainty (precision radius)',
			symbol: { kind: 'ring', stroke: palette.borderContext, fill: 'transparent', dash: [2, 2] }
		},
		{
			id: 'town',
			label: 'Town',
			symbol: { kind: 'circle', fill: palette.town, stroke: palette.labelHalo, radiusPx: 3 }
		},
		{
			id: 'crossing',
			label: 'Border crossing',
			symbol: {
				kind: 'circle',
				fill: palette.crossing,
				stroke: palette.crossingOutline,
				radiusPx: 6
			}
		}
	];
}
