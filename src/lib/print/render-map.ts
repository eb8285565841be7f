// Renders the live map's view again on a hidden off-screen map at print resolution, leaving the
// live map untouched, and returns a copy of the pixels.
import { Map as MlMap, type MapOptions } from 'maplibre-gl';
import { featureTarget } from '$lib/map/catalogue';
import { addStyleImages } from '$lib/map/style';
import type { FeatureRef } from '$lib/state/selection';
import type { Actor } from '$lib/geo/pack';
import type { SizePx } from './paper';
import { fitZoom } from './scale';
import { offscreenContainer } from './offscreen';

export type RenderMapRequest = {
	/** The live map: read (view and style), never changed. */
	liveMap: MlMap;
	/** Size of the printed map area in CSS px. */
	cssPx: SizePx;
	/** Device pixels per CSS px (dpi / 96). */
	pixelRatio: number;
	/** The device-pixel size the canvas must come out at; anything else is an error. */
	expectPx: SizePx;
	/** WebGL's largest canvas side here, so MapLibre does not quietly lower the ratio. */
	maxCanvasSidePx: number;
	selection: FeatureRef | null;
	/** The pack's actors, whose event symbols the style refers to. */
	actors: readonly Actor[];
	/** Points whose visibility on the printed map the caller wants to know ([lng, lat]). */
	probes: readonly [number, number][];
	signal: AbortSignal;
	/** Progress within the map rendering, 0–1. */
	onProgress?: (fraction: number) => void;
};

/** A view of its own for a printed map (a briefing's event page): centre and zoom, north up. */
export type PrintView = { center: [number, number]; zoom: number };

/** An off-screen map kept open to render several views (a briefing), then closed. */
export type PrintMap = {
	/** Renders a view (the live map's, fitted, when none is given) with that selection highlighted. */
	render(
		options: Pick<RenderMapRequest, 'selection' | 'probes' | 'onProgress'> & { view?: PrintView }
	): Promise<RenderedMap>;
	close(): void;
};

export type RenderedMap = {
	/** A 2D copy of the map's pixels, expectPx in size. */
	image: HTMLCanvasElement;
	centre: { lng: number; lat: number };
	zoom: number;
	bearingDeg: number;
	/** For each probe, whether it falls inside the printed map. */
	probesVisible: boolean[];
};

export class RenderLimitError extends Error {}

/**
 * The printed map keeps the live map's centre, bearing and pitch, its style (layers, visibility,
 * data, fonts) and the selection highlight. Its area has another shape than the screen's, so the
 * zoom is chosen to fit everything visible on screen into it (`fitZoom`); the scale bar is then
 * computed from that zoom.
 */
export async function renderMap(request: RenderMapRequest): Promise<RenderedMap> {
	const printMap = await openPrintMap(request);
	try {
		return await printMap.render(request);
	} finally {
		printMap.close();
	}
}

/**
 * Opens the hidden off-screen map: the live map's style, images and view at the print size and
 * pixel ratio. Each `render` moves it to a view and waits until it is drawn; glyphs and tiles
 * already loaded serve the next view.
 */
