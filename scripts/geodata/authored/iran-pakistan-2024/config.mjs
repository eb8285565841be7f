// What the Iran–Pakistan pack covers: read by scripts/geodata/build.mjs (see its PackConfig).
export default {
	window: [34, 12, 76, 42], // reaches west to Erbil and Idlib, whose strikes are in the events
	focus: ['IRN', 'PAK'],
	fullResolution: ['IRN', 'PAK', 'AFG'],
	borders: [
		{ id: 'IRN-PAK', countries: ['Iran', 'Pakistan'], primary: true, expectKm: 817.4 },
		{ id: 'AFG-PAK', countries: ['Afghanistan', 'Pakistan'], primary: false, expectKm: 2244.7 },
		{ id: 'AFG-IRN', countries: ['Afghanistan', 'Iran'], primary: false, expectKm: 867.6 }
	],
	provinceCountries: ['PAK', 'IRN', 'IRQ', 'SYR'],
	involvedKm2: { 'PK-BA': 348505, 'IR-13': 174877 }, // turf.area of the NE polygons
	// prettier-ignore
	towns: {
		PK: {
			Panjgur: [64.1, 27.0], Turbat: [63.0, 26.0], Gwadar: [62.3, 25.1], Quetta: [67.0, 30.2],
			Taftan: [61.6, 28.9], Dalbandin: [64.4, 28.9], 'Nok Kundi': [62.8, 28.8], Mand: [62.0, 26.1],
			Mashkel: [63.1, 28.0], Kharan: [65.4, 28.6], Washuk: [64.8, 27.7], Hoshab: [63.9, 26.0],
			Pasni: [63.5, 25.3], Jiwani: [61.7, 25.0]
		},
		IR: {
			Zahedan: [60.9, 29.5], Saravan: [62.3, 27.4], Chabahar: [60.6, 25.3], Iranshahr: [60.7, 27.2],
			Khash: [61.2, 28.2], Mirjaveh: [61.4, 29.0], Pishin: [61.8, 26.1], Sarbaz: [61.3, 26.6],
			Nikshahr: [60.2, 26.2], Zabol: [61.5, 31.0], Konarak: [60.4, 25.4], Jask: [57.8, 25.6]
		}
	},
	osmBorder: {
		countries: ['IRN', 'PAK'],
		name: 'Iran–Pakistan border as OpenStreetMap draws it',
		expectKm: 992.1
	},
	borderNote: ({ lengthKm }) =>
		`The Natural Earth 1:10m line measures about ${Math.round(lengthKm)} km, against the official 909 km
(Wikipedia, "Iran–Pakistan border", https://en.wikipedia.org/wiki/Iran%E2%80%93Pakistan_border):
generalisation at 1:10m cuts corners. Quote the measured figure together with the geometry it is from.`
};
