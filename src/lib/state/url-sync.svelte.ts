// The page's link: the query string read into the app state (on load and on Back/Forward) and the
// state written back to it, plus the notices that reading a link or copying it produce.
import { pushState, replaceState } from '$app/navigation';
import { defaultLayerSettings } from '$lib/map/layers';
import { quoteUser } from '$lib/format';
import type { DayWindow } from '$lib/geo/timeline';
import type { AppState } from './app.svelte';
import { DEFAULT_BUFFER, DEFAULT_EVENT_RADIUS_KM } from './defaults';
import type { GeodataStore } from './geodata.svelte';
import type { ImportStore } from './imports.svelte';
import { resolveRef } from './lookup';
import type { ScenarioView } from './scenario.svelte';
import { featureNouns } from './selection';
import { decodeUrlState, deliberatePart, encodeUrlState } from './url';

type Inputs = {
	app: AppState;
	geodata: GeodataStore;
	view: ScenarioView;
	imports: ImportStore;
	/** False for a pack opened from a file: no link can reopen it, so none is read or written. */
	linkable: boolean;
	/** The days the pack's events span, which a link's dates are clamped to. */
	extent: () => DayWindow | null;
};

export class UrlSync {
	/** What reading the link (or copying it) has to tell the user. */
	notices = $state<string[]>([]);
	/** The link has been read once: from then on the state writes it. */
	private read = $state(false);
	/** When the last history entry was pushed: changes in quick succession (a slider drag) share one. */
	private lastPush = 0;
	private lastDeliberate = '';

	/** Installs the state → link effect; call while a component is being set up. */
	constructor(private readonly inputs: Inputs) {
		$effect(() => this.write());
	}

	/**
	 * Applies the query string once the data is there to check it against. Parameters a link
	 * leaves out fall back to their defaults, so a history step restores the state it recorded.
	 */
	readLink(): void {
		const { app, geodata, view, imports, linkable } = this.inputs;
		const { state, notices: found } = decodeUrlState(
			// eslint-disable-next-line svelte/prefer-svelte-reactivity -- read once, never kept
			linkable ? new URL(window.location.href).searchParams : new URLSearchParams(),
			view.scenario?.borderCountries ?? [],
			{
				layerIds: app.toggles.map((l) => l.id),
				extent: this.inputs.extent(),
				lineIds: (geodata.meta.border.lines ?? []).map((l) => l.id)
			}
		);
		if (
			state.selection &&
			!resolveRef(geodata.layers, state.selection, (id) => imports.pointById(id))
		) {
			found.push(
				`Ignored the link's selection ${quoteUser(state.selection.id)}: no such ${featureNouns[state.selection.layer]}.`
			);
			delete state.selection;
		}
		app.select(state.selection ?? null, { focus: Boolean(state.selection) && !state.view });
		app.buffer = state.buffer ?? DEFAULT_BUFFER;
		app.eventRadiusKm = state.eventRadiusKm ?? DEFAULT_EVENT_RADIUS_KM;
		app.locationMode = state.locationMode ?? 'mapped';
		app.borderLine = state.borderLine ?? null;
		app.lang = state.lang ?? 'en';
		const layers = defaultLayerSettings(app.toggles);
		for (const id of state.hidden ?? []) layers[id] = { ...layers[id]!, visible: false };
		for (const [id, setting] of Object.entries(app.layers))
			layers[id] = { ...layers[id]!, opacity: setting.opacity };
		app.layers = layers;
		app.timeWindow = state.timeWindow ?? null;
		if (state.view) app.requestView(state.view);
		this.notices = found;
		this.read = true;
	}

	/** Back and forward restore the state recorded in the link (once it has been read). */
	onPopState(): void {
		if (this.read) this.readLink();
	}

	async copyLink(): Promise<void> {
		try {
			await navigator.clipboard.writeText(window.location.href);
			this.notices = ['Link copied: it reopens this view, selection, layers, dates and settings.'];
		} catch {
			this.notices = [`Copy this link: ${window.location.href}`];
		}
	}

	/**
	 * State → link. A deliberate change (selection, layers, settings, dates) adds a history entry;
	 * a camera move or a rapid series of changes replaces the current one.
	 */
	private write(): void {
		const { app, linkable } = this.inputs;
		const params = encodeUrlState({
			selection: app.selection,
			buffer: app.buffer,
			eventRadiusKm: app.eventRadiusKm,
			locationMode: app.locationMode,
			borderLine: app.borderLine,
			lang: app.lang,
			hidden: app.toggles.filter((l) => !app.layers[l.id]?.visible).map((l) => l.id),
			timeWindow: app.timeWindow,
			view: app.view
		});
		if (!this.read || !linkable) return;
		const query = params.toString();
		if (query === window.location.search.replace(/^\?/, '')) return;
		const deliberate = deliberatePart(params);
		// This pack's own path (/ or /s/<slug>/): only the query string changes.
		const url = `${window.location.pathname}${query ? `?${query}` : ''}`;
		const now = Date.now();
		if (deliberate !== this.lastDeliberate && now - this.lastPush > 1000) {
			this.lastPush = now;
			// eslint-disable-next-line svelte/no-navigation-without-resolve -- same route; only the query string changes
			pushState(url, {});
		} else {
			// eslint-disable-next-line svelte/no-navigation-without-resolve -- same route; only the query string changes
			replaceState(url, {});
		}
		this.lastDeliberate = deliberate;
	}
}
