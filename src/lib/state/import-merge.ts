// How one file's import or removal changes the imported tables, and how points and distances are
// found in them by id (pure).
import { withPrimaryLine, type EventDistances } from '$lib/geo/distances';
import { tableDistances, textAt, type ImportTable } from '$lib/geo/import-table';

/** What the panels and exports read: a point's distances by its id. */
export type DistanceLookup = { get(id: string): EventDistances | undefined };

/**
 * Replaces the tables of `file` with `incoming` (none, to remove the file; a file read in chunks
 * has a table per chunk), keeping the other
 * files'. Reads only the replaced table's ids, so a small import after a 100,000-point one stays
 * instant.
 * @returns the new tables, and the ids that are gone (a selection of one of them must be cleared)
 */
export function replaceFile(
	current: readonly ImportTable[],
	file: string,
	incoming: readonly ImportTable[] = []
): { tables: ImportTable[]; removed: Set<string> } {
	const removed = new Set<string>();
	const tables: ImportTable[] = [];
	for (const t of current) {
		if (t.file === file) for (let i = 0; i < t.count; i++) removed.add(textAt(t.ids, i));
		else tables.push(t);
	}
	tables.push(...incoming);
	return { tables, removed };
}

/** Where each id lies: its table and row. */
export function indexTables(
	tables: readonly ImportTable[]
): ReadonlyMap<string, [ImportTable, number]> {
	const where = new Map<string, [ImportTable, number]>();
	for (const t of tables) for (let i = 0; i < t.count; i++) where.set(textAt(t.ids, i), [t, i]);
	return where;
}

/**
 * The points' distances with `lineId` measured first (null: each file's first line), built when
 * first asked for and kept.
 */
export function distanceLookup(
	where: ReadonlyMap<string, [ImportTable, number]>,
	lineId: string | null
): DistanceLookup {
	const built = new Map<string, EventDistances>();
	return {
		get(id) {
			const cached = built.get(id);
			if (cached) return cached;
			const at = where.get(id);
			if (!at) return undefined;
			const d = withPrimaryLine(tableDistances(at[0], at[1]), lineId);
			built.set(id, d);
			return d;
		}
	};
}
