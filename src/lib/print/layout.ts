// Where everything goes on a snapshot page, in millimetres: one display list that the PNG (2D
// canvas) and PDF (jsPDF) renderers both draw, so the two formats match.
import { legendText, type LegendEntry, type LegendSymbol } from '$lib/map/legend';
import { cssPxToMm, CSS_DPI, MM_PER_INCH, type SizeMm, type SizePx } from './paper';
import type { ScaleBar } from './scale';

/** Millimetres per typographic point (1 pt = 1/72 in). */
export const MM_PER_PT = MM_PER_INCH / 72;

export type Rect = { x: number; y: number; w: number; h: number };
type Point = [number, number];

/** Width in millimetres of a text at a size; each renderer measures with the font it draws in. */
export type Measure = (text: string, sizePt: number, bold: boolean) => number;

export type Paint = { fill?: string; stroke?: string; widthMm?: number; dashMm?: [number, number] };
export type Primitive =
	| { kind: 'map'; rect: Rect }
	| ({ kind: 'rect'; rect: Rect } & Paint)
	| ({ kind: 'path'; points: Point[]; closed: boolean } & Paint)
	| ({ kind: 'circle'; cx: number; cy: number; r: number } & Paint)
	| {
			kind: 'text';
			text: string;
			/** Anchor on the alphabetic baseline. */
			x: number;
			y: number;
			sizePt: number;
			bold: boolean;
			colour: string;
			align: 'left' | 'center' | 'right';
			/** Clockwise rotation about the anchor, in degrees. */
			angleDeg: number;
	  };

const MARGIN_MM = 8;
const GAP_MM = 4;
const HEADER_MM = 13;
const FOOTER_MM = 7.5;
const INK = '#1d1d1d';
const MUTED = '#555555';
const FRAME = '#555555';

export type FrameOptions = {
	page: SizeMm;
	title: boolean;
	/** Whether any of legend, analysis or sources is drawn beside or below the map. */
	panel: boolean;
};

export type PageFrame = {
	page: SizeMm;
	header: Rect | null;
	/** The map area; its size is a whole number of CSS px (see `mapCssPx`). */
	map: Rect;
	mapCssPx: SizePx;
	/** Columns for the legend, analysis and sources, filled in order. */
	columns: Rect[];
	footer: Rect;
};

/**
 * The page's regions. Landscape pages get one column to the right of the map; portrait pages two
 * columns below it. The map is trimmed to whole CSS pixels so that the off-screen map, which is
 * sized in CSS px, fills it exactly at any dpi.
 */
export function pageFrame({ page, title, panel }: FrameOptions): PageFrame {
	const inner: Rect = {
		x: MARGIN_MM,
		y: MARGIN_MM,
		w: page.widthMm - 2 * MARGIN_MM,
		h: page.heightMm - 2 * MARGIN_MM
	};
	const header = title ? { x: inner.x, y: inner.y, w: inner.w, h: HEADER_MM } : null;
	const footer = { x: inner.x, y: inner.y + inner.h - FOOTER_MM, w: inner.w, h: FOOTER_MM };
	const top = header ? header.y + header.h : inner.y;
	const body: Rect = { x: inner.x, y: top, w: inner.w, h: footer.y - GAP_MM / 2 - top };
	let mapArea = body;
	const columns: Rect[] = [];
	if (panel && page.widthMm >= page.heightMm) {
		const w = clamp(body.w * 0.28, 58, 85);
		mapArea = { ...body, w: body.w - w - GAP_MM };
		columns.push({ x: body.x + body.w - w, y: body.y, w, h: body.h });
	} else if (panel) {
		const h = clamp(body.h * 0.3, 55, 95);
		mapArea = { ...body, h: body.h - h - GAP_MM };
		const w = (body.w - GAP_MM) / 2;
		const y = body.y + body.h - h;
		columns.push({ x: body.x, y, w, h }, { x: body.x + w + GAP_MM, y, w, h });
	}
	const mapCssPx = {
		widthPx: Math.floor((mapArea.w / MM_PER_INCH) * CSS_DPI),
		heightPx: Math.floor((mapArea.h / MM_PER_INCH) * CSS_DPI)
	};
	const map = {
		x: mapArea.x,
		y: mapArea.y,
		w: cssPxToMm(mapCssPx.widthPx),
		h: cssPxToMm(mapCssPx.heightPx)
	};
	return { page, header, map, mapCssPx, columns, footer };
}

