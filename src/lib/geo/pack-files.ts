// Reading a whole scenario pack from its files' bytes (a folder on disk, or a zip opened in the
// page): every problem is named with its file and the path inside it (pure, no DOM).
import { GeodataError, parseJsonText, parseLayer } from './load';
import { packProblems, parseScenarioMeta, type ScenarioMeta } from './pack';
import { layerNames, type LayerData, type LayerName } from './schema';
import { formatMb as mb } from './size';

/** A pack file larger than this is refused unread: no layer of a sensible pack comes near it. */
export const MAX_PACK_FILE_BYTES = 50 * 1024 * 1024;
/** All of a pack's files together, once expanded (a zip may promise little and expand to a lot). */
export const MAX_PACK_BYTES = 200 * 1024 * 1024;

export type PackLayers = { [K in LayerName]: LayerData<K> };

export type PackRead =
	{ ok: true; meta: ScenarioMeta; layers: PackLayers } | { ok: false; problems: GeodataError[] };

/**
 * Validates a pack from its files by name (scenario.json and the six layers; other files, such
 * as SOURCES.md, are ignored): sizes, UTF-8, JSON, each file's schema, then the checks across
 * files. Never throws.
 */
export function readPackFiles(files: ReadonlyMap<string, Uint8Array>): PackRead {
	const problems: GeodataError[] = [];
	const text = (name: string): string | null => {
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
	if (meta) problems.push(...packProblems(meta, layers));
	if (problems.length || !meta) return { ok: false, problems };
	return { ok: true, meta, layers: layers as PackLayers };
}
