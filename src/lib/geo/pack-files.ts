// Reading a whole scenario pack from its files' bytes (a folder on disk, or a zip opened in the
// page): every problem is named with its file and the path inside it (pure, no DOM).
import { GeodataError, parseExtraLayer, parseJsonText, parseLayer } from './load';
import { isSameOriginTiles, packProblems, parseScenarioMeta, type ScenarioMeta } from './pack';
import { layerNames, type ExtraLayerData, type LayerData, type LayerName } from './schema';
import { formatMb as mb } from './size';

/** A pack file larger than this is refused unread: no layer of a sensible pack comes near it. */
export const MAX_PACK_FILE_BYTES = 50 * 1024 * 1024;
/** All of a pack's files together, once expanded (a zip may promise little and expand to a lot). */
export const MAX_PACK_BYTES = 200 * 1024 * 1024;

export type PackLayers = { [K in LayerName]: LayerData<K> };

/** A pack's extra layers (scenario.json "extraLayers"), by id. */
export type PackExtras = Record<string, ExtraLayerData>;

export type PackRead =
	| { ok: true; meta: ScenarioMeta; layers: PackLayers; extras: PackExtras }
	| { ok: false; problems: GeodataError[] };

/** The first bytes of a PMTiles v3 archive: "PMTiles" and the version. */
function isPmtilesV3(bytes: Uint8Array): boolean {
	return (
		bytes.length >= 127 &&
		new TextDecoder().decode(bytes.subarray(0, 7)) === 'PMTiles' &&
		bytes[7] === 3
	);
}

/**
 * Validates a pack from its files by name (scenario.json, the six layers and the extra layers it
 * declares; other files, such as SOURCES.md, are ignored): sizes, UTF-8, JSON, each file's schema, then the checks across
 * files. Never throws. A served layer's archive in the pack is checked to be there and to be a
 * PMTiles v3 archive (it is not read whole: the map reads it tile by tile).
 */
export function readPackFiles(
	files: ReadonlyMap<string, Uint8Array>,
	/** Sizes of files left unread because they are too large (a folder on disk). */
	unread: ReadonlyMap<string, number> = new Map(),
	/**
	 * Whether an archive inside the pack can be served: yes for a folder built into the app; no
	 * for a pack opened from a .zip in the page, which has no URL for the map to read it from.
	 */
	served: 'built' | 'opened' = 'built'
): PackRead {
	const problems: GeodataError[] = [];
	const text = (name: string): string | null => {
		const size = unread.get(name);
		if (size !== undefined) {
			problems.push(
				new GeodataError(
					name,
					`is ${mb(size)}; a pack file may be at most ${mb(MAX_PACK_FILE_BYTES)}`
				)
			);
			return null;
		}
		const bytes = files.get(name);
		if (!bytes) {
			problems.push(new GeodataError(name, 'is missing from the pack'));
			return null;
		}
		if (bytes.length > MAX_PACK_FILE_BYTES) {
			problems.push(
				new GeodataError(
					name,
					`is ${mb(bytes.length)}; a pack file may be at most ${mb(MAX_PACK_FILE_BYTES)}`
				)
			);
			return null;
		}
		try {
			return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
		} catch {
			problems.push(new GeodataError(name, 'is not valid UTF-8 text'));
			return null;
		}
	};
	const attempt = <T>(read: () => T): T | null => {
		try {
			return read();
		} catch (error) {
			if (error instanceof GeodataError) problems.push(error);
			else throw error;
			return null;
		}
	};

	const metaText = text('scenario.json');
	const meta =
		metaText === null
			? null
			: attempt(() => parseScenarioMeta('scenario.json', parseJsonText('scenario.json', metaText)));
	const layers: Partial<PackLayers> = {};
	for (const layer of layerNames) {
		const file = `${layer}.geojson`;
		const body = text(file);
		if (body === null) continue;
		const data = attempt(() => parseLayer(layer, file, parseJsonText(file, body)));
		if (data) (layers as Record<string, unknown>)[layer] = data;
	}
	const extras: PackExtras = {};
	for (const extra of meta?.extraLayers ?? []) {
		if (extra.tiles !== undefined) {
			if (!isSameOriginTiles(extra.tiles)) continue; // on another host: read by the map only
			if (served === 'opened') {
				problems.push(
					new GeodataError(
						extra.tiles,
						`is a served layer ("${extra.id}") inside the pack: a pack opened from a .zip cannot serve it. Build the pack into the app, or give tiles as an https:// URL`
					)
				);
				continue;
			}
			const bytes = files.get(extra.tiles);
			if (!bytes && !unread.has(extra.tiles))
				problems.push(
					new GeodataError(
						extra.tiles,
						`is missing from the pack (scenario.json names it as extra layer "${extra.id}")`
					)
				);
			else if (bytes && !isPmtilesV3(bytes))
				problems.push(new GeodataError(extra.tiles, 'is not a PMTiles version 3 archive'));
			continue;
		}
		const body = text(extra.file);
		if (body === null) continue;
		const data = attempt(() =>
			parseExtraLayer(extra.kind, extra.file, parseJsonText(extra.file, body))
		);
		if (data) extras[extra.id] = data;
	}
	if (meta) problems.push(...packProblems(meta, layers));
	if (problems.length || !meta) return { ok: false, problems };
	return { ok: true, meta, layers: layers as PackLayers, extras };
}
