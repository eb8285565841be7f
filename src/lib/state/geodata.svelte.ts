// Owner of the loaded geodata of one scenario pack: every layer's features, or the error that
// kept a file out, and the problems that set the pack's files against its scenario.json.
import { fetchExtraLayer, fetchLayer, type GeodataError } from '$lib/geo/load';
import { packProblems, type FileExtraLayer, type ScenarioMeta } from '$lib/geo/pack';
import { layerNames, type ExtraLayerData, type LayerData, type LayerName } from '$lib/geo/schema';
import type { Pack, PackFile } from '$lib/packs';

type Loaded = { [K in LayerName]?: LayerData<K> };

export class GeodataStore {
	/** Parsed layers; held raw because MapLibre and Turf read them and nothing mutates them. */
	layers = $state.raw<Loaded>({});
	/** The pack's extra layers (scenario.json "extraLayers") that loaded, by id. */
	extras = $state.raw<Record<string, ExtraLayerData>>({});
	errors = $state.raw<GeodataError[]>([]);
	status = $state<'loading' | 'ready'>('loading');
	readonly meta: ScenarioMeta;
	/** The layers' files, or null for a pack opened from a .zip (its layers are in memory). */
	readonly files: Record<LayerName, PackFile> | null;
	/** The extra layers' files by id, or null for a pack opened from a .zip. */
	readonly extraFiles: Record<string, PackFile> | null;
	private readonly opened: { layers: Loaded; extras: Record<string, ExtraLayerData> } | null;

	constructor(pack: Pack) {
		this.meta = pack.meta;
		this.files = pack.files ?? null;
		this.extraFiles = pack.files ? pack.extraFiles : null;
		this.opened = pack.layers ? { layers: pack.layers, extras: pack.extras } : null;
	}

	/** Loads every file in parallel; a failing file is reported by name and the others still load. */
	async load(fetcher: typeof fetch = fetch): Promise<void> {
		if (this.opened || !this.files || !this.extraFiles) {
			// Read and checked, all of it, before the pack was opened.
			this.layers = this.opened?.layers ?? {};
			this.extras = this.opened?.extras ?? {};
			this.status = 'ready';
			return;
		}
		const files = this.files;
		const extraFiles = this.extraFiles;
		// A served layer (tiles) is read by the map tile by tile: there is no file to fetch whole.
		const fileExtras = this.meta.extraLayers.filter(
			(e): e is FileExtraLayer => e.file !== undefined
		);
		const [results, extraResults] = await Promise.all([
			Promise.all(
				layerNames.map((layer) => fetchLayer(layer, files[layer].file, files[layer].url, fetcher))
			),
			Promise.all(
				fileExtras.map(async (extra) => ({
					id: extra.id,
					result: await fetchExtraLayer(extra.kind, extra.file, extraFiles[extra.id]!.url, fetcher)
				}))
			)
		]);
		const layers: Loaded = {};
		const errors: GeodataError[] = [];
		for (const result of results) {
			if (result.ok) (layers as Record<string, unknown>)[result.layer] = result.data;
			else errors.push(result.error);
		}
		const extras: Record<string, ExtraLayerData> = {};
		for (const { id, result } of extraResults)
			if (result.ok) extras[id] = result.data;
			else errors.push(result.error);
		this.layers = layers;
		this.extras = extras;
		this.errors = [...errors, ...packProblems(this.meta, layers)];
		this.status = 'ready';
	}
}
