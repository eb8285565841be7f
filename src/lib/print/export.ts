// The snapshot pipeline: plan → off-screen map at the dpi → furniture → PNG or PDF file.
import type { Map as MlMap } from 'maplibre-gl';
import type { Actor } from '$lib/geo/pack';
import type { MappedEventFeature } from '$lib/geo/schema';
import type { LegendEntry } from '$lib/map/legend';
import type { ResolvedFeature } from '$lib/state/lookup';
import type { FeatureRef } from '$lib/state/selection';
import {
	analysisBox,
	eventSourceItems,
	generatedText,
	PRINT_ATTRIBUTION,
	scaleNote,
	viewSubtitle
} from './content';
import { snapshotFileName } from './filename';
import type { PageContent } from './layout';
import { MAX_TITLE_CHARS, planSnapshot, type SnapshotPlan, type SnapshotRequest } from './plan';
import { renderMap, type RenderedMap } from './render-map';
import { formatScale, groundMetresPerPaperMm, niceScaleBar, scaleDenominator } from './scale';

export type SnapshotInputs = {
	/** The scenario pack's slug: it names the file. */
	scenarioSlug: string;
	/** The pack's actors, whose event symbols the printed map draws. */
	actors: readonly Actor[];
	liveMap: MlMap;
	selection: FeatureRef | null;
	selected: ResolvedFeature | null;
	events: readonly MappedEventFeature[];
	legend: readonly LegendEntry[];
	analysisLines?: readonly string[];
	/** Credits of the drawn layers beyond the app's own (a pack's extra layers). */
	credits?: readonly string[];
	/** WebGL's largest canvas side (see gl-limits.ts). */
	maxMapSidePx: number;
	now?: Date;
};

export type Progress = { fraction: number; label: string };

export type Snapshot = { blob: Blob; fileName: string; widthPx: number; heightPx: number };

/** What a page says of its rendered view: the subtitle, the scale bar and the north arrow. */
export function viewFurniture(
	elements: SnapshotRequest['elements'],
	rendered: RenderedMap,
	plan: SnapshotPlan
): Pick<PageContent, 'subtitle' | 'scaleBar' | 'northArrow'> {
	const lat = rendered.centre.lat;
	const scaleText = formatScale(scaleDenominator(lat, rendered.zoom));
	const metresPerMm = groundMetresPerPaperMm(lat, rendered.zoom);
	return {
		subtitle: viewSubtitle({ centre: rendered.centre, scaleText, bearingDeg: rendered.bearingDeg }),
		scaleBar: elements.scaleBar
			? {
					...niceScaleBar(metresPerMm, Math.min(40, plan.frame.map.w * 0.3)),
					scaleText: scaleNote(scaleText, lat)
				}
			: null,
		northArrow: elements.northArrow ? { bearingDeg: rendered.bearingDeg } : null
	};
}

/** The words and furniture of a snapshot's page around a rendered map. */
export function snapshotContent(
	request: SnapshotRequest,
	inputs: SnapshotInputs,
	rendered: RenderedMap,
	plan: SnapshotPlan,
	analysis: PageContent['analysis']
): PageContent {
	const visibleEvents = inputs.events.filter((_, i) => rendered.probesVisible[i]);
	const { elements } = request;
	return {
		title: request.title.trim().slice(0, MAX_TITLE_CHARS),
		...viewFurniture(elements, rendered, plan),
		legend: elements.legend ? inputs.legend : null,
		analysis,
		sources: elements.sources
			? { heading: 'Sources of the events shown', items: eventSourceItems(visibleEvents) }
			: null,
		attribution: [...PRINT_ATTRIBUTION, ...(inputs.credits ?? [])],
		generated: elements.date ? generatedText(inputs.now ?? new Date()) : null
	};
}

/** The analysis box a request prints, if any (an event is selected and the box is asked for). */
export function requestedAnalysis(
	request: SnapshotRequest,
	inputs: SnapshotInputs
): PageContent['analysis'] {
	return request.elements.analysis ? analysisBox(inputs.selected, inputs.analysisLines) : null;
}

export async function exportSnapshot(
	request: SnapshotRequest,
	inputs: SnapshotInputs,
	signal: AbortSignal,
	onProgress: (progress: Progress) => void = () => {}
): Promise<Snapshot> {
	const analysis = requestedAnalysis(request, inputs);
	const plan = planSnapshot(request, analysis !== null);
	onProgress({ fraction: 0.02, label: 'Rendering map…' });
	const rendered = await renderMap({
		liveMap: inputs.liveMap,
		cssPx: plan.frame.mapCssPx,
		pixelRatio: plan.pixelRatio,
		expectPx: plan.mapPx,
		maxCanvasSidePx: inputs.maxMapSidePx,
		selection: inputs.selection,
		actors: inputs.actors,
		probes: inputs.events.map((e) => e.geometry.coordinates as [number, number]),
		signal,
		onProgress: (f) => onProgress({ fraction: 0.02 + f * 0.68, label: 'Rendering map…' })
	});
	signal.throwIfAborted();
	onProgress({ fraction: 0.72, label: 'Drawing legend, scale and text…' });
	const content = snapshotContent(request, inputs, rendered, plan, analysis);

	onProgress({ fraction: 0.8, label: `Writing ${request.format.toUpperCase()}…` });
	const blob =
		request.format === 'png'
			? await (
					await import('./compose-png')
				).composePng(plan, content, rendered.image, request.dpi, signal)
			: await (await import('./compose-pdf')).composePdf(plan, content, rendered.image, signal);
	onProgress({ fraction: 1, label: 'Done' });
	const fileName = snapshotFileName({
		scenarioId: inputs.scenarioSlug,
		selectionId: inputs.selection?.id ?? null,
		paper: request.paper,
		orientation: request.orientation,
		screenPx: request.screenPx,
		dpi: request.dpi,
		format: request.format
	});
	return { blob, fileName, widthPx: plan.pagePx.widthPx, heightPx: plan.pagePx.heightPx };
}
