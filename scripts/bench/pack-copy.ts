// A build of the app with one more pack: a copy of the default pack under a new slug, changed by
// the caller. For the tests and the bench that check packs are data (no source file changed).
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { DEFAULT_DIR } from './default-pack';

type Meta = Record<string, unknown> & { extraLayers: unknown[] };

/**
 * Copies the default pack to geodata/scenarios/<slug> (where the build finds packs), lets
 * `prepare` add files to the copy and return its scenario.json, checks it with `npm run
 * pack:check` if asked, builds the app with it and removes the copy. Returns the build's folder
 * (the site is in `<folder>/site`), made inside the project so the build resolves packages from
 * its node_modules; the caller removes it.
 */
export function buildWithPackCopy(
	slug: string,
	prepare: (folder: string, meta: Meta) => object,
	options: { testHooks: boolean; check?: boolean; stdio: 'pipe' | 'inherit' }
): string {
	const folder = `geodata/scenarios/${slug}`;
	const out = mkdtempSync('.pack-test-');
	cpSync(DEFAULT_DIR, folder, { recursive: true });
	try {
		const meta = JSON.parse(readFileSync(`${folder}/scenario.json`, 'utf8')) as Meta;
		const next = prepare(folder, meta);
		writeFileSync(`${folder}/scenario.json`, JSON.stringify(next, null, '\t'));
		if (options.check)
			execFileSync('npm', ['run', '--silent', 'pack:check', folder], { stdio: options.stdio });
		execFileSync('npx', ['vite', 'build', '--logLevel', 'error'], {
			env: {
				...process.env,
				BORDERLINE_BUILD_DIR: out,
				...(options.testHooks ? { VITE_TEST_HOOKS: '1' } : {})
			},
			stdio: options.stdio
		});
	} catch (error) {
		rmSync(out, { recursive: true, force: true });
		throw error;
	} finally {
		rmSync(folder, { recursive: true, force: true });
	}
	return out;
}
