// The briefing: one PDF, like a QGIS atlas. An overview page (the snapshot of the view), then a page
// per drawn event: the map centred on it with its precision and estimate, its facts, the claims
// side by side, its distances with their intervals, and its sources in full.
import { distance } from '@turf/turf';
import { formatKm, formatUtc } from '$lib/format';
import { precisionScopeText } from '$lib/geo/codebook';
import { claimLine, claimTopicHeadings, sourceLine } from '$lib/geo/evidence';
import { claimTopics, type MappedEventFeature } from '$lib/geo/schema';
import type { LegendEntry } from '$lib/map/legend';
import { addSnapshotPages, newPdf } from './compose-pdf';
import {
	requestedAnalysis,
	snapshotContent,
	viewFurniture,
	type Progress,
	type Snapshot,
	type SnapshotInputs
} from './export';
import { snapshotFileName } from './filename';
import type { PageContent } from './layout';
import { ALL_ELEMENTS, MAX_TITLE_CHARS, planSnapshot, type SnapshotRequest } from './plan';
import { openPrintMap, type PrintView } from './render-map';

/** A drawn event and the lines of its distances (to the border under each line, towns, crossings). */
export type BriefingEvent = { event: MappedEventFeature; distanceLines: readonly string[] };

export type BriefingInputs = SnapshotInputs & { briefingEvents: readonly BriefingEvent[] };

/** Legend entries an event page keeps: what its map is about. */
const EVENT_PAGE_TOGGLES = new Set(['events', 'precision', 'candidates', 'estimates', 'border']);

/** An event's facts as the pack records them: when, where, how well the place is known, who. */
export function eventFacts(event: MappedEventFeature): string[] {
	const p = event.properties;
	const [lng, lat] = event.geometry.coordinates as [number, number];
	const basis = p.locationBasis === 'stand-in' ? 'Stand-in location' : 'Reported location';
	return [
		`Date: ${formatUtc(p, p.utcOffsetMinutes)}${p.timeNote ? ` (${p.timeNote})` : ''}`,
		`Place reported: ${p.placeReported} (${[p.admin2, p.admin1, p.country].filter(Boolean).join(', ')})`,
		`${basis} ${lat.toFixed(4)}° N, ${lng.toFixed(4)}° E, ${precisionScopeText[p.precisionScope]}, precision radius ${formatKm(p.precisionKm, 0)} (ACLED geo_precision ${p.geoPrecision}, UCDP where_prec ${p.wherePrecision}). ${p.locationNote}`,
		`Event type (ACLED): ${p.eventType} / ${p.subEventType}`,
		`Actors: ${p.actor1}${p.actor2 ? `; ${p.actor2}` : ''}`,
		...(p.claimedTarget ? [`Claimed target: ${p.claimedTarget}`] : []),
		...(p.weapons.length ? [`Weapons reported: ${p.weapons.join(', ')}`] : []),
		...p.candidates.map(
			(c) =>
				`Other reading of the place: ${c.label}, precision radius ${formatKm(c.precisionKm, 0)} (${c.wording})`
		)
	];
}

/**
 * The claims, grouped by topic: every claim on its own line with its claimant and the
 * publications that carried it, next to the others on the same topic; nothing is averaged.
 */
export function claimSections(event: MappedEventFeature): { heading: string; lines: string[] }[] {
	const p = event.properties;
	if (p.claims.length === 0)
		return [{ heading: 'Claims', lines: ['No attributed claims recorded.'] }];
	return claimTopics
		.map((topic) => ({
			heading: claimTopicHeadings[topic],
			lines: p.claims.filter((c) => c.topic === topic).map((c) => claimLine(c, p.sources))
		}))
		.filter((section) => section.lines.length > 0);
}

/** An event page's words: the title, its facts, claims, distances and sources in full. */
export function eventPageContent(
	item: BriefingEvent,
	base: Pick<PageContent, 'attribution' | 'generated'> & { legend: readonly LegendEntry[] | null },
	subtitle: string,
	scaleBar: PageContent['scaleBar']
): PageContent {
	const p = item.event.properties;
	return {
		title: p.title,
		subtitle,
		legend: base.legend?.filter((entry) => EVENT_PAGE_TOGGLES.has(entry.toggle)) ?? null,
		analysis: { heading: 'Facts', lines: eventFacts(item.event) },
		sections: [
			...claimSections(item.event),
			{
				heading: 'Distances (geodesic, WGS84; ranges over the precision radius)',
				lines: item.distanceLines.length ? [...item.distanceLines] : ['Not measured yet.']
			}
		],
		sources: { heading: 'Sources', items: p.sources.map(sourceLine) },
		attribution: base.attribution,
		generated: base.generated,
		scaleBar,
		northArrow: { bearingDeg: 0 }
	};
}

