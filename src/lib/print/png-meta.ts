// Stamps a PNG with its print resolution (pHYs) and a text description (iTXt: title, scale,
// credits), so layout programs place it at the chosen paper size and the file says what it is.
// Browsers' canvas encoders write neither.

const CRC_TABLE = (() => {
	const table = new Uint32Array(256);
	for (let n = 0; n < 256; n++) {
		let c = n;
		for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
		table[n] = c >>> 0;
	}
	return table;
})();

/** CRC-32 as PNG chunks use it (ISO 3309), over the chunk type and data. */
export function crc32(bytes: Uint8Array): number {
	let c = 0xffffffff;
	for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
	return (c ^ 0xffffffff) >>> 0;
}

const SIGNATURE_LENGTH = 8;

function chunk(type: string, data: Uint8Array): Uint8Array {
	const out = new Uint8Array(12 + data.length);
	const view = new DataView(out.buffer);
	view.setUint32(0, data.length);
	out.set(new TextEncoder().encode(type), 4);
	out.set(data, 8);
	view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
	return out;
}

function physData(dpi: number): Uint8Array {
	const data = new Uint8Array(9);
	const view = new DataView(data.buffer);
	const pixelsPerMetre = Math.round(dpi / 0.0254);
	view.setUint32(0, pixelsPerMetre);
	view.setUint32(4, pixelsPerMetre);
	data[8] = 1; // unit: metre
	return data;
}

/** iTXt: keyword, no compression, no language, UTF-8 text (tEXt would be Latin-1 only). */
function itxtData(keyword: string, text: string): Uint8Array {
	const encoder = new TextEncoder();
	const head = encoder.encode(keyword);
	const body = encoder.encode(text);
	const data = new Uint8Array(head.length + 5 + body.length);
	data.set(head, 0);
	// After the keyword: NUL, compression flag 0, method 0, empty language NUL, empty translation NUL.
	data.set(body, head.length + 5);
	return data;
}

type Chunk = { type: string; bytes: Uint8Array };

function chunks(png: Uint8Array): Chunk[] {
	const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
	const list: Chunk[] = [];
	for (let offset = SIGNATURE_LENGTH; offset + 12 <= png.length;) {
		const end = offset + 12 + view.getUint32(offset);
		const type = String.fromCharCode(...png.subarray(offset + 4, offset + 8));
		list.push({ type, bytes: png.subarray(offset, end) });
		offset = end;
	}
	return list;
}

/**
 * The PNG with a pHYs chunk (its dpi) right after IHDR, replacing any it had, and one iTXt chunk
 * per text entry (PNG's registered keywords: Title, Description, Copyright, Software…).
 */
export function withPngMetadata(
	png: Uint8Array,
	{ dpi, text = {} }: { dpi: number; text?: Record<string, string> }
): Uint8Array {
	const parts: Uint8Array[] = [png.subarray(0, SIGNATURE_LENGTH)];
	for (const { type, bytes } of chunks(png)) {
		if (type === 'pHYs') continue;
		parts.push(bytes);
		if (type === 'IHDR') {
			parts.push(chunk('pHYs', physData(dpi)));
			for (const [keyword, value] of Object.entries(text))
				parts.push(chunk('iTXt', itxtData(keyword, value)));
		}
	}
	const out = new Uint8Array(parts.reduce((n, c) => n + c.length, 0));
	let at = 0;
	for (const c of parts) {
		out.set(c, at);
		at += c.length;
	}
	return out;
}

/** The resolution a PNG's pHYs chunk states, in dpi, or null without one. */
export function readPngDpi(png: Uint8Array): number | null {
	const phys = chunks(png).find((c) => c.type === 'pHYs');
	if (!phys || phys.bytes[16] !== 1) return null;
	return Math.round(new DataView(phys.bytes.buffer, phys.bytes.byteOffset).getUint32(8) * 0.0254);
}

/** The uncompressed iTXt entries of a PNG, by keyword. */
export function readPngText(png: Uint8Array): Record<string, string> {
	const decoder = new TextDecoder();
	const text: Record<string, string> = {};
	for (const { type, bytes } of chunks(png)) {
		if (type !== 'iTXt') continue;
		const data = bytes.subarray(8, bytes.length - 4);
		const keywordEnd = data.indexOf(0);
		if (data[keywordEnd + 1] !== 0) continue; // compressed: not written by us
		const languageEnd = data.indexOf(0, keywordEnd + 3);
		const translatedEnd = data.indexOf(0, languageEnd + 1);
		text[decoder.decode(data.subarray(0, keywordEnd))] = decoder.decode(
			data.subarray(translatedEnd + 1)
		);
	}
	return text;
}
