// The query-string codec: round trips, defaults left out, and one notice per bad parameter.
import { describe, expect, it } from 'vitest';
import { DEFAULT_BUFFER, DEFAULT_EVENT_RADIUS_KM } from '../../src/lib/state/defaults';
import { isoToDay } from '../../src/lib/geo/timeline';
import { parseBandSide, type BandSide } from '../../src/lib/geo/buffers';
import {
	decodeUrlState,
	deliberatePart,
	encodeUrlState,
	MAX_PARAM_CHARS,
	type UrlState
} from '../../src/lib/state/url';

const sides = ['Iran', 'Pakistan'];
const defaults: UrlState = {
	selection: null,
	buffer: DEFAULT_BUFFER,
	eventRadiusKm: DEFAULT_EVENT_RADIUS_KM,
	locationMode: 'mapped'
};

describe('encodeUrlState', () => {
	it('leaves defaults out', () => {
		expect(encodeUrlState(defaults).toString()).toBe('');
	});

	it('round-trips a full state', () => {
		const state: UrlState = {
			selection: { layer: 'events', id: 'panjgur-2024-01-16' },
			buffer: { distancesKm: [5, 40, 120], side: 'Pakistan' as BandSide },
			eventRadiusKm: 80,
			locationMode: 'estimate'
		};
		const query = encodeUrlState(state).toString();
		expect(query).toBe(
			'sel=events%3Apanjgur-2024-01-16&bands=5%2C40%2C120&side=Pakistan&radius=80&loc=estimate'
		);
		expect(decodeUrlState(new URLSearchParams(query), sides)).toEqual({ state, notices: [] });
	});
});

describe('language', () => {
	it.each(['fa', 'ur'] as const)('round-trips lang=%s, and leaves English out', (lang) => {
		const query = encodeUrlState({ ...defaults, lang }).toString();
		expect(query).toBe(`lang=${lang}`);
		expect(decodeUrlState(new URLSearchParams(query), sides)).toEqual({
			state: { lang },
			notices: []
		});
		expect(encodeUrlState({ ...defaults, lang: 'en' }).toString()).toBe('');
	});

	it('reads lang=en, and ignores a language it has no names in with a notice', () => {
		expect(decodeUrlState(new URLSearchParams('lang=en'), sides).state).toEqual({ lang: 'en' });
		const { state, notices } = decodeUrlState(new URLSearchParams('lang=ar&loc=estimate'), sides);
		expect(state).toEqual({ locationMode: 'estimate' });
		expect(notices).toHaveLength(1);
		expect(notices[0]).toMatch(
			/^Ignored the link's language “\u2068ar\u2069”: expected en, fa, ur\.$/
		);
	});

	it('counts a language change as deliberate (a history entry), unlike a camera move', () => {
		const view = { lng: 62, lat: 27, zoom: 6, bearing: 0 };
		const english = encodeUrlState({ ...defaults, view });
		const persian = encodeUrlState({ ...defaults, view, lang: 'fa' });
		expect(deliberatePart(persian)).not.toBe(deliberatePart(english));
	});
});

describe('decodeUrlState', () => {
	it.each([
		['sel=panjgur', /selection/],
		['sel=rivers:nile', /selection/],
		['bands=10,abc', /buffer distances/],
		['bands=0,500', /buffer distances/],
		['bands=1,2,3,4', /buffer distances/],
		['bands=', /buffer distances/],
		['side=Afghanistan', /buffer side/],
		['radius=-5', /event radius/],
		['radius=1e9', /event radius/],
		['radius=', /event radius/],
		['loc=guess', /location mode/]
	])('ignores %s with a notice', (query, notice) => {
		const { state, notices } = decodeUrlState(new URLSearchParams(query), sides);
		expect(notices).toHaveLength(1);
		expect(notices[0]).toMatch(notice);
		expect(state.selection).toBeUndefined();
		expect(state.eventRadiusKm).toBeUndefined();
		expect(state.locationMode).toBeUndefined();
		if (state.buffer) expect(state.buffer).toEqual(DEFAULT_BUFFER);
	});

	it('keeps the good parameters when others are bad', () => {
		const { state, notices } = decodeUrlState(
			new URLSearchParams('sel=towns:panjgur&bands=50,10&side=nowhere&radius=30'),
			sides
		);
		expect(state).toEqual({
			selection: { layer: 'towns', id: 'panjgur' },
			buffer: { distancesKm: [10, 50], side: 'both' },
			eventRadiusKm: 30
		});
		expect(notices).toHaveLength(1);
	});
});

