// The scenario's region box and the warning for imports that fall far outside it.
import { describe, expect, it } from 'vitest';
import { regionBox, regionWarning } from '../../src/lib/geo/region';

describe('regionBox', () => {
	it('is the box of the positions widened by the margin, within the globe', () => {
		expect(
			regionBox(
				[
					[60, 25],
					[64, 30]
				],
				10
			)
		).toEqual([50, 15, 74, 40]);
		expect(regionBox([[175, 85]], 10)).toEqual([165, 75, 180, 90]);
		expect(regionBox([], 10)).toEqual([-180, -90, 180, 90]);
	});
});

describe('regionWarning', () => {
	const region = regionBox(
		[
			[60, 25],
			[64, 30]
		],
		10
	);

	it('is silent while at least half the points are inside', () => {
		expect(
			regionWarning(
				[
					[62, 27],
					[25, 61]
				],
				region
			)
		).toBeNull();
		expect(regionWarning([], region)).toBeNull();
	});

	it('suggests a swap when the swapped points would be inside', () => {
		expect(
			regionWarning(
				[
					[27.37, 62.33],
					[26.97, 64.09],
					[62, 27]
				],
				region
			)
		).toMatch(
			/^2 of 3 points lie far outside .*with latitude and longitude swapped, 2 of them would lie inside it/
		);
	});

	it('asks whether the file belongs here when a swap would not help (Brazil)', () => {
		expect(
			regionWarning(
				[
					[-47.9, -15.8],
					[-43.2, -22.9]
				],
				region
			)
		).toMatch(/^2 of 2 points lie far outside .*Check that the file belongs to this scenario\.$/);
	});
});
