// The words on a snapshot: title, subtitle, analysis box, event sources, credits and date.
import { clip, formatKm, formatUtc, NAME_DISPLAY_CHARS } from '$lib/format';
import { precisionScopeText } from '$lib/geo/codebook';
import { creditText } from '$lib/geo/evidence';
import type { MappedEventFeature } from '$lib/geo/schema';
import { ATTRIBUTION } from '$lib/map/style';
import type { ResolvedFeature } from '$lib/state/lookup';

/** Every credit the printed map must carry (GeoNames is CC BY: attribution is required). */
export const PRINT_ATTRIBUTION: readonly string[] = [
	ATTRIBUTION.naturalEarth,
	ATTRIBUTION.geonames,
	ATTRIBUTION.events,
	'Map rendered with MapLibre GL JS; text in Noto Sans and Noto Naskh Arabic (OFL)'
];

/** The selected feature's display name. */
export function featureName(selected: ResolvedFeature | null): string | null {
	if (!selected) return null;
	switch (selected.layer) {
		case 'events':
			return selected.feature.properties.title;
		case 'imported':
			return clip(selected.feature.name, NAME_DISPLAY_CHARS);
		default:
			return selected.feature.properties.name;
	}
}

/** "Iran–Pakistan strikes, January 2024 — Iranian missile and drone strike near Panjgur". */
export function defaultTitle(scenarioTitle: string, selected: ResolvedFeature | null): string {
	const name = featureName(selected);
	return name ? `${scenarioTitle} — ${name}` : scenarioTitle;
}

const hemisphere = (value: number, pos: string, neg: string) =>
	`${Math.abs(value).toFixed(2)}° ${value < 0 ? neg : pos}`;

/** The printed view in one line: centre, scale at the centre, bearing. */
export function viewSubtitle(view: {
	centre: { lng: number; lat: number };
	scaleText: string;
	bearingDeg: number;
}): string {
	const { lng, lat } = view.centre;
	const bearing = ((Math.round(view.bearingDeg) % 360) + 360) % 360;
	return `Map centre ${hemisphere(lat, 'N', 'S')}, ${hemisphere(lng, 'E', 'W')} · scale ${view.scaleText} at the centre · bearing ${bearing}°`;
}

/** "Scale 1:3,120,000 at 27.1° N": the latitude the scale bar is true at. */
export function scaleNote(scaleText: string, latitudeDeg: number): string {
	return `Scale ${scaleText} at ${Math.abs(latitudeDeg).toFixed(1)}° ${latitudeDeg < 0 ? 'S' : 'N'} (map centre)`;
}

/** One line per event on the printed map: its title, date and the publications that reported it. */
export function eventSourceItems(events: readonly MappedEventFeature[]): string[] {
	return events.map((event) => {
		const p = event.properties;
		const publications = [...new Set(p.sources.map(creditText))].join('; ');
		return `${p.title} (${p.dateStart.slice(0, 10)}): ${publications}`;
	});
}

/**
 * The analysis box: the lines the analysis panel provides, else the selected event's own facts
 * (date and how well its location is known). Null when no event is selected.
 */
export function analysisBox(
	selected: ResolvedFeature | null,
	analysisLines: readonly string[] | undefined
): { heading: string; lines: string[] } | null {
	if (selected?.layer !== 'events') return null;
	const p = selected.feature.properties;
	if (analysisLines?.length) return { heading: `Analysis: ${p.title}`, lines: [...analysisLines] };
	const basis = p.locationBasis === 'stand-in' ? 'stand-in location' : 'reported location';
	return {
		heading: `Selected: ${p.title}`,
		lines: [
			`Date: ${formatUtc(p, p.utcOffsetMinutes)}`,
			`Place reported: ${p.placeReported}`,
			`Location: ${basis}, ${precisionScopeText[p.precisionScope]}, precision radius ${formatKm(p.precisionKm, 0)} (ACLED geo_precision ${p.geoPrecision}, UCDP where_prec ${p.wherePrecision})`
		]
	};
}

/** "Generated 2024-05-01 09:30 UTC by Borderline". */
export function generatedText(date: Date): string {
	return `Generated ${date.toISOString().slice(0, 16).replace('T', ' ')} UTC by Borderline`;
}
