// Reading a user's own GeoJSON or CSV file into points the app analyses like its events (no DOM).
import { getIssues } from '@placemarkio/check-geojson';
import Papa from 'papaparse';
import { formatMb } from './size';

/** Larger files are refused before parsing: reading them would freeze the page. */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;
/** More points than this would make every analysis (distances, bands) too slow to be useful. */
export const MAX_IMPORT_POINTS = 100_000;
/**
 * Coordinate positions of all geometries, lines and polygons included: check-geojson builds a
 * syntax tree of every position (~10 µs each, more as memory fills), so a 1M-vertex line would
 * take half a minute to check only to be skipped as a non-point geometry.
 */
export const MAX_IMPORT_POSITIONS = 250_000;
/** check-geojson's parser recurses per level: deeper JSON would overflow the stack. */
export const MAX_JSON_DEPTH = 100;
/** Nested property values are shown as text only, so a short excerpt is enough. */
const MAX_NESTED_PROPERTY_CHARS = 500;
/** How many problems an error message lists before "and N more". */
const MAX_REASONS_SHOWN = 3;

export const GEOJSON_EXTENSIONS = ['.geojson', '.json'] as const;
export const CSV_EXTENSIONS = ['.csv', '.tsv', '.txt'] as const;

export type PropertyValue = string | number | boolean | null;

export type ImportedPoint = {
	/** Unique across every import of a session: the caller's per-import prefix, then the item. */
	id: string;
	name: string;
	/** [longitude, latitude] in degrees (WGS84). */
	point: [number, number];
	properties: Record<string, PropertyValue>;
	sourceFile: string;
	/** GeoJSON: index in the features array (0 for a lone Feature); CSV: line number in the file. */
	index: number;
	/** Where in the file it came from, for people: "row 4", "feature 3", "feature 3, point 2 of 5". */
	origin: string;
};

/** Something in the file that was not imported, and why: shown to the user next to the result. */
export type SkippedItem = { where: string; why: string };

export type ImportResult =
	| {
			ok: true;
			file: string;
			points: ImportedPoint[];
			skipped: SkippedItem[];
			warnings: string[];
	  }
	| {
			ok: false;
			file: string;
			/** What is wrong and where: line/column, feature index or CSV row (line number). */
			error: string;
	  };

/** A problem that makes the whole file unusable; turned into `{ ok: false }` by importFile. */
class ImportError extends Error {}

/**
 * Parses a user's data file into points, by extension: .geojson/.json as GeoJSON, .csv/.tsv/.txt
 * as CSV. Never throws: every problem becomes a result the user can read.
 * @param sizeBytes the file's size on disk, checked before anything is parsed
 * @param idPrefix starts every point id; must differ between imports (two files can share a name,
 *   or slug alike: "Sites.csv" and "sites.csv"), so the caller gives each import its own
 * @example importFile('sites.csv', 'name,lat,lon\nSaravan,27.37,62.33', 35, 'f1').ok // true
 */
export function importFile(
	fileName: string,
	text: string,
	sizeBytes: number,
	idPrefix: string
): ImportResult {
	const fail = (error: string): ImportResult => ({ ok: false, file: fileName, error });
	// UTF-16 length never exceeds the UTF-8 size, so this also guards a caller passing 0.
	const bytes = Math.max(sizeBytes, text.length);
	if (bytes > MAX_IMPORT_BYTES)
		return fail(
			`The file is ${formatMb(bytes)}; the limit for imported files is ` +
				`${MAX_IMPORT_BYTES / 1024 / 1024} MB.`
		);
	const ext = extensionOf(fileName);
	const isGeoJson = (GEOJSON_EXTENSIONS as readonly string[]).includes(ext);
	const isCsv = (CSV_EXTENSIONS as readonly string[]).includes(ext);
	if (!isGeoJson && !isCsv)
		return fail(
			`Unsupported file type${ext ? ` "${ext}"` : ''}: import GeoJSON ` +
				`(${GEOJSON_EXTENSIONS.join(', ')}) or CSV (${CSV_EXTENSIONS.join(', ')}).`
		);
	const body = text.replace(/^\uFEFF/, '');
	if (body.trim() === '') return fail('The file is empty.');
	try {
		const parsed = isGeoJson
			? readGeoJson(fileName, body, idPrefix)
			: readCsv(fileName, body, ext, idPrefix);
		return { ok: true, file: fileName, ...parsed };
	} catch (error) {
		if (error instanceof ImportError) return fail(error.message);
		// Engines differ in how deep they recurse; a stack overflow must not take the page down.
		if (error instanceof RangeError) return fail('The file is nested too deeply to be read.');
		return fail(`The file could not be read (${(error as Error).message}).`);
	}
}

