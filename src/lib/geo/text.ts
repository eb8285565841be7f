// Text helpers shared by the workers and the page (no DOM).

/**
 * The first `maxChars` UTF-16 units of a text with an ellipsis, or the text itself when it fits.
 * Never splits a surrogate pair, so the cut text stays valid Unicode.
 * @returns the text and how many characters were left out
 * @example cutText('Sarāvān district', 7) // { text: 'Sarāvān…', leftOut: 9 }
 */
export function cutText(text: string, maxChars: number): { text: string; leftOut: number } {
	if (text.length <= maxChars) return { text, leftOut: 0 };
	let cut = maxChars;
	if (/[\uD800-\uDBFF]/.test(text[cut - 1] ?? '')) cut--;
	return { text: `${text.slice(0, cut)}…`, leftOut: text.length - cut };
}
