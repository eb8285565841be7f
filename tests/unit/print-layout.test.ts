// The page layout: regions inside the page, furniture that never overlaps, overflow summarised.
import { describe, expect, it } from 'vitest';
import { legendEntries } from '../../src/lib/map/legend';
import {
	fitText,
	hatchLines,
	layoutPage,
	layoutPages,
	MM_PER_PT,
	onWhite,
	pageFrame,
	wrapText,
	type Measure,
	type PageContent,
	type Primitive,
	type Rect
} from '../../src/lib/print/layout';
import { cssPxToMm, paperSizeMm, type Orientation, type PaperId } from '../../src/lib/print/paper';
import { niceScaleBar } from '../../src/lib/print/scale';
import { readScenarioMeta } from './helpers';

/** A stand-in for font metrics: every character half an em wide (bold a little wider). */
const measure: Measure = (text, sizePt, bold) =>
	text.length * sizePt * MM_PER_PT * (bold ? 0.56 : 0.5);

const content = (overrides: Partial<PageContent> = {}): PageContent => ({
	title: 'Iran–Pakistan strikes, January 2024 — Iranian missile and drone strike near Panjgur',
	subtitle: 'Map centre 27.54° N, 62.30° E · scale 1:4,070,000 at the centre · bearing 0°',
	// As a print of the default view draws it: other readings of a place only with such an event,
	// imported points only once a file is imported.
	legend: legendEntries(readScenarioMeta()).filter(
		(e) => e.toggle !== 'candidates' && e.toggle !== 'imported'
	),
	analysis: {
		heading: 'Selected: Iranian missile and drone strike near Panjgur',
		lines: ['Date: 2024-01-16', 'Location: stand-in location, precision radius 100 km']
	},
	sources: {
		heading: 'Sources of the events shown',
		items: ['Iranian missile and drone strike near Panjgur (2024-01-16): Dawn; The Express Tribune']
	},
	attribution: [
		'Borders and provinces: Natural Earth (public domain)',
		'Towns © GeoNames, CC BY 4.0'
	],
	generated: 'Generated 2024-05-01 09:30 UTC by Borderline',
	scaleBar: { ...niceScaleBar(2500, 30), scaleText: 'Scale 1:2,500,000 at 27.5° N (map centre)' },
	northArrow: { bearingDeg: 0 },
	...overrides
});

const inside = (inner: Rect, outer: Rect, slack = 1e-9) =>
	inner.x >= outer.x - slack &&
	inner.y >= outer.y - slack &&
	inner.x + inner.w <= outer.x + outer.w + slack &&
	inner.y + inner.h <= outer.y + outer.h + slack;
const overlap = (a: Rect, b: Rect) =>
	a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

/** The box a text occupies: ascent above the baseline, descent below. */
function textBox(p: Extract<Primitive, { kind: 'text' }>): Rect {
	const w = measure(p.text, p.sizePt, p.bold);
	const h = p.sizePt * MM_PER_PT;
	const x = p.align === 'left' ? p.x : p.align === 'center' ? p.x - w / 2 : p.x - w;
	return { x, y: p.y - 0.8 * h, w, h: h };
}

const pages: [PaperId, Orientation][] = [
	['a4', 'landscape'],
	['a4', 'portrait'],
	['a3', 'landscape'],
	['a3', 'portrait'],
	['letter', 'landscape'],
	['letter', 'portrait']
];

