// Scale bar and map scale, checked against Karney's geodesics on the WGS84 ellipsoid
// (geographiclib-geodesic), with Web Mercator's pixel → longitude mapping done independently.
import geographiclib from 'geographiclib-geodesic';
import { describe, expect, it } from 'vitest';
import {
	fitZoom,
	formatScale,
	groundMetresPerPaperMm,
	metresPerCssPixel,
	niceScaleBar,
	scaleDenominator
} from '../../src/lib/print/scale';

const wgs84 = geographiclib.Geodesic.WGS84;

/** Metres along the ground between two points on a parallel, `dLonDeg` apart (WGS84). */
const eastWestMetres = (latDeg: number, dLonDeg: number) =>
	wgs84.Inverse(latDeg, 60, latDeg, 60 + dLonDeg).s12!;

/** Longitude span of `px` CSS px of a 512 px-tile Web Mercator map at `zoom`: 360° per world. */
const lonSpanDeg = (px: number, zoom: number) => (px / (512 * 2 ** zoom)) * 360;

// Web Mercator uses a sphere of the equatorial radius; on the ellipsoid a parallel is longer by
// 1/√(1 − e² sin² φ): 0.07 % at 27° N, 0.25 % at 60°. Allow 0.3 %.
const TOLERANCE = 0.003;

describe('metresPerCssPixel', () => {
	it.each([
		[0, 0],
		[27.3, 5.8],
		[27.3, 7],
		[45, 10],
		[60, 3]
	])('at %f° and zoom %f matches the geodesic length of 100 px east–west', (lat, zoom) => {
		const geodesic = eastWestMetres(lat, lonSpanDeg(100, zoom));
		const ours = 100 * metresPerCssPixel(lat, zoom);
		expect(Math.abs(ours - geodesic) / geodesic).toBeLessThan(TOLERANCE);
	});

	it('halves with each zoom level', () => {
		expect(metresPerCssPixel(27, 6) / metresPerCssPixel(27, 7)).toBeCloseTo(2, 12);
	});
});

describe('niceScaleBar', () => {
	it('picks the longest 1, 2 or 5 × 10^n that fits', () => {
		expect(niceScaleBar(2500, 30)).toEqual({ groundM: 50_000, lengthMm: 20, label: '50 km' });
		expect(niceScaleBar(2500, 80).label).toBe('200 km');
		expect(niceScaleBar(2500, 40).label).toBe('100 km');
		expect(niceScaleBar(10, 30).label).toBe('200 m');
		expect(niceScaleBar(1, 0.6)).toMatchObject({ groundM: 0.5, label: '0.5 m' });
	});

	// The bar's length in mm does not depend on the dpi, which only sets how many pixels fill it.
	it.each([
		[27.5, 6.3],
		[27.5, 8],
		[45, 4],
		[10, 11]
	])('at %f° and zoom %f the printed bar measures its label on the ground', (lat, zoom) => {
		const bar = niceScaleBar(groundMetresPerPaperMm(lat, zoom), 40);
		expect(bar.lengthMm).toBeLessThanOrEqual(40);
		expect(bar.lengthMm).toBeGreaterThan(40 / 5 - 1e-9);
		// The bar's printed length, as CSS px (96 per inch), as longitude, as a geodesic.
		const barCssPx = (bar.lengthMm / 25.4) * 96;
		const geodesic = eastWestMetres(lat, lonSpanDeg(barCssPx, zoom));
		expect(Math.abs(bar.groundM - geodesic) / geodesic).toBeLessThan(TOLERANCE);
	});
});

describe('scaleDenominator', () => {
	it('is ground length over paper length, e.g. ~1:4.07 million at 27.5° N, zoom 6.3', () => {
		const lat = 27.5;
		const zoom = 6.3;
		// 10 mm of paper = 10 / 25.4 × 96 CSS px.
		const ground = eastWestMetres(lat, lonSpanDeg((10 / 25.4) * 96, zoom));
		const independent = ground / 0.01;
		expect(Math.abs(scaleDenominator(lat, zoom) - independent) / independent).toBeLessThan(
			TOLERANCE
		);
	});

	it('prints with three significant figures', () => {
		expect(formatScale(4_071_234)).toBe('1:4,070,000');
		expect(formatScale(25_449)).toBe('1:25,400');
		expect(formatScale(850)).toBe('1:850');
	});
});

describe('fitZoom', () => {
	it("keeps the screen's extent inside a printed area of another shape", () => {
		const screen = { widthPx: 900, heightPx: 750 };
		// Twice as large both ways: one zoom level in.
		expect(fitZoom(6, screen, { widthPx: 1800, heightPx: 1500 })).toBeCloseTo(7, 12);
		// Wider but not taller: the height limits, so the zoom stays.
		expect(fitZoom(6, screen, { widthPx: 2000, heightPx: 750 })).toBeCloseTo(6, 12);
		// Half the width: zoom out one level so the screen's width still fits.
		expect(fitZoom(6, screen, { widthPx: 450, heightPx: 750 })).toBeCloseTo(5, 12);
	});
});
