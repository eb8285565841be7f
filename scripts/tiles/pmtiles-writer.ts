// A PMTiles v3 writer (https://github.com/protomaps/PMTiles/blob/main/spec/v3/spec.md): the npm
// `pmtiles` package reads archives but does not write them. Tile ids on the Hilbert curve come
// from that package (`zxyToTileId`), so the writer and the app's reader cannot disagree on them.
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { Compression, TileType, zxyToTileId, type Entry } from 'pmtiles';

/**
 * One tile to store: its address and its bytes, uncompressed (an MVT tile for vector archives),
 * or already gzipped when `gzipped` is set (the tiler compresses each tile to check its size).
 */
export type TileInput = { z: number; x: number; y: number; data: Uint8Array; gzipped?: true };

export type PmtilesOptions = {
	/** West, south, east, north of the data (degrees). */
	bounds: [number, number, number, number];
	minZoom: number;
	maxZoom: number;
	/** Longitude, latitude and zoom a viewer opens at; the bounds' centre at minZoom if absent. */
	center?: [number, number, number];
	/** The archive's JSON metadata (vector_layers, attribution, …). */
	metadata: Record<string, unknown>;
	/**
	 * The root directory's budget in bytes, compressed. The spec requires the header and the root
	 * directory to fit in the first 16,384 bytes, so that readers get both with one request; the
	 * unit tests lower it to force leaf directories on a small archive.
	 */
	maxRootDirectoryBytes?: number;
	/** Entries per leaf directory to try first (doubled until the root fits). */
	leafEntries?: number;
};

export const HEADER_BYTES = 127;
const FIRST_REQUEST_BYTES = 16_384;

/** Writes `n` as an unsigned LEB128 varint. */
function pushVarint(out: number[], n: number): void {
	while (n >= 0x80) {
		out.push((n % 0x80) | 0x80);
		n = Math.floor(n / 0x80);
	}
	out.push(n);
}

/** A directory as the spec lays it out: count, tile id deltas, run lengths, lengths, offsets. */
export function serializeDirectory(entries: readonly Entry[]): Uint8Array {
	const out: number[] = [];
	pushVarint(out, entries.length);
	let lastId = 0;
	for (const e of entries) {
		pushVarint(out, e.tileId - lastId);
		lastId = e.tileId;
	}
	for (const e of entries) pushVarint(out, e.runLength);
	for (const e of entries) pushVarint(out, e.length);
	entries.forEach((e, i) => {
		const previous = entries[i - 1];
		// 0 means "right after the previous entry's bytes"; otherwise the offset plus one.
		if (previous && e.offset === previous.offset + previous.length) pushVarint(out, 0);
		else pushVarint(out, e.offset + 1);
	});
	return Uint8Array.from(out);
}

export const gzip = (bytes: Uint8Array) => new Uint8Array(gzipSync(bytes));

/**
 * The root directory and, when the entries do not fit in the root's budget, leaf directories:
 * runs of `leafEntries` entries each, the root pointing at them (run length 0).
 */
function directories(
	entries: readonly Entry[],
	maxRootBytes: number,
	firstLeafEntries: number
): { root: Uint8Array; leaves: Uint8Array; leafCount: number } {
	const rootOnly = gzip(serializeDirectory(entries));
	if (rootOnly.length <= maxRootBytes)
		return { root: rootOnly, leaves: new Uint8Array(), leafCount: 0 };
	for (let leafEntries = firstLeafEntries; ; leafEntries *= 2) {
		const rootEntries: Entry[] = [];
		const leafParts: Uint8Array[] = [];
		let offset = 0;
		for (let i = 0; i < entries.length; i += leafEntries) {
			const leaf = gzip(serializeDirectory(entries.slice(i, i + leafEntries)));
			rootEntries.push({ tileId: entries[i]!.tileId, offset, length: leaf.length, runLength: 0 });
			leafParts.push(leaf);
			offset += leaf.length;
		}
		const root = gzip(serializeDirectory(rootEntries));
		if (root.length <= maxRootBytes)
			return { root, leaves: Buffer.concat(leafParts), leafCount: leafParts.length };
		if (leafEntries > entries.length) throw new Error('PMTiles: the root directory cannot fit');
	}
}

