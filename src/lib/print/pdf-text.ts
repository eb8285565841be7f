// Text for the PDF's built-in Helvetica, which covers only WinAnsiEncoding: other characters are
// transliterated (Sarāvān → Saravan, ≈ → ~) so the text stays correct, searchable and copyable.

/** The non-Latin-1 characters WinAnsiEncoding has in its 0x80–0x9F block. */
const WIN_ANSI_EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');

const REPLACEMENTS: Record<string, string> = {
	'≈': '~',
	'−': '-',
	'‐': '-',
	'‑': '-',
	'→': '->',
	'←': '<-',
	'≤': '<=',
	'≥': '>=',
	ʻ: "'",
	ʼ: "'",
	'′': "'",
	'″': '"',
	'\u00a0': ' ',
	'\u2009': ' ',
	'\u202f': ' ',
	ı: 'i',
	ł: 'l',
	Ł: 'L',
	đ: 'd',
	Đ: 'D'
};

function isWinAnsi(char: string): boolean {
	const code = char.codePointAt(0)!;
	return (
		(code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || WIN_ANSI_EXTRA.has(char)
	);
}

/** One character as WinAnsiEncoding can carry it, or null when it has no stand-in. */
function winAnsiChar(char: string): string | null {
	if (isWinAnsi(char)) return char;
	if (char in REPLACEMENTS) return REPLACEMENTS[char]!;
	const base = char.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
	return base && [...base].every(isWinAnsi) ? base : null;
}

/**
 * The text with every character outside WinAnsiEncoding replaced by its nearest ASCII spelling:
 * letters lose the accents Latin-1 lacks (ā → a, keeping é), a few symbols get ASCII stand-ins,
 * and anything else becomes "?".
 */
export function toWinAnsi(text: string): string {
	let out = '';
	for (const char of text.normalize('NFC')) out += winAnsiChar(char) ?? '?';
	return out;
}

/**
 * The distinct characters of a text that the PDF can only print as "?" (Persian or Urdu letters,
 * emoji, …), in order of appearance: the export dialog warns before they are lost.
 */
export function unprintableInPdf(text: string): string[] {
	const found = new Set<string>();
	for (const char of text.normalize('NFC')) if (winAnsiChar(char) === null) found.add(char);
	return [...found];
}