/**
 * A file's bytes as text. Not valid UTF-8 (a spreadsheet saved as "CSV" on Windows, say) is read
 * as Windows-1252, the usual Western encoding, with a warning: "café" then stays "café" rather
 * than becoming "caf�".
 */
export function decodeText(bytes: Uint8Array): { text: string; warning: string | null } {
	try {
		return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), warning: null };
	} catch {
		return {
			text: new TextDecoder('windows-1252').decode(bytes),
			warning:
				'The file is not valid UTF-8; it was read as Windows-1252 (Western European). ' +
				'Check the names: if they look wrong, save the file as UTF-8 and import it again.'
		};
	}
}

/** importFile over a file's bytes, decoded by decodeText (whose warning joins the result's). */
export function importBytes(fileName: string, bytes: Uint8Array, idPrefix: string): ImportResult {
	if (bytes.length > MAX_IMPORT_BYTES) return importFile(fileName, '', bytes.length, idPrefix);
	const { text, warning } = decodeText(bytes);
	const result = importFile(fileName, text, bytes.length, idPrefix);
	if (!warning) return result;
	return result.ok
		? { ...result, warnings: [warning, ...result.warnings] }
		: { ...result, error: `${result.error} (${warning})` };
}

type Parsed = { points: ImportedPoint[]; skipped: SkippedItem[]; warnings: string[] };

// ---------------------------------------------------------------------------------------------
// GeoJSON

const GEOMETRY_TYPES = [
	'Point',
	'MultiPoint',
	'LineString',
	'MultiLineString',
	'Polygon',
	'MultiPolygon',
	'GeometryCollection'
];
const GEOJSON_TYPES = ['FeatureCollection', 'Feature', ...GEOMETRY_TYPES];
/** check-geojson's word on a position of four or more numbers. */
const LONG_POSITION = /position should have 2 or 3 elements - found ([4-9]|\d{2,})/i;

/**
 * One thing that may hold points: a feature of a collection, a lone Feature or a bare geometry.
 * `span` is its range in the text (for check-geojson), `line` where it starts (for messages).
 */
type Entry = {
	feature: unknown;
	index: number;
	label: string;
	span: [number, number] | undefined;
	line: number | null;
};

