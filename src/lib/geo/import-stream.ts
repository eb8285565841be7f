// Reading a CSV too large to hold as one text (a million rows, 100 MB) in chunks: bytes are
// decoded as they arrive, cut at row boundaries (never inside a quoted field), and each chunk's
// rows are read by the same CsvRowReader as a small file's, with their line numbers (no DOM).
import { ImportError, lineStarts, MAX_STREAM_POINTS, type ImportedPoint } from './import-common';
import { CsvRowReader, csvRows, detectDelimiter } from './import-csv';

/**
 * How much text is read and measured at a time: progress is reported, and a cancel heeded, per
 * chunk (about 40,000 short rows or 10,000 ACLED rows, a second or two of measuring).
 */
export const STREAM_CHUNK_CHARS = 1024 * 1024;
/** A file with millions of bad rows lists the first ones and counts the rest. */
export const MAX_SKIPPED_LISTED = 1_000;

export type TextChunk = {
	text: string;
	/** The line of the file the chunk's first character is on (1-based). */
	firstLine: number;
	/** Bytes of the file read so far. */
	bytesRead: number;
};

/**
 * A CSV byte stream as texts of about `chunkChars` that each end at the end of a row: a line
 * break outside quotes (RFC 4180's doubled quotes keep the count even).
 */
export async function* csvTextChunks(
	stream: ReadableStream<Uint8Array>,
	chunkChars = STREAM_CHUNK_CHARS
): AsyncGenerator<TextChunk> {
	const decoder = new TextDecoder('utf-8', { fatal: true });
	const reader = stream.getReader();
	let pending = '';
	/** How far `pending` has been scanned, whether that point is inside quotes, the last cut. */
	let scanned = 0;
	let quoted = false;
	let cut = -1;
	let line = 1;
	let bytesRead = 0;
	let first = true;
	const take = (end: number): TextChunk => {
		const text = pending.slice(0, end);
		pending = pending.slice(end);
		scanned -= end;
		cut = -1;
		const chunk = { text, firstLine: line, bytesRead };
		line += lineStarts(text).length - 1;
		return chunk;
	};
	for (;;) {
		const { done, value } = await reader.read();
		try {
			pending += done ? decoder.decode() : decoder.decode(value, { stream: true });
		} catch {
			throw new ImportError(
				'The file is not valid UTF-8 text: save it as UTF-8 (CSV UTF-8 in Excel) and import it again.'
			);
		}
		if (first && pending) {
			pending = pending.replace(/^\uFEFF/, '');
			first = false;
		}
		bytesRead += value?.length ?? 0;
		for (; scanned < pending.length; scanned++) {
			const c = pending.charCodeAt(scanned);
			if (c === 34) quoted = !quoted;
			else if (!quoted && (c === 10 || (c === 13 && pending.charCodeAt(scanned + 1) !== 10)))
				cut = scanned + 1;
		}
		if (done) break;
		if (pending.length >= chunkChars && cut > 0) yield take(cut);
	}
	if (pending) yield take(pending.length);
}

/** What a streamed CSV has given so far: the points of the last chunk, and the totals. */
export type StreamStep = {
	points: ImportedPoint[];
	bytesRead: number;
	rowsRead: number;
};

/**
 * Reads a large CSV chunk by chunk: yields each chunk's points, and leaves the header's and the
 * rows' notes in `reader()` for the end.
 */
export class CsvStream {
	private rowReader: CsvRowReader | null = null;
	private delimiter: string | null = null;
	private read = 0;

	constructor(
		private fileName: string,
		private ext: string,
		private idPrefix: string
	) {}

	/** The row reader, once the header is read (its warnings and skipped rows). */
	get reader(): CsvRowReader | null {
		return this.rowReader;
	}

	async *steps(
		stream: ReadableStream<Uint8Array>,
		chunkChars?: number
	): AsyncGenerator<StreamStep> {
		for await (const chunk of csvTextChunks(stream, chunkChars)) {
			this.delimiter ??= detectDelimiter(chunk.text.slice(0, 64 * 1024), this.ext);
			const points: ImportedPoint[] = [];
			csvRows(chunk.text, this.delimiter, chunk.firstLine, (fields, line) => {
				if (!this.rowReader) {
					this.rowReader = new CsvRowReader(this.fileName, fields, this.delimiter!, this.idPrefix);
					return;
				}
				const point = this.rowReader.read(fields, line);
				if (point) points.push(point);
				if (this.rowReader.skipped.length > MAX_SKIPPED_LISTED) this.rowReader.skipped.pop();
			});
			this.read += points.length;
			if (this.read > MAX_STREAM_POINTS)
				throw new ImportError(
					`The file has more than ${MAX_STREAM_POINTS.toLocaleString('en-US')} points; ` +
						'split it, or serve it as a pack layer (npm run pack:tiles).'
				);
			yield { points, bytesRead: chunk.bytesRead, rowsRead: this.rowReader?.rows ?? 0 };
		}
		if (!this.rowReader) throw new ImportError('The file is empty.');
	}
}