export type PageContent = {
	title: string;
	/** One line under the title: map centre, scale, bearing. */
	subtitle: string;
	legend: readonly LegendEntry[] | null;
	analysis: { heading: string; lines: readonly string[] } | null;
	/** Headed lists after the analysis (a briefing page's claims and distances). */
	sections?: readonly { heading: string; lines: readonly string[] }[];
	sources: { heading: string; items: readonly string[] } | null;
	/** Data and software credits; always printed (the GeoNames licence requires it). */
	attribution: readonly string[];
	/** "Generated 2024-…" or null to leave the date out. */
	generated: string | null;
	scaleBar: (ScaleBar & { scaleText: string }) | null;
	northArrow: { bearingDeg: number } | null;
};

/**
 * Lays out a one-page snapshot (a PNG): the map placeholder first, then every piece of furniture
 * over or beside it. What the panel cannot hold is counted in a last line, sources by number.
 */
export function layoutPage(frame: PageFrame, content: PageContent, measure: Measure): Primitive[] {
	return layoutPages(frame, content, measure, { continuePages: false })[0]!;
}

/** Pages a PDF may add for the sources that do not fit beside the map; past that, a count. */
const MAX_CONTINUATION_PAGES = 20;

/**
 * Lays out the snapshot's pages. With `continuePages` (a PDF), what the first page's panel
 * cannot hold continues on further pages in columns the width of the page, each with the title
 * and the credits, so the print stands alone; without it, the first page says how much it leaves
 * out.
 */
export function layoutPages(
	frame: PageFrame,
	content: PageContent,
	measure: Measure,
	{ continuePages }: { continuePages: boolean }
): Primitive[][] {
	const out: Primitive[] = [{ kind: 'map', rect: frame.map }];
	out.push({ kind: 'rect', rect: frame.map, stroke: FRAME, widthMm: 0.25 });
	if (frame.header) layoutHeader(out, frame.header, content, measure);
	if (content.scaleBar) layoutScaleBar(out, frame.map, content.scaleBar, measure);
	if (content.northArrow) layoutNorthArrow(out, frame.map, content.northArrow.bearingDeg);
	const pages = [out];
	let rest = flowUnits(out, frame.columns, panelUnits(content, frame.columns[0]?.w ?? 0, measure), {
		continues: continuePages
	});
	layoutFooter(out, frame.footer, content, measure);
	while (rest.length && continuePages) {
		const page: Primitive[] = [];
		const last = pages.length === MAX_CONTINUATION_PAGES;
		const next = continuationFrame(frame.page);
		const heading = `${content.title || 'Snapshot'}: continued (page ${pages.length + 1})`;
		const fitted = fitText(heading, next.header.w, 11, 8, true, measure);
		page.push(
			text(fitted.text, next.header.x, next.header.y + ascentMm(11), fitted.sizePt, { bold: true })
		);
		// The units were wrapped for the first page's column, never wider than these. A list cut
		// by the page break is headed again on the new page.
		const section = rest[0]?.section;
		const continued = section ? [headingUnit(`${section} (continued)`), ...rest] : rest;
		rest = flowUnits(page, next.columns, continued, { continues: !last });
		layoutFooter(page, next.footer, content, measure);
		pages.push(page);
		if (last) break;
	}
	return pages;
}

