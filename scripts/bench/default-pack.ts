// The pack the bench measures: the default one (geodata/scenarios/default.json), which `/` opens.
import { readFileSync } from 'node:fs';

export const DEFAULT_SLUG = (
	JSON.parse(readFileSync('geodata/scenarios/default.json', 'utf8')) as { default: string }
).default;

/** Its folder, without a trailing slash. */
export const DEFAULT_DIR = `geodata/scenarios/${DEFAULT_SLUG}`;
