// SvelteKit configuration: a fully static build (adapter-static) that any web server can host.
import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

const buildDir = process.env.BORDERLINE_BUILD_DIR;

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	compilerOptions: { runes: true },
	kit: {
		// BORDERLINE_BUILD_DIR: a build of its own, site and intermediate files both, for the test
		// that builds a copied pack while the preview server keeps serving the main build.
		adapter: adapter({
			pages: buildDir ? `${buildDir}/site` : 'build',
			assets: buildDir ? `${buildDir}/site` : 'build',
			fallback: undefined,
			strict: true
		}),
		...(buildDir ? { outDir: `${buildDir}/kit` } : {}),
		alias: { $geodata: 'geodata' },
		// Content Security Policy, as a <meta> tag in the prerendered page (no server to send a
		// header): same-origin only, no eval, no inline script but SvelteKit's bootstrap, whose
		// hash SvelteKit adds to script-src. tests/e2e fails any test that violates it.
		csp: {
			mode: 'hash',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				// MapLibre's worker and ours (analysis, imports): module workers from our own URLs.
				'worker-src': ['self'],
				// data: for the control icons that MapLibre's stylesheet inlines as SVG.
				'img-src': ['self', 'data:'],
				'font-src': ['self'],
				// Svelte's style: directives and MapLibre set styles through the CSSOM, which the
				// policy does not restrict. Only two style attributes come as markup: app.html's
				// "display: contents" wrapper and SvelteKit's route announcer; 'unsafe-hashes'
				// allows exactly those two values, not 'unsafe-inline'.
				'style-src': ['self'],
				'style-src-attr': [
					'unsafe-hashes',
					'sha256-tcbDxjMo+xKqM21aCGYbs/QAJqB7yUXC06oPWDapBgc=', // display: contents
					'sha256-S8qMpvofolR8Mpjy4kQvEm7m1q8clzU4dfDH0AmvZjo=' // position: absolute; left: 0; top: 0; clip: rect(0 0 0 0); clip-path: inset(50%); …
				],
				// 'self' covers a served layer's PMTiles archive in a pack (range requests from the
				// page); imported points reach the map as tiles from the page's own worker, fetching
				// nothing. An archive on another host (an https:// `tiles` URL) needs that origin
				// added here by whoever deploys the pack, e.g. 'https://tiles.example.org'; never '*'.
				'connect-src': ['self'],
				'object-src': ['none'],
				'base-uri': ['self'],
				'form-action': ['none']
			}
		}
	}
};

export default config;
