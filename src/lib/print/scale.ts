// Map scale on paper: ground metres per printed millimetre, a "nice" scale-bar length, 1:N.
import { CSS_DPI, MM_PER_INCH } from './paper';

/** Equatorial circumference of the Web Mercator sphere (2π × 6 378 137 m), in metres. */
export const EARTH_CIRCUMFERENCE_M = 40_075_016.686;
/** MapLibre's world is 512 CSS px wide at zoom 0. */
export const WORLD_SIZE_PX_AT_Z0 = 512;

/**
 * Ground metres covered by one CSS pixel of a Web Mercator map, east–west at a latitude (the
 * projection is conformal, so north–south is the same at that point).
 * @example metresPerCssPixel(0, 0) // 78271.52 (m per CSS px)
 */
export function metresPerCssPixel(latitudeDeg: number, zoom: number): number {
	return (
		(EARTH_CIRCUMFERENCE_M * Math.cos((latitudeDeg * Math.PI) / 180)) /
		(WORLD_SIZE_PX_AT_Z0 * 2 ** zoom)
	);
}

/**
 * Ground metres per millimetre of paper. The printed map is laid out in CSS px and a CSS px prints
 * as 1/96 in, whatever the dpi (dpi only sets how many device pixels fill that millimetre).
 */
export function groundMetresPerPaperMm(latitudeDeg: number, zoom: number): number {
	return (metresPerCssPixel(latitudeDeg, zoom) * CSS_DPI) / MM_PER_INCH;
}

/** The representative fraction's denominator N in "1:N" (both lengths in the same unit). */
export function scaleDenominator(latitudeDeg: number, zoom: number): number {
	return groundMetresPerPaperMm(latitudeDeg, zoom) * 1000;
}

/** "1:3,120,000": the denominator rounded to three significant figures, as printed maps do. */
export function formatScale(denominator: number): string {
	const digits = Math.floor(Math.log10(denominator));
	const step = 10 ** Math.max(0, digits - 2);
	return `1:${(Math.round(denominator / step) * step).toLocaleString('en-GB')}`;
}

export type ScaleBar = {
	/** Ground length the bar stands for, in metres (1, 2 or 5 × 10^n). */
	groundM: number;
	/** Printed length of the bar, in millimetres. */
	lengthMm: number;
	/** "100 km", "500 m". */
	label: string;
};

/**
 * The longest 1/2/5 × 10^n ground length whose bar fits in `maxLengthMm`.
 * @param metresPerMm ground metres per paper millimetre at the map centre
 * @example niceScaleBar(2500, 30) // { groundM: 50000, lengthMm: 20, label: '50 km' }
 */
export function niceScaleBar(metresPerMm: number, maxLengthMm: number): ScaleBar {
	const maxM = metresPerMm * maxLengthMm;
	const exponent = Math.floor(Math.log10(maxM));
	let groundM = 10 ** exponent;
	for (const digit of [5, 2, 1]) {
		// Rounding the product removes float noise such as 5 × 0.1 = 0.5000000000000001.
		const candidate = Number((digit * 10 ** exponent).toPrecision(12));
		if (candidate <= maxM * (1 + 1e-12)) {
			groundM = candidate;
			break;
		}
	}
	const label = groundM >= 1000 ? `${groundM / 1000} km` : `${groundM} m`;
	return { groundM, lengthMm: groundM / metresPerMm, label };
}

export type ViewSizePx = { widthPx: number; heightPx: number };

/**
 * Zoom for the printed map so that it shows at least everything the screen shows: the same
 * centre and bearing, and the screen's extent fitted inside the printed map area ("contain").
 * Both sizes are in CSS px; Web Mercator scale halves per zoom level, hence log2.
 */
export function fitZoom(screenZoom: number, screen: ViewSizePx, printed: ViewSizePx): number {
	const ratio = Math.min(printed.widthPx / screen.widthPx, printed.heightPx / screen.heightPx);
	return screenZoom + Math.log2(ratio);
}
