// A scenario pack opened as a .zip of its folder: size limits before anything is expanded, then
// the same checks as a pack on disk (pure, no DOM; runs in a worker in the page).
import { unzipSync, type UnzipFileInfo } from 'fflate';
import { GeodataError } from './load';
import { MAX_PACK_BYTES, MAX_PACK_FILE_BYTES, readPackFiles, type PackRead } from './pack-files';
import { formatMb as mb } from './size';

/** The .zip itself: larger ones are refused unread. */
export const MAX_PACK_ZIP_BYTES = 50 * 1024 * 1024;

/** Folders and files a zip tool adds that are not part of the pack. */
const isClutter = (path: string) =>
	path.endsWith('/') || path.startsWith('__MACOSX/') || /(^|\/)\./.test(path);

/**
 * Reads a zipped pack: its files at the top or in one folder (a zipped pack folder). Refuses a
 * zip over MAX_PACK_ZIP_BYTES, any file whose expanded size exceeds MAX_PACK_FILE_BYTES and a
 * zip whose files expand past MAX_PACK_BYTES together, all from the sizes the zip declares and
 * before expanding anything; the expanded sizes are checked again after. Never throws.
 */
export function readPackZip(name: string, zip: Uint8Array): PackRead {
	const fail = (problem: string): PackRead => ({
		ok: false,
		problems: [new GeodataError(name, problem)]
	});
	if (zip.length > MAX_PACK_ZIP_BYTES)
		return fail(`is ${mb(zip.length)}; a zipped pack may be at most ${mb(MAX_PACK_ZIP_BYTES)}`);
	const declared: UnzipFileInfo[] = [];
	const tooLarge: GeodataError[] = [];
	let files: Record<string, Uint8Array>;
	try {
		files = unzipSync(zip, {
			filter(file) {
				if (isClutter(file.name)) return false;
				declared.push(file);
				if (file.originalSize > MAX_PACK_FILE_BYTES) {
					tooLarge.push(
						new GeodataError(
							file.name.replace(/^[^/]+\//, ''),
							`expands to ${mb(file.originalSize)}; a pack file may be at most ${mb(MAX_PACK_FILE_BYTES)}`
						)
					);
					return false;
				}
				// Nothing more is expanded once the total is over: a zip bomb stops here.
				return declared.reduce((sum, f) => sum + f.originalSize, 0) <= MAX_PACK_BYTES;
			}
		});
	} catch (error) {
		return fail(`is not a readable zip file (${(error as Error).message})`);
	}
	const total = declared.reduce((sum, f) => sum + f.originalSize, 0);
	if (total > MAX_PACK_BYTES)
		return fail(
			`expands to ${mb(total)} or more; a pack may be at most ${mb(MAX_PACK_BYTES)} expanded`
		);
	if (tooLarge.length) return { ok: false, problems: tooLarge };
	const paths = Object.keys(files);
	if (!paths.length) return fail('holds no files');
	// A zipped folder: every path starts with the same "<folder>/".
	const folder = /^([^/]+\/)/.exec(paths[0]!)?.[1];
	const inFolder = folder !== undefined && paths.every((p) => p.startsWith(folder));
	const byName = new Map<string, Uint8Array>();
	let actual = 0;
	for (const [path, bytes] of Object.entries(files)) {
		const inner = inFolder ? path.slice(folder!.length) : path;
		actual += bytes.length;
		// Deeper files (folders inside the pack) are not part of the format.
		if (!inner.includes('/')) byName.set(inner, bytes);
	}
	if (actual > MAX_PACK_BYTES)
		return fail(`expands to ${mb(actual)}; a pack may be at most ${mb(MAX_PACK_BYTES)} expanded`);
	return readPackFiles(byName, new Map(), 'opened');
}
