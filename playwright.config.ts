// Playwright: end-to-end tests in Debian's Chromium (WebGL on SwiftShader) against the built app.
import { defineConfig } from '@playwright/test';

/**
 * Chromium features switched off. A later `--disable-features` replaces Playwright's own list
 * rather than adding to it, so Playwright's list (playwright-core's chromiumSwitches) is repeated
 * here, then ours: full Chromium in headless mode still builds its toolbar's web UI, and preloads
 * the omnibox popup's page in a renderer of its own for each new window; on a two-core machine
 * that renderer takes a whole core from the page under test, in one run of two.
 */
export const disabledFeatures = [
	// Playwright's (tests/unit/chromium-flags.test.ts fails when its list gains one not here)
	'AvoidUnnecessaryBeforeUnloadCheckSync',
	'DestroyProfileOnBrowserClose',
	'HttpsUpgrades',
	'HttpsFirstBalancedModeAutoEnable',
	'LensOverlay',
	'MediaRouter',
	'PaintHolding',
	'ThirdPartyStoragePartitioning',
	'AvoidCorsURLLoaderRestartOnRedirect',
	'TcpPortRandomizationWin',
	'OptimizationHints',
	'NetworkTimeServiceQuerying',
	'AimEnabled',
	'PreconnectToSearch',
	'msForceBrowserSignIn',
	'msEdgeUpdateLaunchServicesPreferredVersion',
	// ours: no preloaded toolbar web UI
	'PreloadTopChromeWebUI',
	'WebUIOmniboxPopup',
	'WebUIOmniboxFullPopup',
	'WebUIOmniboxAimPopup'
];

export const chromiumArgs = [
	'--no-sandbox',
	`--disable-features=${disabledFeatures.join(',')}`,
	'--disable-gpu',
	'--use-angle=swiftshader',
	'--enable-unsafe-swiftshader',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync'
];

const port = 4173;

export default defineConfig({
	testDir: 'tests/e2e',
	timeout: 60_000,
	expect: { timeout: 20_000 },
	fullyParallel: false,
	workers: 1,
	retries: 0,
	reporter: [['list']],
	use: {
		baseURL: `http://127.0.0.1:${port}`,
		viewport: { width: 1280, height: 800 },
		launchOptions: {
			executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
			args: chromiumArgs
		}
	},
	webServer: {
		command: `npx vite preview --host 127.0.0.1 --port ${port} --strictPort`,
		url: `http://127.0.0.1:${port}`,
		reuseExistingServer: !process.env.CI,
		timeout: 60_000
	}
});