function readGeoJson(fileName: string, text: string, idPrefix: string): Parsed {
	const lines = lineStarts(text);
	const scan = scanJson(text);
	if (scan.tooDeepAt !== null)
		throw new ImportError(
			`The JSON is nested too deeply: more than ${MAX_JSON_DEPTH} levels of arrays and ` +
				`objects (${lineColumn(lines, scan.tooDeepAt)}).`
		);
	let json: unknown;
	try {
		json = JSON.parse(text);
	} catch (error) {
		if (error instanceof RangeError) throw error;
		throw new ImportError(describeSyntaxError(text, lines, scan, error as Error));
	}
	const entries = geoJsonEntries(json, text, lines, scan);
	guardSize(entries);

	const points: ImportedPoint[] = [];
	const skipped: SkippedItem[] = [];
	const warnings: string[] = [];
	let withoutProperties = 0;
	let longPositions = 0;
	const idIndices = new Map<string, number[]>();

	for (const entry of entries) {
		const { feature, index, span } = entry;
		const where = entry.line === null ? entry.label : `${entry.label} (line ${entry.line})`;
		if (!isObject(feature)) {
			skipped.push({ where, why: `${describeValue(feature)} where a Feature was expected` });
			continue;
		}
		if (feature.type !== 'Feature') {
			skipped.push({
				where,
				why:
					typeof feature.type === 'string'
						? `type "${feature.type}" where a Feature was expected`
						: 'no "type": "Feature" member'
			});
			continue;
		}
		const issues = structureIssues(text, span, feature);
		// RFC 7946 requires "properties", but many tools omit it and nothing is lost without it.
		const noProperties = issues.filter((i) => /properties member.*missing/i.test(i.message));
		// Positions of four or more numbers (x, y, z, m) are valid GeoJSON ("two or more
		// elements"); check-geojson follows the advice to stop at three. The first two are used.
		const longer = issues.filter((i) => LONG_POSITION.test(i.message));
		const problems = issues.filter((i) => !noProperties.includes(i) && !longer.includes(i));
		if (noProperties.length) withoutProperties++;
		longPositions += longer.length;
		if (problems.length) {
			const first = problems[0]!;
			skipped.push({
				where:
					first.offset === null
						? entry.label
						: `${entry.label} (${lineColumn(lines, first.offset)})`,
				why: listed(unique(problems.map((p) => p.message.replace(/\.$/, ''))), 2)
			});
			continue;
		}
		if (typeof feature.id === 'string' || typeof feature.id === 'number') {
			const key = JSON.stringify(feature.id);
			idIndices.set(key, [...(idIndices.get(key) ?? []), index]);
		}
		const geometry = feature.geometry as { type: string; coordinates?: unknown } | null;
		if (geometry === null) {
			skipped.push({ where, why: 'no geometry (null): nothing to place on the map' });
			continue;
		}
		if (geometry.type !== 'Point' && geometry.type !== 'MultiPoint') {
			skipped.push({
				where,
				why: `${geometry.type} is not analysed (only Point and MultiPoint are)`
			});
			continue;
		}
		const properties = cleanProperties(feature.properties);
		const name = nameFrom(feature.properties) ?? `Feature ${index}`;
		const positions = (
			geometry.type === 'Point' ? [geometry.coordinates] : geometry.coordinates
		) as unknown[];
		const multi = geometry.type === 'MultiPoint';
		if (multi && positions.length === 0) {
			skipped.push({ where, why: 'MultiPoint with no points' });
			continue;
		}
		positions.forEach((position, j) => {
			const of = `point ${j + 1} of ${positions.length}`;
			const problem = positionProblem(position);
			if (problem) {
				skipped.push({ where: multi ? `${where}, ${of}` : where, why: problem });
				return;
			}
			const [lon, lat] = position as [number, number];
			points.push({
				id: multi ? `${idPrefix}-${index}-${j}` : `${idPrefix}-${index}`,
				name: multi ? `${name} (${of})` : name,
				point: [lon, lat],
				properties,
				sourceFile: fileName,
				index,
				origin: multi ? `${entry.label}, ${of}` : entry.label
			});
		});
	}

	const duplicates = [...idIndices].filter(([, indices]) => indices.length > 1);
	if (duplicates.length)
		warnings.push(
			`Duplicate feature ids: ${listed(
				duplicates.map(([id, indices]) => `${id} (features ${indices.join(', ')})`),
				5
			)}. Each point was given its own id.`
		);
	if (longPositions)
		warnings.push(
			`${plural(longPositions, 'position has', 'positions have')} more than 3 numbers ` +
				'(e.g. elevation and a measure): the first two, longitude and latitude, were used.'
		);
	if (withoutProperties)
		warnings.push(
			`${plural(withoutProperties, 'feature has', 'features have')} no "properties" member ` +
				'(GeoJSON requires one); imported without properties.'
		);
	if (!points.length)
		throw new ImportError(
			'No points to analyse' +
				(skipped.length === 1 ? ': ' : ` (${count(skipped.length)} items skipped): `) +
				`${listed(
					skipped.map((s) => `${s.where}: ${s.why}`),
					MAX_REASONS_SHOWN
				)}.`
		);
	return { points, skipped, warnings };
}

