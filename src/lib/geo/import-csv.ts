// Reading CSV into points: papaparse with the delimiter detected, coordinate columns found by
// name, every bad row named by its line (no DOM).
import Papa from 'papaparse';
import {
	count,
	ImportError,
	lineAt,
	lineStarts,
	listed,
	MAX_IMPORT_POINTS,
	MAX_REASONS_SHOWN,
	plural,
	rangeProblem,
	truncate,
	type ImportedPoint,
	type Parsed,
	type SkippedItem
} from './import-common';
import { codebookEvent, detectCodebook, type ImportedEvent } from './import-codebook';

const LATITUDE_NAMES = ['latitude', 'lat', 'y'];
const LONGITUDE_NAMES = ['longitude', 'lon', 'lng', 'long', 'x'];
const CSV_NAME_NAMES = ['name', 'title', 'label', 'place'];

export function readCsv(fileName: string, text: string, ext: string, idPrefix: string): Parsed {
	const delimiter = detectDelimiter(text, ext);
	let reader: CsvRowReader | null = null;
	let tooMany = false;
	const points: ImportedPoint[] = [];
	csvRows(text, delimiter, 1, (fields, line) => {
		if (!reader) {
			reader = new CsvRowReader(fileName, fields, delimiter, idPrefix);
			return;
		}
		if (reader.rows >= MAX_IMPORT_POINTS) {
			tooMany = true;
			return false;
		}
		const point = reader.read(fields, line);
		if (point) points.push(point);
	});
	if (tooMany)
		throw new ImportError(
			`The file has more than ${count(MAX_IMPORT_POINTS)} data rows; at most ` +
				`${count(MAX_IMPORT_POINTS)} points can be imported from a file of up to 20 MB ` +
				'(a larger CSV is read in chunks, up to 2,000,000 points).'
		);
	const read = reader as CsvRowReader | null;
	if (!read) throw new ImportError('The file is empty.');
	if (!read.rows)
		throw new ImportError(
			`The file has a header row (${listed(read.columns, 12, ', ')}) but no data rows.`
		);
	return read.finish(points);
}

/** The delimiter papaparse detects from a CSV's first rows (comma, semicolon, tab or pipe). */
export function detectDelimiter(sample: string, ext: string): string {
	if (ext === '.tsv') return '\t';
	return Papa.parse<string[]>(sample, { delimiter: '', preview: 20, skipEmptyLines: 'greedy' }).meta
		.delimiter;
}

/**
 * Calls `onRow` with each row of a CSV text and the line it starts on (blank rows left out).
 * @throws ImportError on a quoted field that is never closed
 */
export function csvRows(
	text: string,
	delimiter: string,
	firstLine: number,
	onRow: (fields: string[], line: number) => boolean | void
): void {
	const lines = lineStarts(text);
	let rowStart = 0;
	let problem: string | null = null;
	Papa.parse<string[]>(text, {
		delimiter,
		// Every line comes through, so the cursor always sits where the next row starts and line
		// numbers stay exact; blank rows (",,", common in Excel exports) are dropped.
		skipEmptyLines: false,
		step(result, parser) {
			const line = firstLine + lineAt(lines, rowStart) - 1;
			rowStart = result.meta.cursor;
			const quotes = result.errors.find((e) => e.type === 'Quotes');
			if (quotes) {
				problem =
					`CSV error in row ${line}: ` +
					(quotes.code === 'MissingQuotes'
						? 'a quoted field is never closed (a " is missing).'
						: `${quotes.message.replace(/\.$/, '')}.`);
				parser.abort();
			} else if (result.data.every((field) => field.trim() === '')) return;
			else if (onRow(result.data, line) === false) parser.abort();
		}
	});
	if (problem) throw new ImportError(problem);
}

/**
 * Reads CSV rows into points once the header is known: the coordinate and name columns found by
 * name, an ACLED or UCDP GED export recognised, each bad row skipped with its line. Used for a
 * whole file (readCsv) and for a file read in chunks (import-stream.ts).
 */