describe('view, layers and dates', () => {
	const known = {
		layerIds: ['towns', 'events', 'bands'],
		extent: { startDay: isoToDay('2023-12-14')!, endDay: isoToDay('2024-01-29')! }
	};

	it('round-trips the camera, hidden layers and the date window', () => {
		const state: UrlState = {
			...defaults,
			hidden: ['towns'],
			timeWindow: { startDay: isoToDay('2024-01-15')!, endDay: isoToDay('2024-01-18')! },
			view: { lng: 62.5, lat: 27.25, zoom: 6.5, bearing: 0 }
		};
		const params = encodeUrlState(state);
		expect(params.get('view')).toBe('62.5,27.25,6.5,0');
		expect(params.get('from')).toBe('2024-01-15');
		const decoded = decodeUrlState(params, sides, known);
		expect(decoded.notices).toEqual([]);
		expect(decoded.state).toMatchObject({
			hidden: ['towns'],
			timeWindow: state.timeWindow,
			view: state.view
		});
	});

	it('separates deliberate changes from camera moves', () => {
		const a = encodeUrlState({ ...defaults, view: { lng: 60, lat: 27, zoom: 5, bearing: 0 } });
		const b = encodeUrlState({ ...defaults, view: { lng: 61, lat: 28, zoom: 6, bearing: 0 } });
		expect(deliberatePart(a)).toBe(deliberatePart(b));
		const c = encodeUrlState({ ...defaults, hidden: ['towns'] });
		expect(deliberatePart(c)).not.toBe(deliberatePart(a));
	});

	it.each([
		['view=62,27', /map view/],
		['view=999,27,5', /map view/],
		['view=62,27,50', /map view/],
		['view=a,b,c', /map view/],
		['from=2024-01-20&to=2024-01-10', /date window/],
		['from=2024-13-01', /date window/],
		['hide=towns,rivers', /unknown layers/]
	])('reports %s', (query, notice) => {
		const { notices } = decodeUrlState(new URLSearchParams(query), sides, known);
		expect(notices).toHaveLength(1);
		expect(notices[0]).toMatch(notice);
	});
});

describe('hostile links', () => {
	const known = {
		layerIds: ['towns', 'events', 'bands'],
		extent: { startDay: isoToDay('2023-12-14')!, endDay: isoToDay('2024-01-29')! }
	};

	it('quotes a value isolated, so U+202E cannot reverse the notice', () => {
		const { notices } = decodeUrlState(new URLSearchParams('loc=\u202Eestimate'), sides, known);
		expect(notices).toEqual([
			"Ignored the link's location mode “\u2068\u202Eestimate\u2069”: expected mapped or estimate."
		]);
		// Every notice that echoes a value isolates it.
		for (const query of [
			'sel=\u202E',
			'bands=\u202E',
			'side=\u202E',
			'radius=\u202E',
			'view=\u202E',
			'hide=\u202E',
			'from=\u202E'
		])
			for (const notice of decodeUrlState(new URLSearchParams(query), sides, known).notices)
				expect(notice).toMatch(/\u2068[^\u2069]*\u202E[^\u2069]*\u2069/);
	});

	it('drops a parameter of a megabyte unread, quoting only its start', () => {
		const huge = 'towns,'.repeat(200_000);
		const { state, notices } = decodeUrlState(
			new URLSearchParams({ hide: huge, radius: '30' }),
			sides,
			known
		);
		expect(state).toEqual({ eventRadiusKm: 30 });
		expect(notices).toHaveLength(1);
		expect(notices[0]).toMatch(
			/^Ignored the link's “\u2068hide\u2069” parameter: 1,200,000 characters, more than the 1,000/
		);
		expect(notices[0]!.length).toBeLessThan(300);
		// At the limit a value is still read.
		const atLimit = decodeUrlState(
			new URLSearchParams({ sel: 'towns:' + 'x'.repeat(MAX_PARAM_CHARS - 6) }),
			sides,
			known
		);
		expect(atLimit.state.selection?.layer).toBe('towns');
	});

	it('narrows a date window to the data and says so; ignores one outside it', () => {
		const wide = decodeUrlState(new URLSearchParams('from=0001-01-01&to=9999-12-31'), sides, known);
		expect(wide.state.timeWindow).toEqual(known.extent);
		expect(wide.notices).toEqual([
			"The link's date window “\u20680001-01-01\u2069”–“\u20689999-12-31\u2069” reaches beyond the data's dates; it was narrowed to 2023-12-14 to 2024-01-29."
		]);
		const later = decodeUrlState(
			new URLSearchParams('from=2030-01-01&to=2030-01-02'),
			sides,
			known
		);
		expect(later.state.timeWindow).toBeUndefined();
		expect(later.notices).toEqual([
			"Ignored the link's date window “\u20682030-01-01\u2069”–“\u20682030-01-02\u2069”: no event falls in it (the data runs from 2023-12-14 to 2024-01-29)."
		]);
		const inside = decodeUrlState(
			new URLSearchParams('from=2024-01-15&to=2024-01-18'),
			sides,
			known
		);
		expect(inside.notices).toEqual([]);
	});
});

describe('band side', () => {
	it('accepts "both" or a side of this border, nothing else', () => {
		expect(parseBandSide('both', sides)).toBe('both');
		expect(parseBandSide('Iran', sides)).toBe('Iran');
		expect(parseBandSide('iran', sides)).toBeNull();
		expect(parseBandSide('Afghanistan', sides)).toBeNull();
	});
});