/** The features of the document, after checking the top level is GeoJSON that can hold points. */
function geoJsonEntries(json: unknown, text: string, lines: number[], scan: JsonScan): Entry[] {
	if (!isObject(json))
		throw new ImportError(
			`Not GeoJSON: the file holds ${describeValue(json)}, where a FeatureCollection, ` +
				'Feature or geometry object was expected.'
		);
	const type = json.type;
	if (type === undefined)
		throw new ImportError(
			'Not GeoJSON: the top-level object has no "type" member (expected "FeatureCollection", ' +
				'"Feature" or a geometry type such as "Point").'
		);
	if (typeof type !== 'string')
		throw new ImportError(`Not GeoJSON: the top-level "type" is ${describeValue(type)}.`);
	if (type === 'Topology')
		throw new ImportError(
			'This is TopoJSON (type "Topology"), not GeoJSON: convert it to GeoJSON first ' +
				'(for example with topojson-client or mapshaper).'
		);
	if (!GEOJSON_TYPES.includes(type)) {
		const guess = GEOJSON_TYPES.find((t) => editDistance(t.toLowerCase(), type.toLowerCase()) <= 2);
		throw new ImportError(
			`Not GeoJSON: type "${type}" is not a GeoJSON type` +
				(guess ? ` (did you mean "${guess}"? Types are case-sensitive)` : '') +
				`; expected one of ${GEOJSON_TYPES.join(', ')}.`
		);
	}
	// A lone Feature or geometry is the whole text, so check-geojson's positions need no offset.
	const whole: [number, number] = [0, text.length];
	if (type === 'Feature')
		return [{ feature: json, index: 0, label: 'feature', span: whole, line: null }];
	if (type !== 'FeatureCollection')
		return [
			{
				feature: { type: 'Feature', geometry: json, properties: {} },
				index: 0,
				label: 'geometry',
				span: whole,
				line: null
			}
		];
	const features = json.features;
	if (!Array.isArray(features))
		throw new ImportError('Not GeoJSON: the FeatureCollection has no "features" array.');
	if (!features.length) throw new ImportError('The FeatureCollection contains no features.');
	if (features.length > MAX_IMPORT_POINTS)
		throw new ImportError(
			`The file has ${count(features.length)} features; at most ${count(MAX_IMPORT_POINTS)} ` +
				'can be imported.'
		);
	return features.map((feature, index) => {
		const span = scan.featureSpans[index];
		return {
			feature,
			index,
			label: `feature ${index}`,
			span,
			line: span ? lineAt(lines, span[0]) : null
		};
	});
}

/** Refuses files whose checking alone would take too long, before check-geojson sees them. */
function guardSize(entries: Entry[]): void {
	let points = 0;
	let positions = 0;
	for (const { feature } of entries) {
		const geometry = isObject(feature) ? feature.geometry : null;
		const n = countPositions(geometry);
		positions += n;
		if (isObject(geometry) && (geometry.type === 'Point' || geometry.type === 'MultiPoint'))
			points += n;
	}
	if (points > MAX_IMPORT_POINTS)
		throw new ImportError(
			`The file has ${count(points)} points; at most ${count(MAX_IMPORT_POINTS)} can be imported.`
		);
	if (positions > MAX_IMPORT_POSITIONS)
		throw new ImportError(
			`The file has ${count(positions)} coordinate positions (lines and polygons included); ` +
				`at most ${count(MAX_IMPORT_POSITIONS)} can be imported. Only points are analysed: ` +
				'remove or simplify the lines and polygons.'
		);
}

/** Positions in a geometry, counted from array lengths (an upper bound if it is malformed). */
function countPositions(geometry: unknown): number {
	if (!isObject(geometry)) return 0;
	if (geometry.type === 'GeometryCollection')
		return Array.isArray(geometry.geometries)
			? geometry.geometries.reduce((n: number, g) => n + countPositions(g), 0)
			: 0;
	const nesting: Record<string, number> = {
		Point: 0,
		MultiPoint: 1,
		LineString: 1,
		MultiLineString: 2,
		Polygon: 2,
		MultiPolygon: 3
	};
	const depth = nesting[String(geometry.type)];
	if (depth === undefined) return 0;
	const walk = (value: unknown, level: number): number =>
		!Array.isArray(value)
			? 0
			: level === 0
				? 1
				: level === 1
					? value.length
					: value.reduce((n: number, v) => n + walk(v, level - 1), 0);
	return walk(geometry.coordinates, depth);
}

type StructureIssue = { message: string; offset: number | null };

/**
 * check-geojson's verdict on one feature. Checking each feature's own slice of the text (rather
 * than the whole file) keeps its syntax trees small: ~3x faster on 100k features.
 */
