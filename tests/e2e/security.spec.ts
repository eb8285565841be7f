// Security: an XSS corpus (tests/fixtures/xss) in imported files, file names, permalinks and the
// app's own geodata must stay text; non-http(s) source links refuse their file; and the Content
// Security Policy is in the page and enforced.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page, Route } from '@playwright/test';
import { quoteUser } from '../../src/lib/format';
import { clickImported, expect, iso, openMap, test } from './fixtures';

declare global {
	interface Window {
		/** The canary: every payload sets it if it ever runs. */
		__xss?: boolean;
	}
}

const corpus = JSON.parse(
	readFileSync(fileURLToPath(new URL('../fixtures/xss/payloads.json', import.meta.url)), 'utf8')
) as { payload: string; why: string }[];
const payloads = corpus.map((c) => c.payload);
/** The i-th payload, cycling, so that every field gets a different one. */
const nth = (i: number) => payloads[i % payloads.length]!;

const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const dataPanel = (page: Page) => page.getByRole('region', { name: 'Your data' });
const fileInput = (page: Page) => page.getByLabel('Import a GeoJSON, CSV, KML or FlatGeobuf file');

/**
 * Nothing ran and nothing was parsed as markup: the canary is unset, no element carries an
 * inline event handler, no link, frame or form points to a script or data URL, no script holds
 * a payload, and no element that only a payload could have made exists.
 */
async function expectNoInjection(page: Page) {
	const found = await page.evaluate(() => {
		const all = [...document.querySelectorAll('*')];
		const urlAttributes = ['href', 'src', 'action', 'formaction', 'data', 'xlink:href'];
		return {
			canary: window.__xss,
			handlers: all.flatMap((el) =>
				[...el.attributes]
					.filter((a) => /^on/i.test(a.name))
					.map((a) => `<${el.localName} ${a.name}>`)
			),
			scriptUrls: all.flatMap((el) =>
				urlAttributes
					.map((name) => el.getAttribute(name))
					.filter(
						(value): value is string => !!value && /^\s*(javascript|data|vbscript):/i.test(value)
					)
					.map((value) => `<${el.localName}> ${value}`)
			),
			scripts: [...document.scripts].filter((s) => s.text.includes('__xss')).length,
			// (MapLibre's attribution control and the scenario switcher are the page's own <details>.)
			elements: document.querySelectorAll(
				'img[src="x"], iframe, object, embed, details:not(.maplibregl-ctrl-attrib):not(.switcher), math, mglyph, animate, svg[onload], textarea, base'
			).length
		};
	});
	expect(found).toEqual({ canary: false, handlers: [], scriptUrls: [], scripts: 0, elements: 0 });
	await expect(page.locator('a[href^="javascript:" i]')).toHaveCount(0);
}

