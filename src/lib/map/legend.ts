// The legend model: one entry per visible map layer group, with the symbol the style draws it with.
// The on-screen legend and the snapshot export both render from this list.
import { attackerColours, attackerLabels, palette } from './palette';
import { attackerGroups } from '$lib/geo/schema';
import { attackerShapes, type Shape } from './icons';

export type LegendSymbol =
	| { kind: 'fill'; fill: string; stroke: string; opacity?: number }
	| { kind: 'hatch'; stroke: string }
	| { kind: 'shape'; shape: Shape; fill: string; stroke: string; sizePx: number }
	| { kind: 'line'; stroke: string; widthPx: number; dash?: [number, number] }
	| { kind: 'circle'; fill: string; stroke: string; radiusPx: number }
	| { kind: 'ring'; stroke: string; fill: string; dash: [number, number] };

export type LegendEntry = { id: string; label: string; symbol: LegendSymbol };

/** Every legend entry; pass the visible toggle layers' legend ids to keep only what is shown. */
export function legendEntries(visibleIds?: ReadonlySet<string>): LegendEntry[] {
	const all: LegendEntry[] = [
		{
			id: 'country',
			label: 'Country (land)',
			symbol: { kind: 'fill', fill: palette.land, stroke: palette.countryOutline }
		},
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
			label: `Event, attacker: ${attackerLabels[group]} (${attackerShapes[group]})`,
			symbol: {
				kind: 'shape',
				shape: attackerShapes[group],
				fill: attackerColours[group],
				stroke: palette.labelHalo,
				sizePx: 18
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
		},
		{
			id: 'band',
			label: 'Buffer band along the border',
			symbol: { kind: 'fill', fill: palette.band, stroke: palette.band, opacity: 0.25 }
		},
		{
			id: 'estimate',
			label: 'Location estimate from reported distances (hatched area, centre)',
			symbol: { kind: 'hatch', stroke: palette.estimate }
		},
		{
			id: 'event-buffer',
			label: 'Buffer around the selected event',
			symbol: { kind: 'ring', stroke: palette.eventBuffer, fill: 'transparent', dash: [3, 1.5] }
		},
		{
			id: 'connector',
			label: 'Nearest border point of the selected event',
			symbol: { kind: 'line', stroke: palette.connector, widthPx: 2, dash: [2, 1.5] }
		},
		{
			id: 'imported',
			label: 'Imported point (your data)',
			symbol: { kind: 'circle', fill: palette.imported, stroke: palette.labelHalo, radiusPx: 6 }
		},
		{
			id: 'imported-cluster',
			label: '10 or more imported points close together (click to zoom in)',
			symbol: { kind: 'circle', fill: palette.imported, stroke: palette.labelHalo, radiusPx: 9 }
		}
	];
	return visibleIds ? all.filter((e) => visibleIds.has(e.id)) : all;
}