function structureIssues(
	text: string,
	span: [number, number] | undefined,
	feature: Record<string, unknown>
): StructureIssue[] {
	try {
		if (span)
			return getIssues(text.slice(span[0], span[1])).map((i) => ({
				message: i.message,
				offset: i.from + span[0]
			}));
		// The scan found no span (e.g. an escaped "features" key): check a re-serialised copy.
		return getIssues(JSON.stringify(feature)).map((i) => ({ message: i.message, offset: null }));
	} catch (error) {
		return [{ message: `could not be checked (${(error as Error).message})`, offset: null }];
	}
}

/** Why a GeoJSON position cannot be used, or null if it can. */
function positionProblem(position: unknown): string | null {
	if (!Array.isArray(position) || position.length < 2)
		return 'a position needs a longitude and a latitude';
	const [lon, lat] = position as unknown[];
	if (typeof lon !== 'number' || typeof lat !== 'number') return 'coordinates are not numbers';
	if (!Number.isFinite(lon)) return `longitude ${lon} is not a finite number`;
	if (!Number.isFinite(lat)) return `latitude ${lat} is not a finite number`;
	return rangeProblem(lon, lat, 'GeoJSON positions are [longitude, latitude]');
}

function rangeProblem(lon: number, lat: number, order: string): string | null {
	const swapped = Math.abs(lat) <= 180 && Math.abs(lon) <= 90;
	const hint = swapped ? ` (are longitude and latitude swapped? ${order})` : '';
	if (lon < -180 || lon > 180) return `longitude ${lon} is outside -180 to 180${hint}`;
	if (lat < -90 || lat > 90) return `latitude ${lat} is outside -90 to 90${hint}`;
	return null;
}

/** Property values as the app shows them: primitives kept, anything nested as a short JSON text. */
function cleanProperties(raw: unknown): Record<string, PropertyValue> {
	if (!isObject(raw)) return {};
	// fromEntries defines own properties, so a "__proto__" key stays an ordinary key.
	return Object.fromEntries(Object.entries(raw).map(([key, value]) => [key, cleanValue(value)]));
}

function cleanValue(value: unknown): PropertyValue {
	if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
	if (typeof value === 'number') return Number.isFinite(value) ? value : String(value);
	const text = JSON.stringify(value) ?? String(value);
	return text.length > MAX_NESTED_PROPERTY_CHARS
		? text.slice(0, MAX_NESTED_PROPERTY_CHARS - 1) + '…'
		: text;
}

const NAME_KEYS = ['name', 'title', 'label'];

function nameFrom(properties: unknown): string | null {
	if (!isObject(properties)) return null;
	const entries = Object.entries(properties);
	for (const wanted of NAME_KEYS)
		for (const [key, value] of entries)
			if (
				key.toLowerCase() === wanted &&
				(typeof value === 'string' || typeof value === 'number')
			) {
				const name = String(value).trim();
				if (name) return name;
			}
	return null;
}

// ---------------------------------------------------------------------------------------------
// JSON syntax

/** What a single pass over the raw text tells before JSON.parse is trusted with it. */
type JsonScan = {
	/** Offset where nesting first exceeds MAX_JSON_DEPTH, or null. */
	tooDeepAt: number | null;
	/** The text ends inside a string, array or object. */
	incomplete: boolean;
	/** Text range of each object in the top-level "features" array, by array index. */
	featureSpans: ([number, number] | undefined)[];
};

/**
 * Scans JSON text without recursion: nesting depth, truncation, and where each feature lies, so
 * check-geojson can check features one by one and its positions map back to the file.
 */
