// The bench's web server: the built app and the bench's own pages, served the same plain way (no
// compression on the fly, as a static host serving prebuilt files), so no page pays for work
// the server does for it and not for the others.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import type { AddressInfo } from 'node:net';

const TYPES: Record<string, string> = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript',
	'.mjs': 'text/javascript',
	'.css': 'text/css',
	'.json': 'application/json',
	'.geojson': 'application/geo+json',
	'.woff': 'font/woff',
	'.woff2': 'font/woff2',
	'.svg': 'image/svg+xml',
	'.png': 'image/png',
	'.txt': 'text/plain',
	'.pmtiles': 'application/vnd.pmtiles'
};

export type BenchServer = {
	base: string;
	/** Extra files by URL path (the bench's pages, MapLibre's own build), served as given. */
	files: Map<string, string | Buffer>;
	close(): Promise<void>;
};

/** Serves `root` (the built app) and `files` on a free local port. */
export async function startBenchServer(root: string): Promise<BenchServer> {
	const files = new Map<string, string | Buffer>();
	const server = createServer(async (request, response) => {
		let path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
		if (path.endsWith('/')) path += 'index.html';
		const type = TYPES[extname(path)] ?? 'application/octet-stream';
		const extra = files.get(path);
		const file = normalize(join(root, path));
		try {
			if (extra === undefined && !file.startsWith(normalize(root) + sep)) throw new Error();
			const body = extra ?? (await readFile(file));
			const headers = {
				'content-type': type,
				'accept-ranges': 'bytes',
				// Hashed files are immutable, as a static host would say; the rest revalidates.
				'cache-control': path.includes('/immutable/')
					? 'public, max-age=31536000, immutable'
					: 'no-cache'
			};
			// One byte range (what the pmtiles protocol asks for a served layer), as static hosts
			// and object stores answer it: 206 with that slice, or 416 past the end.
			const range = /^bytes=(\d+)-(\d*)$/.exec(request.headers.range ?? '');
			if (range) {
				const bytes = typeof body === 'string' ? Buffer.from(body) : body;
				const size = bytes.length;
				const start = Number(range[1]);
				const end = Math.min(range[2] ? Number(range[2]) : size - 1, size - 1);
				if (start >= size || end < start) {
					response.writeHead(416, { 'content-range': `bytes */${size}` });
					return void response.end();
				}
				response.writeHead(206, {
					...headers,
					'content-range': `bytes ${start}-${end}/${size}`,
					'content-length': end - start + 1
				});
				return void response.end(bytes.subarray(start, end + 1));
			}
			response.writeHead(200, headers);
			response.end(body);
		} catch {
			response.writeHead(404, { 'content-type': 'text/plain' });
			response.end('not found');
		}
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		base: `http://127.0.0.1:${port}`,
		files,
		close: () => new Promise<void>((resolve) => server.close(() => resolve()))
	};
}
