// Loading and validating geodata files: each file is parsed on its own so one bad file names itself.
import * as v from 'valibot';
import {
	extraLayerSchemas,
	layerSchemas,
	type ExtraLayerData,
	type ExtraLayerKind,
	type LayerData,
	type LayerName
} from './schema';

/** Why a geodata file could not be used, phrased for the person looking at the map. */
export class GeodataError extends Error {
	constructor(
		readonly file: string,
		readonly problem: string
	) {
		super(`${file}: ${problem}`);
		this.name = 'GeodataError';
	}
}

const MAX_ISSUES_SHOWN = 3;

/**
 * Validates parsed JSON against the schema of one layer.
 * @throws GeodataError naming the file, the path inside it and what is wrong.
 */
export function parseLayer<K extends LayerName>(
	layer: K,
	file: string,
	json: unknown
): LayerData<K> {
	const result = v.safeParse(layerSchemas[layer], json);
	if (result.success) return result.output as LayerData<K>;
	const problems = result.issues.slice(0, MAX_ISSUES_SHOWN).map(describeIssue);
	const more = result.issues.length - problems.length;
	throw new GeodataError(file, problems.join('; ') + (more > 0 ? ` (and ${more} more)` : ''));
}

/**
 * Validates a pack's extra layer (scenario.json "extraLayers") against its kind.
 * @throws GeodataError naming the file, the path inside it and what is wrong
 */
export function parseExtraLayer(kind: ExtraLayerKind, file: string, json: unknown): ExtraLayerData {
	const result = v.safeParse(extraLayerSchemas[kind], json);
	if (result.success) return result.output as ExtraLayerData;
	const problems = result.issues.slice(0, MAX_ISSUES_SHOWN).map(describeIssue);
	const more = result.issues.length - problems.length;
	throw new GeodataError(file, problems.join('; ') + (more > 0 ? ` (and ${more} more)` : ''));
}

function describeIssue(issue: v.BaseIssue<unknown>): string {
	// A union reports its members' issues nested, with paths relative to the union's input:
	// follow the first member down and join the paths, for the most specific explanation.
	const keys: string[] = [];
	let deepest = issue;
	for (;;) {
		for (const item of deepest.path ?? []) keys.push(String(item.key));
		if (!deepest.issues?.length) break;
		deepest = deepest.issues[0]!;
	}
	return `${keys.length ? `at ${keys.join('.')}: ` : ''}${deepest.message}`;
}

/** Parses a file's text as JSON, reporting syntax errors against the file name. */
export function parseJsonText(file: string, text: string): unknown {
	try {
		return JSON.parse(text);
	} catch (error) {
		throw new GeodataError(file, `not valid JSON (${(error as Error).message})`);
	}
}

export type LayerResult<K extends LayerName> =
	| { ok: true; layer: K; file: string; data: LayerData<K> }
	| { ok: false; layer: K; file: string; error: GeodataError };

/** Fetches one geodata file and validates it; never throws, so the other layers still load. */
export async function fetchLayer<K extends LayerName>(
	layer: K,
	file: string,
	url: string,
	fetcher: typeof fetch = fetch
): Promise<LayerResult<K>> {
	try {
		const response = await fetcher(url);
		if (!response.ok) throw new GeodataError(file, `could not be loaded (HTTP ${response.status})`);
		const data = parseLayer(layer, file, parseJsonText(file, await response.text()));
		return { ok: true, layer, file, data };
	} catch (error) {
		const geodataError =
			error instanceof GeodataError
				? error
				: new GeodataError(file, `could not be loaded (${(error as Error).message})`);
		return { ok: false, layer, file, error: geodataError };
	}
}

/** Fetches and validates a pack's extra layer; a failure names the file and is returned, not thrown. */
export async function fetchExtraLayer(
	kind: ExtraLayerKind,
	file: string,
	url: string,
	fetcher: typeof fetch = fetch
): Promise<{ ok: true; data: ExtraLayerData } | { ok: false; error: GeodataError }> {
	try {
		const response = await fetcher(url);
		if (!response.ok) throw new GeodataError(file, `could not be loaded (HTTP ${response.status})`);
		return {
			ok: true,
			data: parseExtraLayer(kind, file, parseJsonText(file, await response.text()))
		};
	} catch (error) {
		return {
			ok: false,
			error:
				error instanceof GeodataError
					? error
					: new GeodataError(file, `could not be loaded (${(error as Error).message})`)
		};
	}
}