function scanJson(text: string): JsonScan {
	const QUOTE = 34;
	const BACKSLASH = 92;
	let depth = 0;
	let inString = false;
	let stringStart = 0;
	let lastTopString = '';
	let topKey = '';
	let inFeatures = false;
	let element = 0;
	let elementStart = -1;
	let featureSpans: ([number, number] | undefined)[] = [];
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (inString) {
			if (c === BACKSLASH) i++;
			else if (c === QUOTE) {
				inString = false;
				if (depth === 1) lastTopString = text.slice(stringStart + 1, i);
			}
			continue;
		}
		const ch = text[i];
		if (c === QUOTE) {
			inString = true;
			stringStart = i;
		} else if (ch === ':' && depth === 1) topKey = lastTopString;
		else if (ch === ',' && depth === 2 && inFeatures) element++;
		else if (ch === '{' || ch === '[') {
			depth++;
			if (depth > MAX_JSON_DEPTH) return { tooDeepAt: i, incomplete: false, featureSpans: [] };
			if (depth === 2 && ch === '[' && topKey === 'features') {
				// A repeated "features" key: JSON.parse keeps the last one, and so does this.
				inFeatures = true;
				featureSpans = [];
				element = 0;
			} else if (depth === 3 && inFeatures && ch === '{') elementStart = i;
		} else if (ch === '}' || ch === ']') {
			if (depth === 3 && inFeatures && ch === '}' && elementStart >= 0) {
				featureSpans[element] = [elementStart, i + 1];
				elementStart = -1;
			} else if (depth === 2 && inFeatures) inFeatures = false;
			depth--;
		}
	}
	return { tooDeepAt: null, incomplete: inString || depth > 0, featureSpans };
}

/**
 * A JSON syntax error as "line L, column C: what". Positions come from check-geojson's parser
 * (momoa, the same in every browser), then from the truncation scan, then from the engine's own
 * message, whose wording differs between Chrome, Firefox and Safari.
 */
function describeSyntaxError(text: string, lines: number[], scan: JsonScan, error: Error): string {
	let message = '';
	try {
		message = getIssues(text)[0]?.message ?? '';
	} catch {
		// check-geojson catches its own errors; this is only a second line of defence.
	}
	const momoa = /\((\d+):(\d+)\)\s*$/.exec(message);
	let offset: number | null = null;
	let what: string;
	if (momoa && message.startsWith('Invalid JSON:')) {
		offset = (lines[Number(momoa[1]) - 1] ?? 0) + Number(momoa[2]) - 1;
		what = tidyMomoaMessage(message);
	} else if (scan.incomplete) {
		offset = text.trimEnd().length;
		what = 'the file ends before the JSON is complete (was it cut short?)';
	} else {
		const native = error.message;
		const position = /position (\d+)/.exec(native);
		const lineCol = /line (\d+) column (\d+)/.exec(native);
		if (position) offset = Number(position[1]);
		else if (lineCol) offset = (lines[Number(lineCol[1]) - 1] ?? 0) + Number(lineCol[2]) - 1;
		what = native
			.replace(/^JSON\.parse: /, '')
			.replace(/ (in JSON )?at position \d+.*$/, '')
			.replace(/ at line \d+ column \d+.*$/, '')
			.replace(/\s*\(line \d+ column \d+\)$/, '');
	}
	if (offset === null) return `Not valid JSON: ${what}.`;
	return `Not valid JSON: ${lineColumn(lines, offset)}: ${what}${syntaxHint(text, offset)}.`;
}

function tidyMomoaMessage(message: string): string {
	const body = message.replace(/^Invalid JSON:\s*/, '').replace(/\s*\(\d+:\d+\)\s*$/, '');
	const character = /^Unexpected character (.+) found\.?$/.exec(body);
	if (character) return `unexpected character ${quoteToken(character[1]!)}`;
	const token = /^Unexpected token (\w+)\((.*)\) found\.?$/.exec(body);
	if (token) return `unexpected ${token[1] === 'String' ? token[2] : quoteToken(token[2]!)}`;
	if (/^Unexpected end of input/.test(body)) return 'unexpected end of file';
	return body.replace(/\.$/, '');
}

function quoteToken(token: string): string {
	return token === '"' ? "'\"'" : `"${token}"`;
}

