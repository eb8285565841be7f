// Without WebGL the map explains itself and the panels keep working.
import { chromiumArgs } from '../../playwright.config';
import { expect, test } from './fixtures';

test.use({
	launchOptions: {
		executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
		args: [...chromiumArgs, '--disable-webgl', '--disable-3d-apis']
	}
});

test('the map says why it cannot draw and the panels still work', async ({ page }) => {
	await page.goto('/');
	await expect(page.locator('[data-map-state]')).toHaveAttribute('data-map-state', 'error');
	await expect(page.getByRole('alert')).toContainText(/WebGL/);
	await page.getByRole('button', { name: /Gunmen kill Pakistani labourers/ }).click();
	await expect(page.getByRole('region', { name: /Gunmen kill Pakistani labourers/ })).toBeVisible();
});