/** A continuation page: a header line, columns over the whole body, the footer. */
function continuationFrame(page: SizeMm): { header: Rect; columns: Rect[]; footer: Rect } {
	const inner = pageFrame({ page, title: true, panel: false });
	const body = {
		x: inner.header!.x,
		y: inner.header!.y + HEADER_MM * 0.7,
		w: inner.header!.w,
		h: inner.footer.y - GAP_MM / 2 - (inner.header!.y + HEADER_MM * 0.7)
	};
	const count = page.widthMm >= page.heightMm ? 3 : 2;
	const w = (body.w - GAP_MM * (count - 1)) / count;
	const columns = Array.from({ length: count }, (_, i) => ({
		...body,
		x: body.x + i * (w + GAP_MM),
		w
	}));
	return { header: inner.header!, columns, footer: inner.footer };
}

function text(
	value: string,
	x: number,
	y: number,
	sizePt: number,
	options: Partial<{ bold: boolean; colour: string; align: 'left' | 'center' | 'right' }> = {}
): Primitive {
	return {
		kind: 'text',
		text: value,
		x,
		y,
		sizePt,
		bold: options.bold ?? false,
		colour: options.colour ?? INK,
		align: options.align ?? 'left',
		angleDeg: 0
	};
}

const lineHeightMm = (sizePt: number) => sizePt * MM_PER_PT * 1.25;
/** Distance from the top of a line box to its baseline. */
const ascentMm = (sizePt: number) => sizePt * MM_PER_PT * 0.95;

/**
 * The longest prefix length from 1 to `max` for which `fits` holds, by halving: a few dozen
 * measurements whatever the length (one per character would take seconds on a long title).
 * Assumes that if a prefix fits, every shorter one does; returns 1 when none fits.
 */
export function longestFitting(max: number, fits: (length: number) => boolean): number {
	let lo = 1;
	let hi = max;
	while (lo < hi) {
		const mid = (lo + hi + 1) >> 1;
		if (fits(mid)) lo = mid;
		else hi = mid - 1;
	}
	return lo;
}

/**
 * Greedy word wrap to a width; a word longer than the width is broken between characters.
 * @returns at least one line
 */
export function wrapText(
	value: string,
	maxWidthMm: number,
	sizePt: number,
	bold: boolean,
	measure: Measure
): string[] {
	const lines: string[] = [];
	let line = '';
	for (const word of value.split(/\s+/).filter(Boolean)) {
		const candidate = line ? `${line} ${word}` : word;
		if (measure(candidate, sizePt, bold) <= maxWidthMm) {
			line = candidate;
			continue;
		}
		if (line) lines.push(line);
		line = word;
		while (line.length > 1 && measure(line, sizePt, bold) > maxWidthMm) {
			const piece = line;
			const cut = longestFitting(
				piece.length - 1,
				(n) => measure(piece.slice(0, n), sizePt, bold) <= maxWidthMm
			);
			lines.push(piece.slice(0, cut));
			line = piece.slice(cut);
		}
	}
	lines.push(line);
	return lines;
}

/** The largest size from `sizePt` down to `minPt` at which the text fits, with an ellipsis below. */
export function fitText(
	value: string,
	maxWidthMm: number,
	sizePt: number,
	minPt: number,
	bold: boolean,
	measure: Measure
): { text: string; sizePt: number } {
	for (let size = sizePt; size >= minPt; size -= 0.5)
		if (measure(value, size, bold) <= maxWidthMm) return { text: value, sizePt: size };
	const cut = longestFitting(
		value.length,
		(n) => measure(`${value.slice(0, n)}…`, minPt, bold) <= maxWidthMm
	);
	return { text: `${value.slice(0, cut).trimEnd()}…`, sizePt: minPt };
}

function layoutHeader(out: Primitive[], header: Rect, content: PageContent, measure: Measure) {
	const title = fitText(content.title, header.w, 14, 9, true, measure);
	out.push(text(title.text, header.x, header.y + ascentMm(14), title.sizePt, { bold: true }));
	const sub = fitText(content.subtitle, header.w, 8, 6, false, measure);
	out.push(
		text(sub.text, header.x, header.y + lineHeightMm(14) + ascentMm(8) + 0.6, sub.sizePt, {
			colour: MUTED
		})
	);
}

