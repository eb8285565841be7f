// ESLint flat config: TypeScript + Svelte, with Prettier owning formatting.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

export default ts.config(
	{
		ignores: [
			'build/',
			'.svelte-kit/',
			'node_modules/',
			'scripts/geodata/node_modules/',
			'scripts/glyphs/node_modules/',
			'test-results/',
			'playwright-report/',
			'.pack-test-*/'
		]
	},
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	prettier,
	...svelte.configs.prettier,
	{
		languageOptions: { globals: { ...globals.browser, ...globals.node } },
		rules: { 'no-undef': 'off' }
	},
	// Folder boundaries (../shared/notes/style.md): data flows geo → state → map and panels.
	{
		files: ['src/lib/geo/**'],
		rules: {
			'no-restricted-imports': [
				'error',
				{
					patterns: [
						{
							group: [
								'$lib/*',
								'$app/*',
								'$geodata/*',
								'svelte',
								'svelte/*',
								'maplibre-gl',
								'../*'
							],
							message:
								'src/lib/geo is pure TypeScript: it imports nothing from the app, Svelte or the map.'
						}
					]
				}
			]
		}
	},
	{
		files: ['src/lib/panels/**', 'src/lib/state/**'],
		rules: {
			'no-restricted-imports': [
				'error',
				{
					patterns: [
						{
							group: [
								'maplibre-gl',
								'maplibre-gl/*',
								'$lib/map/MapView.svelte',
								'$lib/map/context.svelte'
							],
							message: 'Panels and state never reach the map: the map follows state.'
						}
					]
				}
			]
		}
	},
	{
		// Print reads the live map, only through the page's MapContext (it builds its own hidden
		// map for the snapshot with maplibre-gl itself).
		files: ['src/lib/print/**'],
		rules: {
			'no-restricted-imports': [
				'error',
				{
					patterns: [
						{
							group: ['$lib/map/MapView.svelte'],
							message: 'Print reaches the live map only through getMapContext().'
						}
					]
				}
			]
		}
	},
	{
		files: ['**/*.svelte', '**/*.svelte.ts', '**/*.svelte.js'],
		languageOptions: {
			parserOptions: {
				projectService: true,
				extraFileExtensions: ['.svelte'],
				parser: ts.parser,
				svelteConfig
			}
		}
	}
);
