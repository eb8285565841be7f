// The legend model: the catalogue's legend lines of the layers shown, with the symbol the style
// draws each with. The on-screen legend and the snapshot export both render from this list.
import { packCatalogue, type LayerEntry, type LegendLine, type LegendMeta } from './catalogue';

export type { LegendSymbol } from './catalogue';

/** One legend line; `toggle` is the layer toggle (the catalogue entry) that shows it. */
export type LegendEntry = LegendLine & { toggle: string };

/**
 * Every legend entry of a scenario (its border, involved provinces and actors are named by its
 * pack), in catalogue order; pass the toggles that draw something now to keep only what is shown.
 * `entries` is the pack's catalogue, when the caller has it already.
 */
export function legendEntries(
	meta: LegendMeta,
	shownToggles?: ReadonlySet<string>,
	entries: readonly LayerEntry[] = packCatalogue(meta)
): LegendEntry[] {
	return entries
		.filter((entry) => !shownToggles || shownToggles.has(entry.id))
		.flatMap((entry) => entry.legend(meta).map((line) => ({ ...line, toggle: entry.id })));
}

/** A legend line's words: the place's name (in the chosen language), then the label. */
export function legendText(line: LegendLine): string {
	return line.name ? `${line.name.text} ${line.label}` : line.label;
}
