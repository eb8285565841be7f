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
	readonly files: Record<LayerName, PackFile>;

	constructor(pack: Pack) {
		this.meta = pack.meta;
		this.files = pack.files;
	}

	/** Loads every file in parallel; a failing file is reported by name and the others still load. */
	async load(fetcher: typeof fetch = fetch): Promise<void> {
		const results = await Promise.all(
			layerNames.map((layer) =>
				fetchLayer(layer, this.files[layer].file, this.files[layer].url, fetcher)
			)
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
