// The query string as state: selection and analysis settings, so a reload or a shared link
// restores them. Every parameter is validated on its own; a bad one is dropped with a notice.
import {
	BAND_MAX_KM,
	BAND_MIN_KM,
	normaliseDistances,
	parseBandSide,
	type BufferSettings
} from '$lib/geo/buffers';
import { DEFAULT_BUFFER, DEFAULT_EVENT_RADIUS_KM, type LocationMode } from './defaults';
import { interactiveLayers, type FeatureRef, type InteractiveLayer } from './selection';
import { dayToIso, isoToDay, type DayWindow } from '$lib/geo/timeline';
import { quoteUser } from '$lib/format';
import { isMapLanguage, mapLanguages, type MapLanguage } from '$lib/geo/place-names';

/**
 * No parameter this app writes comes near this length; a longer one is dropped unread (a 1 MB
 * value would otherwise be split, checked and echoed whole in the notice).
 */
export const MAX_PARAM_CHARS = 1000;

/** The map's camera, as it goes in a link. */
export type MapView = { lng: number; lat: number; zoom: number; bearing: number };

export type UrlState = {
	selection: FeatureRef | null;
	buffer: BufferSettings;
	eventRadiusKm: number;
	locationMode: LocationMode;
	/** The border line measured to first, when not the pack's first (its id). */
	borderLine?: string | null;
	/** The language places are named in; English (the default) is left out of links. */
	lang?: MapLanguage;
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
	if (s.borderLine) params.set('line', s.borderLine);
	if (s.lang && s.lang !== 'en') params.set('lang', s.lang);
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
	known: {
		layerIds?: readonly string[];
		extent?: DayWindow | null;
		/** The pack's border lines (ids), the first being the default. */
		lineIds?: readonly string[];
	} = {}
): { state: Partial<UrlState>; notices: string[] } {
	const state: Partial<UrlState> = {};
	const notices: string[] = [];
	const oversized = [...new Set(params.keys())].filter((key) =>
		params.getAll(key).some((value) => value.length > MAX_PARAM_CHARS)
	);
	// Link values are user text: each is quoted isolated (no direction override reaches the
	// sentence around it) and only its start is shown.
	for (const key of oversized)
		notices.push(
			`Ignored the link's ${quoteUser(key, 20)} parameter: ${params.get(key)!.length.toLocaleString('en-GB')} characters, more than the ${MAX_PARAM_CHARS.toLocaleString('en-GB')} any setting needs (it starts ${quoteUser(params.get(key)!)}).`
		);
	const param = (key: string) => (oversized.includes(key) ? null : params.get(key));
	const sel = param('sel');
	if (sel !== null) {
		const at = sel.indexOf(':');
		const layer = sel.slice(0, at) as InteractiveLayer;
		const id = sel.slice(at + 1);
		if (at > 0 && id && interactiveLayers.includes(layer)) state.selection = { layer, id };
		else notices.push(`Ignored the link's selection ${quoteUser(sel)}: expected layer:id.`);
	}
	const bands = param('bands');
	const side = param('side');
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
					`Ignored the link's buffer distances ${quoteUser(bands)}: expected up to 3 numbers from ${BAND_MIN_KM} to ${BAND_MAX_KM} km.`
				);
		}
		if (side !== null) {
			const parsed = parseBandSide(side, sides);
			if (parsed) buffer.side = parsed;
			else
				notices.push(
					`Ignored the link's buffer side ${quoteUser(side)}: expected both, ${sides.join(' or ')}.`
				);
		}
		state.buffer = buffer;
	}
	const radius = param('radius');
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
				`Ignored the link's event radius ${quoteUser(radius)}: expected ${EVENT_RADIUS_MIN_KM} to ${EVENT_RADIUS_MAX_KM} km.`
			);
	}
	const loc = param('loc');
	if (loc !== null) {
		if (loc === 'estimate' || loc === 'mapped') state.locationMode = loc;
		else
			notices.push(
				`Ignored the link's location mode ${quoteUser(loc)}: expected mapped or estimate.`
			);
	}
	const line = param('line');
	if (line !== null) {
		const ids = known.lineIds ?? [];
		if (ids.includes(line)) state.borderLine = line === ids[0] ? null : line;
		else
			notices.push(
				`Ignored the link's border line ${quoteUser(line)}: expected ${ids.length ? ids.join(' or ') : 'no line parameter for this pack'}.`
			);
	}
	const lang = param('lang');
	if (lang !== null) {
		if (isMapLanguage(lang)) state.lang = lang;
		else
			notices.push(
				`Ignored the link's language ${quoteUser(lang)}: expected ${mapLanguages.join(', ')}.`
			);
	}
	const hide = param('hide');
	if (hide !== null) {
		const ids = hide.split(',').filter(Boolean);
		const unknown = ids.filter((id) => !known.layerIds?.includes(id));
		state.hidden = ids.filter((id) => known.layerIds?.includes(id));
		if (unknown.length)
			notices.push(
				`Ignored unknown layers in the link: ${unknown
					.slice(0, 5)
					.map((id) => quoteUser(id, 30))
					.join(', ')}${unknown.length > 5 ? ` and ${unknown.length - 5} more` : ''}.`
			);
	}
	const from = param('from');
	const to = param('to');
	if (from !== null || to !== null) {
		const extent = known.extent;
		const start = from === null ? extent?.startDay : isoToDay(from);
		const end = to === null ? extent?.endDay : isoToDay(to);
		const asked = `${quoteUser(from ?? '')}–${quoteUser(to ?? '')}`;
		if (start == null || end == null || start > end)
			notices.push(
				`Ignored the link's date window ${asked}: expected from=YYYY-MM-DD&to=YYYY-MM-DD, from not after to.`
			);
		else if (!extent) state.timeWindow = { startDay: start, endDay: end };
		else {
			// The window is kept within the data's dates: a link cannot open on an empty timeline
			// or on a range the slider cannot show.
			const range = `${dayToIso(extent.startDay)} to ${dayToIso(extent.endDay)}`;
			if (end < extent.startDay || start > extent.endDay)
				notices.push(
					`Ignored the link's date window ${asked}: no event falls in it (the data runs from ${range}).`
				);
			else {
				const clamped = {
					startDay: Math.max(start, extent.startDay),
					endDay: Math.min(end, extent.endDay)
				};
				state.timeWindow = clamped;
				if (clamped.startDay !== start || clamped.endDay !== end)
					notices.push(
						`The link's date window ${asked} reaches beyond the data's dates; it was narrowed to ${dayToIso(clamped.startDay)} to ${dayToIso(clamped.endDay)}.`
					);
			}
		}
	}
	const view = param('view');
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
				`Ignored the link's map view ${quoteUser(view)}: expected longitude,latitude,zoom[,bearing] within range.`
			);
	}
	return { state, notices };
}
