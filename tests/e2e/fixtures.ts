// Shared e2e fixtures: every test fails if the page requests anything outside the app's origin,
// logs a console error, throws, leaves a promise rejection unhandled or breaks the Content
// Security Policy; helpers to read the map through its debugging handle.
import { test as base, expect, type Page } from '@playwright/test';

type MapHandle = {
	project(lngLat: [number, number]): { x: number; y: number };
	getCanvas(): HTMLCanvasElement;
	redraw(): void;
	loaded(): boolean;
	getZoom(): number;
	queryRenderedFeatures(
		where: [[number, number], [number, number]] | { layers: string[] },
		options?: { layers: string[] }
	): { properties: Record<string, unknown> }[];
};
declare global {
	interface Window {
		borderline?: {
			map: MapHandle;
			/** The ids of the points the map's imported tiles are made of (MapView, test builds). */
			importedIds: () => Promise<string[]>;
			/** The labels placed on the last printed map (render-map.ts, test builds only). */
			printLabels?: { pixelRatio: number; labels: { layer: string; label: string }[] };
		};
		/** Recorded by the inPageProblems fixture's init script, in every document. */
		__cspViolations?: string[];
		__unhandledRejections?: string[];
		__reportInPageProblem?: (problem: string) => Promise<void>;
	}
}

export const test = base.extend<{
	externalRequests: string[];
	pageErrors: string[];
	inPageProblems: string[];
}>({
	// Automatic: every test checks that nothing outside the app's origin was requested.
	externalRequests: [
		async ({ page, baseURL }, use) => {
			const origin = new URL(baseURL!).origin;
			const external: string[] = [];
			page.on('request', (request) => {
				const url = request.url();
				if (!url.startsWith(origin + '/') && !url.startsWith('data:') && !url.startsWith('blob:'))
					external.push(url);
			});
			await use(external);
			expect(external, 'requests outside the app origin').toEqual([]);
		},
		{ auto: true }
	],
	// Automatic: every test fails on an uncaught exception or a console error.
	pageErrors: [
		async ({ page }, use) => {
			const errors: string[] = [];
			page.on('pageerror', (error) => errors.push(error.message));
			page.on('console', (message) => {
				if (message.type() === 'error') errors.push(message.text());
			});
			await use(errors);
			expect(errors, 'page errors and console errors').toEqual([]);
		},
		{ auto: true }
	],
	// Automatic: every test fails on a Content Security Policy violation (so the whole suite
	// checks the policy) or an unhandled promise rejection. Each document records them in window
	// arrays and reports them to the test, so a navigation does not lose the earlier ones.
	inPageProblems: [
		async ({ page }, use) => {
			const reported: string[] = [];
			await page.exposeFunction('__reportInPageProblem', (problem: string) => {
				reported.push(problem);
			});
			await page.addInitScript(() => {
				window.__cspViolations = [];
				window.__unhandledRejections = [];
				document.addEventListener('securitypolicyviolation', (e) => {
					const problem =
						`CSP ${e.effectiveDirective} blocked ${e.blockedURI || '(inline)'}` +
						` at ${e.sourceFile}:${e.lineNumber}${e.sample ? ` (${e.sample})` : ''}`;
					window.__cspViolations!.push(problem);
					void window.__reportInPageProblem?.(problem);
				});
				window.addEventListener('unhandledrejection', (e) => {
					const reason: unknown = e.reason;
					const problem = `unhandled rejection: ${reason instanceof Error ? `${reason.name}: ${reason.message}` : String(reason)}`;
					window.__unhandledRejections!.push(problem);
					void window.__reportInPageProblem?.(problem);
				});
			});
			await use(reported);
			// The current document's own record, in case a report is still on its way.
			const current = await page
				.evaluate(() => [
					...(window.__cspViolations ?? []),
					...(window.__unhandledRejections ?? [])
				])
				.catch(() => [] as string[]);
			const problems = [...new Set([...reported, ...current])];
			expect(problems, 'CSP violations and unhandled promise rejections').toEqual([]);
		},
		{ auto: true }
	]
});
export { expect };

/** User text as the app's messages carry it: in a first-strong isolate (U+2068 … U+2069). */
export const iso = (text: string) => `\u2068${text}\u2069`;

/** Opens the app and waits until the map has drawn every layer. */
export async function openMap(page: Page, path = '/'): Promise<void> {
	await page.goto(path);
	await expect(page.locator('[data-map-state]')).toHaveAttribute('data-map-state', 'idle');
}

/**
 * Waits until the map shows `count` imported points in view, each drawn alone or counted in a
 * cluster, as a user sees them before clicking one (their tiles come from a worker).
 */
export async function importedShown(page: Page, count: number): Promise<void> {
	await expect
		.poll(() =>
			page.evaluate(() => {
				const map = window.borderline!.map;
				if (!map.loaded()) return -1;
				const clusters = new Map<unknown, number>();
				for (const c of map.queryRenderedFeatures({ layers: ['imported-clusters'] }))
					clusters.set(c.properties['cluster_id'], Number(c.properties['point_count']));
				const points = new Set(
					map.queryRenderedFeatures({ layers: ['imported-circle'] }).map((f) => f.properties['id'])
				);
				return [...clusters.values()].reduce((n, c) => n + c, points.size);
			})
		)
		.toBe(count);
}

/** Page coordinates (CSS px) of a longitude/latitude on the map. */
/**
 * Clicks the imported point at `lngLat` once the map draws it there: the status names an import
 * when it is analysed, and its tiles come from a worker a moment later.
 */
export async function clickImported(page: Page, lngLat: [number, number]): Promise<void> {
	await expect
		.poll(() =>
			page.evaluate((ll) => {
				const map = window.borderline!.map;
				const p = map.project(ll);
				const box: [[number, number], [number, number]] = [
					[p.x - 2, p.y - 2],
					[p.x + 2, p.y + 2]
				];
				return map.queryRenderedFeatures(box, { layers: ['imported-circle'] }).length;
			}, lngLat)
		)
		.toBeGreaterThan(0);
	const p = await projectToPage(page, lngLat);
	await page.mouse.click(p.x, p.y);
}

export async function projectToPage(page: Page, lngLat: [number, number]) {
	const point = await page.evaluate((ll) => window.borderline!.map.project(ll), lngLat);
	const box = (await page.locator('.maplibregl-canvas').boundingBox())!;
	return { x: box.x + point.x, y: box.y + point.y, mapX: point.x, mapY: point.y };
}

/** RGB colours of the map canvas in a square window around a map point (CSS px). */
export async function canvasColours(page: Page, lngLat: [number, number], radiusPx = 0) {
	return page.evaluate(
		({ ll, r }) => {
			const map = window.borderline!.map;
			// The map does not keep its drawing buffer: draw a frame and read it in the same task.
			map.redraw();
			const canvas = map.getCanvas();
			const scale = canvas.width / canvas.clientWidth;
			const p = map.project(ll);
			const copy = document.createElement('canvas');
			copy.width = canvas.width;
			copy.height = canvas.height;
			const ctx = copy.getContext('2d')!;
			ctx.drawImage(canvas, 0, 0);
			const colours: string[] = [];
			for (let dy = -r; dy <= r; dy++)
				for (let dx = -r; dx <= r; dx++) {
					const d = ctx.getImageData(
						Math.round((p.x + dx) * scale),
						Math.round((p.y + dy) * scale),
						1,
						1
					).data;
					colours.push(
						'#' + [d[0], d[1], d[2]].map((c) => c!.toString(16).padStart(2, '0')).join('')
					);
				}
			return colours;
		},
		{ ll: lngLat, r: radiusPx }
	);
}
