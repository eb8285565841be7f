// The query-string codec: round trips, defaults left out, and one notice per bad parameter.
import { describe, expect, it } from 'vitest';
import { DEFAULT_BUFFER, DEFAULT_EVENT_RADIUS_KM } from '../../src/lib/state/defaults';
import { isoToDay } from '../../src/lib/geo/timeline';
import {
	decodeUrlState,
	deliberatePart,
	encodeUrlState,
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
			buffer: { distancesKm: [5, 40, 120], side: 'Pakistan' },
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
