// What the India–Pakistan pack covers: read by scripts/geodata/build.mjs (see its PackConfig).
export default {
	window: [60, 20, 84, 38], // Pakistan and north-west India with their neighbours
	focus: ['IND', 'PAK'],
	fullResolution: ['IND', 'PAK'],
	borders: [
		{ id: 'IND-PAK', countries: ['India', 'Pakistan'], primary: true, expectKm: 2659.9 },
		{ id: 'AFG-PAK', countries: ['Afghanistan', 'Pakistan'], primary: false, expectKm: 2244.7 },
		{ id: 'CHN-PAK', countries: ['China', 'Pakistan'], primary: false, expectKm: 350.5 }
	],
	provinceCountries: ['PAK', 'IND'],
	involvedKm2: { 'PK-PB': 204040, 'PK-JK': 11967, 'PK-SD': 140917, 'IN-JK': 42570, 'IN-PB': 50427 },
	// prettier-ignore
	towns: {
		PK: {
			Lahore: [74.4, 31.6], Muridke: [74.3, 31.8], Bahawalpur: [71.7, 29.4],
			'Ahmadpur East': [71.3, 29.1], Muzaffarabad: [73.5, 34.4], Kotli: [73.9, 33.5],
			Bhimber: [74.1, 33.0], Sialkot: [74.5, 32.5], Shakargarh: [75.2, 32.3],
			Rawalpindi: [73.0, 33.6], Islamabad: [73.0, 33.7], Chakwal: [72.9, 32.9],
			'Jhang Sadr': [72.3, 31.3], 'Rahim Yar Khan': [70.3, 28.4], Sukkur: [68.9, 27.7],
			Chunian: [74.0, 31.0], Pasrur: [74.7, 32.3], Sargodha: [72.7, 32.1],
			Jacobabad: [68.4, 28.3], Karachi: [67.0, 24.9], Kasur: [74.5, 31.1]
		},
		IN: {
			Srinagar: [74.8, 34.1], Pahalgam: [75.3, 34.0], Punch: [74.1, 33.8], Rajaori: [74.3, 33.4],
			Jammu: [74.9, 32.7], Udhampur: [75.1, 32.9], Pathankot: [75.7, 32.3],
			Amritsar: [74.9, 31.6], Firozpur: [74.6, 30.9], Uri: [74.0, 34.1]
		}
	},
	osmBorder: {
		countries: ['IND', 'PAK'],
		name: 'India–Pakistan border as OpenStreetMap draws it',
		expectKm: 2841.1
	},
	borderNote: ({ lengthKm }) =>
		`The Natural Earth 1:10m line measures about ${Math.round(lengthKm).toLocaleString('en-GB')} km from Sir Creek to the Siachen Glacier
unit, against India's 3,323 km, which includes 772 km of Line of Control (RajRAS,
https://www.rajras.in/india-seal-border-pakistan-2018/); the Indian Army has also given the Line of
Control as 740 km (Patrika). Natural Earth draws Kashmir by de facto control: the line includes the
Line of Control, which is a ceasefire line and not an agreed border, and does not mark where it
begins. The line ends where Natural Earth's separate Siachen Glacier unit begins, so the glacier's
edges are not part of it. Quote the measured figure together with the geometry it is from.`
};
