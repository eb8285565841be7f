// Band areas checked independently of Turf: a fine grid of cells whose areas come from
// geographiclib (WGS84 ellipsoid), each counted when its centre lies on the chosen side within the
// band's distance of the line (geodesic distances, also geographiclib), for both border lines.
import geographiclib from 'geographiclib-geodesic';
import { describe, expect, it } from 'vitest';
import { AnalysisEngine } from '../../src/lib/geo/analysis-worker';
import type { BandResult, BorderSide } from '../../src/lib/geo/buffers';
import { buildScenario } from '../../src/lib/geo/scenario';
import { readScenarioLayersWithLines } from './helpers';

const wgs84 = geographiclib.Geodesic.WGS84;
const layers = readScenarioLayersWithLines();
const scenario = buildScenario(layers);

/** Points every ~1 km along each part of a line, on the ellipsoid. */
function densify(parts: number[][][]): number[][] {
	const out: number[][] = [];
	for (const part of parts)
		for (let i = 1; i < part.length; i++) {
			const [a, b] = [part[i - 1]!, part[i]!];
			const seg = wgs84.InverseLine(a[1]!, a[0]!, b[1]!, b[0]!);
			const steps = Math.max(1, Math.ceil(seg.s13! / 1000));
			for (let k = 0; k < steps; k++) {
				const p = seg.Position((seg.s13! * k) / steps);
				out.push([p.lon2!, p.lat2!]);
			}
			if (i === part.length - 1) out.push(b);
		}
	return out;
}

/** Even–odd point in polygon over every ring (holes included), in longitude/latitude. */
function inside(point: number[], rings: number[][][]): boolean {
	let hit = false;
	const [x, y] = point as [number, number];
	for (const ring of rings)
		for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
			const [xi, yi] = ring[i] as [number, number];
			const [xj, yj] = ring[j] as [number, number];
			if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) hit = !hit;
		}
	return hit;
}

/**
 * Area (km²) of the part of `side` within `km` of the line, summed over 0.02° cells. Cells are
 * sorted out with an equirectangular estimate and a 3 km margin; the ones near the band's edge
 * get the ellipsoidal distance to the densified line.
 */
