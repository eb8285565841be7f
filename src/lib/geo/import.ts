// Reading a user's own GeoJSON (also newline-delimited), CSV, KML/KMZ or FlatGeobuf file into
// points the app analyses like its events (no DOM). The readers for each format are in
// import-geojson.ts, import-csv.ts, import-kml.ts and import-fgb.ts.
import { readCsv } from './import-csv';
import { ImportError, type ImportedPoint, type Parsed, type SkippedItem } from './import-common';
import { readFlatGeobuf } from './import-fgb';
import { looksLikeGeoJsonSeq, readGeoJson, readGeoJsonSeq } from './import-geojson';
import { kmlFromKmz, readKml } from './import-kml';
import { formatMb } from './size';

export {
	MAX_IMPORT_POINTS,
	MAX_IMPORT_POSITIONS,
	MAX_JSON_DEPTH,
	type ImportedPoint,
	type PropertyValue,
	type SkippedItem
} from './import-common';

/** Larger files are refused before parsing: reading them would freeze the page. */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

export const GEOJSON_EXTENSIONS = ['.geojson', '.json'] as const;
/** Newline-delimited GeoJSON: one Feature per line (GeoJSONSeq, RFC 8142 text sequences too). */
export const GEOJSON_SEQ_EXTENSIONS = [
	'.ndjson',
	'.geojsonl',
	'.geojsons',
	'.geojsonseq',
	'.jsonl'
] as const;
export const CSV_EXTENSIONS = ['.csv', '.tsv', '.txt'] as const;
/** KML, and KML zipped with its images as KMZ (Google Earth's formats). */
export const KML_EXTENSIONS = ['.kml', '.kmz'] as const;
/** FlatGeobuf, binary and indexed (QGIS, GDAL), read from its bytes by `importBytes`. */
export const FLATGEOBUF_EXTENSIONS = ['.fgb'] as const;

/** Every extension the import reads, for the file picker and messages. */
export const IMPORT_EXTENSIONS = [
	...GEOJSON_EXTENSIONS,
	...GEOJSON_SEQ_EXTENSIONS,
	...CSV_EXTENSIONS,
	...KML_EXTENSIONS,
	...FLATGEOBUF_EXTENSIONS
] as const;

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

/**
 * Parses a user's data file into points, by extension: .geojson/.json as GeoJSON, .csv/.tsv/.txt
 * as CSV, .kml as KML (a .kmz is unzipped by `importBytes` first). Never throws: every problem
 * becomes a result the user can read.
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
	const is = (list: readonly string[]) => list.includes(ext);
	if (is(FLATGEOBUF_EXTENSIONS))
		return fail('A FlatGeobuf file is binary: it is read from its bytes, not as text.');
	if (
		!is(GEOJSON_EXTENSIONS) &&
		!is(GEOJSON_SEQ_EXTENSIONS) &&
		!is(CSV_EXTENSIONS) &&
		!is(KML_EXTENSIONS)
	)
		return fail(unsupported(ext));
	const body = text.replace(/^\uFEFF/, '');
	if (body.trim() === '') return fail('The file is empty.');
	if (is(GEOJSON_EXTENSIONS) && looksLikeGeoJsonSeq(body)) {
		const result = read(fileName, () => readGeoJsonSeq(fileName, body, idPrefix));
		return result.ok
			? {
					...result,
					warnings: [
						'The file holds one Feature per line: it was read as newline-delimited GeoJSON.',
						...result.warnings
					]
				}
			: result;
	}
	return read(fileName, () =>
		is(GEOJSON_EXTENSIONS)
			? readGeoJson(fileName, body, idPrefix)
			: is(GEOJSON_SEQ_EXTENSIONS)
				? readGeoJsonSeq(fileName, body, idPrefix)
				: is(KML_EXTENSIONS)
					? readKml(fileName, body, idPrefix)
					: readCsv(fileName, body, ext, idPrefix)
	);
}

function unsupported(ext: string): string {
	return (
		`Unsupported file type${ext ? ` "${ext}"` : ''}: import GeoJSON ` +
		`(${GEOJSON_EXTENSIONS.join(', ')}), newline-delimited GeoJSON ` +
		`(${GEOJSON_SEQ_EXTENSIONS.join(', ')}), CSV (${CSV_EXTENSIONS.join(', ')}), ` +
		`KML (${KML_EXTENSIONS.join(', ')}) or FlatGeobuf (${FLATGEOBUF_EXTENSIONS.join(', ')}).`
	);
}

/** Runs a reader, turning every problem into a result the user can read. */
function read(fileName: string, reader: () => Parsed): ImportResult {
	try {
		return { ok: true, file: fileName, ...reader() };
	} catch (error) {
		return failure(fileName, error);
	}
}

function failure(fileName: string, error: unknown): ImportResult {
	const fail = (message: string): ImportResult => ({ ok: false, file: fileName, error: message });
	if (error instanceof ImportError) return fail(error.message);
	// Engines differ in how deep they recurse; a stack overflow must not take the page down.
	if (error instanceof RangeError) return fail('The file is nested too deeply to be read.');
	return fail(`The file could not be read (${(error as Error).message}).`);
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

/**
 * importFile over a file's bytes, decoded by decodeText (whose warning joins the result's); a
 * KMZ is unzipped and a FlatGeobuf file decoded first.
 */
export async function importBytes(
	fileName: string,
	bytes: Uint8Array,
	idPrefix: string
): Promise<ImportResult> {
	if (bytes.length > MAX_IMPORT_BYTES) return importFile(fileName, '', bytes.length, idPrefix);
	const ext = extensionOf(fileName);
	// A KMZ is a zip: its KML (UTF-8 by the KML standard) is read from inside it.
	if (ext === '.kmz') return read(fileName, () => readKml(fileName, kmlFromKmz(bytes), idPrefix));
	if ((FLATGEOBUF_EXTENSIONS as readonly string[]).includes(ext))
		try {
			return { ok: true, file: fileName, ...(await readFlatGeobuf(fileName, bytes, idPrefix)) };
		} catch (error) {
			return failure(fileName, error);
		}
	const { text, warning } = decodeText(bytes);
	const result = importFile(fileName, text, bytes.length, idPrefix);
	if (!warning) return result;
	return result.ok
		? { ...result, warnings: [warning, ...result.warnings] }
		: { ...result, error: `${result.error} (${warning})` };
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
