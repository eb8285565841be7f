// The legend model: one entry per visible map layer group, with the symbol the style draws it with.
// The on-screen legend and the snapshot export both render from this list.
import type { ScenarioMeta } from '$lib/geo/pack';
import { palette } from './palette';
import type { Shape } from './icons';

export type LegendSymbol =
	| { kind: 'fill'; fill: string; stroke: string; opacity?: number }
	| { kind: 'hatch'; stroke: string }
	| { kind: 'shape'; shape: Shape; fill: string; stroke: string; sizePx: number }
	| { kind: 'line'; stroke: string; widthPx: number; dash?: [number, number] }
	| { kind: 'circle'; fill: string; stroke: string; radiusPx: number }
	| { kind: 'ring'; stroke: string; fill: string; dash: [number, number] };

/** One legend line; `toggle` is the layer toggle (src/lib/map/layers.ts) that shows it. */
export type LegendEntry = { id: string; toggle: string; label: string; symbol: LegendSymbol };

/**
 * Every legend entry of a scenario (its border, involved provinces and actors are named by its
 * pack); pass the toggles that draw something now to keep only what is shown.
 */
export function legendEntries(
	meta: Pick<ScenarioMeta, 'border' | 'provinces' | 'actors'>,
	shownToggles?: ReadonlySet<string>
): LegendEntry[] {
	const all: LegendEntry[] = [
		{
			id: 'country',
			toggle: 'countries',
			label: 'Country (land)',
			symbol: { kind: 'fill', fill: palette.land, stroke: palette.countryOutline }
		},
		{
			id: 'province-involved',
			toggle: 'provinces',
			label: meta.provinces.involvedLabel,
			symbol: { kind: 'fill', fill: palette.provinceInvolved, stroke: palette.provinceOutline }
		},
		{
			id: 'province',
			toggle: 'provinces',
			label: 'Other province',
			symbol: { kind: 'fill', fill: palette.province, stroke: palette.provinceOutline }
		},
		{
			id: 'border-primary',
			toggle: 'border',
			label: meta.border.name,
			symbol: { kind: 'line', stroke: palette.borderPrimary, widthPx: 3.5 }
		},
		{
			id: 'border-context',
			toggle: 'other-borders',
			label: 'Other international border',
			symbol: { kind: 'line', stroke: palette.borderContext, widthPx: 2, dash: [3, 2] }
		},
		...meta.actors.map((actor): LegendEntry => ({
			id: `event-${actor.id}`,
			toggle: 'events',
			label: `Event, attacker: ${actor.label} (${actor.shape})`,
			symbol: {
				kind: 'shape',
				shape: actor.shape,
				fill: actor.colour,
				stroke: palette.labelHalo,
				sizePx: 18
			}
		})),
		{
			id: 'precision',
			toggle: 'precision',
			label: 'Location uncertainty (precision radius)',
			symbol: { kind: 'ring', stroke: palette.borderContext, fill: 'transparent', dash: [2, 2] }
		},
		{
			id: 'town',
			toggle: 'towns',
			label: 'Town',
			symbol: { kind: 'circle', fill: palette.town, stroke: palette.labelHalo, radiusPx: 3 }
		},
		{
			id: 'crossing',
			toggle: 'crossings',
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
			toggle: 'bands',
			label: 'Buffer band along the border',
			symbol: { kind: 'fill', fill: palette.band, stroke: palette.band, opacity: 0.25 }
		},
		{
			id: 'estimate',
			toggle: 'estimates',
			label: 'Location estimate from reported distances (hatched area, centre)',
			symbol: { kind: 'hatch', stroke: palette.estimate }
		},
		{
			id: 'event-buffer',
			toggle: 'event-buffer',
			label: 'Buffer around the selected event',
			symbol: { kind: 'ring', stroke: palette.eventBuffer, fill: 'transparent', dash: [3, 1.5] }
		},
		{
			id: 'connector',
			toggle: 'event-buffer',
			label: 'Nearest border point of the selected event',
			symbol: { kind: 'line', stroke: palette.connector, widthPx: 2, dash: [2, 1.5] }
		},
		{
			id: 'imported',
			toggle: 'imported',
			label: 'Imported point (your data)',
			symbol: { kind: 'circle', fill: palette.imported, stroke: palette.labelHalo, radiusPx: 6 }
		},
		{
			id: 'imported-cluster',
			toggle: 'imported',
			label: '10 or more imported points close together (click to zoom in)',
			symbol: { kind: 'circle', fill: palette.imported, stroke: palette.labelHalo, radiusPx: 9 }
		}
	];
	return shownToggles ? all.filter((e) => shownToggles.has(e.toggle)) : all;
}
