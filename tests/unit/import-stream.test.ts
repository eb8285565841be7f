// A large CSV read in chunks: cut only between rows (never inside quotes or a UTF-8 sequence),
// the same points and line numbers as the whole-file reader, progress per chunk, and cancel.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importFile } from '../../src/lib/geo/import';
import { CsvStream, csvTextChunks } from '../../src/lib/geo/import-stream';
import { tablePoint } from '../../src/lib/geo/import-table';
import { ImportEngine, type ImportResponse } from '../../src/lib/geo/import-worker';
import { readScenarioLayers } from './helpers';

/** The bytes as a stream of `size`-byte pieces (a UTF-8 sequence may be split between two). */
function streamOf(text: string, size = 7): ReadableStream<Uint8Array> {
	const bytes = new TextEncoder().encode(text);
	let at = 0;
	return new ReadableStream({
		pull(controller) {
			if (at >= bytes.length) return controller.close();
			controller.enqueue(bytes.slice(at, (at += size)));
		}
	});
}

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
	const out: T[] = [];
	for await (const item of items) out.push(item);
	return out;
}

describe('csvTextChunks', () => {
	const csv =
		'\uFEFFname,lat,lon,note\r\n' +
		'Sarāvān,27.37,62.33,"two\r\nlines, and ""quotes"""\r\n' +
		'Panjgur,26.97,64.09,plain\r\n' +
		'\r\n' +
		'Rask,26.24,61.40,"a\nb\nc"\n' +
		'Khāsh,28.22,61.22,last';

	it('cuts only at row ends, keeps every character, and numbers lines across chunks', async () => {
		const chunks = await collect(csvTextChunks(streamOf(csv), 20));
		expect(chunks.map((c) => c.text).join('')).toBe(csv.slice(1));
		for (const c of chunks.slice(0, -1)) expect(c.text).toMatch(/\n$/);
		// Each chunk starts on the line its first character is on in the file.
		let line = 1;
		for (const c of chunks) {
			expect(c.firstLine).toBe(line);
			line += c.text.split(/\r\n|\r|\n/).length - 1;
		}
		expect(chunks.length).toBeGreaterThan(2);
	});

	it('refuses a file that is not UTF-8', async () => {
		const bytes = new Uint8Array([...new TextEncoder().encode('name,lat,lon\ncaf'), 0xe9, 0x2c]);
		const stream = new ReadableStream({
			start(c) {
				c.enqueue(bytes);
				c.close();
			}
		});
		await expect(collect(csvTextChunks(stream))).rejects.toThrow(/not valid UTF-8/);
	});
});

describe('CsvStream', () => {
	it("reads the ACLED fixture in small chunks into the whole-file reader's points", async () => {
		const text = readFileSync(
			new URL('../fixtures/import/acled-iran-pakistan-2024.csv', import.meta.url),
			'utf8'
		);
		const whole = importFile('acled.csv', text, text.length, 'f1');
		if (!whole.ok) throw new Error(whole.error);
		const stream = new CsvStream('acled.csv', '.csv', 'f1');
		const steps = await collect(stream.steps(streamOf(text, 97), 300));
		expect(steps.length).toBeGreaterThan(2);
		const points = steps.flatMap((s) => s.points);
		expect(points).toEqual(whole.points);
		expect(stream.reader!.finish([], points.length).warnings).toEqual(whole.warnings);
	});

	it('names bad rows by their line, after a quoted field over several lines', async () => {
		const text = 'name,lat,lon\n"A\nB",27,62\nC,95,62\nD,27,x\nE,26,63\n';
		const stream = new CsvStream('s.csv', '.csv', 'f1');
		const points = (await collect(stream.steps(streamOf(text, 3), 10))).flatMap((s) => s.points);
		expect(points.map((p) => [p.name, p.origin])).toEqual([
			['A\nB', 'row 2'],
			['E', 'row 6']
		]);
		expect(stream.reader!.skipped.map((s) => s.where)).toEqual(['row 4', 'row 5']);
	});
});

describe('ImportEngine streaming', () => {
	const rows = ['name,latitude,longitude'];
	for (let i = 0; i < 3000; i++) rows.push(`P${i},${25 + (i % 50) * 0.1},${59 + (i % 60) * 0.1}`);
	const file = new Blob([rows.join('\n')]);

	it('sends each chunk measured, with progress in bytes, then the outcome', async () => {
		const out: ImportResponse[] = [];
		const engine = new ImportEngine((r) => out.push(r));
		await engine.handle({ type: 'init', layers: readScenarioLayers() });
		await engine.handle({
			type: 'stream',
			requestId: 3,
			file,
			fileName: 'big.csv',
			idPrefix: 'f1',
			labelChars: 60
		});
		const chunks = out.flatMap((r) => (r.type === 'chunk' ? [r.table] : []));
		expect(chunks.reduce((n, t) => n + t.count, 0)).toBe(3000);
		expect(tablePoint(chunks[0]!, 0).id).toBe('f1-2');
		const progress = out.filter((r) => r.type === 'progress');
		expect(progress.at(-1)).toMatchObject({ done: file.size, total: file.size, points: 3000 });
		expect(out.at(-1)).toMatchObject({ type: 'imported', outcome: { ok: true } });
	});

	it('stops when cancelled, and says so', async () => {
		const out: ImportResponse[] = [];
		const engine = new ImportEngine((r) => out.push(r));
		await engine.handle({ type: 'init', layers: readScenarioLayers() });
		const reading = engine.handle({
			type: 'stream',
			requestId: 4,
			file,
			fileName: 'big.csv',
			idPrefix: 'f1',
			labelChars: 60
		});
		await engine.handle({ type: 'cancel', requestId: 4 });
		await reading;
		expect(out.at(-1)).toEqual({ type: 'error', requestId: 4, message: 'cancelled' });
		expect(out.some((r) => r.type === 'imported')).toBe(false);
	});
});
