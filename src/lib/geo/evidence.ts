// How the evidence of an event reads: claimants, credits, figures (pure, no DOM).
import type { Claim, Claimant, FigureRange, Source } from './schema';

/** "Ahmad Vahidi, Interior Minister of Iran", or the office alone when the person is unnamed. */
export function claimantText(c: Claimant): string {
	return c.person ? `${c.person}, ${c.office}` : c.office;
}

/**
 * Who a publication's story is credited to: a wire story to its agency, carried by the outlet
 * ("Xinhua, carried by Shanghai Daily"); an outlet's own story to the outlet.
 */
export function creditText(s: Source): string {
	return s.agency ? `${s.agency}, carried by ${s.publisher}` : s.publisher;
}

/** A figure as given: "9", "6–8", "at least 100", "up to 12", "9 (7–10)". */
export function figureText(r: FigureRange): string {
	const { low, best, high } = r;
	const range = low !== null && high !== null ? `${low}–${high}` : null;
	if (best !== null) return range ? `${best} (${range})` : String(best);
	if (range) return range;
	return low !== null ? `at least ${low}` : `up to ${high}`;
}

/** A claim's casualty figures in words, or null when it gives none. */
export function casualtyText(c: Pick<Claim, 'killed' | 'injured'>): string | null {
	const parts = [
		c.killed ? `${figureText(c.killed)} killed` : null,
		c.injured ? `${figureText(c.injured)} injured` : null
	].filter((x) => x !== null);
	return parts.length ? parts.join(', ') : null;
}

/** The sources a claim cites, in the event's order. */
export function claimSources(
	claim: { readonly sourceIds: readonly string[] },
	sources: readonly Source[]
): Source[] {
	return sources.filter((s) => s.id !== undefined && claim.sourceIds.includes(s.id));
}

/** One line per claim for text exports and prints: claimant, stance, figures, statement, credits. */
export function claimLine(claim: Claim, sources: readonly Source[]): string {
	const figures = casualtyText(claim);
	const stance = claim.stance === 'claims' ? '' : ` (${claim.stance})`;
	const credits = claimSources(claim, sources).map(creditText).join('; ');
	return `${claimantText(claim.claimant)}${stance}: ${figures ? `${figures}. ` : ''}${claim.statement} [${credits}]`;
}

/** A source in one line: credit, title, date, link or why there is none, archived copy. */
export function sourceLine(s: Source): string {
	const parts = [
		`${creditText(s)}: “${s.title}”`,
		s.date ?? (s.accessed ? `accessed ${s.accessed}` : null),
		s.url ?? `no link: ${s.noUrlReason}`,
		s.archiveUrl ? `archived ${s.archiveUrl}` : null
	];
	return parts.filter((x) => x !== null).join(', ');
}

/** The heading of each claim topic, as the panels and prints group claims. */
export const claimTopicHeadings: Record<Claim['topic'], string> = {
	casualties: 'Casualty claims',
	target: 'Claims about the target',
	time: 'Claims about the time',
	place: 'Claims about the place',
	responsibility: 'Claims of responsibility',
	weapons: 'Claims about the weapons',
	other: 'Other claims'
};
