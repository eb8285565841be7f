// The scenario packs this build ships: every folder geodata/scenarios/<slug>/ with a scenario.json
// and its six layers. Adding a folder and rebuilding adds a pack: nothing here names one.
import defaults from '$geodata/scenarios/default.json';
import { GeodataError } from './geo/load';
import { isSameOriginTiles, parseScenarioMeta, type ScenarioMeta } from './geo/pack';
import type { PackExtras, PackLayers } from './geo/pack-files';
import { layerNames, type LayerName } from './geo/schema';

/** A layer file of a pack: its name (for messages) and the URL the build gave it. */
export type PackFile = { file: string; url: string };
/**
 * A scenario pack: one this build ships (its layers are files the page fetches), or one opened
 * from a .zip in this tab (its layers already read and checked, with no URL to link to).
 */
export type Pack =
	| {
			meta: ScenarioMeta;
			files: Record<LayerName, PackFile>;
			/**
			 * The extra layers' files, by extra layer id: a GeoJSON file, or a served layer's PMTiles
			 * archive (built with the app, or its https:// URL on another host).
			 */
			extraFiles: Record<string, PackFile>;
			layers?: undefined;
	  }
	| {
			meta: ScenarioMeta;
			files?: undefined;
			layers: PackLayers;
			extras: PackExtras;
			openedFrom: string;
	  };

const metaFiles = import.meta.glob<unknown>('/geodata/scenarios/*/scenario.json', {
	eager: true,
	import: 'default'
});
// Hashed static assets, fetched at run time (and by MapLibre's worker for the map).
const layerUrls = import.meta.glob<string>('/geodata/scenarios/*/*.geojson', {
	eager: true,
	query: '?url',
	import: 'default'
});

// Served layers' archives in a pack's folder: hashed static files, which MapLibre reads by range
// requests through the pmtiles protocol (never fetched whole).
const tilesUrls = import.meta.glob<string>('/geodata/scenarios/*/**/*.pmtiles', {
	eager: true,
	query: '?url',
	import: 'default'
});

/**
 * Reads every pack's scenario.json and finds its layers. A pack that is not well formed stops
 * the build with the file and the problem named, rather than shipping a broken page.
 */
function readPacks(): Pack[] {
	return Object.entries(metaFiles)
		.map(([path, json]) => {
			const folder = /\/scenarios\/([^/]+)\/scenario\.json$/.exec(path)![1]!;
			const meta = parseScenarioMeta(`scenarios/${folder}/scenario.json`, json);
			if (meta.slug !== folder)
				throw new GeodataError(
					`scenarios/${folder}/scenario.json`,
					`slug "${meta.slug}" differs from its folder's name "${folder}"`
				);
			const files = Object.fromEntries(
				layerNames.map((layer) => {
					const file = `${layer}.geojson`;
					const url = layerUrls[`/geodata/scenarios/${folder}/${file}`];
					if (!url)
						throw new GeodataError(`scenarios/${folder}/${file}`, 'is missing from the pack');
					return [layer, { file, url }];
				})
			) as Record<LayerName, PackFile>;
			const extraFiles = Object.fromEntries(
				meta.extraLayers.map(({ id, file, tiles }) => {
					if (tiles !== undefined && !isSameOriginTiles(tiles))
						return [id, { file: tiles, url: tiles }];
					const path = `/geodata/scenarios/${folder}/${file ?? tiles}`;
					const url = file !== undefined ? layerUrls[path] : tilesUrls[path];
					if (!url)
						throw new GeodataError(
							`scenarios/${folder}/${file ?? tiles}`,
							`is missing from the pack (scenario.json names it as extra layer "${id}")`
						);
					return [id, { file: (file ?? tiles)!, url }];
				})
			);
			return { meta, files, extraFiles };
		})
		.sort((a, b) => b.meta.dates.start.localeCompare(a.meta.dates.start));
}

/** Every pack, newest incident first. */
export const packs: readonly Pack[] = readPacks();

export function packBySlug(slug: string): (typeof packs)[number] | undefined {
	return packs.find((p) => p.meta.slug === slug);
}

/** The pack `/` opens (geodata/scenarios/default.json). */
export const defaultPack: Pack = (() => {
	const pack = packBySlug(defaults.default);
	if (!pack)
		throw new GeodataError(
			'scenarios/default.json',
			`names "${defaults.default}", which is not a pack (${packs.map((p) => p.meta.slug).join(', ')})`
		);
	return pack;
})();