/** The usual reasons hand-edited or exported JSON is rejected, recognised at the error. */
function syntaxHint(text: string, offset: number): string {
	const rest = text.slice(offset, offset + 9);
	if (/^-?(NaN|Infinity)/.test(rest))
		return ' (NaN and Infinity are not allowed in JSON: numbers must be finite)';
	if (rest.startsWith("'")) return ' (JSON strings and member names need double quotes)';
	if (rest.startsWith('/')) return ' (comments are not allowed in JSON)';
	const before = text.slice(0, offset).trimEnd().at(-1);
	if ((rest.startsWith('}') || rest.startsWith(']')) && before === ',')
		return ' (a trailing comma before it is not allowed in JSON)';
	if ((rest.startsWith('{') || rest.startsWith('[')) && (before === '}' || before === ']'))
		return (
			' (a second JSON value starts here: newline-delimited GeoJSON is not supported; ' +
			'put the features in one FeatureCollection)'
		);
	return '';
}

// ---------------------------------------------------------------------------------------------
// CSV

const LATITUDE_NAMES = ['latitude', 'lat', 'y'];
const LONGITUDE_NAMES = ['longitude', 'lon', 'lng', 'long', 'x'];
const CSV_NAME_NAMES = ['name', 'title', 'label', 'place'];

type CsvRow = { fields: string[]; line: number };

function readCsv(fileName: string, text: string, ext: string, idPrefix: string): Parsed {
	const lines = lineStarts(text);
	const rows: CsvRow[] = [];
	// papaparse detects comma, semicolon, tab or pipe from the first rows, blank ones left out.
	const delimiter =
		ext === '.tsv'
			? '\t'
			: Papa.parse<string[]>(text, { delimiter: '', preview: 20, skipEmptyLines: 'greedy' }).meta
					.delimiter;
	let rowStart = 0;
	let quoteError: string | null = null;
	let tooMany = false;
	Papa.parse<string[]>(text, {
		delimiter,
		// Every line comes through, so the cursor always sits where the next row starts and line
		// numbers stay exact; blank rows (",,", common in Excel exports) are dropped below.
		skipEmptyLines: false,
		step(result, parser) {
			const line = lineAt(lines, rowStart);
			rowStart = result.meta.cursor;
			const quotes = result.errors.find((e) => e.type === 'Quotes');
			if (quotes) {
				quoteError =
					`CSV error in row ${line}: ` +
					(quotes.code === 'MissingQuotes'
						? 'a quoted field is never closed (a " is missing).'
						: `${quotes.message.replace(/\.$/, '')}.`);
				parser.abort();
			} else if (result.data.every((field) => field.trim() === '')) return;
			else if (rows.length > MAX_IMPORT_POINTS) {
				tooMany = true;
				parser.abort();
			} else rows.push({ fields: result.data, line });
		}
	});
	if (quoteError) throw new ImportError(quoteError);
	if (tooMany)
		throw new ImportError(
			`The file has more than ${count(MAX_IMPORT_POINTS)} data rows; at most ` +
				`${count(MAX_IMPORT_POINTS)} points can be imported.`
		);
	const [header, ...data] = rows;
	if (!header) throw new ImportError('The file is empty.');
	const columns = uniqueColumnNames(header.fields);
	const warnings: string[] = [];
	const latitude = findColumn(columns, LATITUDE_NAMES, 'latitude', warnings);
	const longitude = findColumn(columns, LONGITUDE_NAMES, 'longitude', warnings);
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
	if (!data.length)
		throw new ImportError(
			`The file has a header row (${listed(columns, 12, ', ')}) but no data rows.`
		);
	const nameColumn = findColumn(columns, CSV_NAME_NAMES, 'name', []);
	// With ";" or tab separating fields, a comma can only be a decimal separator (27,37).
	const decimalComma = delimiter === ';' || delimiter === '\t';
	const points: ImportedPoint[] = [];
	const skipped: SkippedItem[] = [];
	let commaRows = 0;
	let shortRows = 0;

	for (const { fields, line } of data) {
		const where = `row ${line}`;
		if (fields.length > columns.length) {
			skipped.push({
				where,
				why:
					`${fields.length} fields where the header has ${columns.length}` +
					(delimiter === ',' ? ' (a value with an unquoted comma?)' : '')
			});
			continue;
		}
		if (fields.length < columns.length) shortRows++;
		const lat = parseCoordinate(fields[latitude] ?? '', 'latitude', decimalComma);
		const lon = parseCoordinate(fields[longitude] ?? '', 'longitude', decimalComma);
		if ('problem' in lat || 'problem' in lon) {
			const problems = [lat, lon].flatMap((c) => ('problem' in c ? [c.problem] : []));
			skipped.push({ where, why: problems.join('; ') });
			continue;
		}
		const range = rangeProblem(lon.value, lat.value, 'check which column is which');
		if (range) {
			skipped.push({ where, why: range });
			continue;
		}
		if (lat.comma || lon.comma) commaRows++;
		const name = nameColumn === null ? '' : (fields[nameColumn] ?? '').trim();
		points.push({
			id: `${idPrefix}-${line}`,
			name: name || `Row ${line}`,
			point: [lon.value, lat.value],
			properties: Object.fromEntries(
				columns.map((column, k) => [column, fields[k]?.trim() ? fields[k]! : null])
			),
			sourceFile: fileName,
			index: line,
			origin: where
		});
	}

	if (commaRows)
		warnings.push(
			`Decimal commas were read as decimal points (e.g. "27,37" as 27.37) in ` +
				`${plural(commaRows, 'row', 'rows')}.`
		);
	if (shortRows)
		warnings.push(
			`${plural(shortRows, 'row has', 'rows have')} fewer fields than the header; the missing ` +
				'fields at the end were left empty.'
		);
	if (!points.length)
		throw new ImportError(
			`No rows with usable coordinates: ` +
				(data.length === 1 ? 'the only data row was' : `all ${count(data.length)} data rows were`) +
				` skipped — ${listed(
					skipped.map((s) => `${s.where}: ${s.why}`),
					MAX_REASONS_SHOWN
				)}.`
		);
	return { points, skipped, warnings };
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

// ---------------------------------------------------------------------------------------------
// Shared helpers

function isObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describeValue(value: unknown): string {
	if (value === null) return 'null';
	if (Array.isArray(value)) return 'a JSON array';
	if (typeof value === 'object') return 'an object';
	if (typeof value === 'string') return `the string "${truncate(value, 40)}"`;
	return `the ${typeof value} ${String(value)}`;
}

function extensionOf(fileName: string): string {
	return /\.[^./\\]+$/.exec(fileName)?.[0]?.toLowerCase() ?? '';
}

/** A file name as an id prefix: ASCII letters, digits and dashes ("Sarāvān sites.csv" → "saravan-sites-csv"). */
export function slugify(name: string): string {
	const slug = name
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '');
	return slug || 'import';
}

