// Renders the live map's view again on a hidden off-screen map at print resolution, leaving the
// live map untouched, and returns a copy of the pixels.
import type { Map as MlMap, MapOptions } from 'maplibre-gl';
import { addStyleImages } from '$lib/map/style';
import type { FeatureRef } from '$lib/state/selection';
import type { Actor } from '$lib/geo/pack';
import type { SizePx } from './paper';
import { fitZoom } from './scale';

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
	const { liveMap, cssPx, pixelRatio, signal } = request;
	signal.throwIfAborted();
	const maplibre = await import('maplibre-gl');
	signal.throwIfAborted();

	const liveCanvas = liveMap.getCanvas();
	const zoom = fitZoom(
		liveMap.getZoom(),
		{ widthPx: liveCanvas.clientWidth, heightPx: liveCanvas.clientHeight },
		cssPx
	);
	const container = document.createElement('div');
	container.setAttribute('aria-hidden', 'true');
	container.dataset['printMap'] = '';
	Object.assign(container.style, {
		position: 'fixed',
		left: '-100000px',
		top: '0',
		width: `${cssPx.widthPx}px`,
		height: `${cssPx.heightPx}px`,
		visibility: 'hidden',
		pointerEvents: 'none'
	});
	document.body.append(container);

	let map: MlMap | undefined;
	try {
		const options: MapOptions = {
			container,
			style: liveMap.getStyle(),
			center: liveMap.getCenter(),
			zoom,
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
		map = new maplibre.Map(options);
		const m = map;
		// Images added at run time (hatch, event symbols) are not in getStyle(): add them as the
		// live map does, drawn at the print pixel ratio so the symbols stay sharp; copy any other
		// image the style asks for from the live map.
		addStyleImages(m, request.actors, pixelRatio);
		m.on('styleimagemissing', ({ id }: { id: string }) => {
			if (m.hasImage(id) || !liveMap.listImages().includes(id)) return;
			const image = liveMap.getImage(id);
			m.addImage(id, image.data, { pixelRatio: image.pixelRatio, sdf: image.sdf });
		});
		request.onProgress?.(0.1);
		// Every wait listens before anything can fire the event it waits for: an off-screen map
		// with little to draw fires `load` and `idle` in the same frame.
		await until(m, 'load', signal, RENDER_TIMEOUT_MS);
		request.onProgress?.(0.3);
		// Feature state is not part of the style: re-apply the selection highlight.
		if (request.selection)
			m.setFeatureState(
				{ source: request.selection.layer, id: request.selection.id },
				{ selected: true }
			);
		// Each frame drawn while tiles and labels come in moves the bar on, ever more slowly.
		let fraction = 0.3;
		const onRender = () => request.onProgress?.((fraction += (0.85 - fraction) * 0.2));
		m.on('render', onRender);
		// A frame after the highlight: `idle` follows the first frame that leaves nothing to
		// load, even when the map was already complete at `load`.
		const idle = until(m, 'idle', signal, RENDER_TIMEOUT_MS);
		m.triggerRepaint();
		await idle;
		m.off('render', onRender);
		request.onProgress?.(0.9);

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
		const probesVisible = request.probes.map((lngLat) => {
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
	} finally {
		map?.remove();
		container.remove();
	}
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
