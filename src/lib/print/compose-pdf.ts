// The PDF snapshot (jsPDF): the rendered map as an image, the furniture as vector shapes and real,
// searchable text in the built-in Helvetica (see pdf-text.ts for the characters it lacks).
import type { jsPDF as JsPdf } from 'jspdf';
import { layoutPages, type Measure, type PageContent, type Primitive } from './layout';
import type { SnapshotPlan } from './plan';
import { toWinAnsi } from './pdf-text';

export async function composePdf(
	plan: SnapshotPlan,
	content: PageContent,
	map: HTMLCanvasElement,
	signal: AbortSignal
): Promise<Blob> {
	const { jsPDF } = await import('jspdf');
	signal.throwIfAborted();
	const { widthMm, heightMm } = plan.frame.page;
	const doc = new jsPDF({
		unit: 'mm',
		format: [widthMm, heightMm],
		orientation: widthMm > heightMm ? 'landscape' : 'portrait',
		compress: true,
		putOnlyUsedFonts: true
	});
	doc.setProperties({
		title: content.title,
		subject: content.subtitle,
		creator: 'Borderline',
		keywords: content.attribution.join('; ')
	});
	doc.setLanguage('en-GB');
	doc.setLineCap('butt');

	const measure: Measure = (text, sizePt, bold) => {
		doc.setFont('helvetica', bold ? 'bold' : 'normal');
		return (doc.getStringUnitWidth(toWinAnsi(text)) * sizePt) / doc.internal.scaleFactor;
	};
	// Sources that do not fit beside the map continue on further pages: the print stands alone.
	const pages = layoutPages(plan.frame, content, measure, { continuePages: true });
	for (const [i, page] of pages.entries()) {
		if (i > 0) doc.addPage([widthMm, heightMm], widthMm > heightMm ? 'landscape' : 'portrait');
		for (const p of page) drawPrimitive(doc, p, map, measure);
	}
	signal.throwIfAborted();
	return doc.output('blob');
}

function drawPrimitive(doc: JsPdf, p: Primitive, map: HTMLCanvasElement, measure: Measure): void {
	switch (p.kind) {
		case 'map':
			// Lossless: PNG (Flate) keeps thin lines and label edges as rendered.
			doc.addImage(map, 'PNG', p.rect.x, p.rect.y, p.rect.w, p.rect.h, 'map', 'FAST');
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
		case 'text': {
			const text = toWinAnsi(p.text);
			doc.setFont('helvetica', p.bold ? 'bold' : 'normal');
			doc.setFontSize(p.sizePt);
			doc.setTextColor(p.colour);
			if (!p.angleDeg) {
				doc.text(text, p.x, p.y, { align: p.align, baseline: 'alphabetic' });
				break;
			}
			// jsPDF turns text about its left end, counter-clockwise: move the anchor along the
			// turned baseline ourselves for centred text.
			const shift =
				p.align === 'center'
					? measure(p.text, p.sizePt, p.bold) / 2
					: p.align === 'right'
						? measure(p.text, p.sizePt, p.bold)
						: 0;
			const a = (p.angleDeg * Math.PI) / 180;
			doc.text(text, p.x - shift * Math.cos(a), p.y - shift * Math.sin(a), {
				angle: -p.angleDeg,
				baseline: 'alphabetic'
			});
			break;
		}
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
