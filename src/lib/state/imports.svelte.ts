// Owner of the user's imported points: files read, validated and analysed like the built-in events.
// A failed import never touches what was loaded before.
import type { FeatureCollection } from 'geojson';
import { eventDistances, type EventDistances } from '$lib/geo/distances';
import { importFile, MAX_IMPORT_BYTES, type ImportedPoint } from '$lib/geo/import';
import type { ScenarioView } from './scenario.svelte';

export type ImportedFile = { file: string; count: number; skipped: number; warnings: string[] };

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

export class ImportStore {
	points = $state.raw<ImportedPoint[]>([]);
	files = $state.raw<ImportedFile[]>([]);
	/** The last import's failure, for role="alert". */
	error = $state<string | null>(null);
	/** Progress and outcome of the last import, for role="status". */
	status = $state<string | null>(null);
	readonly collection: FeatureCollection;
	readonly distances: ReadonlyMap<string, EventDistances>;

	constructor(view: ScenarioView) {
		this.collection = $derived({
			type: 'FeatureCollection',
			features: this.points.map((p) => ({
				type: 'Feature',
				id: p.id,
				geometry: { type: 'Point', coordinates: p.point },
				properties: { id: p.id, name: p.name }
			}))
		});
		this.distances = $derived.by(() => {
			const scenario = view.scenario;
			// eslint-disable-next-line svelte/prefer-svelte-reactivity -- replaced whole on each change, never mutated
			if (!scenario) return new Map();
			// eslint-disable-next-line svelte/prefer-svelte-reactivity -- replaced whole on each change, never mutated
			return new Map(
				this.points.map((p) => [
					p.id,
					eventDistances(
						{ eventId: p.id, point: p.point, radiusKm: 0, basis: 'imported' },
						scenario
					)
				])
			);
		});
	}

	/** Reads files one by one; each either adds its points or reports what is wrong with it. */
	async importFiles(files: readonly File[]): Promise<void> {
		for (const file of files) {
			this.error = null;
			if (file.size > MAX_IMPORT_BYTES) {
				this.error = `${file.name} was not imported: it is ${mb(file.size)}, above the ${mb(MAX_IMPORT_BYTES)} limit.`;
				continue;
			}
			this.status = `Reading ${file.name}…`;
			let text: string;
			try {
				text = await file.text();
			} catch (e) {
				this.error = `${file.name} could not be read: ${(e as Error).message}`;
				this.status = null;
				continue;
			}
			this.status = `Checking ${file.name}…`;
			// Let the status render before the synchronous parse of a large file.
			await new Promise((resolve) => setTimeout(resolve, 0));
			const result = importFile(file.name, text, file.size);
			if (!result.ok) {
				this.error = `${file.name} was not imported: ${result.error}`;
				this.status = null;
				continue;
			}
			// Re-importing a file of the same name replaces its earlier points.
			const kept = this.points.filter((p) => p.sourceFile !== result.file);
			this.points = [...kept, ...result.points];
			this.files = [
				...this.files.filter((f) => f.file !== result.file),
				{
					file: result.file,
					count: result.points.length,
					skipped: result.skipped.length,
					warnings: result.warnings
				}
			];
			this.status = `Imported ${result.points.length} point${result.points.length === 1 ? '' : 's'} from ${file.name}${
				result.skipped.length
					? `; skipped ${result.skipped.length} (${result.skipped
							.slice(0, 3)
							.map((s) => `${s.where}: ${s.why}`)
							.join('; ')}${result.skipped.length > 3 ? '; …' : ''})`
					: ''
			}${result.warnings.length ? `. ${result.warnings.join(' ')}` : '.'}`;
		}
	}

	remove(file: string): void {
		this.points = this.points.filter((p) => p.sourceFile !== file);
		this.files = this.files.filter((f) => f.file !== file);
		this.status = `Removed ${file}.`;
	}
}