function layoutFooter(out: Primitive[], footer: Rect, content: PageContent, measure: Measure) {
	const credits = fitText(content.attribution.join(' · '), footer.w, 6.5, 5, false, measure);
	out.push(text(credits.text, footer.x, footer.y + ascentMm(6.5) + 0.5, credits.sizePt));
	if (content.generated)
		out.push(
			text(content.generated, footer.x, footer.y + lineHeightMm(6.5) + ascentMm(6.5) + 0.8, 6.5, {
				colour: MUTED
			})
		);
}

/** Scale bar in a white box at the map's bottom-left corner. */
function layoutScaleBar(
	out: Primitive[],
	map: Rect,
	bar: ScaleBar & { scaleText: string },
	measure: Measure
) {
	const pad = 1.8;
	const labelPt = 7;
	const notePt = 6;
	const labelW = measure(bar.label, labelPt, false);
	const noteW = measure(bar.scaleText, notePt, false);
	const boxW = Math.max(1 + bar.lengthMm + labelW / 2, noteW) + 2 * pad;
	const boxH = pad + lineHeightMm(labelPt) + 2 + 0.8 + lineHeightMm(notePt) + pad;
	const box = { x: map.x + 3, y: map.y + map.h - 3 - boxH, w: boxW, h: boxH };
	out.push({ kind: 'rect', rect: box, fill: '#ffffff', stroke: '#999999', widthMm: 0.2 });
	const x0 = box.x + pad + 1;
	const labelBase = box.y + pad + ascentMm(labelPt);
	const barTop = box.y + pad + lineHeightMm(labelPt);
	const half = bar.lengthMm / 2;
	out.push(
		{ kind: 'rect', rect: { x: x0, y: barTop, w: half, h: 1.6 }, fill: INK },
		{ kind: 'rect', rect: { x: x0 + half, y: barTop, w: half, h: 1.6 }, fill: '#ffffff' },
		{
			kind: 'rect',
			rect: { x: x0, y: barTop, w: bar.lengthMm, h: 1.6 },
			stroke: INK,
			widthMm: 0.25
		},
		text('0', x0, labelBase, labelPt, { align: 'center' }),
		text(bar.label, x0 + bar.lengthMm, labelBase, labelPt, { align: 'center' }),
		text(bar.scaleText, box.x + pad, barTop + 2.4 + ascentMm(notePt), notePt, {
			colour: MUTED
		})
	);
}

/** North arrow in a circle at the map's top-right corner, turned by the map's bearing. */
function layoutNorthArrow(out: Primitive[], map: Rect, bearingDeg: number) {
	const r = 6.5;
	const cx = map.x + map.w - 3 - r;
	const cy = map.y + 3 + r;
	// MapLibre's bearing is the compass direction at the top of the map, so north is turned
	// counter-clockwise by the bearing on the page.
	const angle = (-bearingDeg * Math.PI) / 180;
	const turn = ([x, y]: Point): Point => [
		cx + x * Math.cos(angle) - y * Math.sin(angle),
		cy + x * Math.sin(angle) + y * Math.cos(angle)
	];
	out.push({ kind: 'circle', cx, cy, r, fill: '#ffffff', stroke: '#999999', widthMm: 0.2 });
	const tip: Point = [0, -1.6];
	const notch: Point = [0, 2.6];
	out.push(
		{
			kind: 'path',
			points: ([tip, [-2, 4.4], notch] as Point[]).map(turn),
			closed: true,
			fill: INK
		},
		{
			kind: 'path',
			points: ([tip, [2, 4.4], notch] as Point[]).map(turn),
			closed: true,
			fill: '#ffffff',
			stroke: INK,
			widthMm: 0.2
		}
	);
	const [nx, ny] = turn([0, -2.6]);
	out.push({
		kind: 'text',
		text: 'N',
		x: nx,
		y: ny,
		sizePt: 7,
		bold: true,
		colour: INK,
		align: 'center',
		angleDeg: -bearingDeg
	});
}