/** Web Mercator ground metres per CSS px at zoom 0 on the equator (512 px tiles). */
const METRES_PER_PX_Z0 = 40_075_016.686 / 512;

/**
 * A view centred on the event that holds its precision circle and every other reading of its
 * place, their diameter filling at most 70% of the map's shorter side; zoom 4 to 12.
 */
export function eventView(
	event: MappedEventFeature,
	mapCssPx: { widthPx: number; heightPx: number }
): PrintView {
	const [lng, lat] = event.geometry.coordinates as [number, number];
	const p = event.properties;
	const radiusKm = Math.max(
		3,
		p.precisionKm,
		...p.candidates.map((c) => distance([lng, lat], c.coordinates) + c.precisionKm)
	);
	const sidePx = Math.min(mapCssPx.widthPx, mapCssPx.heightPx) * 0.7;
	const metresPerPx = (2 * radiusKm * 1000) / sidePx;
	const zoom = Math.log2((METRES_PER_PX_Z0 * Math.cos((lat * Math.PI) / 180)) / metresPerPx);
	return { center: [lng, lat], zoom: Math.min(12, Math.max(4, zoom)) };
}

/**
 * Writes the briefing. The paper, orientation and resolution are the request's; every element is
 * printed, so each page stands alone. One off-screen map renders every page.
 */
export async function exportBriefing(
	request: SnapshotRequest,
	inputs: BriefingInputs,
	signal: AbortSignal,
	onProgress: (progress: Progress) => void = () => {}
): Promise<Snapshot> {
	const full: SnapshotRequest = {
		...request,
		format: 'pdf',
		elements: { ...ALL_ELEMENTS, date: request.elements.date },
		title: (request.title.trim() || 'Briefing').slice(0, MAX_TITLE_CHARS)
	};
	// Every page has a title and a panel: one frame, one map size for all.
	const plan = planSnapshot(full, true);
	const pages = inputs.briefingEvents.length + 1;
	const step = (done: number, label: string) =>
		onProgress({ fraction: 0.02 + (0.93 * done) / pages, label });
	step(0, 'Rendering the overview…');
	const printMap = await openPrintMap({
		liveMap: inputs.liveMap,
		cssPx: plan.frame.mapCssPx,
		pixelRatio: plan.pixelRatio,
		expectPx: plan.mapPx,
		maxCanvasSidePx: inputs.maxMapSidePx,
		actors: inputs.actors,
		signal
	});
	try {
		const overview = await printMap.render({
			selection: inputs.selection,
			probes: inputs.events.map((e) => e.geometry.coordinates as [number, number])
		});
		const content = snapshotContent(full, inputs, overview, plan, requestedAnalysis(full, inputs));
		const pdf = await newPdf(plan.frame.page, content);
		addSnapshotPages(pdf, plan.frame, content, overview.image, 'overview');
		for (const [i, item] of inputs.briefingEvents.entries()) {
			step(i + 1, `Rendering event ${i + 1} of ${inputs.briefingEvents.length}…`);
			const rendered = await printMap.render({
				selection: { layer: 'events', id: item.event.properties.id },
				probes: [],
				view: eventView(item.event, plan.frame.mapCssPx)
			});
			const around = viewFurniture(full.elements, rendered, plan);
			addSnapshotPages(
				pdf,
				plan.frame,
				eventPageContent(item, content, around.subtitle, around.scaleBar),
				rendered.image,
				`event-${i}`
			);
		}
		signal.throwIfAborted();
		onProgress({ fraction: 0.97, label: 'Writing PDF…' });
		const blob = pdf.doc.output('blob');
		onProgress({ fraction: 1, label: 'Done' });
		return {
			blob,
			fileName: snapshotFileName({
				scenarioId: inputs.scenarioSlug,
				selectionId: null,
				briefing: true,
				paper: full.paper,
				orientation: full.orientation,
				screenPx: full.screenPx,
				dpi: full.dpi,
				format: 'pdf'
			}),
			widthPx: plan.pagePx.widthPx,
			heightPx: plan.pagePx.heightPx
		};
	} finally {
		printMap.close();
	}
}
