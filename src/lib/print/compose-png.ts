// The PNG snapshot: the rendered map and the page's furniture drawn on one 2D canvas at the dpi.
import { legendText } from '$lib/map/legend';
import { layoutPage, MM_PER_PT, type Measure, type PageContent, type Primitive } from './layout';
import { MM_PER_INCH } from './paper';
import type { SnapshotPlan } from './plan';
import { withPngMetadata } from './png-meta';

/** The app's typefaces (self-hosted from @fontsource), the ones the map labels use too. */
const FAMILY = '"Noto Sans", "Noto Naskh Arabic", sans-serif';

const fontCss = (sizePx: number, bold: boolean) => `${bold ? 700 : 400} ${sizePx}px ${FAMILY}`;

/** Loads the font files (latin and latin-ext subsets) that the page's texts need. */
async function loadFonts(texts: readonly string[]): Promise<void> {
	if (typeof document === 'undefined' || !('fonts' in document)) return;
	const sample = [...new Set(texts.join(''))].join('');
	await Promise.all([
		document.fonts.load(fontCss(16, false), sample),
		document.fonts.load(fontCss(16, true), sample)
	]);
}

export function pageTexts(content: PageContent): string[] {
	return [
		content.title,
		content.subtitle,
		...(content.legend ?? []).map(legendText),
		content.analysis?.heading ?? '',
		...(content.analysis?.lines ?? []),
		content.sources?.heading ?? '',
		...(content.sources?.items ?? []),
		...content.attribution,
		content.generated ?? '',
		content.scaleBar ? `${content.scaleBar.label} ${content.scaleBar.scaleText} 0` : '',
		'N…•'
	];
}

export async function composePng(
	plan: SnapshotPlan,
	content: PageContent,
	map: HTMLCanvasElement,
	dpi: number,
	signal: AbortSignal
): Promise<Blob> {
	await loadFonts(pageTexts(content));
	signal.throwIfAborted();
	const canvas = document.createElement('canvas');
	canvas.width = plan.pagePx.widthPx;
	canvas.height = plan.pagePx.heightPx;
	const ctx = canvas.getContext('2d');
	if (!ctx) throw new Error('The browser could not create a canvas for the page.');
	const pxPerMm = dpi / MM_PER_INCH;

	const measure: Measure = (text, sizePt, bold) => {
		ctx.font = fontCss(sizePt * MM_PER_PT * pxPerMm, bold);
		return ctx.measureText(text).width / pxPerMm;
	};
	const primitives = layoutPage(plan.frame, content, measure);

	ctx.fillStyle = '#ffffff';
	ctx.fillRect(0, 0, canvas.width, canvas.height);
	for (const p of primitives) drawPrimitive(ctx, p, map, pxPerMm);
	signal.throwIfAborted();

	const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
	// A canvas past the browser's limits encodes to null (or to a blank image in some browsers).
	if (!blob) throw new Error('The browser could not encode a page this large as PNG.');
	const bytes = withPngMetadata(new Uint8Array(await blob.arrayBuffer()), {
		dpi,
		text: {
			Title: content.title,
			Description: content.subtitle,
			Copyright: content.attribution.join(' · '),
			Software: 'Borderline (MapLibre GL JS)',
			...(content.generated ? { 'Creation Time': content.generated } : {})
		}
	});
	return new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'image/png' });
}

function drawPrimitive(
	ctx: CanvasRenderingContext2D,
	p: Primitive,
	map: HTMLCanvasElement,
	s: number
): void {
	ctx.save();
	switch (p.kind) {
		case 'map':
			// 1:1, no resampling: the map was rendered at exactly this many device pixels.
			ctx.drawImage(map, Math.round(p.rect.x * s), Math.round(p.rect.y * s));
			break;
		case 'rect':
			ctx.beginPath();
			ctx.rect(p.rect.x * s, p.rect.y * s, p.rect.w * s, p.rect.h * s);
			paint(ctx, p, s);
			break;
		case 'path':
			ctx.beginPath();
			p.points.forEach(([x, y], i) => (i ? ctx.lineTo(x * s, y * s) : ctx.moveTo(x * s, y * s)));
			if (p.closed) ctx.closePath();
			paint(ctx, p, s);
			break;
		case 'circle':
			ctx.beginPath();
			ctx.arc(p.cx * s, p.cy * s, p.r * s, 0, 2 * Math.PI);
			paint(ctx, p, s);
			break;
		case 'text':
			ctx.font = fontCss(p.sizePt * MM_PER_PT * s, p.bold);
			ctx.fillStyle = p.colour;
			ctx.textAlign = p.align;
			ctx.textBaseline = 'alphabetic';
			ctx.translate(p.x * s, p.y * s);
			if (p.angleDeg) ctx.rotate((p.angleDeg * Math.PI) / 180);
			ctx.fillText(p.text, 0, 0);
			break;
	}
	ctx.restore();
}

function paint(
	ctx: CanvasRenderingContext2D,
	p: { fill?: string; stroke?: string; widthMm?: number; dashMm?: [number, number] },
	s: number
): void {
	if (p.fill) {
		ctx.fillStyle = p.fill;
		ctx.fill();
	}
	if (p.stroke) {
		ctx.strokeStyle = p.stroke;
		ctx.lineWidth = (p.widthMm ?? 0.25) * s;
		ctx.setLineDash(p.dashMm ? p.dashMm.map((d) => d * s) : []);
		ctx.stroke();
	}
}
