// The geodata files the app ships: each is a hashed static asset fetched at run time.
import bordersUrl from '$geodata/borders.geojson?url';
import countriesUrl from '$geodata/countries.geojson?url';
import crossingsUrl from '$geodata/crossings.geojson?url';
import eventsUrl from '$geodata/events.geojson?url';
import provincesUrl from '$geodata/provinces.geojson?url';
import townsUrl from '$geodata/towns.geojson?url';
import type { LayerName } from './geo/schema';

export const geodataFiles: Record<LayerName, { file: string; url: string }> = {
	countries: { file: 'countries.geojson', url: countriesUrl },
	borders: { file: 'borders.geojson', url: bordersUrl },
	provinces: { file: 'provinces.geojson', url: provincesUrl },
	towns: { file: 'towns.geojson', url: townsUrl },
	crossings: { file: 'crossings.geojson', url: crossingsUrl },
	events: { file: 'events.geojson', url: eventsUrl }
};
