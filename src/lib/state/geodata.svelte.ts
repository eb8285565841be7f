// Owner of the loaded geodata: every layer's features, or the error that kept a file out.
import { fetchLayer, type GeodataError } from '$lib/geo/load';
import { layerNames, type LayerData, type LayerName } from '$lib/geo/schema';
import { geodataFiles } from '$lib/geodata';

type Loaded = { [K in LayerName]?: LayerData<K> };

export class GeodataStore {
	/** Parsed layers; held raw because MapLibre and Turf read them and nothing mutates them. */
	layers = $state.raw<Loaded>({});
	errors = $state.raw<GeodataError[]>([]);
	status = $state<'loading' | 'ready'>('loading');

	/** Loads every file in parallel; a failing file is reported by name and the others still load. */
	async load(fetcher: typeof fetch = fetch): Promise<void> {
		const results = await Promise.all(
			layerNames.map((layer) =>
				fetchLayer(layer, geodataFiles[layer].file, geodataFiles[layer].url, fetcher)
			)
		);
		const layers: Loaded = {};
		const errors: GeodataError[] = [];
		for (const result of results) {
			if (result.ok) (layers as Record<string, unknown>)[result.layer] = result.data;
			else errors.push(result.error);
		}
		this.layers = layers;
		this.errors = errors;
		this.status = 'ready';
	}
}
