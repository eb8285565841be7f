// The query string as state: selection and analysis settings, so a reload or a shared link
// restores them. Every parameter is validated on its own; a bad one is dropped with a notice.
import {
	BAND_MAX_KM,
	BAND_MIN_KM,
	normaliseDistances,
	type BufferSettings
} from '$lib/geo/buffers';
import { DEFAULT_BUFFER, DEFAULT_EVENT_RADIUS_KM, type LocationMode } from './defaults';
import { interactiveLayers, type FeatureRef, type InteractiveLayer } from './selection';
import { dayToIso, isoToDay, type DayWindow } from '$lib/geo/timeline';

/** The map's camera, as it goes in a link. */
export type MapView = { lng: number; lat: number; zoom: number; bearing: number };

export type UrlState = {
	selection: FeatureRef | null;
	buffer: BufferSettings;
	eventRadiusKm: number;
	locationMode: LocationMode;
	/** Toggle layers that are switched off (src/lib/map/layers.ts ids). */
	hidden?: string[];
	timeWindow?: DayWindow | null;
	view?: MapView | null;
};

const round = (x: number, decimals: number) => Number(x.toFixed(decimals));

export const EVENT_RADIUS_MIN_KM = 1;
export const EVENT_RADIUS_MAX_KM = 500;

const sameList = (a: readonly number[], b: readonly number[]) =>
	a.length === b.length && a.every((x, i) => x === b[i]);

/** Serialises the state, leaving out values at their defaults to keep links short. */
export function encodeUrlState(s: UrlState): URLSearchParams {
	const params = new URLSearchParams();
	if (s.selection) params.set('sel', `${s.selection.layer}:${s.selection.id}`);
	if (!sameList(s.buffer.distancesKm, DEFAULT_BUFFER.distancesKm))
		params.set('bands', s.buffer.distancesKm.join(','));
	if (s.buffer.side !== DEFAULT_BUFFER.side) params.set('side', s.buffer.side);
	if (s.eventRadiusKm !== DEFAULT_EVENT_RADIUS_KM) params.set('radius', String(s.eventRadiusKm));
	if (s.locationMode !== 'mapped') params.set('loc', s.locationMode);
	if (s.hidden?.length) params.set('hide', [...s.hidden].sort().join(','));
	if (s.timeWindow) {
		params.set('from', dayToIso(s.timeWindow.startDay));
		params.set('to', dayToIso(s.timeWindow.endDay));
	}
	if (s.view)
		params.set(
			'view',
			[
				round(s.view.lng, 4),
				round(s.view.lat, 4),
				round(s.view.zoom, 2),
				round(s.view.bearing, 1)
			].join(',')
		);
	return params;
}

/** The parameters a person changes on purpose (everything but the camera): a change of these
 * makes a new history entry, a camera move only replaces the current one. */
export function deliberatePart(params: URLSearchParams): string {
	const copy = new URLSearchParams(params);
	copy.delete('view');
	return copy.toString();
}

/**
 * Reads what it can from the query string. `sides` are the valid one-sided band values (the
 * border's two countries). Returns only the valid parameters, and a notice for each bad one.
 */
export function decodeUrlState(
	params: URLSearchParams,
	sides: readonly string[],
	known: { layerIds?: readonly string[]; extent?: DayWindow | null } = {}
): { state: Partial<UrlState>; notices: string[] } {
	const state: Partial<UrlState> = {};
	const notices: string[] = [];
	const sel = params.get('sel');
	if (sel !== null) {
		const at = sel.indexOf(':');
		const layer = sel.slice(0, at) as InteractiveLayer;
		const id = sel.slice(at + 1);
		if (at > 0 && id && interactiveLayers.includes(layer)) state.selection = { layer, id };
		else notices.push(`Ignored the link's selection “${sel}”: expected layer:id.`);
	}
	const bands = params.get('bands');
	const side = params.get('side');
	if (bands !== null || side !== null) {
		const buffer = { ...DEFAULT_BUFFER };
		if (bands !== null) {
			const values = bands.split(',').map((s) => (s.trim() === '' ? NaN : Number(s)));
			const valid = values.filter(
				(v) => Number.isFinite(v) && v >= BAND_MIN_KM && v <= BAND_MAX_KM
			);
			if (valid.length > 0 && valid.length === values.length && valid.length <= 3)
				buffer.distancesKm = normaliseDistances(valid);
			else
				notices.push(
					`Ignored the link's buffer distances “${bands}”: expected up to 3 numbers from ${BAND_MIN_KM} to ${BAND_MAX_KM} km.`
				);
		}
		if (side !== null) {
			if (side === 'both' || sides.includes(side)) buffer.side = side;
			else
				notices.push(
					`Ignored the link's buffer side “${side}”: expected both, ${sides.join(' or ')}.`
				);
		}
		state.buffer = buffer;
	}
	const radius = params.get('radius');
	if (radius !== null) {
		const r = Number(radius);
		if (
			radius.trim() !== '' &&
			Number.isFinite(r) &&
			r >= EVENT_RADIUS_MIN_KM &&
			r <= EVENT_RADIUS_MAX_KM
		)
			state.eventRadiusKm = Math.round(r);
		else
			notices.push(
				`Ignored the link's event radius “${radius}”: expected ${EVENT_RADIUS_MIN_KM} to ${EVENT_RADIUS_MAX_KM} km.`
			);
	}
	const loc = params.get('loc');
	if (loc !== null) {
		if (loc === 'estimate' || loc === 'mapped') state.locationMode = loc;
		else notices.push(`Ignored the link's location mode “${loc}”: expected mapped or estimate.`);
	}
	const hide = params.get('hide');
	if (hide !== null) {
		const ids = hide.split(',').filter(Boolean);
		const unknown = ids.filter((id) => !known.layerIds?.includes(id));
		state.hidden = ids.filter((id) => known.layerIds?.includes(id));
		if (unknown.length) notices.push(`Ignored unknown layers in the link: ${unknown.join(', ')}.`);
	}
	const from = params.get('from');
	const to = params.get('to');
	if (from !== null || to !== null) {
		const start = from === null ? known.extent?.startDay : isoToDay(from);
		const end = to === null ? known.extent?.endDay : isoToDay(to);
		if (start == null || end == null || start > end)
			notices.push(
				`Ignored the link's date window “${from ?? ''}”–“${to ?? ''}”: expected from=YYYY-MM-DD&to=YYYY-MM-DD, from not after to.`
			);
		else state.timeWindow = { startDay: start, endDay: end };
	}
	const view = params.get('view');
	if (view !== null) {
		const parts = view.split(',').map((v) => (v.trim() === '' ? NaN : Number(v)));
		const [lng, lat, zoom, bearing = 0] = parts;
		const ok =
			(parts.length === 3 || parts.length === 4) &&
			parts.every(Number.isFinite) &&
			Math.abs(lng!) <= 180 &&
			Math.abs(lat!) <= 85 &&
			zoom! >= 0 &&
			zoom! <= 22 &&
			Math.abs(bearing) <= 360;
		if (ok) state.view = { lng: lng!, lat: lat!, zoom: zoom!, bearing };
		else
			notices.push(
				`Ignored the link's map view “${view}”: expected longitude,latitude,zoom[,bearing] within range.`
			);
	}
	return { state, notices };
}
