// File sizes as people read them in messages.

/** Bytes as megabytes with one decimal, e.g. "21.0 MB" (1 MB = 1024 × 1024 bytes). */
export function formatMb(bytes: number): string {
	return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
