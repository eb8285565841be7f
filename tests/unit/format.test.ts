// Date, time and quantity formatting shown in the inspector and panels.
import { describe, expect, it } from 'vitest';
import {
	formatKm,
	formatKm2,
	formatLocal,
	formatUtc,
	clip,
	formatUtcOffset,
	groupedFixed,
	isolate,
	quoteUser
} from '../../src/lib/format';

describe('time formatting', () => {
	it('formats offsets east and west of UTC', () => {
		expect(formatUtcOffset(210)).toBe('UTC+03:30');
		expect(formatUtcOffset(300)).toBe('UTC+05:00');
		expect(formatUtcOffset(-90)).toBe('UTC−01:30');
	});

	const at = (dateStart: string, dateEnd = dateStart) => ({ dateStart, dateEnd });

	it('shows UTC and local time of an instant, crossing midnight into the next day', () => {
		expect(formatUtc(at('2024-01-18T00:35:00Z'), 210)).toBe('2024-01-18 00:35 UTC');
		expect(formatLocal(at('2024-01-18T00:35:00Z'), 210)).toBe('2024-01-18 04:05 (UTC+03:30)');
	});

	it('shows an interval, on one day or across midnight', () => {
		const saravan = at('2024-01-18T00:30:00Z', '2024-01-18T01:00:00Z');
		expect(formatUtc(saravan, 210)).toBe('2024-01-18 00:30–01:00 UTC');
		expect(formatLocal(saravan, 210)).toBe('2024-01-18 04:00–04:30 (UTC+03:30)');
		const rask = at('2023-12-14T20:30:00Z', '2023-12-14T22:30:00Z');
		expect(formatLocal(rask, 210)).toBe('2023-12-15 00:00–02:00 (UTC+03:30)');
		const night = at('2024-01-26T20:30:00Z', '2024-01-27T08:30:00Z');
		expect(formatLocal(night, 210)).toBe('2024-01-27 00:00–12:00 (UTC+03:30)');
		expect(formatUtc(night, 210)).toBe('2024-01-26 20:30 – 2024-01-27 08:30 UTC');
	});

	it('shows only the date when only the local day is known', () => {
		const day = at('2024-01-28T19:00:00Z', '2024-01-29T18:59:59Z');
		expect(formatUtc(day, 300)).toBe('2024-01-29 (local day)');
		expect(formatLocal(day, 300)).toBe('2024-01-29');
		expect(formatLocal(at('2024-01-27T19:00:00Z', '2024-01-29T18:59:59Z'), 300)).toBe(
			'2024-01-28 – 2024-01-29'
		);
	});
});

describe('quantities carry their units', () => {
	it('formats kilometres and square kilometres', () => {
		expect(formatKm(817.44)).toBe('817.4 km');
		expect(formatKm(100, 0)).toBe('100 km');
		expect(formatKm2(348504.6)).toBe('348,505 km²');
	});
});

describe('groupedFixed', () => {
	it('writes numbers as Intl.NumberFormat does for en-GB', () => {
		let seed = 7;
		const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
		const values = [0.05, 0.15, 0.25, 1.005, 2.675, 1234.5, 999999.95, -1234.56, 0, 12, 1e-7];
		for (let i = 0; i < 5000; i++) values.push((random() - 0.3) * 10 ** Math.floor(random() * 8));
		for (const value of values)
			for (const decimals of [0, 1, 2, 3]) {
				const intl = new Intl.NumberFormat('en-GB', {
					minimumFractionDigits: decimals,
					maximumFractionDigits: decimals
				}).format(value);
				// Intl writes a negative value that rounds to zero as "-0.0"; we leave the sign out.
				expect(groupedFixed(value, decimals), `${value} to ${decimals}`).toBe(
					intl.replace(/^-(?=0(\.0*)?$)/, '')
				);
			}
	});
});

describe("user text in the app's sentences", () => {
	it('clips long text, saying how much was left out, without splitting a surrogate pair', () => {
		expect(clip('short', 10)).toBe('short');
		expect(clip('a'.repeat(10_000_000), 200)).toBe(
			`${'a'.repeat(200)}… (9,999,800 more characters)`
		);
		const emoji = clip('ab🚀cd', 3);
		expect(emoji).toBe('ab… (4 more characters)');
		expect(() => encodeURIComponent(emoji)).not.toThrow();
		expect(clip('abcdef', 3, false)).toBe('abc…');
	});

	it('isolates text so a direction override cannot reverse the sentence around it', () => {
		const spoof = '\u202Eestimate';
		expect(isolate(spoof)).toBe('\u2068\u202Eestimate\u2069');
		// A PDI inside cannot close the isolate early.
		expect(isolate('a\u2069\u202Eb')).toBe('\u2068a\u202Eb\u2069');
		expect(quoteUser(spoof)).toBe('“\u2068\u202Eestimate\u2069”');
		expect(quoteUser('x'.repeat(1_000_000))).toBe(
			`“\u2068${'x'.repeat(60)}… (999,940 more characters)\u2069”`
		);
	});
});
