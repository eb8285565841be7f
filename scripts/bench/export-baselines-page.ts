// In-page side of the export baselines (bundled by export-baselines.ts, loaded into the app's page):
// a plain off-screen MapLibre render and @watergis/maplibre-gl-export, both on the bench's served
// MapLibre build, reading the app's live map (window.borderline.map) and never changing it.
import * as maplibregl from 'maplibre-gl';
import {
	DPI,
	Format,
	MaplibreExportControl,
	PageOrientation,
	Size,
	Unit
} from '@watergis/maplibre-gl-export';
import { offscreenContainer } from '../../src/lib/print/offscreen';

maplibregl.setWorkerUrl('/__bench/maplibre-gl-worker.mjs');
// As the app does: keeps the worker pool alive between maps, so no render pays for starting it.
maplibregl.prewarm();

export type BaselineResult = {
	/** From the start to the PNG's bytes in hand (ms). */
	ms: number;
	/** The PNG's size in device pixels and bytes. */
	widthPx: number;
	heightPx: number;
	bytes: number;
};

const TIMEOUT_MS = 120_000;

function liveMap(): maplibregl.Map {
	return (window as unknown as { borderline: { map: maplibregl.Map } }).borderline.map;
}

/**
 * The limit: the live map's style and view rendered once by a hidden MapLibre map of `cssPx` at
 * `pixelRatio`, as the app's print map is made, then `toBlob('image/png')`. Images the app adds at
 * run time (not in getStyle()) are copied from the live map before the style loads, as is.
 */
export async function plainRender(
	cssPx: { widthPx: number; heightPx: number },
	pixelRatio: number,
	zoom: number
): Promise<BaselineResult> {
	const live = liveMap();
	const started = performance.now();
	const container = offscreenContainer(cssPx);
	const map = new maplibregl.Map({
		container,
		style: live.getStyle(),
		center: live.getCenter(),
		zoom,
		bearing: live.getBearing(),
		pitch: live.getPitch(),
		pixelRatio,
		canvasContextAttributes: { preserveDrawingBuffer: true },
		fadeDuration: 0,
		interactive: false,
		attributionControl: false
	});
	try {
		for (const id of live.listImages()) {
			const image = live.getImage(id);
			if (image) map.addImage(id, image.data, { pixelRatio: image.pixelRatio, sdf: image.sdf });
		}
		await new Promise<void>((resolve, reject) => {
			const timer = setTimeout(() => reject(new Error('plain render: no idle')), TIMEOUT_MS);
			map.once('idle', () => {
				clearTimeout(timer);
				resolve();
			});
		});
		const canvas = map.getCanvas();
		const blob = await new Promise<Blob>((resolve, reject) =>
			canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('toBlob gave null'))), 'image/png')
		);
		return {
			ms: performance.now() - started,
			widthPx: canvas.width,
			heightPx: canvas.height,
			bytes: blob.size
		};
	} finally {
		map.remove();
		container.remove();
	}
}

/**
 * The plugin's own export path, as its Generate button calls it (`generateMap`), for A4 landscape
 * 300 dpi PNG of the live map. It ends by clicking a download link holding a PNG data URL: that
 * click is caught (no file is saved) and is the end of the timing.
 */
export function pluginExport(): Promise<BaselineResult> {
	const control = new MaplibreExportControl({
		PageSize: Size.A4,
		PageOrientation: PageOrientation.Landscape,
		Format: Format.PNG,
		DPI: DPI[300],
		Crosshair: false,
		PrintableArea: false
	});
	const click = HTMLAnchorElement.prototype.click;
	return new Promise<BaselineResult>((resolve, reject) => {
		const timer = setTimeout(() => {
			HTMLAnchorElement.prototype.click = click;
			reject(new Error('plugin export: no download within the time limit'));
		}, TIMEOUT_MS);
		let started = 0;
		HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
			if (!this.download) return click.call(this);
			const ms = performance.now() - started;
			HTMLAnchorElement.prototype.click = click;
			clearTimeout(timer);
			const url = this.href;
			const bytes = Math.floor(((url.length - url.indexOf(',') - 1) * 3) / 4);
			const image = new Image();
			image.onload = () =>
				resolve({ ms, widthPx: image.naturalWidth, heightPx: image.naturalHeight, bytes });
			image.onerror = () => reject(new Error('plugin export: not an image'));
			image.src = url;
		};
		started = performance.now();
		// Protected in its types; this is what the control's Generate button runs ([297, 210] is
		// A4 landscape in mm, as the button passes it).
		(
			control as unknown as {
				generateMap(
					map: maplibregl.Map,
					size: readonly [number, number],
					dpi: number,
					format: string,
					unit: string,
					fileName: string
				): void;
			}
		).generateMap(liveMap(), Size.A4, DPI[300], Format.PNG, Unit.mm, 'map');
	});
}
