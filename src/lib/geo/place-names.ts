// Place names in the map's languages: the pack's sourced Persian and Urdu names (`names`), the
// English name where a language has none, and how often that happens. Never a machine translation.

/** The languages the map and the panels can name places in; English is the pack's own `name`. */
export const mapLanguages = ['en', 'fa', 'ur'] as const;
export type MapLanguage = (typeof mapLanguages)[number];
/** The languages a pack may carry names in (`properties.names`). */
export type NameLanguage = Exclude<MapLanguage, 'en'>;

/** Each language as its speakers write it (for the control) and in English (for notes). */
export const languageNames: Readonly<
	Record<MapLanguage, { native: string; english: string; rtl: boolean }>
> = {
	en: { native: 'English', english: 'English', rtl: false },
	fa: { native: 'فارسی', english: 'Persian', rtl: true },
	ur: { native: 'اردو', english: 'Urdu', rtl: true }
};

export const isMapLanguage = (value: string): value is MapLanguage =>
	(mapLanguages as readonly string[]).includes(value);

/** A place as the packs hold it: its English name and its sourced names, if any. */
export type NamedPlace = { name: string; names?: Partial<Record<NameLanguage, string>> };

/** A name to show, with the language it is in (for `lang` and `dir`). */
export type LocalName = { text: string; lang: MapLanguage };

/**
 * A place's name in `lang`: its sourced name, else its English one.
 * @example placeName({ name: 'Iran', names: { fa: 'ایران' } }, 'fa') // { text: 'ایران', lang: 'fa' }
 * @example placeName({ name: 'Panjgur', names: {} }, 'ur') // { text: 'Panjgur', lang: 'en' }
 */
export function placeName(place: NamedPlace, lang: MapLanguage): LocalName {
	const sourced = lang === 'en' ? undefined : place.names?.[lang];
	return sourced ? { text: sourced, lang } : { text: place.name, lang: 'en' };
}

/** The place layers whose names the map shows. */
export const namedLayers = ['countries', 'provinces', 'towns'] as const;
export type NamedLayer = (typeof namedLayers)[number];

/** Per place layer: how many places it has and how many have a sourced name in the language. */
export type NameCoverage = Record<NamedLayer, { named: number; total: number }>;

/**
 * How many places of each layer have a sourced name in `lang`; the others are shown in English.
 * A layer not loaded counts as empty.
 */
export function nameCoverage(
	layers: Partial<Record<NamedLayer, { features: readonly { properties: NamedPlace }[] }>>,
	lang: NameLanguage
): NameCoverage {
	const count = (layer: NamedLayer) => {
		const features = layers[layer]?.features ?? [];
		return {
			named: features.filter((f) => Boolean(f.properties.names?.[lang])).length,
			total: features.length
		};
	};
	return { countries: count('countries'), provinces: count('provinces'), towns: count('towns') };
}

/**
 * The coverage in a sentence.
 * @example coverageNote(coverage, 'fa')
 * // 'Persian names for 34 of 34 countries, 71 of 71 provinces, 0 of 24 towns; the others in English.'
 */
export function coverageNote(coverage: NameCoverage, lang: NameLanguage): string {
	const parts = namedLayers.map(
		(layer) => `${coverage[layer].named} of ${coverage[layer].total} ${layer}`
	);
	const fallbacks = namedLayers.reduce(
		(sum, layer) => sum + coverage[layer].total - coverage[layer].named,
		0
	);
	return `${languageNames[lang].english} names for ${parts.join(', ')}${fallbacks ? '; the others in English' : ''}.`;
}

/** What names places for the panels: in the chosen language, or English. */
export type PlaceNamer = {
	placeName(place: NamedPlace): LocalName;
	/** A country, by the English name the pack gives it. */
	countryName(name: string): LocalName;
};

/** Every place by its English name. */
export const englishNames: PlaceNamer = {
	placeName: (place) => ({ text: place.name, lang: 'en' }),
	countryName: (name) => ({ text: name, lang: 'en' })
};
