// The map context: a style-loaded guard, the map handed out for reading only once it has drawn,
// and a settled flag that waits a task after the map has drawn or failed.
import { describe, expect, it, vi } from 'vitest';
import type { Map as MlMap } from 'maplibre-gl';
import { MapContext } from '../../src/lib/map/context.svelte';

const fakeMap = () => ({ remove: vi.fn() }) as unknown as MlMap & { remove: () => void };

describe('MapContext', () => {
	it('runs work on the map only once its style has loaded', () => {
		const context = new MapContext();
		const work = vi.fn(() => 'done');
		expect(context.whenStyled(work)).toBeUndefined();
		context.attach(fakeMap());
		expect(context.whenStyled(work)).toBeUndefined();
		expect(work).not.toHaveBeenCalled();
		context.styleLoaded = true;
		expect(context.whenStyled(work)).toBe('done');
		expect(work).toHaveBeenCalledWith(context.map);
	});

	it('hands out the map for reading only once it has drawn everything', async () => {
		const context = new MapContext();
		const map = fakeMap();
		context.attach(map);
		context.styleLoaded = true;
		expect(context.ready).toBeNull();
		expect(context.settled).toBe(false);
		context.markIdle();
		expect(context.ready).toBe(map);
		expect(context.status).toBe('idle');
		// Settled a task later, so heavy work starts after the first frame is shown.
		expect(context.settled).toBe(false);
		await new Promise((resolve) => setTimeout(resolve));
		expect(context.settled).toBe(true);
		context.detach();
		expect(map.remove).toHaveBeenCalledOnce();
		expect(context.map).toBeNull();
		expect(context.ready).toBeNull();
	});

	it('records why the map could not start, and settles so the panels carry on', async () => {
		const context = new MapContext();
		context.fail('The map cannot be drawn: no WebGL.');
		expect(context.status).toBe('error');
		expect(context.error).toMatch(/no WebGL/);
		expect(context.ready).toBeNull();
		// A later idle event does not turn a failed map into a ready one.
		context.markIdle();
		expect(context.status).toBe('error');
		await new Promise((resolve) => setTimeout(resolve));
		expect(context.settled).toBe(true);
	});
});