export class CsvRowReader {
	readonly columns: string[];
	/** What the header told (a codebook export, an ambiguous column); then the rows' notes. */
	readonly warnings: string[] = [];
	readonly skipped: SkippedItem[] = [];
	/** Data rows read, skipped ones included. */
	rows = 0;
	private latitude: number;
	private longitude: number;
	private codebook: ReturnType<typeof detectCodebook>;
	private nameColumn: number | null;
	private decimalComma: boolean;
	private commaRows = 0;
	private shortRows = 0;

	constructor(
		private fileName: string,
		header: string[],
		private delimiter: string,
		private idPrefix: string
	) {
		const columns = uniqueColumnNames(header);
		this.columns = columns;
		const latitude = findColumn(columns, LATITUDE_NAMES, 'latitude', this.warnings);
		const longitude = findColumn(columns, LONGITUDE_NAMES, 'longitude', this.warnings);
		if (latitude === null || longitude === null) {
			const missing = [latitude === null && 'latitude', longitude === null && 'longitude'];
			throw new ImportError(
				`No ${missing.filter(Boolean).join(' or ')} column found. The file's columns are ` +
					`${listed(
						columns.map((c) => `"${c}"`),
						12,
						', '
					)}` +
					(columns.length === 1
						? ' (only one: no comma, semicolon or tab separates the columns, so this may not be CSV)'
						: '') +
					`. Accepted names: ${LATITUDE_NAMES.join(', ')} for latitude and ` +
					`${LONGITUDE_NAMES.join(', ')} for longitude (any case; "Latitude (deg)" also works).`
			);
		}
		this.latitude = latitude;
		this.longitude = longitude;
		this.codebook = detectCodebook(columns);
		if (this.codebook)
			this.warnings.push(
				`Read as a ${this.codebook} export: each row is an event with its dates, types, actors, precision codes, fatalities and sources.`
			);
		this.nameColumn = this.codebook ? null : findColumn(columns, CSV_NAME_NAMES, 'name', []);
		// With ";" or tab separating fields, a comma can only be a decimal separator (27,37).
		this.decimalComma = delimiter === ';' || delimiter === '\t';
	}

	/** Row `fields`, found on line `line` of the file, as a point; or null, noted as skipped. */
	read(fields: string[], line: number): ImportedPoint | null {
		this.rows++;
		const { columns, decimalComma, skipped } = this;
		const where = `row ${line}`;
		if (fields.length > columns.length) {
			skipped.push({
				where,
				why:
					`${fields.length} fields where the header has ${columns.length}` +
					(this.delimiter === ',' ? ' (a value with an unquoted comma?)' : '')
			});
			return null;
		}
		if (fields.length < columns.length) this.shortRows++;
		const lat = parseCoordinate(fields[this.latitude] ?? '', 'latitude', decimalComma);
		const lon = parseCoordinate(fields[this.longitude] ?? '', 'longitude', decimalComma);
		if ('problem' in lat || 'problem' in lon) {
			const problems = [lat, lon].flatMap((c) => ('problem' in c ? [c.problem] : []));
			skipped.push({ where, why: problems.join('; ') });
			return null;
		}
		const range = rangeProblem(lon.value, lat.value, 'check which column is which');
		if (range) {
			skipped.push({ where, why: range });
			return null;
		}
		if (lat.comma || lon.comma) this.commaRows++;
		const properties = Object.fromEntries(
			columns.map((column, k) => [column, fields[k]?.trim() ? fields[k]! : null])
		);
		let event: ImportedEvent | undefined;
		if (this.codebook) {
			const lower = Object.fromEntries(
				Object.entries(properties).map(([k, v]) => [k.toLowerCase(), v])
			);
			const read = codebookEvent(this.codebook, lower);
			if (!read.ok) {
				skipped.push({ where, why: read.problem });
				return null;
			}
			event = read.value;
		}
		const name = event
			? [event.place, event.dateStart].filter(Boolean).join(', ')
			: this.nameColumn === null
				? ''
				: (fields[this.nameColumn] ?? '').trim();
		return {
			id: `${this.idPrefix}-${line}`,
			name: name || `Row ${line}`,
			point: [lon.value, lat.value],
			properties,
			sourceFile: this.fileName,
			index: line,
			origin: where,
			...(event ? { event } : {})
		};
	}

