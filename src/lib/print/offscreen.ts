// Where an off-screen map draws: a hidden box of the print's CSS size, outside the viewport.

/** A hidden element of `cssPx`, added to the page (the caller removes it). */
export function offscreenContainer(cssPx: { widthPx: number; heightPx: number }): HTMLDivElement {
	const container = document.createElement('div');
	container.setAttribute('aria-hidden', 'true');
	Object.assign(container.style, {
		position: 'fixed',
		left: '-100000px',
		top: '0',
		width: `${cssPx.widthPx}px`,
		height: `${cssPx.heightPx}px`,
		visibility: 'hidden',
		pointerEvents: 'none'
	});
	document.body.append(container);
	return container;
}
