// File names that say what a snapshot is: scenario, selection, paper and resolution.
import type { Orientation, PaperId, SizePx } from './paper';

export type SnapshotFormat = 'png' | 'pdf';

/** Lower-case ASCII words joined by hyphens ("Sarāvān 2024" → "saravan-2024"). */
export function slug(text: string): string {
	return text
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '');
}

export type FileNameParts = {
	scenarioId: string;
	/** The selected feature's id, if any. */
	selectionId: string | null;
	/** A briefing (overview and a page per event) rather than one view. */
	briefing?: boolean;
	paper: PaperId;
	orientation: Orientation;
	/** Only for `screen`, whose size is not implied by its name: the page in CSS px. */
	screenPx?: SizePx;
	dpi: number;
	format: SnapshotFormat;
};

/**
 * @example snapshotFileName({ scenarioId: 'iran-pakistan-2024', selectionId: 'panjgur-2024-01-16',
 *   paper: 'a4', orientation: 'landscape', dpi: 150, format: 'png' })
 * // 'borderline_iran-pakistan-2024_panjgur-2024-01-16_a4-landscape_150dpi.png'
 */
export function snapshotFileName(parts: FileNameParts): string {
	const paper =
		parts.paper === 'screen'
			? `screen-${parts.screenPx?.widthPx ?? 0}x${parts.screenPx?.heightPx ?? 0}`
			: `${parts.paper}-${parts.orientation}`;
	const words = [
		'borderline',
		slug(parts.scenarioId),
		parts.briefing ? 'briefing' : null,
		parts.selectionId ? slug(parts.selectionId) : null,
		paper,
		`${Math.round(parts.dpi)}dpi`
	].filter((w): w is string => !!w);
	return `${words.join('_')}.${parts.format}`;
}
