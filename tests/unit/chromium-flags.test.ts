// Our `--disable-features` replaces Playwright's own list, so it must keep every feature Playwright
// switches off: this reads that list from the installed playwright-core.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chromiumArgs, disabledFeatures } from '../../playwright.config';

function playwrightDisabledFeatures(): string[] {
	const require = createRequire(import.meta.url);
	const root = dirname(require.resolve('playwright-core/package.json'));
	const bundle = readFileSync(join(root, 'lib/coreBundle.js'), 'utf8');
	const list = /disabledFeatures = \[([\s\S]*?)\]/.exec(bundle);
	if (!list) throw new Error("playwright-core's disabledFeatures list was not found");
	return [...list[1]!.matchAll(/^\s*"([^"]+)",?\s*$/gm)].map((m) => m[1]!);
}

describe('Chromium flags for the tests and the bench', () => {
	it("keep every feature Playwright disables, and switch off the toolbar's preloaded web UI", () => {
		const theirs = playwrightDisabledFeatures();
		expect(theirs.length).toBeGreaterThan(5);
		expect(disabledFeatures).toEqual(expect.arrayContaining(theirs));
		expect(disabledFeatures).toEqual(
			expect.arrayContaining(['PreloadTopChromeWebUI', 'WebUIOmniboxPopup'])
		);
		expect(chromiumArgs.filter((a) => a.startsWith('--disable-features='))).toEqual([
			`--disable-features=${disabledFeatures.join(',')}`
		]);
	});
});
