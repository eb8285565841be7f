// Scenario packs are data: a copy of the default pack's folder under a new slug and title, and a
// rebuild, give a third page at /s/<slug>/ with that title, with no source file changed.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { startBenchServer } from '../../scripts/bench/server';
import { openMap, test as appTest } from './fixtures';

const DEFAULT = 'geodata/scenarios/iran-pakistan-2024';

appTest(
	'the default pack opens at / and at its own URL, listed in the switcher',
	async ({ page }) => {
		for (const path of ['/', '/s/iran-pakistan-2024/']) {
			await openMap(page, path);
			await expect(page).toHaveTitle('Iran–Pakistan strikes, January 2024 · Borderline');
			await expect(page.getByRole('heading', { level: 1 })).toHaveText(
				'Iran–Pakistan strikes, January 2024'
			);
		}
		// A permalink of the pack's own page stays on that page.
		await page.locator('[data-event-id="panjgur-2024-01-16"]').click();
		await expect.poll(() => new URL(page.url()).pathname).toBe('/s/iran-pakistan-2024/');
		await expect
			.poll(() => new URL(page.url()).searchParams.get('sel'))
			.toBe('events:panjgur-2024-01-16');
		await page.getByText(/^Scenarios \(\d+\)$/).click();
		const nav = page.getByRole('navigation', { name: 'Scenarios' });
		await expect(
			nav.getByRole('link', { name: /Iran–Pakistan strikes, January 2024/ })
		).toHaveAttribute('aria-current', 'page');
		await expect(nav.getByRole('link', { name: /2023-12-14 – 2024-01-29/ })).toBeVisible();
	}
);

test('a copied pack folder and a rebuild make a new scenario page, no code changed', async ({
	page
}) => {
	test.setTimeout(300_000);
	const slug = `copied-pack-${process.pid}`;
	const folder = `geodata/scenarios/${slug}`;
	// Inside the project, so the build's own files resolve packages from its node_modules.
	const out = mkdtempSync('.pack-test-');
	cpSync(DEFAULT, folder, { recursive: true });
	try {
		const meta = JSON.parse(readFileSync(`${folder}/scenario.json`, 'utf8'));
		writeFileSync(
			`${folder}/scenario.json`,
			JSON.stringify({ ...meta, slug, title: 'A copied scenario, for the test' }, null, '\t')
		);
		execFileSync('npx', ['vite', 'build', '--logLevel', 'error'], {
			env: { ...process.env, BORDERLINE_BUILD_DIR: out },
			stdio: 'pipe'
		});
	} finally {
		rmSync(folder, { recursive: true, force: true });
	}
	const server = await startBenchServer(join(out, 'site'));
	try {
		await page.goto(`${server.base}/s/${slug}/`);
		await expect(page.locator('[data-map-state]')).toHaveAttribute('data-map-state', 'idle', {
			timeout: 60_000
		});
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(
			'A copied scenario, for the test'
		);
		await expect(page).toHaveTitle('A copied scenario, for the test · Borderline');
		await page.getByText(/^Scenarios \(\d+\)$/).click();
		const nav = page.getByRole('navigation', { name: 'Scenarios' });
		await expect(nav.getByRole('link')).toHaveCount(2);
		// The default pack is still what / opens.
		await nav.getByRole('link', { name: /Iran–Pakistan strikes/ }).click();
		await expect(page).toHaveURL(`${server.base}/s/iran-pakistan-2024/`);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(
			'Iran–Pakistan strikes, January 2024'
		);
		await page.goto(`${server.base}/`);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(
			'Iran–Pakistan strikes, January 2024'
		);
	} finally {
		await server.close();
		rmSync(out, { recursive: true, force: true });
	}
});
