// How one file's import or removal changes the imported points and their distances (pure).
import type { EventDistances } from '$lib/geo/distances';
import type { ImportedPoint } from '$lib/geo/import';

export type ImportedSet = {
	points: readonly ImportedPoint[];
	distances: ReadonlyMap<string, EventDistances>;
};

/**
 * Replaces every point of `file` with `incoming` (none, to remove the file), keeping the other
 * files' points and distances. Linear in the points held: ids are looked up in a set, so a small
 * import after a 100,000-point one stays instant.
 * @returns the new set, and the ids that are gone (a selection of one of them must be cleared)
 */
export function replaceFile(
	current: ImportedSet,
	file: string,
	incoming: readonly ImportedPoint[] = [],
	incomingDistances: Iterable<readonly [string, EventDistances]> = []
): { points: ImportedPoint[]; distances: Map<string, EventDistances>; removed: Set<string> } {
	const points: ImportedPoint[] = [];
	const removed = new Set<string>();
	for (const p of current.points) {
		if (p.sourceFile === file) removed.add(p.id);
		else points.push(p);
	}
	const distances = new Map<string, EventDistances>();
	for (const [id, d] of current.distances) if (!removed.has(id)) distances.set(id, d);
	for (const p of incoming) points.push(p);
	for (const [id, d] of incomingDistances) distances.set(id, d);
	return { points, distances, removed };
}
