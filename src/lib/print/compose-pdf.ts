// The PDF snapshot (jsPDF): the rendered map as an image, the furniture as vector shapes and real,
// selectable text in embedded fonts (pdf-fonts.ts), Persian and Urdu included (pdf-text.ts).
import type { jsPDF as JsPdf } from 'jspdf';
import {
	layoutPages,
	type Measure,
	type PageContent,
	type PageFrame,
	type Primitive
} from './layout';
import type { SizeMm } from './paper';
import type { SnapshotPlan } from './plan';
import { addPdfFonts, loadPdfFonts, PDF_FAMILY, type PdfFonts } from './pdf-fonts';
import { pdfRuns, type PdfRun } from './pdf-text';

export async function composePdf(
	plan: SnapshotPlan,
	content: PageContent,
	map: HTMLCanvasElement,
	signal: AbortSignal
): Promise<Blob> {
	const pdf = await newPdf(plan.frame.page, content);
	signal.throwIfAborted();
	addSnapshotPages(pdf, plan.frame, content, map, 'map');
	signal.throwIfAborted();
	return pdf.doc.output('blob');
}

/** A document being written: jsPDF's, and the text writer with its embedded fonts. */
export type PdfDocument = {
	doc: JsPdf;
	writer: ReturnType<typeof pdfTextWriter>;
	/** Pages written so far. */
	pages: number;
};

/** An empty document for pages of this size, its fonts registered, titled after `about`. */
export async function newPdf(
	page: SizeMm,
	about: Pick<PageContent, 'title' | 'subtitle' | 'attribution'>
): Promise<PdfDocument> {
	const [{ jsPDF }, fonts] = await Promise.all([import('jspdf'), loadPdfFonts()]);
	const { widthMm, heightMm } = page;
	const doc = new jsPDF({
		unit: 'mm',
		format: [widthMm, heightMm],
		orientation: widthMm > heightMm ? 'landscape' : 'portrait',
		compress: true,
		putOnlyUsedFonts: true
	});
	doc.setProperties({
		title: about.title,
		subject: about.subtitle,
		creator: 'Borderline',
		keywords: about.attribution.join('; ')
	});
	doc.setLanguage('en-GB');
	doc.setLineCap('butt');
	return {
		doc,
		writer: pdfTextWriter(doc, fonts, (letters) => doc.processArabic(letters)),
		pages: 0
	};
}

/**
 * Adds a snapshot's pages: the map page, then pages for what its panel cannot hold (the print
 * stands alone). `mapId` names the map image; each different map needs its own.
 */
export function addSnapshotPages(
	pdf: PdfDocument,
	frame: PageFrame,
	content: PageContent,
	map: HTMLCanvasElement,
	mapId: string
): void {
	const { widthMm, heightMm } = frame.page;
	const pages = layoutPages(frame, content, pdf.writer.measure, { continuePages: true });
	for (const page of pages) {
		if (pdf.pages > 0)
			pdf.doc.addPage([widthMm, heightMm], widthMm > heightMm ? 'landscape' : 'portrait');
		pdf.pages++;
		for (const p of page) drawPrimitive(pdf.doc, p, map, mapId, pdf.writer);
	}
}

/** Measures and writes lines of text in the embedded fonts, one face per run. */
export function pdfTextWriter(
	doc: JsPdf,
	fonts: PdfFonts,
	shapeArabic: (letters: string) => string
): { measure: Measure; write: (p: Extract<Primitive, { kind: 'text' }>) => void } {
	addPdfFonts(doc, fonts);
	const lines = new Map<string, PdfRun[]>();
	const runsOf = (text: string) => {
		let runs = lines.get(text);
		if (!runs) lines.set(text, (runs = pdfRuns(text, fonts.covers, shapeArabic).runs));
		return runs;
	};
	const runWidth = (run: PdfRun, sizePt: number, bold: boolean) => {
		doc.setFont(PDF_FAMILY[run.face], bold ? 'bold' : 'normal');
		return (doc.getStringUnitWidth(run.text) * sizePt) / doc.internal.scaleFactor;
	};
	const measure: Measure = (text, sizePt, bold) =>
		runsOf(text).reduce((sum, run) => sum + runWidth(run, sizePt, !!bold), 0);

	const write = (p: Extract<Primitive, { kind: 'text' }>) => {
		const runs = runsOf(p.text);
		const widths = runs.map((run) => runWidth(run, p.sizePt, !!p.bold));
		const total = widths.reduce((a, b) => a + b, 0);
		// jsPDF turns text about its left end, counter-clockwise: the runs are placed along the
		// turned baseline from the line's left end, found from the alignment.
		const a = ((p.angleDeg ?? 0) * Math.PI) / 180;
		let offset = p.align === 'center' ? -total / 2 : p.align === 'right' ? -total : 0;
		doc.setFontSize(p.sizePt);
		doc.setTextColor(p.colour);
		for (const [i, run] of runs.entries()) {
			doc.setFont(PDF_FAMILY[run.face], p.bold ? 'bold' : 'normal');
			doc.text(run.text, p.x + offset * Math.cos(a), p.y + offset * Math.sin(a), {
				baseline: 'alphabetic',
				...(p.angleDeg ? { angle: -p.angleDeg } : {}),
				// The runs are in visual order already: jsPDF's own bidi pass must leave them.
				isInputVisual: true,
				isOutputVisual: true
			});
			offset += widths[i]!;
		}
	};
	return { measure, write };
}

function drawPrimitive(
	doc: JsPdf,
	p: Primitive,
	map: HTMLCanvasElement,
	mapId: string,
	writer: ReturnType<typeof pdfTextWriter>
): void {
	switch (p.kind) {
		case 'map':
			// Lossless: PNG (Flate) keeps thin lines and label edges as rendered.
			doc.addImage(map, 'PNG', p.rect.x, p.rect.y, p.rect.w, p.rect.h, mapId, 'FAST');
			break;
		case 'rect':
			if (setPaint(doc, p)) doc.rect(p.rect.x, p.rect.y, p.rect.w, p.rect.h, style(p));
			break;
		case 'path': {
			if (!setPaint(doc, p)) break;
			const [first, ...rest] = p.points;
			if (!first) break;
			let [px, py] = first;
			const deltas = rest.map(([x, y]) => {
				const d = [x - px, y - py];
				[px, py] = [x, y];
				return d;
			});
			doc.lines(deltas, first[0], first[1], [1, 1], style(p), p.closed);
			break;
		}
		case 'circle':
			if (setPaint(doc, p)) doc.circle(p.cx, p.cy, p.r, style(p));
			break;
		case 'text':
			writer.write(p);
			break;
	}
}

type Paint = { fill?: string; stroke?: string; widthMm?: number; dashMm?: [number, number] };

/** Sets colours, width and dash; false when there is nothing to draw. */
function setPaint(doc: JsPdf, p: Paint): boolean {
	if (!p.fill && !p.stroke) return false;
	if (p.fill) doc.setFillColor(p.fill);
	if (p.stroke) {
		doc.setDrawColor(p.stroke);
		doc.setLineWidth(p.widthMm ?? 0.25);
	}
	doc.setLineDashPattern(p.stroke && p.dashMm ? p.dashMm : [], 0);
	return true;
}

function style(p: Paint): 'F' | 'S' | 'FD' {
	return p.fill && p.stroke ? 'FD' : p.fill ? 'F' : 'S';
}