describe('pageFrame', () => {
	it.each(pages)('%s %s: map and columns inside the page, apart from each other', (paper, o) => {
		const page = paperSizeMm(paper, o);
		const frame = pageFrame({ page, title: true, panel: true });
		const pageRect = { x: 0, y: 0, w: page.widthMm, h: page.heightMm };
		for (const r of [frame.map, frame.footer, frame.header!, ...frame.columns])
			expect(inside(r, pageRect)).toBe(true);
		for (const c of frame.columns) expect(overlap(c, frame.map)).toBe(false);
		expect(overlap(frame.header!, frame.map)).toBe(false);
		expect(overlap(frame.footer, frame.map)).toBe(false);
		// Landscape: one column beside the map; portrait: two below it.
		expect(frame.columns).toHaveLength(o === 'landscape' ? 1 : 2);
		// The map is a whole number of CSS px, and that is its size in mm.
		expect(frame.map.w).toBeCloseTo(cssPxToMm(frame.mapCssPx.widthPx), 9);
		expect(Number.isInteger(frame.mapCssPx.heightPx)).toBe(true);
		expect(frame.map.w * frame.map.h).toBeGreaterThan(0.45 * page.widthMm * page.heightMm);
	});

	it('gives the map the whole body without title and panel', () => {
		const page = paperSizeMm('a4', 'landscape');
		const full = pageFrame({ page, title: false, panel: false });
		const framed = pageFrame({ page, title: true, panel: true });
		expect(full.columns).toEqual([]);
		expect(full.header).toBeNull();
		expect(full.map.w).toBeGreaterThan(framed.map.w + 50);
		expect(full.map.h).toBeGreaterThan(framed.map.h + 10);
	});
});

