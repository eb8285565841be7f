// The map draws nothing until its first complete frame, then draws as usual.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Map as MlMap } from 'maplibre-gl';
import { FIRST_MEANINGFUL_PAINT, paintWhenComplete } from '../../src/lib/map/first-paint';

/** A stand-in for the parts of MapLibre's map that the hold reads. */
function fakeMap() {
	const drawn: number[] = [];
	const fake = {
		ready: false,
		_placementDirty: false,
		repaints: 0,
		/** The sources the style has, and whether each is loaded. */
		sources: new Map<string, boolean>(),
		getSource(id: string) {
			return this.sources.has(id) ? {} : undefined;
		},
		isSourceLoaded(id: string) {
			return this.sources.get(id) === true;
		},
		painter: { render: (frame: number) => void drawn.push(frame) },
		loaded() {
			return this.ready;
		},
		triggerRepaint() {
			this.repaints++;
		}
	};
	const frame = (n: number) => (fake.painter.render as (n: number) => void)(n);
	return { fake, map: fake as unknown as MlMap, drawn, frame };
}

describe('paintWhenComplete', () => {
	beforeEach(() => vi.useFakeTimers());
	afterEach(() => {
		vi.useRealTimers();
		vi.restoreAllMocks();
	});

	it('skips frames while sources load or labels are placed, then draws every frame', () => {
		const { fake, map, drawn, frame } = fakeMap();
		paintWhenComplete(map);
		frame(1);
		fake.ready = true;
		fake._placementDirty = true;
		frame(2);
		expect(drawn).toEqual([]);
		fake._placementDirty = false;
		frame(3);
		// Released: later frames draw whatever their state, as MapLibre decides.
		fake.ready = false;
		frame(4);
		expect(drawn).toEqual([3, 4]);
	});

	it('gives up waiting after the time limit and asks for a frame', () => {
		const { fake, map, drawn, frame } = fakeMap();
		paintWhenComplete(map, 1000);
		frame(1);
		vi.advanceTimersByTime(999);
		expect(fake.repaints).toBe(0);
		vi.advanceTimersByTime(1);
		expect(fake.repaints).toBe(1);
		frame(2);
		expect(drawn).toEqual([2]);
	});

	it('can be ended at once, and does nothing to a map without a painter', () => {
		const { fake, map, drawn, frame } = fakeMap();
		const stop = paintWhenComplete(map);
		stop();
		expect(fake.repaints).toBe(1);
		frame(1);
		expect(drawn).toEqual([1]);
		vi.advanceTimersByTime(10_000);
		expect(fake.repaints).toBe(1);
		expect(() => paintWhenComplete({} as MlMap)()).not.toThrow();
	});

	it('draws one frame once the essential sources are given and loaded, then the complete one', () => {
		const mark = vi.spyOn(performance, 'mark');
		const { fake, map, drawn, frame } = fakeMap();
		fake.sources.set('borders', false).set('events', true).set('towns', false);
		let given = false;
		// 'absent' is not in the style: it is not waited for.
		paintWhenComplete(map, 4000, ['borders', 'events', 'absent'], () => given);
		fake.sources.set('borders', true);
		frame(1);
		expect(drawn, 'the state has not given its data yet').toEqual([]);
		given = true;
		fake.sources.set('borders', false);
		frame(2);
		expect(drawn, 'the border is still loading').toEqual([]);
		fake.sources.set('borders', true);
		frame(3);
		expect(drawn).toEqual([3]);
		expect(mark.mock.calls).toEqual([[FIRST_MEANINGFUL_PAINT]]);
		// Then nothing until the whole map is loaded and its labels placed.
		frame(4);
		fake.ready = true;
		fake._placementDirty = true;
		frame(5);
		expect(drawn).toEqual([3]);
		fake._placementDirty = false;
		frame(6);
		frame(7);
		expect(drawn).toEqual([3, 6, 7]);
		expect(mark.mock.calls).toEqual([[FIRST_MEANINGFUL_PAINT]]);
	});

	it('draws the complete frame first when everything loads at once, marked as the first', () => {
		const mark = vi.spyOn(performance, 'mark');
		const { fake, map, drawn, frame } = fakeMap();
		fake.sources.set('borders', true);
		fake.ready = true;
		paintWhenComplete(map, 4000, ['borders']);
		frame(1);
		frame(2);
		expect(drawn).toEqual([1, 2]);
		expect(mark.mock.calls).toEqual([[FIRST_MEANINGFUL_PAINT]]);
	});

	it('marks the frame the time limit lets through as the first, when none was drawn yet', () => {
		const mark = vi.spyOn(performance, 'mark');
		const { fake, map, drawn, frame } = fakeMap();
		fake.sources.set('borders', false);
		paintWhenComplete(map, 1000, ['borders']);
		frame(1);
		vi.advanceTimersByTime(1000);
		frame(2);
		frame(3);
		expect(drawn).toEqual([2, 3]);
		expect(mark.mock.calls).toEqual([[FIRST_MEANINGFUL_PAINT]]);
	});
});