function setU64(view: DataView, at: number, n: number): void {
	view.setBigUint64(at, BigInt(n), true);
}
const e7 = (deg: number) => Math.round(deg * 1e7);

/**
 * A PMTiles v3 archive of `tiles` (gzip-compressed, identical tiles stored once, in tile id order
 * so the archive is clustered): header, root directory, metadata, leaf directories, tile data.
 */
export function writePmtiles(
	tiles: Iterable<TileInput>,
	options: PmtilesOptions
): { bytes: Uint8Array; leafDirectories: number; tileContents: number; tileEntries: number } {
	const byId = [...tiles]
		.map((t) => ({ id: zxyToTileId(t.z, t.x, t.y), data: t.data, gzipped: t.gzipped }))
		.sort((a, b) => a.id - b.id);
	const entries: Entry[] = [];
	const contents: Uint8Array[] = [];
	const offsetOf = new Map<string, { offset: number; length: number }>();
	let dataLength = 0;
	for (let i = 0; i < byId.length; i++) {
		const { id, data, gzipped } = byId[i]!;
		if (i > 0 && byId[i - 1]!.id === id) throw new Error(`PMTiles: tile ${id} given twice`);
		const compressed = gzipped ? data : gzip(data);
		const hash = createHash('sha256').update(compressed).digest('hex');
		let stored = offsetOf.get(hash);
		if (!stored) {
			stored = { offset: dataLength, length: compressed.length };
			offsetOf.set(hash, stored);
			contents.push(compressed);
			dataLength += compressed.length;
		}
		const last = entries[entries.length - 1];
		// A run: the same bytes at the next tile id (e.g. empty ocean tiles) is one entry.
		if (last && last.offset === stored.offset && last.tileId + last.runLength === id)
			last.runLength++;
		else entries.push({ tileId: id, offset: stored.offset, length: stored.length, runLength: 1 });
	}
	if (!entries.length) throw new Error('PMTiles: no tiles to write');

	const { root, leaves, leafCount } = directories(
		entries,
		options.maxRootDirectoryBytes ?? FIRST_REQUEST_BYTES - HEADER_BYTES,
		options.leafEntries ?? Math.max(4096, Math.ceil(entries.length / 3500))
	);
	const metadata = gzip(new TextEncoder().encode(JSON.stringify(options.metadata)));
	const rootOffset = HEADER_BYTES;
	const metadataOffset = rootOffset + root.length;
	const leafOffset = metadataOffset + metadata.length;
	const dataOffset = leafOffset + leaves.length;

	const header = new Uint8Array(HEADER_BYTES);
	const view = new DataView(header.buffer);
	header.set(new TextEncoder().encode('PMTiles'), 0);
	view.setUint8(7, 3);
	setU64(view, 8, rootOffset);
	setU64(view, 16, root.length);
	setU64(view, 24, metadataOffset);
	setU64(view, 32, metadata.length);
	setU64(view, 40, leafOffset);
	setU64(view, 48, leaves.length);
	setU64(view, 56, dataOffset);
	setU64(view, 64, dataLength);
	setU64(view, 72, byId.length);
	setU64(view, 80, entries.length);
	setU64(view, 88, contents.length);
	view.setUint8(96, 1); // clustered: tile data in tile id order
	view.setUint8(97, Compression.Gzip);
	view.setUint8(98, Compression.Gzip);
	view.setUint8(99, TileType.Mvt);
	view.setUint8(100, options.minZoom);
	view.setUint8(101, options.maxZoom);
	const [west, south, east, north] = options.bounds;
	view.setInt32(102, e7(west), true);
	view.setInt32(106, e7(south), true);
	view.setInt32(110, e7(east), true);
	view.setInt32(114, e7(north), true);
	const center = options.center ?? [(west + east) / 2, (south + north) / 2, options.minZoom];
	view.setUint8(118, center[2]);
	view.setInt32(119, e7(center[0]), true);
	view.setInt32(123, e7(center[1]), true);

	return {
		bytes: Buffer.concat([header, root, metadata, leaves, ...contents]),
		leafDirectories: leafCount,
		tileContents: contents.length,
		tileEntries: entries.length
	};
}
