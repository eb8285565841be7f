// Snapshot file names and the PNG resolution stamp.
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { slug, snapshotFileName } from '../../src/lib/print/filename';
import { crc32, readPngDpi, readPngText, withPngMetadata } from '../../src/lib/print/png-meta';

describe('snapshotFileName', () => {
	it('says scenario, selection, paper and dpi', () => {
		expect(
			snapshotFileName({
				scenarioId: 'iran-pakistan-2024',
				selectionId: 'panjgur-2024-01-16',
				paper: 'a4',
				orientation: 'landscape',
				dpi: 150,
				format: 'png'
			})
		).toBe('borderline_iran-pakistan-2024_panjgur-2024-01-16_a4-landscape_150dpi.png');
	});

	it('leaves out an absent selection and sizes the screen paper', () => {
		expect(
			snapshotFileName({
				scenarioId: 'iran-pakistan-2024',
				selectionId: null,
				paper: 'screen',
				orientation: 'portrait',
				screenPx: { widthPx: 1280, heightPx: 752 },
				dpi: 96,
				format: 'pdf'
			})
		).toBe('borderline_iran-pakistan-2024_screen-1280x752_96dpi.pdf');
	});

	it('slugs ids into lower-case ASCII', () => {
		expect(slug('Sarāvān / Sistan and Baluchestan')).toBe('saravan-sistan-and-baluchestan');
		expect(slug('PK-BA')).toBe('pk-ba');
	});
});

describe('PNG metadata', () => {
	const png = PNG.sync.write(new PNG({ width: 3, height: 2 }));

	it('computes PNG chunk CRCs', () => {
		expect(crc32(new TextEncoder().encode('IEND'))).toBe(0xae426082);
	});

	it('adds pHYs and iTXt chunks that decoders accept', () => {
		expect(readPngDpi(png)).toBeNull();
		const text = { Title: 'Iran–Pakistan strikes, Sarāvān', Description: 'scale 1:4,070,000' };
		const stamped = withPngMetadata(png, { dpi: 150, text });
		expect(readPngDpi(stamped)).toBe(150);
		expect(readPngText(stamped)).toEqual(text);
		// pngjs checks every chunk's CRC while decoding.
		const decoded = PNG.sync.read(Buffer.from(stamped));
		expect([decoded.width, decoded.height]).toEqual([3, 2]);
		// Stamping again replaces the resolution instead of adding a second one.
		const twice = withPngMetadata(stamped, { dpi: 300 });
		expect(twice.length).toBe(stamped.length);
		expect(readPngDpi(twice)).toBe(300);
	});
});
