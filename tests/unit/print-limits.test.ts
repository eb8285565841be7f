// Render limits: a request is checked against WebGL and canvas limits before anything is drawn,
// and the largest resolution that fits is found for the same paper.
import { describe, expect, it } from 'vitest';
import { CANVAS_LIMITS, largestFittingDpi, limitProblems } from '../../src/lib/print/limits';
import { ALL_ELEMENTS, planSnapshot, type SnapshotRequest } from '../../src/lib/print/plan';

const request = (overrides: Partial<SnapshotRequest> = {}): SnapshotRequest => ({
	format: 'png',
	paper: 'a4',
	orientation: 'landscape',
	dpi: 150,
	title: 'A title',
	elements: ALL_ELEMENTS,
	screenPx: { widthPx: 1000, heightPx: 700 },
	...overrides
});
const gpu = (maxMapSidePx: number) => ({ maxMapSidePx, ...CANVAS_LIMITS });

describe('planSnapshot', () => {
	it('A4 landscape at 150 dpi is 1754 × 1240 px, the map 1.5625 × its CSS px', () => {
		const plan = planSnapshot(request(), true);
		expect(plan.pagePx).toEqual({ widthPx: 1754, heightPx: 1240 });
		expect(plan.pixelRatio).toBe(1.5625);
		expect(plan.mapPx.widthPx).toBe(Math.round(plan.frame.mapCssPx.widthPx * 1.5625));
		expect(plan.mapPx.widthPx).toBeLessThan(1754);
	});
});

describe('limitProblems', () => {
	it('accepts what fits and names the limit that does not', () => {
		expect(limitProblems(planSnapshot(request({ dpi: 300 }), true), gpu(8192))).toEqual([]);
		const [problem, ...rest] = limitProblems(planSnapshot(request({ dpi: 300 }), true), gpu(2048));
		expect(rest).toEqual([]);
		expect(problem!.what).toBe('map');
		expect(problem!.limitText).toBe('WebGL renders at most 2,048 px per side here');
	});

	it('checks the page against the 2D canvas limits too', () => {
		const plan = {
			pagePx: { widthPx: 40_000, heightPx: 100 },
			mapPx: { widthPx: 10, heightPx: 10 }
		};
		expect(limitProblems(plan, gpu(8192)).map((p) => p.what)).toEqual(['page']);
		const area = { pagePx: { widthPx: 20_000, heightPx: 20_000 }, mapPx: plan.mapPx };
		expect(limitProblems(area, gpu(8192))[0]!.limitText).toMatch(/268 million pixels/);
	});
});

describe('largestFittingDpi', () => {
	const planAt = (dpi: number) => planSnapshot(request({ paper: 'a3', dpi }), true);

	it('keeps a request that fits', () => {
		expect(largestFittingDpi(300, planAt, gpu(16384))).toBe(300);
	});

	it('finds the highest whole dpi whose map fits the GPU', () => {
		const dpi = largestFittingDpi(300, planAt, gpu(3000))!;
		expect(dpi).toBeLessThan(300);
		expect(limitProblems(planAt(dpi), gpu(3000))).toEqual([]);
		expect(limitProblems(planAt(dpi + 1), gpu(3000))).not.toEqual([]);
		const { mapPx } = planAt(dpi);
		expect(Math.max(mapPx.widthPx, mapPx.heightPx)).toBeLessThanOrEqual(3000);
	});

	it('gives up when even the lowest dpi is too large', () => {
		expect(largestFittingDpi(300, planAt, gpu(16))).toBeNull();
	});
});
