// Vite configuration for the app and its Vitest unit tests.
import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [sveltekit()],
	// geodata/ lives beside src/ and is imported with `?url` as hashed static assets.
	server: { fs: { allow: ['geodata'] } },
	assetsInclude: ['**/*.geojson'],
	build: { assetsInlineLimit: 0 },
	test: {
		include: ['tests/unit/**/*.test.ts'],
		// Geodesic reference checks take seconds on a busy 2-core machine: allow for it.
		testTimeout: 30_000,
		environment: 'node'
	}
});
