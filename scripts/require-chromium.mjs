// Fails early, with the fix, when Debian's Chromium (needed by the end-to-end tests) is missing.
import { existsSync } from 'node:fs';

const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(path)) {
	console.error(
		`The end-to-end tests need Debian's Chromium at ${path}, and it is not installed.\n` +
			'Install it with:  sudo apt-get update && sudo apt-get install -y chromium\n' +
			'(or point CHROMIUM_PATH at another Chromium build).'
	);
	process.exit(1);
}
