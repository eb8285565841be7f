// Reading GeoJSON into points: the top level, each feature checked by check-geojson, and JSON
// syntax errors located by line and column (no DOM).
import { getIssues } from '@placemarkio/check-geojson';
import {
	count,
	describeValue,
	editDistance,
	ImportError,
	isObject,
	lineAt,
	lineColumn,
	lineStarts,
	listed,
	MAX_IMPORT_POINTS,
	MAX_IMPORT_POSITIONS,
	MAX_JSON_DEPTH,
	MAX_NESTED_PROPERTY_CHARS,
	MAX_REASONS_SHOWN,
	plural,
	rangeProblem,
	unique,
	type ImportedPoint,
	type Parsed,
	type PropertyValue,
	type SkippedItem
} from './import-common';

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
/** Blanks and RFC 8142's record separator (U+001E) before a record of a GeoJSON text sequence. */
// eslint-disable-next-line no-control-regex -- the record separator is a control character by definition
const LEADING_SPACE_OR_RS = /^[\s\u001e]*/;
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

export function readGeoJson(fileName: string, text: string, idPrefix: string): Parsed {
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
	return pointsFromEntries(
		fileName,
		text,
		lines,
		geoJsonEntries(json, text, lines, scan),
		idPrefix
	);
}

/**
 * A collection converted from another format (KML, FlatGeobuf) read as GeoJSON, its items named
 * as the user's file has them: `word` and a number counted from 1 in file order (the converted
 * JSON's feature numbers and line numbers mean nothing to them), in messages too.
 */
export function readConvertedGeoJson(
	fileName: string,
	collection: unknown,
	idPrefix: string,
	word: string
): Parsed {
	const named = (text: string) =>
		text.replace(
			/\bfeature (\d+)(?: \(line \d+(?:, column \d+)?\))?/g,
			(_, n: string) => `${word} ${Number(n) + 1}`
		);
	let parsed: Parsed;
	try {
		parsed = readGeoJson(fileName, JSON.stringify(collection), idPrefix);
	} catch (error) {
		if (error instanceof ImportError) throw new ImportError(named(error.message));
		throw error;
	}
	return {
		...parsed,
		points: parsed.points.map((p) => ({ ...p, origin: named(p.origin) })),
		skipped: parsed.skipped.map((s) => ({ ...s, where: named(s.where) }))
	};
}

/**
 * Newline-delimited GeoJSON (GeoJSONSeq, RFC 8142's text sequences too): one Feature or geometry
 * per line. A line that is not valid JSON is skipped and named, as a bad feature is; the others
 * are read.
 * @example readGeoJsonSeq('s.ndjson', '{"type":"Feature","geometry":{"type":"Point","coordinates":[62.33,27.37]},"properties":{"name":"Saravan"}}\n', 'f1').points[0].name // 'Saravan'
 */
export function readGeoJsonSeq(fileName: string, text: string, idPrefix: string): Parsed {
	const lines = lineStarts(text);
	const entries: Entry[] = [];
	const skipped: SkippedItem[] = [];
	for (let i = 0; i < lines.length; i++) {
		const start = lines[i]!;
		const end = i + 1 < lines.length ? lines[i + 1]! : text.length;
		const raw = text.slice(start, end);
		// RFC 8142 starts each record with a record separator (U+001E).
		const lead = LEADING_SPACE_OR_RS.exec(raw)![0].length;
		const body = raw.slice(lead).trimEnd();
		if (!body) continue;
		const label = `line ${i + 1}`;
		if (entries.length + skipped.length >= MAX_IMPORT_POINTS)
			throw new ImportError(
				`The file has more than ${count(MAX_IMPORT_POINTS)} features; at most ` +
					`${count(MAX_IMPORT_POINTS)} can be imported.`
			);
		const scan = scanJson(body);
		if (scan.tooDeepAt !== null) {
			skipped.push({ where: label, why: `nested more than ${MAX_JSON_DEPTH} levels deep` });
			continue;
		}
		let json: unknown;
		try {
			json = JSON.parse(body);
		} catch (error) {
			if (error instanceof RangeError) throw error;
			const why = describeSyntaxError(body, lineStarts(body), scan, error as Error)
				.replace(/^Not valid JSON: line 1, column (\d+): /, 'not valid JSON at column $1: ')
				.replace(/^Not valid JSON: /, 'not valid JSON: ')
				.replace(
					'the file ends before the JSON is complete (was it cut short?)',
					'the line ends before the JSON is complete'
				)
				.replace(/\.$/, '');
			skipped.push({ where: label, why });
			continue;
		}
		const span: [number, number] = [start + lead, start + lead + body.length];
		const type = isObject(json) ? json.type : undefined;
		if (isObject(json) && typeof type === 'string' && GEOMETRY_TYPES.includes(type))
			entries.push({
				feature: { type: 'Feature', geometry: json, properties: {} },
				index: i + 1,
				label,
				span: undefined,
				line: null
			});
		else if (type === 'FeatureCollection')
			skipped.push({
				where: label,
				why: 'a FeatureCollection on one line: each line of newline-delimited GeoJSON holds one Feature'
			});
		else entries.push({ feature: json, index: i + 1, label, span, line: null });
	}
	if (!entries.length && !skipped.length) throw new ImportError('The file is empty.');
	const parsed = pointsFromEntries(fileName, text, lines, entries, idPrefix, skipped);
	// In file order, whichever check skipped them.
	const lineOf = (where: string) => Number(/^line (\d+)/.exec(where)?.[1] ?? 0);
	parsed.skipped.sort((a, b) => lineOf(a.where) - lineOf(b.where));
	return parsed;
}

/**
 * Whether a .geojson or .json file is really newline-delimited GeoJSON: its first line is a whole
 * Feature and more follows (JSON.parse would stop at the second line).
 */
export function looksLikeGeoJsonSeq(text: string): boolean {
	const body = text.replace(LEADING_SPACE_OR_RS, '');
	const end = body.search(/\r?\n|\r/);
	if (end < 0 || !body.slice(end).trim()) return false;
	const first = body.slice(0, end).trim();
	if (!first.startsWith('{') || !first.endsWith('}') || first.length > 1_000_000) return false;
	try {
		const json: unknown = JSON.parse(first);
		return isObject(json) && json.type === 'Feature';
	} catch {
		return false;
	}
}

/** The points of checked entries: each feature checked by check-geojson, then its positions read. */
function pointsFromEntries(
	fileName: string,
	text: string,
	lines: number[],
	entries: Entry[],
	idPrefix: string,
	skippedBefore: SkippedItem[] = []
): Parsed {
	guardSize(entries);

	const points: ImportedPoint[] = [];
	const skipped: SkippedItem[] = [...skippedBefore];
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
						: entry.label.startsWith('line ')
							? lineColumn(lines, first.offset)
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
			' (a second JSON value starts here: for newline-delimited GeoJSON, one Feature per ' +
			'line, name the file .ndjson or .geojsonl)'
		);
	return '';
}
