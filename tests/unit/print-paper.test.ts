// Paper sizes and dpi → page pixels: px = round(mm / 25.4 × dpi).
import { describe, expect, it } from 'vitest';
import {
	cssPxToMm,
	mmToPx,
	pagePixelSize,
	paperSizeMm,
	pixelRatioForDpi
} from '../../src/lib/print/paper';

describe('paperSizeMm', () => {
	it('turns the ISO and ANSI sheets for the orientation', () => {
		expect(paperSizeMm('a4', 'landscape')).toEqual({ widthMm: 297, heightMm: 210 });
		expect(paperSizeMm('a4', 'portrait')).toEqual({ widthMm: 210, heightMm: 297 });
		expect(paperSizeMm('a3', 'landscape')).toEqual({ widthMm: 420, heightMm: 297 });
		expect(paperSizeMm('letter', 'portrait')).toEqual({ widthMm: 215.9, heightMm: 279.4 });
	});

	it('takes the screen size as CSS px at 96 dpi, whatever the orientation', () => {
		const size = paperSizeMm('screen', 'portrait', { widthPx: 1280, heightPx: 752 });
		expect(size.widthMm).toBeCloseTo((1280 / 96) * 25.4, 9);
		expect(size.heightMm).toBeCloseTo((752 / 96) * 25.4, 9);
		expect(pagePixelSize(size, 96)).toEqual({ widthPx: 1280, heightPx: 752 });
	});
});

describe('pagePixelSize', () => {
	it.each([
		['a4', 'landscape', 150, 1754, 1240],
		['a4', 'portrait', 96, 794, 1123],
		['a4', 'portrait', 300, 2480, 3508],
		['a3', 'landscape', 300, 4961, 3508],
		['a3', 'portrait', 150, 1754, 2480],
		['letter', 'landscape', 96, 1056, 816],
		['letter', 'portrait', 300, 2550, 3300]
	] as const)('%s %s at %i dpi is %i × %i px', (paper, orientation, dpi, w, h) => {
		expect(pagePixelSize(paperSizeMm(paper, orientation), dpi)).toEqual({
			widthPx: w,
			heightPx: h
		});
	});

	it('rounds to the nearest pixel', () => {
		expect(mmToPx(297, 150)).toBe(1754); // 1753.94
		expect(mmToPx(210, 150)).toBe(1240); // 1240.16
		expect(mmToPx(25.4, 300)).toBe(300);
	});
});

describe('CSS px and pixel ratio', () => {
	it('a CSS px is 1/96 in, and the map pixel ratio is dpi / 96', () => {
		expect(cssPxToMm(96)).toBe(25.4);
		expect(pixelRatioForDpi(96)).toBe(1);
		expect(pixelRatioForDpi(150)).toBe(1.5625);
		expect(pixelRatioForDpi(300)).toBe(3.125);
	});
});
