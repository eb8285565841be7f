// Keyboard navigation for lists of row buttons: arrow keys and Home/End move focus between rows.
export function moveFocusInList(event: KeyboardEvent, list: HTMLElement): void {
	const keys = ['ArrowDown', 'ArrowUp', 'Home', 'End'];
	if (!keys.includes(event.key)) return;
	const rows = [...list.querySelectorAll<HTMLElement>('[data-row]')];
	if (rows.length === 0) return;
	const at = rows.indexOf(document.activeElement as HTMLElement);
	const next =
		event.key === 'Home'
			? 0
			: event.key === 'End'
				? rows.length - 1
				: event.key === 'ArrowDown'
					? Math.min(rows.length - 1, at + 1)
					: Math.max(0, at - 1);
	event.preventDefault();
	rows[next]!.focus();
}