/** A piece of panel content that is never split across columns. */
type Unit = {
	height: number;
	draw: (x: number, y: number, w: number) => Primitive[];
	/** Space only: dropped at the top of a column and never counted as content. */
	spacer?: boolean;
	/** A heading: moves to the next column together with the unit after it. */
	keepWithNext?: boolean;
	/** One cited source: what a page that cannot hold them all counts as left out. */
	source?: boolean;
	/** An item of a headed list: the list's heading, repeated atop a page it continues on. */
	section?: string;
};

function headingUnit(label: string): Unit {
	const size = 9;
	return {
		height: lineHeightMm(size) + 0.8,
		draw: (x, y) => [text(label, x, y + ascentMm(size), size, { bold: true })],
		keepWithNext: true
	};
}

function legendUnits(entries: readonly LegendEntry[], width: number, measure: Measure): Unit[] {
	const size = 7.5;
	const symbolW = 8;
	return [
		headingUnit('Legend'),
		...entries.map((entry): Unit => {
			const lines = wrapText(legendText(entry), width - symbolW - 1.5, size, false, measure);
			const height = Math.max(5, lines.length * lineHeightMm(size) + 1.4);
			return {
				height,
				draw: (x, y) => [
					...legendSymbol(entry.symbol, x + symbolW / 2, y + 2.4),
					...lines.map((line, i) =>
						text(
							line,
							x + symbolW + 1.5,
							y + 2.4 + 0.35 * size * MM_PER_PT + i * lineHeightMm(size),
							size
						)
					)
				]
			};
		})
	];
}

/** A legend symbol centred on (cx, cy), with the map style's widths converted from CSS px. */
export function legendSymbol(symbol: LegendSymbol, cx: number, cy: number): Primitive[] {
	const fill = (colour: string) => (colour === 'transparent' ? undefined : colour);
	switch (symbol.kind) {
		case 'fill':
			return [
				{
					kind: 'rect',
					rect: { x: cx - 3.5, y: cy - 1.8, w: 7, h: 3.6 },
					// Translucent fills as they look on the white page (PDF needs no blend modes then).
					fill: onWhite(symbol.fill, symbol.opacity ?? 1),
					stroke: symbol.stroke,
					widthMm: 0.2
				},
				...(symbol.fill2
					? [
							{
								kind: 'path' as const,
								points: [
									[cx + 3.5, cy - 1.8],
									[cx + 3.5, cy + 1.8],
									[cx - 3.5, cy + 1.8]
								] as Point[],
								closed: true,
								fill: onWhite(symbol.fill2, symbol.opacity ?? 1),
								stroke: symbol.stroke,
								widthMm: 0.2
							}
						]
					: [])
			];
		case 'shape': {
			// As the map's icon draws it: the outline colour, then the fill inset by 2 CSS px.
			const r = cssPxToMm(symbol.sizePx) / 2;
			const inset = r - cssPxToMm(2);
			return [
				shapePrimitive(symbol.shape, cx, cy, r, symbol.stroke),
				shapePrimitive(symbol.shape, cx, cy, inset, symbol.fill)
			];
		}
		case 'hatch': {
			const rect = { x: cx - 3.5, y: cy - 1.8, w: 7, h: 3.6 };
			const widthMm = cssPxToMm(1.5);
			return [
				...hatchLines(rect, 1.2).map((points): Primitive => ({
					kind: 'path',
					points,
					closed: false,
					stroke: symbol.stroke,
					widthMm: cssPxToMm(1)
				})),
				{
					kind: 'rect',
					rect,
					stroke: symbol.stroke,
					widthMm,
					dashMm: [4 * widthMm, 2 * widthMm]
				}
			];
		}
		case 'line': {
			const widthMm = cssPxToMm(symbol.widthPx);
			// MapLibre's line-dasharray is in multiples of the line width.
			const dashMm = symbol.dash
				? ([symbol.dash[0] * widthMm, symbol.dash[1] * widthMm] as [number, number])
				: undefined;
			return [
				{
					kind: 'path',
					points: [
						[cx - 3.5, cy],
						[cx + 3.5, cy]
					],
					closed: false,
					stroke: symbol.stroke,
					widthMm,
					...(dashMm ? { dashMm } : {})
				}
			];
		}
		case 'circle':
			return [
				{
					kind: 'circle',
					cx,
					cy,
					r: cssPxToMm(symbol.radiusPx),
					fill: symbol.fill,
					stroke: symbol.stroke,
					widthMm: cssPxToMm(1)
				}
			];
		case 'ring': {
			const widthMm = cssPxToMm(1.2);
			const f = fill(symbol.fill);
			return [
				{
					kind: 'circle',
					cx,
					cy,
					r: 2.2,
					...(f ? { fill: f } : {}),
					stroke: symbol.stroke,
					widthMm,
					dashMm: [symbol.dash[0] * widthMm, symbol.dash[1] * widthMm]
				}
			];
		}
	}
}

