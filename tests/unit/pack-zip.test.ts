// A zipped pack: read at the top or in one folder; refused, before anything is expanded, when the
// zip, one file or all of them together are too large.
import { readdirSync, readFileSync } from 'node:fs';
import { zipSync, type Zippable } from 'fflate';
import { describe, expect, it } from 'vitest';
import { MAX_PACK_BYTES, MAX_PACK_FILE_BYTES } from '../../src/lib/geo/pack-files';
import { MAX_PACK_ZIP_BYTES, readPackZip } from '../../src/lib/geo/pack-zip';
import { geodataDir } from './helpers';

const packFiles: Zippable = Object.fromEntries(
	readdirSync(geodataDir).map((name) => [name, new Uint8Array(readFileSync(geodataDir + name))])
);

const messages = (result: ReturnType<typeof readPackZip>) =>
	result.ok ? [] : result.problems.map((p) => p.message);

describe('readPackZip', () => {
	it('reads a zipped pack folder, and one zipped without its folder', () => {
		for (const zip of [zipSync({ 'iran-pakistan-2024': packFiles }), zipSync(packFiles)]) {
			const result = readPackZip('pack.zip', zip);
			expect(messages(result)).toEqual([]);
			expect(result.ok && result.meta.slug).toBe('iran-pakistan-2024');
		}
	});

	it('ignores the clutter zip tools add', () => {
		const zip = zipSync({
			'iran-pakistan-2024': packFiles,
			__MACOSX: { 'iran-pakistan-2024': { '._scenario.json': new Uint8Array([0, 1]) } }
		});
		// __MACOSX sits beside the folder: the pack is still read from the folder.
		expect(messages(readPackZip('pack.zip', zip))).toEqual([]);
	});

	it('names what is missing or wrong inside, like a pack on disk', () => {
		const { ['events.geojson']: _events, ...rest } = packFiles;
		void _events;
		expect(messages(readPackZip('pack.zip', zipSync(rest)))).toEqual([
			'events.geojson: is missing from the pack'
		]);
	});

	it('refuses a file that expands past the file limit without expanding it', () => {
		const zip = zipSync(
			{ ...packFiles, 'towns.geojson': new Uint8Array(MAX_PACK_FILE_BYTES + 1) },
			{ level: 9 }
		);
		expect(zip.length).toBeLessThan(1024 * 1024);
		expect(messages(readPackZip('pack.zip', zip))).toEqual([
			'towns.geojson: expands to 50.0 MB; a pack file may be at most 50.0 MB'
		]);
	});

	it('refuses a zip whose files expand past the pack limit together (a zip bomb)', () => {
		const part = new Uint8Array(45 * 1024 * 1024);
		const bomb: Zippable = { ...packFiles };
		for (let i = 0; i < Math.ceil(MAX_PACK_BYTES / part.length); i++)
			bomb[`filler-${i}.bin`] = part;
		const zip = zipSync(bomb, { level: 9 });
		expect(messages(readPackZip('pack.zip', zip))).toEqual([
			expect.stringMatching(
				/^pack\.zip: expands to \d+\.\d MB or more; a pack may be at most 200\.0 MB expanded$/
			)
		]);
	});

	it('refuses a zip over the size limit unread, and a file that is not a zip', () => {
		expect(messages(readPackZip('big.zip', new Uint8Array(MAX_PACK_ZIP_BYTES + 1)))).toEqual([
			'big.zip: is 50.0 MB; a zipped pack may be at most 50.0 MB'
		]);
		expect(messages(readPackZip('notes.zip', new TextEncoder().encode('not a zip')))).toEqual([
			expect.stringMatching(/^notes\.zip: is not a readable zip file/)
		]);
	});
});