function gridBandKm2(lineParts: number[][][], side: string, km: number): number {
	const points = densify(lineParts) as [number, number][];
	const country = layers.countries.features.find((c) => c.properties.name === side)!;
	const rings =
		country.geometry.type === 'Polygon'
			? country.geometry.coordinates
			: country.geometry.coordinates.flat();
	// Line points bucketed by 0.2° square, so each cell looks only at the points near it.
	const bucket = 0.2;
	const buckets = new Map<string, [number, number][]>();
	for (const p of points) {
		const key = `${Math.floor(p[0] / bucket)},${Math.floor(p[1] / bucket)}`;
		(buckets.get(key) ?? buckets.set(key, []).get(key)!).push(p);
	}
	const reach = Math.ceil((km + 6) / 80 / bucket); // buckets within reach at these latitudes
	const near = (x: number, y: number) => {
		const [bx, by] = [Math.floor(x / bucket), Math.floor(y / bucket)];
		const out: [number, number][] = [];
		for (let i = -reach; i <= reach; i++)
			for (let j = -reach; j <= reach; j++) out.push(...(buckets.get(`${bx + i},${by + j}`) ?? []));
		return out;
	};
	const lons = points.map((p) => p[0]);
	const lats = points.map((p) => p[1]);
	const pad = (km + 5) / 90;
	const cell = 0.02;
	// The plane distance from each 0.2° square's centre to the line, to skip far squares at once.
	const coarse = 0.2;
	const coarseHalfDiagonalKm = 16;
	const coarseKm = new Map<string, number>();
	const [y0, y1] = [Math.min(...lats) - pad, Math.max(...lats) + pad];
	const [x0, x1] = [Math.min(...lons) - pad * 1.3, Math.max(...lons) + pad * 1.3];
	for (let y = Math.floor(y0 / coarse); y * coarse < y1; y++)
		for (let x = Math.floor(x0 / coarse); x * coarse < x1; x++) {
			const [cx, cy] = [(x + 0.5) * coarse, (y + 0.5) * coarse];
			const kx = 111.32 * Math.cos((cy * Math.PI) / 180);
			let best = Infinity;
			for (const [px, py] of near(cx, cy))
				best = Math.min(best, Math.hypot((px - cx) * kx, (py - cy) * 110.57));
			coarseKm.set(`${x},${y}`, best);
		}
	let total = 0;
	for (let lat = Math.min(...lats) - pad; lat < Math.max(...lats) + pad; lat += cell) {
		const row = wgs84.Polygon(false);
		for (const [y, x] of [
			[lat, 0],
			[lat, cell],
			[lat + cell, cell],
			[lat + cell, 0]
		])
			row.AddPoint(y!, x!);
		const cellKm2 = Math.abs(row.Compute(false, true).area!) / 1e6;
		const cy = lat + cell / 2;
		const kx = 111.32 * Math.cos((cy * Math.PI) / 180);
		for (
			let lon = Math.min(...lons) - pad * 1.3;
			lon < Math.max(...lons) + pad * 1.3;
			lon += cell
		) {
			const cx = lon + cell / 2;
			// A coarse square wholly beyond the band's reach holds no cell of it.
			const coarseKey = `${Math.floor(cx / coarse)},${Math.floor(cy / coarse)}`;
			if ((coarseKm.get(coarseKey) ?? Infinity) > km + 3 + coarseHalfDiagonalKm) continue;
			const candidates = near(cx, cy);
			let approx = Infinity;
			for (const [px, py] of candidates)
				approx = Math.min(approx, Math.hypot((px - cx) * kx, (py - cy) * 110.57));
			if (approx > km + 3) continue;
			if (!inside([cx, cy], rings)) continue;
			let d = approx;
			if (approx > km - 3) {
				d = Infinity;
				for (const [px, py] of candidates)
					if (Math.hypot((px - cx) * kx, (py - cy) * 110.57) < km + 6)
						d = Math.min(d, wgs84.Inverse(cy, cx, py, px).s12! / 1000);
			}
			if (d <= km) total += cellKm2;
		}
	}
	return total;
}

describe('band areas under each border line, against an ellipsoidal grid', () => {
	const engine = new AnalysisEngine();
	engine.handle({ type: 'init', layers });
	const response = engine.handle({
		type: 'bands',
		requestId: 1,
		settings: { distancesKm: [50], side: 'Pakistan' as BorderSide }
	});
	if (response.type !== 'bands') throw new Error(JSON.stringify(response));
	const band: BandResult = response.bands[0]!;

	it('gives the band under the other line too, by country and province', () => {
		expect(band.otherLines?.map((l) => l.lineId)).toEqual(['openstreetmap']);
		const osm = band.otherLines![0]!;
		expect(osm.byCountry.map((c) => c.country)).toEqual(['Pakistan']);
		expect(osm.byProvince.map((p) => p.province)).toEqual(band.byProvince.map((p) => p.province));
	});

	it.each([0, 1])('line %i: the Pakistan-side 50 km band within 0.5% of the grid', (i) => {
		const line = scenario.lines[i]!;
		const g = line.line.geometry;
		const parts = g.type === 'LineString' ? [g.coordinates] : g.coordinates;
		const grid = gridBandKm2(parts, 'Pakistan', 50);
		const measured =
			i === 0
				? band.byCountry[0]!.areaKm2
				: band.otherLines![0]!.byCountry.find((c) => c.country === 'Pakistan')!.areaKm2;
		expect(Math.abs(measured - grid) / grid, `${line.label}: ${measured} vs ${grid}`).toBeLessThan(
			0.005
		);
	});
});