describe('layoutPage', () => {
	it.each(pages)('%s %s: every piece of text on the page, none overlapping', (paper, o) => {
		const page = paperSizeMm(paper, o);
		const frame = pageFrame({ page, title: true, panel: true });
		const drawn = layoutPage(frame, content(), measure);
		expect(drawn[0]).toEqual({ kind: 'map', rect: frame.map });
		const texts = drawn.filter((p) => p.kind === 'text');
		const boxes = texts.map(textBox);
		const pageRect = { x: 0, y: 0, w: page.widthMm, h: page.heightMm };
		for (const box of boxes) expect(inside(box, pageRect)).toBe(true);
		for (let i = 0; i < boxes.length; i++)
			for (let j = i + 1; j < boxes.length; j++)
				expect(
					overlap(boxes[i]!, boxes[j]!),
					`"${texts[i]!.text}" overlaps "${texts[j]!.text}"`
				).toBe(false);
		// Panel text stays in the columns; nothing but the scale bar and north arrow is on the map.
		const onMap = texts.filter((t, i) => overlap(boxes[i]!, frame.map)).map((t) => t.text);
		expect(onMap.sort()).toEqual(
			['0', '50 km', 'N', 'Scale 1:2,500,000 at 27.5° N (map centre)'].sort()
		);
		for (const label of ['Legend', 'Iran–Pakistan border', 'Sources of the events shown'])
			expect(texts.map((t) => t.text)).toContain(label);
	});

	it('says how many sources a one-page snapshot leaves out instead of drawing over the footer', () => {
		const page = paperSizeMm('a4', 'landscape');
		const frame = pageFrame({ page, title: true, panel: true });
		const items = Array.from({ length: 80 }, (_, i) => `Strike ${i} (2024-01-16): Dawn; Reuters`);
		const drawn = layoutPage(
			frame,
			content({ sources: { heading: 'Sources of the events shown', items } }),
			measure
		);
		const column = frame.columns[0]!;
		const texts = drawn.filter((p) => p.kind === 'text');
		const inColumn = texts.filter((t) => t.x >= column.x);
		for (const t of inColumn) expect(t.y).toBeLessThanOrEqual(column.y + column.h);
		const note = inColumn.find((t) => t.text.startsWith('…'));
		expect(note?.text).toMatch(
			/^… \d+ more sources not shown here \(a PDF export lists them all\)$/
		);
		const shown = inColumn.filter((t) => t.text.startsWith('Strike ')).length;
		expect(shown + Number(note!.text.match(/\d+/)![0])).toBe(80);
	});

	it('continues the sources on further pages of a PDF, each item once, each page with title and credits', () => {
		for (const orientation of ['landscape', 'portrait'] as const) {
			const page = paperSizeMm('a4', orientation);
			const frame = pageFrame({ page, title: true, panel: true });
			const items = Array.from({ length: 400 }, (_, i) => `Event ${i} (2024-01-16): Dawn; Reuters`);
			const pages = layoutPages(
				frame,
				content({ sources: { heading: 'Sources of the events shown', items } }),
				measure,
				{ continuePages: true }
			);
			expect(pages.length, orientation).toBeGreaterThan(1);
			const texts = pages.map((p) => p.filter((x) => x.kind === 'text'));
			const drawn = texts
				.flat()
				.filter((t) => /^Event \d+ /.test(t.text))
				.map((t) => t.text);
			expect(drawn).toEqual(items);
			expect(texts[0]!.some((t) => t.text === '… continued on the next page')).toBe(true);
			for (const [i, onPage] of texts.entries()) {
				for (const t of onPage) {
					expect(t.y).toBeLessThanOrEqual(page.heightMm);
					expect(t.x).toBeLessThanOrEqual(page.widthMm);
				}
				if (i === 0) continue;
				expect(onPage[0]!.text).toMatch(new RegExp(`: continued \\(page ${i + 1}\\)$`));
				expect(onPage.some((t) => t.text.includes('GeoNames'))).toBe(true);
				// Only the first page carries the map.
				expect(pages[i]!.some((p) => p.kind === 'map')).toBe(false);
			}
		}
	});

	it('heads a list again where a page break cuts it, sources and sections alike', () => {
		const page = paperSizeMm('a4', 'landscape');
		const frame = pageFrame({ page, title: true, panel: true });
		const claims = Array.from({ length: 300 }, (_, i) => `Claim ${i}: a statement, its claimant`);
		const pages = layoutPages(
			frame,
			content({ sections: [{ heading: 'Claims: casualties', lines: claims }] }),
			measure,
			{ continuePages: true }
		);
		expect(pages.length).toBeGreaterThan(1);
		const texts = pages.map((p) => p.filter((x) => x.kind === 'text').map((t) => t.text));
		expect(
			texts[1]!.some((t) => /^Claim \d+/.test(t)),
			'page 2 goes on with the claims'
		).toBe(true);
		for (const onPage of texts.slice(1)) {
			// The page's heading, then the list's, when the page begins inside the list.
			const first = onPage.findIndex((t) => /^Claim \d+/.test(t));
			if (first < 0) continue;
			expect(onPage[first - 1]).toBe('Claims: casualties (continued)');
		}
		// The sources that follow the claims are headed once where they start.
		expect(texts.flat().filter((t) => t === 'Sources of the events shown')).toHaveLength(1);
	});

	it('keeps a PDF to one page when everything fits', () => {
		const frame = pageFrame({ page: paperSizeMm('a4', 'landscape'), title: true, panel: true });
		expect(layoutPages(frame, content(), measure, { continuePages: true })).toHaveLength(1);
	});

	it('turns the north arrow with the bearing: at 90° north points left', () => {
		const frame = pageFrame({ page: paperSizeMm('a4', 'landscape'), title: true, panel: true });
		const arrowTip = (bearingDeg: number) => {
			const drawn = layoutPage(frame, content({ northArrow: { bearingDeg } }), measure);
			const n = drawn.find((p) => p.kind === 'text' && p.text === 'N') as Extract<
				Primitive,
				{ kind: 'text' }
			>;
			const circle = drawn.find((p) => p.kind === 'circle' && p.r > 5) as Extract<
				Primitive,
				{ kind: 'circle' }
			>;
			return { dx: n.x - circle.cx, dy: n.y - circle.cy, angle: n.angleDeg };
		};
		const up = arrowTip(0);
		expect(up.dx).toBeCloseTo(0, 9);
		expect(up.dy).toBeLessThan(0);
		const east = arrowTip(90);
		expect(east.dx).toBeLessThan(0);
		expect(east.dy).toBeCloseTo(0, 9);
		expect(east.angle).toBe(-90);
	});

	it('converts legend widths from CSS px and keeps dashes in line widths', () => {
		const frame = pageFrame({ page: paperSizeMm('a4', 'landscape'), title: true, panel: true });
		const drawn = layoutPage(frame, content(), measure);
		const dashed = drawn.find(
			(p) => p.kind === 'path' && p.dashMm && p.stroke === '#5f5f5f'
		) as Extract<Primitive, { kind: 'path' }>;
		const width = cssPxToMm(2);
		expect(dashed.widthMm).toBeCloseTo(width, 9);
		expect(dashed.dashMm![0]).toBeCloseTo(3 * width, 9);
	});
});

