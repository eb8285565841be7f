// Paper sizes, orientation and print resolution → page size in millimetres and in pixels.

export const MM_PER_INCH = 25.4;
/** CSS pixels per inch: MapLibre and the browser lay out in CSS px, which print at 96 dpi. */
export const CSS_DPI = 96;

export const paperIds = ['a4', 'a3', 'letter', 'screen'] as const;
export type PaperId = (typeof paperIds)[number];
export type Orientation = 'portrait' | 'landscape';
/** The resolutions the dialog offers, in dots per inch. */
export const dpiChoices = [96, 150, 300] as const;

export type SizeMm = { widthMm: number; heightMm: number };
export type SizePx = { widthPx: number; heightPx: number };

/** Portrait dimensions of the fixed paper sizes (ISO 216 and ANSI Letter), in millimetres. */
export const paperSizesMm: Record<Exclude<PaperId, 'screen'>, SizeMm> = {
	a4: { widthMm: 210, heightMm: 297 },
	a3: { widthMm: 297, heightMm: 420 },
	letter: { widthMm: 215.9, heightMm: 279.4 }
};

export const paperLabels: Record<PaperId, string> = {
	a4: 'A4',
	a3: 'A3',
	letter: 'Letter',
	screen: 'Screen size'
};

/** Millimetres for a length in CSS pixels (1 CSS px = 1/96 in). */
export function cssPxToMm(px: number): number {
	return (px / CSS_DPI) * MM_PER_INCH;
}

/** Pixels for a length in millimetres at a resolution: px = round(mm / 25.4 × dpi). */
export function mmToPx(mm: number, dpi: number): number {
	return Math.round((mm / MM_PER_INCH) * dpi);
}

/**
 * The page in millimetres. `screen` is the live map's size in CSS px taken as 96 dpi, so at 96 dpi
 * it exports the on-screen size pixel for pixel; it has its own shape and ignores `orientation`.
 * @example paperSizeMm('a4', 'landscape') // { widthMm: 297, heightMm: 210 }
 */
export function paperSizeMm(
	paper: PaperId,
	orientation: Orientation,
	screenPx: SizePx = { widthPx: 1024, heightPx: 768 }
): SizeMm {
	if (paper === 'screen')
		return { widthMm: cssPxToMm(screenPx.widthPx), heightMm: cssPxToMm(screenPx.heightPx) };
	const { widthMm, heightMm } = paperSizesMm[paper];
	const long = Math.max(widthMm, heightMm);
	const short = Math.min(widthMm, heightMm);
	return orientation === 'landscape'
		? { widthMm: long, heightMm: short }
		: { widthMm: short, heightMm: long };
}

/**
 * The page in pixels at a resolution.
 * @example pagePixelSize({ widthMm: 297, heightMm: 210 }, 150) // { widthPx: 1754, heightPx: 1240 }
 */
export function pagePixelSize(size: SizeMm, dpi: number): SizePx {
	return { widthPx: mmToPx(size.widthMm, dpi), heightPx: mmToPx(size.heightMm, dpi) };
}

/** MapLibre's pixel ratio for a print resolution: device pixels per CSS pixel. */
export function pixelRatioForDpi(dpi: number): number {
	return dpi / CSS_DPI;
}
