// Event symbols: one distinct shape per actor of the pack, drawn in the actor's colour.
import { describe, expect, it } from 'vitest';
import { shapeIcon, styleImages, TOWN_ICON } from '../../src/lib/map/icons';
import { palette } from '../../src/lib/map/palette';
import { readScenarioMeta } from './helpers';

const { actors } = readScenarioMeta();

const pixel = (icon: ReturnType<typeof shapeIcon>, x: number, y: number) => {
	const { width, data } = icon.image;
	const i = (y * width + x) * 4;
	return [data[i], data[i + 1], data[i + 2], data[i + 3]];
};

describe('event icons', () => {
	it('gives every actor of the default pack a different shape', () => {
		const shapes = actors.map((a) => a.shape);
		expect(new Set(shapes).size).toBe(shapes.length);
	});

	it('fills the centre with the fill colour and leaves corners clear where the shape is not', () => {
		const icon = shapeIcon('diamond', '#1f5fa8', '#ffffff', 18, 2);
		expect(icon.image.width).toBe(36);
		expect(pixel(icon, 18, 18)).toEqual([0x1f, 0x5f, 0xa8, 255]);
		expect(pixel(icon, 1, 1)[3]).toBe(0);
		const square = shapeIcon('square', '#1b8a4b', '#ffffff', 18, 2);
		expect(pixel(square, 5, 5)[3]).toBe(255);
	});

	it('tells shapes apart by their corners: a circle is clear where a square is filled', () => {
		const circle = shapeIcon('circle', '#000000', '#000000', 18, 1);
		const square = shapeIcon('square', '#000000', '#000000', 18, 1);
		expect(pixel(circle, 2, 2)[3]).toBeLessThan(128);
		expect(pixel(square, 2, 2)[3]).toBe(255);
	});

	it('registers one image per attacker with its colour at the centre, and the town dot', () => {
		const images = styleImages(actors, 1);
		expect(images.map((img) => img.id)).toEqual([...actors.map((a) => `event-${a.id}`), TOWN_ICON]);
		for (const img of images) {
			const c = Math.floor(img.image.width / 2);
			const hex =
				img.id === TOWN_ICON
					? palette.town
					: actors.find((a) => `event-${a.id}` === img.id)!.colour;
			const i = (c * img.image.width + c) * 4;
			expect([...img.image.data.slice(i, i + 3)]).toEqual(
				[1, 3, 5].map((k) => parseInt(hex.slice(k, k + 2), 16))
			);
		}
	});
});
