// A snapshot request → its page, frame and pixel sizes, before anything is rendered.
import { pageFrame, type PageFrame } from './layout';
import {
	pagePixelSize,
	paperSizeMm,
	pixelRatioForDpi,
	type Orientation,
	type PaperId,
	type SizePx
} from './paper';
import type { SnapshotFormat } from './filename';
import type { RenderPlan } from './limits';

/** What the snapshot shows besides the map and its credits (which are always printed). */
export type SnapshotElements = {
	legend: boolean;
	scaleBar: boolean;
	northArrow: boolean;
	analysis: boolean;
	sources: boolean;
	date: boolean;
};

/** A title longer than this cannot be printed legibly on one line of any paper offered. */
export const MAX_TITLE_CHARS = 300;

export const ALL_ELEMENTS: SnapshotElements = {
	legend: true,
	scaleBar: true,
	northArrow: true,
	analysis: true,
	sources: true,
	date: true
};

export type SnapshotRequest = {
	format: SnapshotFormat;
	paper: PaperId;
	orientation: Orientation;
	dpi: number;
	title: string;
	elements: SnapshotElements;
	/** The live map's size in CSS px, which the `screen` paper takes as its page. */
	screenPx: SizePx;
};

export type SnapshotPlan = RenderPlan & {
	frame: PageFrame;
	/** MapLibre pixel ratio for the off-screen map: dpi / 96. */
	pixelRatio: number;
};

/**
 * Page and map sizes for a request. The map's device pixels are what MapLibre makes of the
 * frame's whole CSS px at the ratio (it rounds their product), so the PNG holds them 1:1.
 * @param hasAnalysis whether an analysis box will be drawn (an event is selected)
 */
export function planSnapshot(request: SnapshotRequest, hasAnalysis: boolean): SnapshotPlan {
	const page = paperSizeMm(request.paper, request.orientation, request.screenPx);
	const { legend, sources, analysis } = request.elements;
	const frame = pageFrame({
		page,
		title: request.title.trim() !== '',
		panel: legend || sources || (analysis && hasAnalysis)
	});
	const pixelRatio = pixelRatioForDpi(request.dpi);
	return {
		frame,
		pixelRatio,
		pagePx: pagePixelSize(page, request.dpi),
		mapPx: {
			widthPx: Math.round(frame.mapCssPx.widthPx * pixelRatio),
			heightPx: Math.round(frame.mapCssPx.heightPx * pixelRatio)
		}
	};
}
