// Default analysis settings, shared by the app state and the URL codec.
import type { BufferSettings } from '$lib/geo/buffers';

export type LocationMode = 'mapped' | 'estimate';

export const DEFAULT_BUFFER: BufferSettings = { distancesKm: [10, 25, 50], side: 'both' };
export const DEFAULT_EVENT_RADIUS_KM = 50;