/** An event shape of half-size r centred on (cx, cy), the geometry of src/lib/map/icons.ts. */
function shapePrimitive(
	shape: 'circle' | 'square' | 'triangle' | 'diamond',
	cx: number,
	cy: number,
	r: number,
	fill: string
): Primitive {
	const at = (points: Point[]): Primitive => ({
		kind: 'path',
		points: points.map(([x, y]) => [cx + x, cy + y]),
		closed: true,
		fill
	});
	switch (shape) {
		case 'circle':
			return { kind: 'circle', cx, cy, r, fill };
		case 'square':
			return {
				kind: 'rect',
				rect: { x: cx - 0.85 * r, y: cy - 0.85 * r, w: 1.7 * r, h: 1.7 * r },
				fill
			};
		case 'diamond':
			return at([
				[0, -r],
				[r, 0],
				[0, r],
				[-r, 0]
			]);
		case 'triangle':
			return at([
				[0, -r],
				[1.05 * r, 0.75 * r],
				[-1.05 * r, 0.75 * r]
			]);
	}
}

/** "/" diagonals (x + y = k) every `spacingMm` across a rectangle, clipped to it. */
export function hatchLines(rect: Rect, spacingMm: number): Point[][] {
	const lines: Point[][] = [];
	for (let k = spacingMm / 2; k < rect.w + rect.h; k += spacingMm) {
		const x0 = Math.max(0, k - rect.h);
		const x1 = Math.min(rect.w, k);
		lines.push([
			[rect.x + x0, rect.y + k - x0],
			[rect.x + x1, rect.y + k - x1]
		]);
	}
	return lines;
}