test.describe('XSS corpus', () => {
	// The policy would block most payloads on its own: bypass it, so that these tests show the
	// app's escaping alone keeps them inert (the policy has its own tests below).
	test.use({ bypassCSP: true });

	test.beforeEach(async ({ page }) => {
		await page.addInitScript(() => (window.__xss = false));
	});

	test('the canary is live: a payload parsed as HTML trips it', async ({ page }) => {
		// "x" is not an image (so onerror fires) but exists (so no 404 is logged).
		await page.route(/\/x$/, (route) => route.fulfill({ contentType: 'text/plain', body: '' }));
		await page.goto('/');
		await page.evaluate((html) => {
			const probe = document.createElement('div');
			probe.innerHTML = html;
			document.body.append(probe);
		}, payloads.join(''));
		await expect.poll(() => page.evaluate(() => window.__xss)).toBe(true);
	});

	test('names, property values and keys in imported GeoJSON and CSV stay text', async ({
		page
	}) => {
		await openMap(page);
		// A grid of points in an empty part of the map, so that a click finds each one.
		const at = (k: number, lon: number, lat: number): [number, number] => [
			lon + 0.3 * (k % 4),
			lat + 0.3 * Math.floor(k / 4)
		];
		const geojson = {
			type: 'FeatureCollection',
			features: payloads.map((p, k) => ({
				type: 'Feature',
				geometry: { type: 'Point', coordinates: at(k, 59.6, 27.5) },
				// Every other name comes from "title": the app falls back to it.
				properties: {
					[k % 2 ? 'title' : 'name']: p,
					description: nth(k + 1),
					[nth(k + 2)]: 'a payload as the key',
					link: nth(k + 3)
				}
			}))
		};
		const quote = (field: string) => `"${field.replace(/"/g, '""')}"`;
		const header = ['name', 'latitude', 'longitude', 'note', nth(4)];
		const csv = [
			header.map(quote).join(','),
			...payloads.map((p, k) => {
				const [lon, lat] = at(k, 63.2, 28.0);
				return [p, String(lat), String(lon), nth(k + 5), nth(k + 6)].map(quote).join(',');
			})
		].join('\r\n');
		await fileInput(page).setInputFiles([
			{
				name: 'xss.geojson',
				mimeType: 'application/geo+json',
				buffer: Buffer.from(JSON.stringify(geojson))
			},
			{ name: 'xss.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) }
		]);
		await expect(dataPanel(page).getByRole('status')).toHaveText(
			`Imported ${payloads.length} points from ${iso('xss.csv')}.`
		);
		await expect(dataPanel(page).getByRole('listitem')).toHaveText([
			new RegExp(`^xss\\.geojson: ${payloads.length} points`),
			new RegExp(`^xss\\.csv: ${payloads.length} points`)
		]);

		for (const [file, lon, lat] of [
			['xss.geojson', 59.6, 27.5],
			['xss.csv', 63.2, 28.0]
		] as const) {
			for (const [k, p] of payloads.entries()) {
				await test.step(`${file}, point ${k}`, async () => {
					await clickImported(page, at(k, lon, lat));
					const details = page.getByRole('region', { name: p, exact: true });
					await expect(details.getByRole('heading', { name: p, exact: true })).toBeVisible();
					const origin = file === 'xss.geojson' ? 'feature' : 'row';
					await expect(details.getByText(`${file}, ${origin} `)).toBeVisible();
					const shown =
						file === 'xss.geojson'
							? [nth(k + 1), nth(k + 2), nth(k + 3)]
							: [nth(4), nth(k + 5), nth(k + 6)];
					for (const text of shown)
						await expect(details.getByText(text, { exact: true }).first()).toBeVisible();
				});
			}
		}
		await expectNoInjection(page);
	});

	test('file names stay text, for imported and refused files alike', async ({ page }) => {
		await openMap(page);
		const point = JSON.stringify({
			type: 'Feature',
			geometry: { type: 'Point', coordinates: [60, 28] },
			properties: {}
		});
		const status = dataPanel(page).getByRole('status');
		const alert = dataPanel(page).getByRole('alert');
		for (const [k, p] of payloads.entries()) {
			await test.step(`payload ${k}`, async () => {
				const good = `${p}.geojson`;
				await fileInput(page).setInputFiles({
					name: good,
					mimeType: 'application/geo+json',
					buffer: Buffer.from(point)
				});
				await expect(status).toHaveText(`Imported 1 point from ${iso(good)}.`);
				await expect(dataPanel(page).getByRole('listitem')).toHaveText([`${good}: 1 point Remove`]);
				await dataPanel(page)
					.getByRole('button', { name: `Remove ${good}`, exact: true })
					.click();
				await expect(status).toHaveText(`Removed ${iso(good)}.`);
				// An unsupported extension is quoted back in the message.
				const bad = `sites.${p}`;
				await fileInput(page).setInputFiles({
					name: bad,
					mimeType: 'text/plain',
					buffer: Buffer.from('name,lat,lon\nA,27,62\n')
				});
				await expect(alert).toHaveText(new RegExp(`^${escapeRegex(iso(bad))}`));
				expect(await alert.textContent()).toMatch(/ was not imported: Unsupported file type/);
			});
		}
		await expectNoInjection(page);
	});

	test('permalink parameters stay text in the notices', async ({ page }) => {
		const params = ['sel', 'side', 'hide', 'bands', 'radius', 'loc', 'view', 'from'] as const;
		/** How each notice names its parameter (sel and hide are checked word for word). */
		const labels: Partial<Record<(typeof params)[number], string>> = {
			side: 'buffer side',
			bands: 'buffer distances',
			radius: 'event radius',
			loc: 'location mode',
			view: 'map view',
			from: 'date window'
		};
		for (const k of payloads.keys()) {
			await test.step(`payload ${k}`, async () => {
				// Each parameter gets a different payload; over the loop, each gets every one.
				const value = (i: number) => nth(k + i);
				const query = new URLSearchParams(
					params.map((name, i) => [name, name === 'sel' ? `events:${value(i)}` : value(i)])
				);
				await page.goto(`/?${query}`);
				const notices = page.getByRole('status').filter({ hasText: /Ignored/ });
				await expect(notices.getByRole('listitem')).toHaveCount(params.length);
				await expect(
					notices.getByText(`Ignored the link's selection ${quoteUser(value(0))}: no such event.`, {
						exact: true
					})
				).toBeVisible();
				const unknown = value(2).split(',').filter(Boolean);
				const unknownLayers =
					unknown
						.slice(0, 5)
						.map((id) => quoteUser(id, 30))
						.join(', ') + (unknown.length > 5 ? ` and ${unknown.length - 5} more` : '');
				await expect(
					notices.getByText(`Ignored unknown layers in the link: ${unknownLayers}.`, {
						exact: true
					})
				).toBeVisible();
				const texts = await notices.getByRole('listitem').allTextContents();
				for (const [i, name] of params.entries()) {
					const label = labels[name];
					if (label)
						expect(
							texts.some((t) => t.startsWith(`Ignored the link's ${label} ${quoteUser(value(i))}`))
						).toBe(true);
				}
				await expectNoInjection(page);
			});
		}
	});

	type EventProps = Record<string, unknown> & {
		id: string;
		actor2: string | null;
		claims: { statement: string }[];
		sources: {
			publisher: string;
			agency: string | null;
			title: string;
			url: string | null;
			noUrlReason: string | null;
		}[];
	};
	type Collection = { features: { geometry: unknown; properties: EventProps }[] };

	/** Serves a geodata file changed by `edit`, from the app's own copy. */
	async function serveEdited(page: Page, file: string, edit: (data: Collection) => void) {
		await page.route(new RegExp(`/${file}\\.[^/]*\\.geojson$`), async (route: Route) => {
			const response = await route.fetch();
			const data = (await response.json()) as Collection;
			edit(data);
			await route.fulfill({ response, json: data });
		});
	}

	const eventFields = ['title', 'actor1', 'claimedTarget', 'placeReported', 'timeNote'];

	test('payloads in the served event data stay text in the list and the details', async ({
		page
	}) => {
		await serveEdited(page, 'events', (data) => {
			data.features
				.filter((f) => f.geometry !== null)
				.forEach(({ properties }, e) => {
					eventFields.forEach((field, f) => (properties[field] = nth(e * eventFields.length + f)));
					properties.actor2 = null; // so actor1 stands alone in its row
					properties.claims[0]!.statement = nth(e + 11);
					properties.sources[0]!.publisher = nth(e + 3);
					properties.sources[0]!.agency = null;
					properties.sources[0]!.title = nth(e + 7);
					// One source without a link (shown as text, with why), the others with one.
					properties.sources[0]!.url = e === 2 ? null : `https://example.org/${e}`;
					properties.sources[0]!.noUrlReason = e === 2 ? nth(e + 5) : null;
				});
			// An http(s) link is accepted whatever follows the scheme: it stays an inert href.
			data.features[0]!.properties.sources[0]!.url =
				'https://example.org/"><script>window.__xss=true</script>';
		});
		await openMap(page);
		const mapped = ['rask-2023-12', 'erbil-2024-01-15', 'idlib-2024-01-15'].concat(
			'panjgur-2024-01-16',
			'saravan-2024-01-18',
			'sirkan-2024-01-27'
		);
		for (const [e, id] of mapped.entries()) {
			await test.step(id, async () => {
				const values = eventFields.map((_, f) => nth(e * eventFields.length + f));
				const row = page.locator(`[data-event-id="${id}"]`);
				await expect(row.getByText(values[0]!, { exact: true })).toBeVisible();
				await row.click();
				const details = page.getByRole('region', { name: values[0]!, exact: true });
				await expect(details.getByRole('heading', { name: values[0]!, exact: true })).toBeVisible();
				for (const value of values.slice(1))
					await expect(details.getByText(value, { exact: true }).first()).toBeVisible();
				await expect(details.getByText(nth(e + 11), { exact: true }).first()).toBeVisible();
				const sourceName = `${nth(e + 3)}: “${nth(e + 7)}”`;
				if (e === 2) {
					await expect(details.getByRole('listitem').filter({ hasText: sourceName })).toHaveText(
						new RegExp(
							`^${escapeRegex(sourceName)}(, [0-9-]+)? \\(no link: ${escapeRegex(nth(e + 5))}\\)$`
						)
					);
					return;
				}
				const source = details.getByRole('link', { name: sourceName, exact: true });
				await expect(source).toBeVisible();
				if (e === 0)
					await expect(source).toHaveAttribute(
						'href',
						'https://example.org/"><script>window.__xss=true</script>'
					);
				else await expect(source).toHaveAttribute('href', /^https:\/\//);
			});
		}
		await expectNoInjection(page);
	});

	const refusedLinks: [
		file: string,
		link: string,
		edit: (data: Collection, link: string) => void
	][] = [
		[
			'events',
			'javascript:window.__xss=true',
			(d, l) => (d.features[3]!.properties.sources[0]!.url = l)
		],
		[
			'events',
			'data:text/html,<script>window.__xss=true</script>',
			(d, l) => (d.features[0]!.properties.sources[0]!.url = l)
		],
		[
			'events',
			'JAVASCRIPT:window.__xss=true',
			(d, l) => (d.features[4]!.properties.sources[0]!.url = l)
		],
		['towns', 'javascript:window.__xss=true', (d, l) => (d.features[0]!.properties.sourceUrl = l)]
	];

	for (const [file, link, edit] of refusedLinks)
		test(`${file}.geojson with a ${link.slice(0, 11)}… source link is refused, by name`, async ({
			page
		}) => {
			await serveEdited(page, file, (data) => {
				edit(data, link);
				// Its title carries a payload too: a refused file shows none of its text.
				(data.features[0]!.properties as Record<string, unknown>).title = nth(0);
			});
			await openMap(page);
			const alert = page
				.getByRole('alert')
				.filter({ hasText: 'Some map data could not be loaded' });
			await expect(alert.getByRole('listitem')).toHaveCount(1);
			await expect(alert.getByRole('listitem')).toContainText(`${file}.geojson`);
			await expect(alert.getByRole('listitem')).toContainText(
				/Source links must be http\(s\) URLs/
			);
			expect(await page.getByText(link).count()).toBe(0);
			await expectNoInjection(page);
		});
});

test.describe('Content Security Policy', () => {
	/** The policy of the built page, directive → sources. */
	async function builtPolicy(page: Page): Promise<Map<string, string[]>> {
		const html = await (await page.request.get('/')).text();
		const meta = /<meta http-equiv="content-security-policy" content="([^"]+)">/.exec(html);
		expect(meta, 'the page carries its policy in a <meta> tag').not.toBeNull();
		return new Map(
			meta![1]!
				.replace(/&#39;/g, "'")
				.split(';')
				.map((d) => d.trim().split(/\s+/))
				.map(([name, ...sources]) => [name!, sources])
		);
	}

	test('is same-origin only: no eval, no inline script but SvelteKit’s hashed one', async ({
		page
	}) => {
		const policy = await builtPolicy(page);
		expect([...policy.keys()].sort()).toEqual(
			[
				'base-uri',
				'connect-src',
				'default-src',
				'font-src',
				'form-action',
				'img-src',
				'object-src',
				'script-src',
				'style-src',
				'style-src-attr',
				'worker-src'
			].sort()
		);
		expect(policy.get('default-src')).toEqual(["'self'"]);
		expect(policy.get('object-src')).toEqual(["'none'"]);
		expect(policy.get('form-action')).toEqual(["'none'"]);
		expect(policy.get('base-uri')).toEqual(["'self'"]);
		expect(policy.get('connect-src')).toEqual(["'self'"]);
		expect(policy.get('script-src')![0]).toBe("'self'");
		expect(policy.get('script-src')!.slice(1).length).toBeGreaterThan(0);
		for (const source of policy.get('script-src')!.slice(1))
			expect(source).toMatch(/^'sha256-[A-Za-z0-9+/]+=*'$/);
		for (const [directive, sources] of policy)
			for (const source of sources) {
				// Only keywords, hashes and the data:/blob: schemes: no host, no other scheme.
				expect(source, directive).toMatch(/^('[a-z-]+'|'sha256-[A-Za-z0-9+/]+=*'|data:|blob:)$/);
				expect(source, directive).not.toMatch(/unsafe-eval|unsafe-inline|wasm-unsafe-eval/);
			}
	});

	test('is enforced: code from strings, injected handlers and scripts do not run', async ({
		page,
		inPageProblems,
		pageErrors
	}) => {
		await openMap(page);
		// (page.evaluate itself is exempt from the policy, like the devtools console: a string
		// handed to setTimeout is the page's own eval.)
		const canary = await page.evaluate(async () => {
			window.__xss = false;
			setTimeout('window.__xss = true' as unknown as () => void, 0);
			const probe = document.createElement('div');
			probe.innerHTML = '<img src="data:," onerror="window.__xss = true">';
			const script = document.createElement('script');
			script.textContent = 'window.__xss = true';
			probe.append(script);
			document.body.append(probe);
			await new Promise((resolve) => setTimeout(resolve, 500));
			probe.remove();
			return window.__xss;
		});
		expect(canary).toBe(false);
		// Each attempt was reported as a violation (and logged as a console error). They were
		// expected here, so they are taken out of what the automatic fixtures check.
		const expected = [
			/^CSP script-src blocked eval/,
			/^CSP script-src-attr blocked inline/,
			/^CSP script-src-elem blocked inline/
		];
		await expect
			.poll(() => expected.filter((e) => inPageProblems.some((p) => e.test(p))).length)
			.toBe(expected.length);
		expect(inPageProblems.filter((p) => !expected.some((e) => e.test(p)))).toEqual([]);
		inPageProblems.length = 0;
		await page.evaluate(() => (window.__cspViolations = []));
		const logged = (e: string) =>
			/violates the following Content Security Policy directive/.test(e);
		await expect.poll(() => pageErrors.filter(logged).length).toBe(expected.length);
		pageErrors.splice(0, pageErrors.length, ...pageErrors.filter((e) => !logged(e)));
	});
});
