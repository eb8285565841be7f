// The committed geodata matches its checksum manifest, file for file.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { geodataDir } from './helpers';

const manifest = JSON.parse(readFileSync(geodataDir + 'MANIFEST.json', 'utf8')) as {
	files: Record<string, { sha256: string; bytes: number }>;
};

describe('geodata/MANIFEST.json', () => {
	it('lists every file of the pack except itself and the hand-written scenario.json', () => {
		const present = readdirSync(geodataDir)
			.filter((f) => f !== 'MANIFEST.json' && f !== 'scenario.json')
			.sort();
		expect(Object.keys(manifest.files).sort()).toEqual(present);
	});

	it.each(Object.entries(manifest.files))('%s matches its checksum and size', (file, entry) => {
		const bytes = readFileSync(geodataDir + file);
		expect(bytes.length).toBe(entry.bytes);
		expect(createHash('sha256').update(bytes).digest('hex')).toBe(entry.sha256);
	});
});