/** A colour at an opacity over white, as an opaque #rrggbb. */
export function onWhite(colour: string, opacity: number): string {
	if (opacity >= 1 || !/^#[0-9a-f]{6}$/i.test(colour)) return colour;
	const channel = (i: number) => {
		const c = parseInt(colour.slice(1 + 2 * i, 3 + 2 * i), 16);
		return Math.round(c * opacity + 255 * (1 - opacity))
			.toString(16)
			.padStart(2, '0');
	};
	return `#${channel(0)}${channel(1)}${channel(2)}`;
}

function analysisUnits(
	analysis: { heading: string; lines: readonly string[] },
	width: number,
	measure: Measure
): Unit[] {
	const size = 7.5;
	const pad = 1.8;
	const headPt = 8.5;
	const head = wrapText(analysis.heading, width - 2 * pad, headPt, true, measure);
	const lines = analysis.lines.flatMap((l) => wrapText(l, width - 2 * pad, size, false, measure));
	const height =
		2 * pad + head.length * lineHeightMm(headPt) + 0.6 + lines.length * lineHeightMm(size);
	return [
		{
			height: height + 1.5,
			draw: (x, y, w) => {
				const items: Primitive[] = [
					{
						kind: 'rect',
						rect: { x, y, w, h: height },
						fill: '#f6f3ea',
						stroke: '#a89a80',
						widthMm: 0.25
					}
				];
				let base = y + pad;
				for (const h of head) {
					items.push(text(h, x + pad, base + ascentMm(headPt), headPt, { bold: true }));
					base += lineHeightMm(headPt);
				}
				base += 0.6;
				for (const l of lines) {
					items.push(text(l, x + pad, base + ascentMm(size), size));
					base += lineHeightMm(size);
				}
				return items;
			}
		}
	];
}

/** How a headed list is set: its size, the gap after each item, and whether items are cited sources (bulleted). */
type ListStyle = { sizePt: number; gapMm: number; sources: boolean };

/**
 * A headed list: each item's lines kept together, items free to flow to the next column.
 * Sources are bulleted and count as sources where a page cannot hold them all.
 */
function listUnits(
	list: { heading: string; items: readonly string[] },
	width: number,
	measure: Measure,
	{ sizePt: size, gapMm, sources }: ListStyle
): Unit[] {
	const indent = sources ? 2.4 : 0;
	return [
		headingUnit(list.heading),
		...list.items.map((item): Unit => {
			const lines = wrapText(item, width - indent, size, false, measure);
			return {
				source: sources,
				section: list.heading,
				height: lines.length * lineHeightMm(size) + gapMm,
				draw: (x, y) => [
					...(sources ? [text('•', x + 0.4, y + ascentMm(size), size)] : []),
					...lines.map((line, i) =>
						text(line, x + indent, y + ascentMm(size) + i * lineHeightMm(size), size)
					)
				]
			};
		})
	];
}

/** The panel's legend, analysis and sources, as units to flow through columns `width` wide. */
function panelUnits(content: PageContent, width: number, measure: Measure): Unit[] {
	const units: Unit[] = [];
	if (content.legend?.length) units.push(...legendUnits(content.legend, width, measure), spacer(3));
	if (content.analysis) units.push(...analysisUnits(content.analysis, width, measure), spacer(1.5));
	for (const section of content.sections ?? [])
		units.push(
			...listUnits({ heading: section.heading, items: section.lines }, width, measure, {
				sizePt: 7,
				gapMm: 0.9,
				sources: false
			}),
			spacer(1.5)
		);
	if (content.sources?.items.length)
		units.push(
			...listUnits(content.sources, width, measure, { sizePt: 6.5, gapMm: 0.8, sources: true })
		);
	return units;
}

/**
 * Flows units through the columns. A unit that does not fit moves to the next column; when the
 * last column is full, one line says so rather than drawing over the footer: that the list goes
 * on (`continues`), or how much is left out.
 * @returns the units not drawn
 */
function flowUnits(
	out: Primitive[],
	columns: Rect[],
	units: Unit[],
	{ continues }: { continues: boolean }
): Unit[] {
	if (columns.length === 0) return [];
	const width = columns[0]!.w;

	const noteH = lineHeightMm(6.5) + 1;
	let column = 0;
	let y = columns[0]!.y;
	for (let i = 0; i < units.length; i++) {
		const unit = units[i]!;
		const needed = unit.height + (unit.keepWithNext ? (units[i + 1]?.height ?? 0) : 0);
		let col = columns[column]!;
		if (y + needed > col.y + col.h && column + 1 < columns.length) {
			col = columns[++column]!;
			y = col.y;
		}
		if (unit.spacer) {
			if (y > col.y) y += unit.height;
			continue;
		}
		const moreFollow = units.slice(i + 1).some((u) => !u.spacer);
		const last = column === columns.length - 1;
		const bottom = col.y + col.h - (last && moreFollow ? noteH : 0);
		if (y + needed > bottom) {
			const rest = units.slice(i).filter((u) => !u.spacer && !u.keepWithNext);
			const sources = rest.filter((u) => u.source).length;
			const note = continues
				? '… continued on the next page'
				: sources === rest.length
					? `… ${sources} more source${sources === 1 ? '' : 's'} not shown here (a PDF export lists them all)`
					: `… ${rest.length} more lines not shown here`;
			out.push(text(note, col.x, y + ascentMm(6.5), 6.5, { colour: MUTED }));
			return units.slice(i).filter((u) => !u.spacer);
		}
		out.push(...unit.draw(col.x, y, width));
		y += unit.height;
	}
	return [];
}

function spacer(heightMm: number): Unit {
	return { height: heightMm, draw: () => [], spacer: true };
}

function clamp(value: number, min: number, max: number): number {
	return Math.min(max, Math.max(min, value));
}
