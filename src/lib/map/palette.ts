// The map's colours, shared by the style, the legend and the tests that read map pixels.
import type { AttackerGroup } from '$lib/geo/schema';

export const palette = {
	sea: '#c6d9e4',
	land: '#ebe7de',
	focusLand: '#f4f1ea',
	province: '#efe8d8',
	provinceInvolved: '#f2d49b',
	provinceHover: '#e4d9bf',
	provinceInvolvedHover: '#eac37a',
	provinceOutline: '#a89a80',
	countryOutline: '#7d7263',
	borderPrimary: '#c62828',
	borderContext: '#5f5f5f',
	town: '#2e2e2e',
	townLabel: '#262626',
	labelHalo: '#ffffff',
	crossing: '#ffd23f',
	crossingOutline: '#1c1c1c',
	selection: '#111111',
	band: '#6a3d9a',
	estimate: '#3b3b3b',
	connector: '#111111',
	eventBuffer: '#00838f',
	imported: '#d81b60'
} as const;

/** One colour per attacker, so strikes read at a glance (shape also differs, for colour-blind users). */
export const attackerColours: Record<AttackerGroup, string> = {
	iran: '#1f5fa8',
	pakistan: '#1b8a4b',
	militant: '#d9730d',
	unknown: '#6d6d6d'
};

export const attackerLabels: Record<AttackerGroup, string> = {
	iran: 'Iran',
	pakistan: 'Pakistan',
	militant: 'Militant group',
	unknown: 'Unidentified'
};
