// Panel and print wording: the border line's error is credited to the crossing that shows it.
import geographiclib from 'geographiclib-geodesic';
import { describe, expect, it } from 'vitest';
import {
	analysisLines,
	lineErrorNote,
	lineFigures,
	lineSpreadKm,
	worstOffset
} from '../../src/lib/panels/labels';
import { borderProximity } from '../../src/lib/geo/border';
import { mappedCrossings } from '../../src/lib/geo/scenario';
import type { EventDistances } from '../../src/lib/geo/distances';
import { readGeodata } from './helpers';

const geod = geographiclib.Geodesic.WGS84;

/**
 * Distance (km) from a point to a polyline on the WGS84 ellipsoid, by dense sampling of each
 * segment's geodesic: an independent check of the app's Turf figures.
 */
function ellipsoidalDistanceKm([lon, lat]: number[], line: number[][]): number {
	let best = Infinity;
	for (let i = 1; i < line.length; i++) {
		const [lon1, lat1] = line[i - 1]!;
		const [lon2, lat2] = line[i]!;
		const seg = geod.InverseLine(lat1!, lon1!, lat2!, lon2!);
		const steps = Math.max(1, Math.ceil(seg.s13 / 50));
		for (let k = 0; k <= steps; k++) {
			const p = seg.Position((seg.s13 * k) / steps);
			best = Math.min(best, geod.Inverse(lat!, lon!, p.lat2!, p.lon2!).s12! / 1000);
		}
	}
	return best;
}

describe('the border line error, named where it is measured', () => {
	const border = readGeodata('borders').features.find((b) => b.properties.primary)!;
	const lines =
		border.geometry.type === 'LineString'
			? [border.geometry.coordinates]
			: border.geometry.coordinates;
	const crossings = mappedCrossings(readGeodata('crossings').features);
	const offsets = crossings.map((c) => ({
		name: c.properties.name,
		precisionKm: c.properties.precisionKm,
		offsetKm: Math.min(...lines.map((l) => ellipsoidalDistanceKm(c.geometry.coordinates, l)))
	}));

	it('names the crossing that has the largest offset, with its own figure', () => {
		const worst = worstOffset(offsets)!;
		expect(worst.offsetKm).toBe(Math.max(...offsets.map((o) => o.offsetKm)));
		const d = {
			borderKm: 10,
			borderIntervalKm: [9, 11],
			location: { basis: 'stand-in' },
			nearestTownAcross: null,
			byLine: []
		} as unknown as EventDistances;
		const text = analysisLines(d, null, false, worst).join(' ');
		expect(text).toContain(`at the ${worst.name} crossing`);
		expect(text).toMatch(new RegExp(`≈ ${worst.offsetKm.toFixed(1)} km at the ${worst.name}`));
		// Every other crossing is closer to the line than the one named.
		for (const o of offsets.filter((x) => x.name !== worst.name))
			expect(o.offsetKm).toBeLessThan(worst.offsetKm);
		expect(lineErrorNote(offsets)).toContain(`the ${worst.name} crossing`);
	});

	it('says where the measured line is disputed, in a print that has a distance to show', () => {
		const d = {
			borderKm: 10,
			borderIntervalKm: [9, 11],
			location: { basis: 'reported' },
			nearestTownAcross: null,
			byLine: []
		} as unknown as EventDistances;
		const summary =
			'includes the Line of Control in Kashmir, a ceasefire line, not an agreed border';
		expect(analysisLines(d, null, false, null, summary)).toContain(`The border line ${summary}.`);
		expect(analysisLines(d, null, false, null).join(' ')).not.toMatch(/Line of Control/);
		expect(analysisLines(undefined, null, false, null, summary)).toEqual([]);
	});

	it("agrees with the app's own Turf offsets on which crossing it is and how far", () => {
		const app = crossings.map((c) => ({
			name: c.properties.name,
			precisionKm: c.properties.precisionKm,
			offsetKm: borderProximity(c.geometry.coordinates, border).distanceKm
		}));
		expect(worstOffset(app)!.name).toBe(worstOffset(offsets)!.name);
		for (const [i, o] of app.entries())
			expect(Math.abs(o.offsetKm - offsets[i]!.offsetKm)).toBeLessThan(
				0.01 * offsets[i]!.offsetKm + 0.05
			);
	});

	it('says nothing of the line error when there are no crossings', () => {
		expect(worstOffset([])).toBeNull();
	});
});

describe('a border distance under every measured line', () => {
	const line = (label: string, borderKm: number, range: [number, number]) => ({
		lineId: label,
		label,
		borderKm,
		borderIntervalKm: range,
		nearestBorderPoint: [0, 0]
	});
	const lines = [
		line('Natural Earth 1:10m', 42.21, [0, 142.21]),
		line('OpenStreetMap', 45.71, [0, 145.71])
	];

	it('gives each line its figure and the spread, or nothing for one line', () => {
		expect(lineFigures(lines)).toBe(
			'42.2 km (Natural Earth 1:10m) · 45.7 km (OpenStreetMap) · spread 3.5 km'
		);
		expect(lineFigures(lines, true)).toBe(
			'0.0 km–142.2 km (Natural Earth 1:10m) · 0.0 km–145.7 km (OpenStreetMap) · spread 3.5 km'
		);
		expect(lineFigures(lines.slice(0, 1))).toBeNull();
		expect(lineSpreadKm([...lines, line('Third', 40, [0, 1])])).toBeCloseTo(5.71, 6);
	});

	it('prints them under the distance in the snapshot analysis', () => {
		const d = {
			borderKm: 42.21,
			borderIntervalKm: [0, 142.21],
			location: { basis: 'stand-in' },
			nearestTownAcross: null,
			byLine: lines
		} as unknown as EventDistances;
		expect(analysisLines(d, null, false, null)).toContain(
			'Under each border line: 42.2 km (Natural Earth 1:10m) · 45.7 km (OpenStreetMap) · spread 3.5 km.'
		);
	});
});