/** Offsets where each line starts (\n, \r\n or a lone \r ends a line). */
function lineStarts(text: string): number[] {
	const starts = [0];
	for (let i = 0; i < text.length; i++) {
		const c = text[i];
		if (c === '\n' || (c === '\r' && text[i + 1] !== '\n')) starts.push(i + 1);
	}
	return starts;
}

/** 1-based line of an offset (binary search over line starts). */
function lineAt(starts: number[], offset: number): number {
	let lo = 0;
	let hi = starts.length - 1;
	while (lo < hi) {
		const mid = (lo + hi + 1) >> 1;
		if (starts[mid]! <= offset) lo = mid;
		else hi = mid - 1;
	}
	return lo + 1;
}

function lineColumn(starts: number[], offset: number): string {
	const line = lineAt(starts, offset);
	return `line ${line}, column ${offset - starts[line - 1]! + 1}`;
}

function listed(items: string[], max: number, separator = '; '): string {
	const shown = items.slice(0, max).join(separator);
	return items.length > max ? `${shown}${separator}and ${items.length - max} more` : shown;
}

/** Levenshtein distance, for "did you mean" on short type names. */
function editDistance(a: string, b: string): number {
	let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
	for (let i = 1; i <= a.length; i++) {
		const current = [i];
		for (let j = 1; j <= b.length; j++)
			current[j] = Math.min(
				previous[j]! + 1,
				current[j - 1]! + 1,
				previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1)
			);
		previous = current;
	}
	return previous[b.length]!;
}

function unique(items: string[]): string[] {
	return [...new Set(items)];
}

function plural(n: number, one: string, many: string): string {
	return `${count(n)} ${n === 1 ? one : many}`;
}

function count(n: number): string {
	return n.toLocaleString('en-US');
}

function truncate(text: string, max: number): string {
	return text.length > max ? text.slice(0, max - 1) + '…' : text;
}