	/**
	 * The result once every row is read: the notes on the rows added to the warnings.
	 * @param points the points read (all of them, or none when they went elsewhere as they came)
	 * @param read how many were read in all
	 */
	finish(points: ImportedPoint[], read = points.length): Parsed {
		const { warnings, skipped } = this;
		if (this.commaRows)
			warnings.push(
				`Decimal commas were read as decimal points (e.g. "27,37" as 27.37) in ` +
					`${plural(this.commaRows, 'row', 'rows')}.`
			);
		if (this.shortRows)
			warnings.push(
				`${plural(this.shortRows, 'row has', 'rows have')} fewer fields than the header; the missing ` +
					'fields at the end were left empty.'
			);
		if (!read)
			throw new ImportError(
				`No rows with usable coordinates: ` +
					(this.rows === 1 ? 'the only data row was' : `all ${count(this.rows)} data rows were`) +
					` skipped — ${listed(
						skipped.map((s) => `${s.where}: ${s.why}`),
						MAX_REASONS_SHOWN
					)}.`
			);
		return { points, skipped, warnings };
	}
}

/**
 * Header names made usable as property keys: blanks named by position, repeats numbered. A name
 * made up here never takes one the file already has ("x (2)" beside two "x" columns).
 */
function uniqueColumnNames(header: string[]): string[] {
	const taken = new Set(header.map((raw) => raw.trim()).filter(Boolean));
	const used = new Set<string>();
	return header.map((raw, k) => {
		const given = raw.trim();
		if (given && !used.has(given)) {
			used.add(given);
			return given;
		}
		const base = given || `column ${k + 1}`;
		let name = base;
		for (let n = 2; used.has(name) || (name !== given && taken.has(name)); n++)
			name = `${base} (${n})`;
		used.add(name);
		return name;
	});
}

/**
 * The column named by one of `names` (case-insensitive), else one whose name starts with it as a
 * word ("Latitude (deg)", "lat_dd"); earlier names in the list win. Warns when several qualify,
 * since "latitude_source" beside "lat" must not silently take its place.
 */
function findColumn(
	columns: string[],
	names: string[],
	what: string,
	warnings: string[]
): number | null {
	const candidates = columns
		.map((column, k) => {
			const lower = column.toLowerCase();
			const exact = names.indexOf(lower);
			const leading = names.indexOf(/^[a-z]+/.exec(lower)?.[0] ?? '');
			return { k, rank: exact >= 0 ? exact : leading >= 0 ? names.length + leading : -1 };
		})
		.filter((c) => c.rank >= 0)
		.sort((a, b) => a.rank - b.rank || a.k - b.k);
	const best = candidates[0];
	if (!best) return null;
	if (candidates.length > 1)
		warnings.push(
			`Several ${what} columns (${candidates.map((c) => `"${columns[c.k]}"`).join(', ')}): ` +
				`"${columns[best.k]}" was used.`
		);
	return best.k;
}

type Coordinate = { value: number; comma: boolean } | { problem: string };

function parseCoordinate(raw: string, what: string, decimalComma: boolean): Coordinate {
	const text = raw.trim();
	if (!text) return { problem: `${what} is empty` };
	const comma = decimalComma && /^[+-]?\d+,\d+$/.test(text);
	const normal = comma ? text.replace(',', '.') : text;
	// Number() would read "" as 0 and "0x1A" as 26: accept plain decimal notation only.
	if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(normal))
		return { problem: `${what} "${truncate(text, 40)}" is not a number` };
	return { value: Number(normal), comma };
}