describe('wrapText', () => {
	it('wraps at spaces and breaks words longer than the line', () => {
		expect(wrapText('aaa bbb ccc', (7 * 10 * MM_PER_PT) / 2, 10, false, measure)).toEqual([
			'aaa bbb',
			'ccc'
		]);
		expect(wrapText('abcdefghij', (4 * 10 * MM_PER_PT) / 2, 10, false, measure)).toEqual([
			'abcd',
			'efgh',
			'ij'
		]);
	});

	it('breaks a very long word with a few measurements per line', () => {
		let calls = 0;
		const counting: Measure = (text, sizePt, bold) => {
			calls++;
			return measure(text, sizePt, bold);
		};
		const lines = wrapText('x'.repeat(10_000), (100 * 10 * MM_PER_PT) / 2, 10, false, counting);
		expect(lines).toHaveLength(100);
		expect(lines.every((l) => l.length === 100)).toBe(true);
		expect(calls).toBeLessThan(100 * 20);
	});
});

describe('fitText', () => {
	it('shortens a long title with a few dozen measurements, not one per character', () => {
		let calls = 0;
		const counting: Measure = (text, sizePt, bold) => {
			calls++;
			return measure(text, sizePt, bold);
		};
		const title = 'Saravan-'.repeat(4000); // 32,000 characters, no space to trim at the cut
		const widthMm = (80 * 9 * MM_PER_PT) / 2; // 80 characters at 9 pt
		const fitted = fitText(title, widthMm, 14, 9, true, counting);
		expect(fitted.sizePt).toBe(9);
		expect(fitted.text.endsWith('…')).toBe(true);
		expect(counting(fitted.text, 9, true)).toBeLessThanOrEqual(widthMm);
		// One more character would not fit: the cut is as long as it can be.
		const longer = title.slice(0, fitted.text.length) + '…';
		expect(measure(longer, 9, true)).toBeGreaterThan(widthMm);
		expect(calls).toBeLessThan(40);
	});

	it('keeps a title that fits, at the largest size that fits', () => {
		const fitted = fitText('Short', 100, 14, 9, true, measure);
		expect(fitted).toEqual({ text: 'Short', sizePt: 14 });
	});
});

describe('legend helpers', () => {
	it('blends a translucent fill over the white page', () => {
		expect(onWhite('#6a3d9a', 0.25)).toBe('#dacfe6');
		expect(onWhite('#6a3d9a', 1)).toBe('#6a3d9a');
	});

	it('hatches a rectangle with diagonals that stay inside it', () => {
		const rect = { x: 10, y: 20, w: 7, h: 3.6 };
		const lines = hatchLines(rect, 1.2);
		expect(lines.length).toBe(Math.ceil((7 + 3.6 - 0.6) / 1.2));
		for (const line of lines)
			for (const [x, y] of line) {
				expect(x).toBeGreaterThanOrEqual(10 - 1e-9);
				expect(x).toBeLessThanOrEqual(17 + 1e-9);
				expect(y).toBeGreaterThanOrEqual(20 - 1e-9);
				expect(y).toBeLessThanOrEqual(23.6 + 1e-9);
			}
	});
});
