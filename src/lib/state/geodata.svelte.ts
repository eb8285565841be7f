// Owner of the loaded geodata of one scenario pack: every layer's features, or the error that
// kept a file out, and the problems that set the pack's files against its scenario.json.
import { fetchLayer, type GeodataError } from '$lib/geo/load';
import { packProblems, type ScenarioMeta } from '$lib/geo/pack';
import { layerNames, type LayerData, type LayerName } from '$lib/geo/schema';
import type { Pack, PackFile } from '$lib/packs';

type Loaded = { [K in LayerName]?: LayerData<K> };

export class GeodataStore {
	/** Parsed layers; held raw because MapLibre and Turf read them and nothing mutates them. */
	layers = $state.raw<Loaded>({});
	errors = $state.raw<GeodataError[]>([]);
	status = $state<'loading' | 'ready'>('loading');
	readonly meta: ScenarioMeta;
	/** The layers' files, or null for a pack opened from a .zip (its layers are in memory). */
	readonly files: Record<LayerName, PackFile> | null;
	private readonly opened: Loaded | null;

	constructor(pack: Pack) {
		this.meta = pack.meta;
		this.files = pack.files ?? null;
		this.opened = pack.layers ?? null;
	}

	/** Loads every file in parallel; a failing file is reported by name and the others still load. */
	async load(fetcher: typeof fetch = fetch): Promise<void> {
		if (this.opened || !this.files) {
			// Read and checked, all of it, before the pack was opened.
			this.layers = this.opened ?? {};
			this.status = 'ready';
			return;
		}
		const files = this.files;
		const results = await Promise.all(
			layerNames.map((layer) => fetchLayer(layer, files[layer].file, files[layer].url, fetcher))
		);
		const layers: Loaded = {};
		const errors: GeodataError[] = [];
		for (const result of results) {
			if (result.ok) (layers as Record<string, unknown>)[result.layer] = result.data;
			else errors.push(result.error);
		}
		this.layers = layers;
		this.errors = [...errors, ...packProblems(this.meta, layers)];
		this.status = 'ready';
	}
}
