// What the browser can render: the request's map and page pixel sizes against the WebGL and
// 2D-canvas limits, and the largest resolution that fits when a request does not.
import type { SizePx } from './paper';

export type RenderLimits = {
	/** Longest side of the WebGL map canvas: min(MAX_RENDERBUFFER_SIZE, MAX_TEXTURE_SIZE, MAX_VIEWPORT_DIMS). */
	maxMapSidePx: number;
	/** Longest side of a 2D canvas (Chromium and Firefox: 32 767). */
	maxPageSidePx: number;
	/** Largest 2D canvas area (Chromium: 2^28 pixels; iOS Safari much less). */
	maxPageAreaPx: number;
};

/** 2D-canvas limits of current desktop browsers; the WebGL side is queried at run time. */
export const CANVAS_LIMITS = { maxPageSidePx: 32_767, maxPageAreaPx: 268_435_456 } as const;

/** The pixel sizes a request needs: the whole page (PNG) and the map inside it. */
export type RenderPlan = { pagePx: SizePx; mapPx: SizePx };

export type LimitProblem = { what: 'map' | 'page'; needPx: SizePx; limitText: string };

/** Why a plan cannot be rendered, or an empty list when it can. */
export function limitProblems(plan: RenderPlan, limits: RenderLimits): LimitProblem[] {
	const problems: LimitProblem[] = [];
	const { mapPx, pagePx } = plan;
	if (Math.max(mapPx.widthPx, mapPx.heightPx) > limits.maxMapSidePx)
		problems.push({
			what: 'map',
			needPx: mapPx,
			limitText: `WebGL renders at most ${limits.maxMapSidePx.toLocaleString('en-GB')} px per side here`
		});
	if (Math.max(pagePx.widthPx, pagePx.heightPx) > limits.maxPageSidePx)
		problems.push({
			what: 'page',
			needPx: pagePx,
			limitText: `a canvas can be at most ${limits.maxPageSidePx.toLocaleString('en-GB')} px per side`
		});
	else if (pagePx.widthPx * pagePx.heightPx > limits.maxPageAreaPx)
		problems.push({
			what: 'page',
			needPx: pagePx,
			limitText: `a canvas can hold at most ${(limits.maxPageAreaPx / 1e6).toFixed(0)} million pixels`
		});
	return problems;
}

/**
 * The highest whole dpi ≤ `requestedDpi` (and ≥ `minDpi`) whose plan fits, or null when even
 * `minDpi` does not. Pixel sizes grow with dpi, so a binary search finds it.
 * @param planAt the render plan for the same paper at a given dpi
 */
export function largestFittingDpi(
	requestedDpi: number,
	planAt: (dpi: number) => RenderPlan,
	limits: RenderLimits,
	minDpi = 24
): number | null {
	const fits = (dpi: number) => limitProblems(planAt(dpi), limits).length === 0;
	if (fits(requestedDpi)) return requestedDpi;
	if (!fits(minDpi)) return null;
	let lo = minDpi; // fits
	let hi = requestedDpi; // does not fit
	while (hi - lo > 1) {
		const mid = Math.floor((lo + hi) / 2);
		if (fits(mid)) lo = mid;
		else hi = mid;
	}
	return lo;
}
