// The map's colours, shared by the style, the legend and the tests that read map pixels. Actor
// colours belong to each scenario pack (scenario.json "actors").
export const palette = {
	sea: '#c6d9e4',
	land: '#ebe7de',
	focusLand: '#f4f1ea',
	province: '#efe8d8',
	provinceInvolved: '#f2d49b',
	provinceHover: '#e4d9bf',
	provinceInvolvedHover: '#eac37a',
	provinceOutline: '#a89a80',
	/** The two sides of the primary border (scenario.json border.sides, in order): land, and the involved provinces. */
	sideLand: ['#f5e6cc', '#e3ebd5'],
	sideInvolved: ['#eccb8c', '#c2d69f'],
	countryLabel: '#3b3326',
	provinceLabel: '#4a3f2e',
	provinceLabelQuiet: '#8a7e6c',
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