export async function openPrintMap(
	request: Omit<RenderMapRequest, 'selection' | 'probes' | 'onProgress'>
): Promise<PrintMap> {
	const { liveMap, cssPx, pixelRatio, signal } = request;
	signal.throwIfAborted();

	const liveCanvas = liveMap.getCanvas();
	const fittedZoom = fitZoom(
		liveMap.getZoom(),
		{ widthPx: liveCanvas.clientWidth, heightPx: liveCanvas.clientHeight },
		cssPx
	);
	const container = offscreenContainer(cssPx);
	container.dataset['printMap'] = '';

	const options: MapOptions = {
		container,
		style: liveMap.getStyle(),
		center: liveMap.getCenter(),
		zoom: fittedZoom,
		bearing: liveMap.getBearing(),
		pitch: liveMap.getPitch(),
		pixelRatio,
		maxCanvasSize: [request.maxCanvasSidePx, request.maxCanvasSidePx],
		canvasContextAttributes: { preserveDrawingBuffer: true },
		interactive: false,
		attributionControl: false,
		// No label fade-in: the first complete frame is the final one.
		fadeDuration: 0
	};
	const m = new MlMap(options);
	const close = () => {
		m.remove();
		container.remove();
	};
	try {
		// Images added at run time (hatch, event symbols) are not in getStyle(): add them as the
		// live map does, drawn at the print pixel ratio so the symbols stay sharp; copy any other
		// image the style asks for from the live map.
		addStyleImages(m, request.actors, pixelRatio);
		m.on('styleimagemissing', ({ id }: { id: string }) => {
			if (m.hasImage(id) || !liveMap.listImages().includes(id)) return;
			const image = liveMap.getImage(id);
			m.addImage(id, image.data, { pixelRatio: image.pixelRatio, sdf: image.sdf });
		});
		// Every wait listens before anything can fire the event it waits for: an off-screen map
		// with little to draw fires `load` and `idle` in the same frame.
		await until(m, 'load', signal, RENDER_TIMEOUT_MS);
	} catch (error) {
		close();
		throw error;
	}

	let highlighted: FeatureRef | null = null;
	const render: PrintMap['render'] = async ({ selection, probes, onProgress, view }) => {
		signal.throwIfAborted();
		onProgress?.(0.3);
		m.jumpTo(
			view
				? { center: view.center, zoom: view.zoom, bearing: 0, pitch: 0 }
				: {
						center: liveMap.getCenter(),
						zoom: fittedZoom,
						bearing: liveMap.getBearing(),
						pitch: liveMap.getPitch()
					}
		);
		// Feature state is not part of the style: re-apply the selection highlight.
		if (highlighted) m.removeFeatureState(featureTarget(highlighted));
		highlighted = selection;
		if (selection) m.setFeatureState(featureTarget(selection), { selected: true });
		// Each frame drawn while tiles and labels come in moves the bar on, ever more slowly.
		let fraction = 0.3;
		const onRender = () => onProgress?.((fraction += (0.85 - fraction) * 0.2));
		m.on('render', onRender);
		try {
			// A frame after the move: `idle` follows the first frame that leaves nothing to load,
			// even when the map was already complete.
			const idle = until(m, 'idle', signal, RENDER_TIMEOUT_MS);
			m.triggerRepaint();
			await idle;
		} finally {
			m.off('render', onRender);
		}
		onProgress?.(0.9);

		if (import.meta.env.VITE_TEST_HOOKS === '1') recordPrintLabels(m, pixelRatio);
		const canvas = m.getCanvas();
		if (canvas.width !== request.expectPx.widthPx || canvas.height !== request.expectPx.heightPx)
			throw new RenderLimitError(
				`The browser rendered the map at ${canvas.width} × ${canvas.height} px instead of ` +
					`${request.expectPx.widthPx} × ${request.expectPx.heightPx} px (WebGL could not allocate ` +
					`a canvas that large). Choose a lower resolution or a smaller paper.`
			);
		const image = document.createElement('canvas');
		image.width = canvas.width;
		image.height = canvas.height;
		image.getContext('2d')!.drawImage(canvas, 0, 0);
		const probesVisible = probes.map((lngLat) => {
			const p = m.project(lngLat);
			return p.x >= 0 && p.y >= 0 && p.x <= cssPx.widthPx && p.y <= cssPx.heightPx;
		});
		const centre = m.getCenter();
		return {
			image,
			centre: { lng: centre.lng, lat: centre.lat },
			zoom: m.getZoom(),
			bearingDeg: m.getBearing(),
			probesVisible
		};
	};
	return { render, close };
}

/** Label layers whose placed texts the e2e tests read from the last printed map. */
const PRINT_LABEL_LAYERS = ['countries-label', 'provinces-label-involved', 'provinces-label'];

/**
 * For the e2e tests only (VITE_TEST_HOOKS=1): the country and province labels MapLibre placed on
 * the last printed map, and its pixel ratio.
 */
function recordPrintLabels(m: MlMap, pixelRatio: number): void {
	const layers = PRINT_LABEL_LAYERS.filter((id) => m.getLayer(id));
	const labels = m
		.queryRenderedFeatures({ layers })
		.map((f) => ({ layer: f.layer.id, label: String(f.properties['label']) }));
	const hooks = (window as unknown as { borderline?: Record<string, unknown> }).borderline;
	if (hooks) hooks['printLabels'] = { pixelRatio, labels };
}

/** How long the off-screen map may take to load, or to finish drawing, before the export fails. */
export const RENDER_TIMEOUT_MS = 60_000;

/**
 * Resolves on the map's next `event`; rejects on a map error, when the signal aborts, or after
 * `timeoutMs` with a message that says so.
 */
function until(
	map: MlMap,
	event: 'load' | 'idle',
	signal: AbortSignal,
	timeoutMs: number
): Promise<void> {
	return new Promise((resolve, reject) => {
		const done = () => {
			map.off(event, ok);
			map.off('error', failed);
			signal.removeEventListener('abort', aborted);
			clearTimeout(timer);
		};
		const ok = () => {
			done();
			resolve();
		};
		const failed = (e: { error: { message: string } }) => {
			done();
			reject(new Error(`The map failed to render: ${e.error.message}`));
		};
		const aborted = () => {
			done();
			reject(signal.reason);
		};
		const timedOut = () => {
			done();
			reject(
				new Error(
					`The map did not finish ${event === 'load' ? 'loading' : 'drawing'} within ` +
						`${timeoutMs / 1000} s. Try again, or choose a lower resolution.`
				)
			);
		};
		if (signal.aborted) return reject(signal.reason);
		const timer = setTimeout(timedOut, timeoutMs);
		map.once(event, ok);
		map.on('error', failed);
		signal.addEventListener('abort', aborted, { once: true });
	});
}
