// `npm run pack:check <folder>`: validates a scenario pack folder in Node with the checks and
// messages the page uses when a pack is opened from disk. Exit code 1 when anything is wrong.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, sep } from 'node:path';
import { MAX_PACK_FILE_BYTES, readPackFiles } from '../src/lib/geo/pack-files';

const folder = process.argv[2];
if (!folder) {
	console.error('Usage: npm run pack:check <folder>   (e.g. geodata/scenarios/iran-pakistan-2024)');
	process.exit(2);
}
const files = new Map<string, Uint8Array>();
const unread = new Map<string, number>();
// Folders inside the pack too: a served layer's archive may sit in one (e.g. layers/towns.pmtiles).
for (const name of readdirSync(folder, { recursive: true, encoding: 'utf8' })) {
	const path = join(folder, name);
	const stat = statSync(path);
	if (!stat.isFile()) continue;
	const size = stat.size;
	// Too large to read: only its size is passed, for the message to name the limit.
	const key = name.split(sep).join('/');
	if (size > MAX_PACK_FILE_BYTES) unread.set(key, size);
	else files.set(key, readFileSync(path));
}
const result = readPackFiles(files, unread);
if (result.ok) {
	const { meta, layers } = result;
	const events = layers.events.features.length;
	console.log(
		`${folder}: ${meta.title} (${meta.slug}) is a valid pack: ${events} events, ` +
			`${meta.actors.length} actors, border ${meta.border.sides.join('–')}` +
			(meta.extraLayers.length ? `, ${meta.extraLayers.length} extra layer(s).` : '.')
	);
} else {
	console.error(
		`${folder}: ${result.problems.length} problem${result.problems.length === 1 ? '' : 's'}:`
	);
	for (const problem of result.problems) console.error(`- ${problem.message}`);
	process.exit(1);
}
