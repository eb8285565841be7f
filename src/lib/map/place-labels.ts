// GeoJSON for the place labels (countries, provinces, towns) in the chosen language, built from
// the label points the state derives; pure, so the map and the snapshot export name places alike.
import type { Feature, FeatureCollection, Position } from 'geojson';
import type { PlaceLabels } from '$lib/geo/label-points';
import { placeName, type MapLanguage, type NamedPlace } from '$lib/geo/place-names';

export type { PlaceLabels };

/** A label's text in the language, and whether it is in Arabic script (drawn larger). */
function labelOf(place: NamedPlace, lang: MapLanguage) {
	const name = placeName(place, lang);
	return { label: name.text, arabicScript: name.lang !== 'en' };
}

const collection = (features: Feature[]): FeatureCollection => ({
	type: 'FeatureCollection',
	features
});

/** Country label points: `label` in the language, `focus` for the border's two countries. */
export function countryLabelCollection(
	labels: PlaceLabels['countries'],
	lang: MapLanguage
): FeatureCollection {
	return pointCollection(labels, lang, (p) => ({ focus: p.focus }));
}

/** Province label points: `label` in the language, `involved` for the provinces struck. */
export function provinceLabelCollection(
	labels: PlaceLabels['provinces'],
	lang: MapLanguage
): FeatureCollection {
	return pointCollection(labels, lang, (p) => ({ involved: p.involved }));
}

/** Label points with `id`, `label` in the language, and what `extra` adds. */
function pointCollection<P extends NamedPlace & { id: string }>(
	labels: readonly { properties: P; point: Position }[],
	lang: MapLanguage,
	extra: (p: P) => Record<string, unknown>
): FeatureCollection {
	return collection(
		labels.map(({ properties: p, point }) => ({
			type: 'Feature',
			geometry: { type: 'Point', coordinates: point },
			properties: { id: p.id, ...labelOf(p, lang), ...extra(p) }
		}))
	);
}

/**
 * The towns with `label` in the language and `rank` (0 in an involved province, 1 elsewhere):
 * the map places the labels of lower ranks first.
 */
export function townLabelCollection(
	towns: PlaceLabels['towns'],
	lang: MapLanguage
): FeatureCollection {
	return collection(
		towns.map(({ feature, involved }) => ({
			...feature,
			properties: {
				...feature.properties,
				...labelOf(feature.properties, lang),
				rank: involved ? 0 : 1
			}
		}))
	);
}
