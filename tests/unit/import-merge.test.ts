// Replacing or removing one file's imported points: the others and their distances stay, the
// work is linear in the points held, and the ids that are gone are reported.
import { describe, expect, it } from 'vitest';
import type { EventDistances } from '../../src/lib/geo/distances';
import type { ImportedPoint } from '../../src/lib/geo/import';
import { replaceFile } from '../../src/lib/state/import-merge';

const point = (file: string, i: number): ImportedPoint => ({
	id: `${file}-${i}`,
	name: `P${i}`,
	point: [62, 27],
	properties: {},
	sourceFile: file,
	index: i,
	origin: `row ${i}`
});
const measured = (id: string) => ({ eventId: id }) as EventDistances;

describe('replaceFile', () => {
	it('replaces one file, keeps the others, and names the ids that are gone', () => {
		const a = [point('a', 1), point('a', 2)];
		const b = [point('b', 1)];
		const current = {
			points: [...a, ...b],
			distances: new Map([...a, ...b].map((p) => [p.id, measured(p.id)]))
		};
		const next = replaceFile(current, 'a', [point('a2', 9)], [['a2-9', measured('a2-9')]]);
		expect(next.points.map((p) => p.id)).toEqual(['b-1', 'a2-9']);
		expect([...next.distances.keys()]).toEqual(['b-1', 'a2-9']);
		expect([...next.removed]).toEqual(['a-1', 'a-2']);
		const removed = replaceFile(next, 'b');
		expect(removed.points.map((p) => p.id)).toEqual(['a2-9']);
		expect([...removed.removed]).toEqual(['b-1']);
	});

	it('reads each held point a bounded number of times (a 1-row import after 100,000 stays linear)', () => {
		const n = 100_000;
		const held = Array.from({ length: n }, (_, i) => point('big', i));
		let reads = 0;
		// Counts every element read, through any array method.
		const counted = new Proxy(held, {
			get(target, key, receiver) {
				if (typeof key === 'string' && /^\d+$/.test(key)) reads++;
				return Reflect.get(target, key, receiver);
			}
		});
		const distances = new Map(held.map((p) => [p.id, measured(p.id)]));
		const next = replaceFile(
			{ points: counted, distances },
			'one.csv',
			[point('one.csv', 2)],
			[['one.csv-2', measured('one.csv-2')]]
		);
		expect(next.points).toHaveLength(n + 1);
		expect(next.distances.size).toBe(n + 1);
		expect(reads).toBeLessThanOrEqual(2 * n);
	});
});
