// Reading KML (Google Earth, colleagues' placemarks) and KMZ (zipped KML) into imported points:
// @tmcw/togeojson converts the placemarks, then the GeoJSON reader checks and measures them as it
// does any GeoJSON file (no DOM: the XML is parsed by @xmldom/xmldom, also in a worker).
import { kml } from '@tmcw/togeojson';
import { DOMParser } from '@xmldom/xmldom';
import { unzipSync } from 'fflate';
import { ImportError, type ImportedPoint, type SkippedItem } from './import-common';
import { readConvertedGeoJson } from './import-geojson';
import { formatMb } from './size';

type Parsed = { points: ImportedPoint[]; skipped: SkippedItem[]; warnings: string[] };

/** A KMZ whose KML expands past this is refused before it is expanded. */
export const MAX_KMZ_KML_BYTES = 20 * 1024 * 1024;

/**
 * A KML document's placemarks as imported points (point placemarks; lines and polygons are
 * skipped with a reason, as in GeoJSON). A document type declaration is refused: KML needs none, and entity expansion
 * is how a small XML file grows without limit.
 * @example readKml('sites.kml', '<kml xmlns="http://www.opengis.net/kml/2.2"><Placemark><name>Saravan</name><Point><coordinates>62.33,27.37</coordinates></Point></Placemark></kml>', 'f1').points[0].name // 'Saravan'
 */
export function readKml(fileName: string, text: string, idPrefix: string): Parsed {
	if (/<!DOCTYPE|<!ENTITY/i.test(text))
		throw new ImportError(
			'The KML has a document type declaration (<!DOCTYPE or <!ENTITY): KML needs none, ' +
				'and it is refused so that no entity can expand the file.'
		);
	const problems: string[] = [];
	const notWellFormed = (message: string) =>
		new ImportError(`The KML is not well-formed XML: ${message.replace(/\s+/g, ' ').trim()}`);
	let doc;
	try {
		doc = new DOMParser({
			onError: (level, message) => {
				if (level !== 'warning') problems.push(message);
			}
		}).parseFromString(text, 'text/xml');
	} catch (error) {
		// xmldom stops at a fatal error by throwing it.
		throw notWellFormed((error as Error).message);
	}
	if (problems.length) throw notWellFormed(problems[0]!);
	const root = doc.documentElement;
	if (!root || root.localName !== 'kml')
		throw new ImportError(
			`This is XML but not KML: its root element is <${root?.nodeName ?? 'none'}>, not <kml>.`
		);
	// togeojson reads a DOM Document; xmldom's is one in all it uses.
	const collection = kml(doc as unknown as Document);
	if (collection.features.length === 0)
		throw new ImportError('The KML has no placemark with a location.');
	return readConvertedGeoJson(fileName, collection, idPrefix, 'placemark');
}

/**
 * The KML document inside a KMZ: `doc.kml` if present (Google Earth's name), else the first
 * `.kml` entry at any depth. Its size is checked before it is expanded.
 */
export function kmlFromKmz(bytes: Uint8Array): string {
	let files: Record<string, Uint8Array>;
	try {
		files = unzipSync(bytes, {
			filter: (entry) => {
				if (!/\.kml$/i.test(entry.name)) return false;
				if (entry.originalSize > MAX_KMZ_KML_BYTES)
					throw new ImportError(
						`The KMZ's ${entry.name} expands to ${formatMb(entry.originalSize)}; ` +
							`the limit is ${formatMb(MAX_KMZ_KML_BYTES)}.`
					);
				return true;
			}
		});
	} catch (error) {
		if (error instanceof ImportError) throw error;
		throw new ImportError(`The KMZ is not a readable zip archive (${(error as Error).message}).`);
	}
	const names = Object.keys(files);
	const name = names.find((n) => /(^|\/)doc\.kml$/i.test(n)) ?? names[0];
	if (name === undefined) throw new ImportError('The KMZ holds no .kml document.');
	try {
		return new TextDecoder('utf-8', { fatal: true }).decode(files[name]);
	} catch {
		throw new ImportError(`The KMZ's ${name} is not valid UTF-8 text.`);
	}
}
