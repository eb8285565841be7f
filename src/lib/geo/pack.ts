// A scenario pack's scenario.json: what names, frames and colours the incident (pure, no DOM).
import * as v from 'valibot';
import { countryAt } from './border';
import { GeodataError } from './load';
import {
	extraLayerKinds,
	isoDate,
	layerNames,
	claimantSchema,
	nonEmpty,
	sourceSchema,
	type LayerData
} from './schema';

/** Event symbol shapes: each actor has its own, so colour is never the only signal. */
export const symbolShapes = ['circle', 'square', 'triangle', 'diamond'] as const;
export type Shape = (typeof symbolShapes)[number];

const colour = v.pipe(v.string(), v.regex(/^#[0-9a-f]{6}$/i, 'A colour is written #rrggbb'));
const slug = v.pipe(
	v.string(),
	v.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'A slug is lower-case letters and digits joined by hyphens')
);
const longitude = v.pipe(v.number(), v.minValue(-180), v.maxValue(180));
const latitude = v.pipe(v.number(), v.minValue(-85), v.maxValue(85));

const actor = v.object({
	/** The id events name in `actorGroup`. */
	id: nonEmpty,
	label: nonEmpty,
	colour,
	shape: v.picklist(symbolShapes),
	/**
	 * The side of the primary border (one of `border.sides`) this actor acts for: strikes by one
	 * side's actors are measured against the other side's. Absent for non-state actors.
	 */
	side: v.optional(nonEmpty)
});

/**
 * Where a served layer's PMTiles archive is: a path inside the pack's folder (served from the
 * app's own origin), or an https:// URL on a static host or object store (which the deployer adds
 * to the Content Security Policy's connect-src).
 */
const hasScheme = (t: string) => /^[a-z][a-z0-9+.-]*:/i.test(t);
const isHttps = (t: string) => /^https:\/\//i.test(t);
const tilesLocation = v.pipe(
	v.string(),
	v.check(
		(t) => !hasScheme(t) || isHttps(t),
		'An archive on another host is given by an https:// URL (http: and other schemes are refused)'
	),
	v.check((t) => {
		if (!isHttps(t)) return true;
		try {
			const url = new URL(t);
			return !url.username && !url.password && /\.pmtiles$/i.test(url.pathname);
		} catch {
			return false;
		}
	}, 'An https tiles URL names a .pmtiles file, with no user name or password in it'),
	v.check(
		(t) =>
			hasScheme(t) ||
			!(t.startsWith('/') || t.startsWith('\\') || /(^|[/\\])\.\.?([/\\]|$)/.test(t)),
		'A tiles path stays inside the pack: relative to its folder, with no "." or ".." and no leading "/"'
	),
	v.check(
		(t) =>
			hasScheme(t) ||
			t.startsWith('/') ||
			/^([a-z0-9][a-z0-9-]*\/)*[a-z0-9][a-z0-9-]*\.pmtiles$/.test(t),
		'A tiles path is lower-case letters, digits and hyphens, folders joined by "/", ending .pmtiles (e.g. layers/towns.pmtiles)'
	)
);

/** A served layer's archive is fetched from the app's origin (false: from another host). */
export const isSameOriginTiles = (tiles: string): boolean => !hasScheme(tiles);

/**
 * A layer a pack adds to the six (e.g. a ceasefire line from another dataset): drawn and toggled.
 * Either a GeoJSON `file` in the pack, or a served layer: `tiles`, a PMTiles archive of vector
 * tiles the map reads by range requests, and its `sourceLayer`, for layers too large to ship whole.
 */
const extraLayerFields = v.object({
	/** Lower-case letters, digits and hyphens; its toggle is `extra-<id>` in links. */
	id: slug,
	/** The GeoJSON file in the pack's folder. */
	file: v.optional(
		v.pipe(
			v.string(),
			v.regex(/^[a-z0-9][a-z0-9-]*\.geojson$/, 'An extra layer file is <name>.geojson, lower-case'),
			v.check(
				(f) => !layerNames.some((l) => `${l}.geojson` === f),
				'An extra layer cannot reuse one of the six layer files'
			)
		)
	),
	/** A served layer's PMTiles archive: a path inside the pack, or an https:// URL. */
	tiles: v.optional(tilesLocation),
	/** The vector tile layer inside the archive to draw (a served layer only). */
	sourceLayer: v.optional(nonEmpty),
	kind: v.picklist(extraLayerKinds),
	/** Its name in the layer panel and the legend. */
	label: nonEmpty,
	colour,
	/** Where its data comes from. */
	source: sourceSchema
});
type ExtraLayerFields = v.InferOutput<typeof extraLayerFields>;
type ExtraLayerBase = Omit<ExtraLayerFields, 'file' | 'tiles' | 'sourceLayer'>;
/** An extra layer shipped as a GeoJSON file, validated and drawn whole. */
export type FileExtraLayer = ExtraLayerBase & {
	file: string;
	tiles?: undefined;
	sourceLayer?: undefined;
};
/** An extra layer served as a PMTiles archive: the map fetches only the tiles it shows. */
export type ServedExtraLayer = ExtraLayerBase & {
	tiles: string;
	sourceLayer: string;
	file?: undefined;
};

const extraLayer = v.pipe(
	extraLayerFields,
	v.check(
		(l) => l.file === undefined || l.tiles === undefined,
		'An extra layer has either a file (GeoJSON) or tiles (a PMTiles archive), not both'
	),
	v.check(
		(l) => l.file !== undefined || l.tiles !== undefined,
		'An extra layer needs a file (GeoJSON) or tiles (a PMTiles archive)'
	),
	v.check(
		(l) => l.tiles === undefined || l.sourceLayer !== undefined,
		'A served layer (tiles) names its sourceLayer: the layer of the archive to draw'
	),
	v.check(
		(l) => l.sourceLayer === undefined || l.tiles !== undefined,
		'sourceLayer belongs to a served layer (tiles); a GeoJSON file has none'
	),
	v.transform((l) => l as FileExtraLayer | ServedExtraLayer)
);

export const scenarioMetaSchema = v.pipe(
	v.object({
		slug,
		title: nonEmpty,
		subtitle: nonEmpty,
		dates: v.pipe(
			v.object({ start: isoDate, end: isoDate }),
			v.check((d) => d.start <= d.end, 'dates.start must not be after dates.end')
		),
		bounds: v.pipe(
			v.object({
				west: longitude,
				south: latitude,
				east: longitude,
				north: latitude,
				note: v.optional(nonEmpty)
			}),
			v.check(
				(b) => b.west < b.east && b.south < b.north,
				'bounds must have west < east and south < north'
			)
		),
		border: v.object({
			/** As the primary border's `name` in borders.geojson, e.g. "Iran–Pakistan border". */
			name: nonEmpty,
			/** The two countries of the primary border, as named in countries.geojson. */
			sides: v.pipe(
				v.tuple([nonEmpty, nonEmpty]),
				v.check(([a, b]) => a !== b, 'border.sides must name two different countries')
			),
			/** Which line is drawn and measured, for every figure's caption. */
			line: nonEmpty,
			/** What the line's generalisation does to measured figures. */
			accuracy: nonEmpty,
			/** Where the line is disputed (e.g. a Line of Control), said wherever it is measured. */
			disputed: v.optional(
				v.object({
					/** A phrase for prints: "includes the Line of Control in Kashmir, …". */
					summary: nonEmpty,
					/** The full note for the border panel. */
					note: nonEmpty
				})
			),
			/**
			 * The lines every border distance is measured to, each with a short label for figures
			 * ("Natural Earth 1:10m"): the first is borders.geojson's primary border, the others are
			 * extra line layers of the pack (`extraLayer`). The user picks which one is primary.
			 */
			lines: v.optional(
				v.pipe(
					v.array(
						v.object({
							id: slug,
							label: nonEmpty,
							/** An extra layer of kind "lines" holding this line; absent for the first. */
							extraLayer: v.optional(slug)
						})
					),
					v.minLength(1),
					v.check(
						(l) => l[0]!.extraLayer === undefined,
						"border.lines[0] is borders.geojson's line: no extraLayer"
					),
					v.check(
						(l) => l.slice(1).every((x) => x.extraLayer !== undefined),
						'Every border line after the first names its extraLayer'
					),
					v.check(
						(l) => new Set(l.map((x) => x.id)).size === l.length,
						'Border line ids must be unique'
					)
				)
			),
			officialLengths: v.array(
				v.object({
					km: v.pipe(v.number(), v.minValue(0)),
					/** What was measured: "the border", "the border barrier". */
					of: nonEmpty,
					/** The government whose figure it is (one of border.sides), when it is one's. */
					government: v.optional(nonEmpty),
					/** Who gave the figure, when a person or office did. */
					claimant: v.optional(claimantSchema),
					source: sourceSchema
				})
			)
		}),
		provinces: v.object({
			/** Legend label of the involved provinces (provinces.geojson `involved`). */
			involvedLabel: nonEmpty
		}),
		actors: v.pipe(
			v.array(actor),
			v.minLength(1, 'A pack needs at least one actor'),
			v.check(
				(list) => new Set(list.map((a) => a.id)).size === list.length,
				'Actor ids must be unique'
			)
		),
		/** BCP 47 language of each country's local names (provinces' `nameLocal`), for `lang`. */
		localNameLanguages: v.optional(v.record(v.string(), nonEmpty), {}),
		/** The map described for screen readers. */
		mapDescription: nonEmpty,
		/** Layers beyond the six, each in its own file. */
		extraLayers: v.optional(
			v.pipe(
				v.array(extraLayer),
				v.check(
					(list) => new Set(list.map((l) => l.id)).size === list.length,
					'Extra layer ids must be unique'
				),
				v.check(
					(list) => new Set(list.map((l) => l.file ?? l.tiles)).size === list.length,
					'Extra layers must each have their own file or tiles'
				)
			),
			[]
		)
	})
);

export type ScenarioMeta = v.InferOutput<typeof scenarioMetaSchema>;
export type Actor = ScenarioMeta['actors'][number];
export type ExtraLayer = ScenarioMeta['extraLayers'][number];

/**
 * Validates a parsed scenario.json.
 * @throws GeodataError naming the file, the path inside it and what is wrong
 */
export function parseScenarioMeta(file: string, json: unknown): ScenarioMeta {
	const result = v.safeParse(scenarioMetaSchema, json);
	if (result.success) return result.output;
	const problems = result.issues.slice(0, 3).map((issue) => {
		const path = issue.path?.map((p) => String(p.key)).join('.');
		return `${path ? `at ${path}: ` : ''}${issue.message}`;
	});
	throw new GeodataError(file, problems.join('; '));
}

/** The layers a pack's checks read (any may be missing: its own error is reported elsewhere). */
type PackLayers = {
	countries?: LayerData<'countries'>;
	borders?: LayerData<'borders'>;
	events?: LayerData<'events'>;
	crossings?: LayerData<'crossings'>;
};

/**
 * What in a pack's layers contradicts its scenario.json or itself: a border side missing from the
 * countries, a primary border other than the one named, an event whose actor is not declared or
 * that lies outside every country, a crossing without a name on each side. Each problem names its
 * file and feature.
 */
export function packProblems(meta: ScenarioMeta, layers: PackLayers): GeodataError[] {
	const problems: GeodataError[] = [];
	const countryNames = new Set(layers.countries?.features.map((c) => c.properties.name));
	if (layers.countries)
		for (const side of meta.border.sides)
			if (!countryNames.has(side))
				problems.push(
					new GeodataError(
						'scenario.json',
						`at border.sides: "${side}" is not a country of countries.geojson`
					)
				);
	if (layers.borders) {
		const primary = layers.borders.features.filter((b) => b.properties.primary);
		if (primary.length !== 1)
			problems.push(
				new GeodataError(
					'borders.geojson',
					`needs exactly one primary border, has ${primary.length}`
				)
			);
		else {
			const countries = [...primary[0]!.properties.countries].sort();
			if (countries.join('|') !== [...meta.border.sides].sort().join('|'))
				problems.push(
					new GeodataError(
						'borders.geojson',
						`the primary border joins ${countries.join(' and ')}, but scenario.json's border.sides are ${meta.border.sides.join(' and ')}`
					)
				);
		}
	}
	for (const [i, line] of (meta.border.lines ?? []).entries()) {
		if (line.extraLayer === undefined) continue;
		const extra = meta.extraLayers.find((e) => e.id === line.extraLayer);
		if (extra?.kind === 'lines' && extra.tiles !== undefined)
			problems.push(
				new GeodataError(
					'scenario.json',
					`at border.lines.${i}.extraLayer: "${line.extraLayer}" is a served layer (tiles); a border line to measure to is a GeoJSON file`
				)
			);
		else if (extra?.kind !== 'lines')
			problems.push(
				new GeodataError(
					'scenario.json',
					`at border.lines.${i}.extraLayer: "${line.extraLayer}" is not an extra layer of kind "lines"`
				)
			);
	}
	for (const [i, a] of meta.actors.entries())
		if (a.side !== undefined && !meta.border.sides.includes(a.side))
			problems.push(
				new GeodataError(
					'scenario.json',
					`at actors.${i}.side: "${a.side}" is not one of border.sides (${meta.border.sides.join(', ')})`
				)
			);
	const actors = new Set(meta.actors.map((a) => a.id));
	for (const [i, e] of (layers.events?.features ?? []).entries()) {
		if (e.geometry === null) continue;
		const at = `at features.${i} (${e.properties.id})`;
		if (!actors.has(e.properties.actorGroup))
			problems.push(
				new GeodataError(
					'events.geojson',
					`${at}: actorGroup "${e.properties.actorGroup}" is not an actor of scenario.json (${[...actors].join(', ')})`
				)
			);
		// A place in no country is a swapped or mistyped coordinate: nothing could be measured.
		if (layers.countries && countryAt(e.geometry.coordinates, layers.countries.features) === null)
			problems.push(
				new GeodataError(
					'events.geojson',
					`${at}: [${e.geometry.coordinates.join(', ')}] lies outside every country of countries.geojson (longitude and latitude swapped?)`
				)
			);
	}
	for (const [i, c] of (layers.crossings?.features ?? []).entries())
		for (const side of meta.border.sides)
			if (!c.properties.sides[side])
				problems.push(
					new GeodataError(
						'crossings.geojson',
						`at features.${i} (${c.properties.id}): no name on the ${side} side (sides.${side})`
					)
				);
	return problems;
}
