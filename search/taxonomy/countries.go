package taxonomy

import "strings"

// Region codes used in Country.Region.
const (
	RegionCentralAmerica = "central-america"
	RegionNorthAmerica   = "north-america"
	RegionCaribbean      = "caribbean"
	RegionSouthAmerica   = "south-america"
	RegionEurope         = "europe"
	RegionNorthAfrica    = "north-africa"
	RegionWestAfrica     = "west-africa"
	RegionEastAfrica     = "east-africa"
	RegionCentralAfrica  = "central-africa"
	RegionSouthernAfrica = "southern-africa"
	RegionMiddleEast     = "middle-east"
	RegionAsia           = "asia"
	RegionOceania        = "oceania"
)

// Pseudo-country codes.
const (
	// CodeRegional (REG) tags a document about the programme's region as a
	// whole: Central America, Mexico and the Caribbean, or one of its
	// sub-regions (Mesoamerica, the North of Central America, the
	// Caribbean). A document about several of the region's countries is
	// regional too.
	CodeRegional = "REG"
	// CodeGlobal (GLB) tags a document with a worldwide scope. It comes
	// from explicit metadata: a sidecar, or a document's own declaration of
	// its coverage ("Geographical coverage: Global"); the classifier never
	// infers it from mentions.
	CodeGlobal = "GLB"
)

// NotCountries are phrases that contain a country's name, demonym or
// capital without referring to that country ("New Mexico", "Benin City",
// "Gulf of Guinea", "Latin American"). A matcher that sees one of them
// consumes it and tags nothing.
var NotCountries = []string{
	"New Mexico", "Nuevo México", "Nouveau-Mexique", "Gulf of Mexico", "Golfo de México", "Golfe du Mexique",
	"New Guinea", "Nueva Guinea", "Nouvelle-Guinée", "Gulf of Guinea", "Golfo de Guinea", "Golfe de Guinée",
	"Niger Delta", "Delta del Níger", "Delta du Niger", "Niger State", "Niger River", "fleuve Niger", "río Níger",
	"Benin City", "Bight of Benin",
	"Latin American", "Latin Americans", "North American", "North Americans", "South American", "South Americans",
	"Inter-American", "Pan-American", "Afro-American", "African American", "African Americans", "Native American", "Native Americans",
	"latino-américain", "latino-américaine", "latino-américains", "latino-américaines", "nord-américain", "nord-américaine",
	"nord-américains", "sud-américain", "sud-américaine", "sud-américains", "interaméricain", "inter-américain",
	"Indian Ocean", "océan Indien", "océano Índico", "American Samoa",
	"Caribbean coast", "Caribbean Sea", "costa caribe", "costa del Caribe", "mar Caribe", "mer des Caraïbes", "côte caraïbe",
	"Georgia State", "Atlanta, Georgia", "Jordan River", "Lake Chad", "lac Tchad", "lago Chad",
	"Dominican Sisters", "Guinea pig", "Turkey Creek", "Lima, Ohio",
	// IOM's regional office for East and Horn of Africa covers a wider
	// region than the Horn (taxonomy.Groups).
	"East and Horn of Africa", "East, Horn and Southern Africa", "l'Est et la Corne de l'Afrique", "Est et Corne de l'Afrique",
	"África Oriental y el Cuerno de África",
	// Borders are places, not the countries' own subject.
	"U.S.-Mexico border", "US-Mexico border", "Mexico-U.S. border", "Mexico-US border", "United States-Mexico border",
	"frontera México-Estados Unidos", "frontera entre México y Estados Unidos", "frontera con Estados Unidos",
	"frontière entre le Mexique et les États-Unis", "frontière américano-mexicaine",
	// IOM's headquarters address, printed on the back page of its reports.
	"Geneva, Switzerland", "Genève, Suisse", "Ginebra, Suiza",
}

// dems builds demonym forms: English singular and plural, Spanish
// masculine/feminine singular and plural, French masculine/feminine singular
// and plural. Empty arguments are skipped; extra forms are appended as is.
func dems(en, esM, esF, frM, frF string, extra ...string) []string {
	var out []string
	add := func(s ...string) {
		for _, x := range s {
			if x != "" && !contains(out, x) {
				out = append(out, x)
			}
		}
	}
	if en != "" {
		add(en, enPlural(en))
	}
	if esM != "" {
		add(esM, esPlural(esM))
	}
	if esF != "" {
		add(esF, esPlural(esF))
	}
	if frM != "" {
		add(frM, frPlural(frM))
	}
	if frF != "" {
		add(frF, frPlural(frF))
	}
	add(extra...)
	return out
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func enPlural(s string) string {
	for _, suf := range []string{"ese", "ss", "sh", "ch"} {
		if strings.HasSuffix(s, suf) {
			return s
		}
	}
	return s + "s"
}

func esPlural(s string) string {
	switch {
	case strings.HasSuffix(s, "és"):
		return strings.TrimSuffix(s, "és") + "eses"
	case strings.HasSuffix(s, "án"):
		return strings.TrimSuffix(s, "án") + "anes"
	case strings.HasSuffix(s, "í"):
		return s + "es"
	case strings.HasSuffix(s, "a"), strings.HasSuffix(s, "e"), strings.HasSuffix(s, "o"):
		return s + "s"
	}
	return s + "es"
}

func frPlural(s string) string {
	if strings.HasSuffix(s, "s") || strings.HasSuffix(s, "x") {
		return s
	}
	return s + "s"
}

// w builds a country outside the focus regions with its names, an English
// demonym (may be empty) and its capital (may be empty).
func w(code, en, es, fr, region, demonym, capital string) Country {
	c := Country{Code: code, Name: Text{EN: en, ES: es, FR: fr}, Region: region}
	if demonym != "" {
		c.Demonyms = []string{demonym, enPlural(demonym)}
	}
	if capital != "" {
		c.Capitals = []string{capital}
	}
	return c
}

// countries is sorted by code (checked by the tests).
var countries = sortedCountries(append(focusCountries, worldCountries...))

// focusCountries are described in detail: the programme's region, the
// Americas around it, Spain, and the countries of the reference documents.
var focusCountries = []Country{
	// Central America and Mexico.
	{Code: "MEX", Name: Text{EN: "Mexico", ES: "México", FR: "Mexique"}, Region: RegionNorthAmerica, Programme: true,
		Aliases:  []string{"Méjico", "United Mexican States", "Estados Unidos Mexicanos", "États-Unis du Mexique"},
		Demonyms: dems("Mexican", "mexicano", "mexicana", "mexicain", "mexicaine"),
		Capitals: []string{"Mexico City", "Ciudad de México", "CDMX", "Mexico D.F.", "México D.F."}},
	{Code: "GTM", Name: Text{EN: "Guatemala", ES: "Guatemala", FR: "Guatemala"}, Region: RegionCentralAmerica, Programme: true,
		Aliases:  []string{"Republic of Guatemala", "República de Guatemala"},
		Demonyms: dems("Guatemalan", "guatemalteco", "guatemalteca", "guatémaltèque", "", "chapín", "chapines"),
		Capitals: []string{"Guatemala City", "Ciudad de Guatemala", "Guatemala Ciudad"}},
	{Code: "BLZ", Name: Text{EN: "Belize", ES: "Belice", FR: "Belize"}, Region: RegionCentralAmerica, Programme: true,
		Aliases:  []string{"Bélize"},
		Demonyms: dems("Belizean", "beliceño", "beliceña", "bélizien", "bélizienne"),
		Capitals: []string{"Belmopan"}},
	{Code: "SLV", Name: Text{EN: "El Salvador", ES: "El Salvador", FR: "Salvador"}, Region: RegionCentralAmerica, Programme: true,
		Aliases:   []string{"le Salvador", "au Salvador", "du Salvador", "República de El Salvador"},
		Ambiguous: []string{"Salvador"},
		Demonyms:  dems("Salvadoran", "salvadoreño", "salvadoreña", "salvadorien", "salvadorienne", "Salvadorean", "Salvadoreans", "guanaco", "guanacos"),
		Capitals:  []string{"San Salvador"}},
	{Code: "HND", Name: Text{EN: "Honduras", ES: "Honduras", FR: "Honduras"}, Region: RegionCentralAmerica, Programme: true,
		Aliases:  []string{"Republic of Honduras", "República de Honduras"},
		Demonyms: dems("Honduran", "hondureño", "hondureña", "hondurien", "hondurienne", "catracho", "catrachos", "catracha"),
		Capitals: []string{"Tegucigalpa", "Comayagüela"}},
	{Code: "NIC", Name: Text{EN: "Nicaragua", ES: "Nicaragua", FR: "Nicaragua"}, Region: RegionCentralAmerica, Programme: true,
		Aliases:  []string{"Republic of Nicaragua", "República de Nicaragua"},
		Demonyms: dems("Nicaraguan", "nicaragüense", "", "nicaraguayen", "nicaraguayenne", "nica", "nicas"),
		Capitals: []string{"Managua"}},
	{Code: "CRI", Name: Text{EN: "Costa Rica", ES: "Costa Rica", FR: "Costa Rica"}, Region: RegionCentralAmerica, Programme: true,
		Aliases:  []string{"Republic of Costa Rica", "República de Costa Rica"},
		Demonyms: dems("Costa Rican", "costarricense", "", "costaricien", "costaricienne", "tico", "ticos", "tica", "ticas", "costaricain", "costaricaine", "costaricains"),
		// San José is also a common town name and the seat of IOM's
		// regional office, so only the qualified form counts.
		Capitals: []string{"San José de Costa Rica", "San José, Costa Rica"}},
	{Code: "PAN", Name: Text{EN: "Panama", ES: "Panamá", FR: "Panama"}, Region: RegionCentralAmerica, Programme: true,
		Aliases:  []string{"Republic of Panama", "República de Panamá"},
		Demonyms: dems("Panamanian", "panameño", "panameña", "panaméen", "panaméenne"),
		Capitals: []string{"Panama City", "Ciudad de Panamá"}},

	// The Caribbean (independent states).
	{Code: "CUB", Name: Text{EN: "Cuba", ES: "Cuba", FR: "Cuba"}, Region: RegionCaribbean, Programme: true,
		Aliases:  []string{"Republic of Cuba", "República de Cuba"},
		Demonyms: dems("Cuban", "cubano", "cubana", "cubain", "cubaine"),
		Capitals: []string{"Havana", "La Habana", "La Havane"}},
	{Code: "HTI", Name: Text{EN: "Haiti", ES: "Haití", FR: "Haïti"}, Region: RegionCaribbean, Programme: true,
		Aliases:  []string{"Ayiti", "Republic of Haiti", "République d'Haïti", "República de Haití"},
		Demonyms: dems("Haitian", "haitiano", "haitiana", "haïtien", "haïtienne"),
		Capitals: []string{"Port-au-Prince", "Puerto Príncipe"}},
	{Code: "DOM", Name: Text{EN: "Dominican Republic", ES: "República Dominicana", FR: "République dominicaine"}, Region: RegionCaribbean, Programme: true,
		Aliases:  []string{"Rep. Dominicana", "Rép. dominicaine", "Republica Dominicana"},
		Demonyms: dems("Dominican", "dominicano", "dominicana", "dominicain", "dominicaine"),
		Capitals: []string{"Santo Domingo", "Saint-Domingue"}},
	{Code: "JAM", Name: Text{EN: "Jamaica", ES: "Jamaica", FR: "Jamaïque"}, Region: RegionCaribbean, Programme: true,
		Demonyms: dems("Jamaican", "jamaiquino", "jamaiquina", "jamaïcain", "jamaïcaine", "jamaicano", "jamaicanos"),
		Capitals: []string{"Kingston"}},
	{Code: "TTO", Name: Text{EN: "Trinidad and Tobago", ES: "Trinidad y Tabago", FR: "Trinité-et-Tobago"}, Region: RegionCaribbean, Programme: true,
		Aliases:  []string{"Trinidad & Tobago", "Trinidad y Tobago", "Trinidad", "Tobago"},
		Demonyms: dems("Trinidadian", "trinitense", "", "trinidadien", "trinidadienne", "Tobagonian", "Tobagonians"),
		Capitals: []string{"Port of Spain", "Port-of-Spain", "Puerto España"}},
	{Code: "BHS", Name: Text{EN: "Bahamas", ES: "Bahamas", FR: "Bahamas"}, Region: RegionCaribbean, Programme: true,
		Aliases:  []string{"The Bahamas", "Commonwealth of The Bahamas"},
		Demonyms: dems("Bahamian", "bahameño", "bahameña", "bahaméen", "bahaméenne"),
		Capitals: []string{"Nassau"}},
	{Code: "BRB", Name: Text{EN: "Barbados", ES: "Barbados", FR: "Barbade"}, Region: RegionCaribbean, Programme: true,
		Demonyms: dems("Barbadian", "barbadense", "", "barbadien", "barbadienne", "Bajan", "Bajans"),
		Capitals: []string{"Bridgetown"}},
	{Code: "ATG", Name: Text{EN: "Antigua and Barbuda", ES: "Antigua y Barbuda", FR: "Antigua-et-Barbuda"}, Region: RegionCaribbean, Programme: true,
		Aliases:  []string{"Antigua & Barbuda"},
		Demonyms: dems("Antiguan", "antiguano", "antiguana", "antiguais", "antiguaise"),
		Capitals: []string{"St. John's, Antigua"}},
	{Code: "DMA", Name: Text{EN: "Dominica", ES: "Dominica", FR: "Dominique"}, Region: RegionCaribbean, Programme: true,
		Aliases:   []string{"Commonwealth of Dominica", "Mancomunidad de Dominica", "Commonwealth de la Dominique"},
		Ambiguous: []string{"Dominique"},
		// Roseau alone is also a French word (a reed).
		Capitals: []string{"Roseau, Dominica", "Roseau (Dominica)"}},
	{Code: "GRD", Name: Text{EN: "Grenada", ES: "Granada", FR: "Grenade"}, Region: RegionCaribbean, Programme: true,
		// Granada is also a city in Nicaragua and in Spain; Grenade a weapon.
		Ambiguous: []string{"Granada", "Grenade"},
		Aliases:   []string{"la Grenade", "Granada (Caribe)"},
		Demonyms:  dems("Grenadian", "granadino", "granadina", "grenadien", "grenadienne"),
		Capitals:  []string{"St. George's, Grenada"}},
	{Code: "KNA", Name: Text{EN: "Saint Kitts and Nevis", ES: "San Cristóbal y Nieves", FR: "Saint-Christophe-et-Niévès"}, Region: RegionCaribbean, Programme: true,
		Aliases:  []string{"St. Kitts and Nevis", "St Kitts and Nevis", "St. Kitts & Nevis", "Saint-Kitts-et-Nevis"},
		Demonyms: dems("Kittitian", "sancristobaleño", "sancristobaleña", "", "", "Nevisian", "Nevisians"),
		Capitals: []string{"Basseterre"}},
	{Code: "LCA", Name: Text{EN: "Saint Lucia", ES: "Santa Lucía", FR: "Sainte-Lucie"}, Region: RegionCaribbean, Programme: true,
		// Santa Lucía is also a common town name in Central America.
		Ambiguous: []string{"Santa Lucía"},
		Aliases:   []string{"St. Lucia", "St Lucia"},
		Demonyms:  dems("Saint Lucian", "santalucense", "", "saint-lucien", "saint-lucienne", "St. Lucian", "St. Lucians"),
		Capitals:  []string{"Castries"}},
	{Code: "VCT", Name: Text{EN: "Saint Vincent and the Grenadines", ES: "San Vicente y las Granadinas", FR: "Saint-Vincent-et-les-Grenadines"}, Region: RegionCaribbean, Programme: true,
		Aliases:  []string{"St. Vincent and the Grenadines", "St Vincent and the Grenadines", "St. Vincent & the Grenadines"},
		Demonyms: dems("Vincentian", "sanvicentino", "sanvicentina", "vincentais", "vincentaise"),
		Capitals: []string{"Kingstown"}},
	// Guyana and Suriname are CARICOM members covered with the Caribbean.
	{Code: "GUY", Name: Text{EN: "Guyana", ES: "Guyana", FR: "Guyana"}, Region: RegionCaribbean, Programme: true,
		Aliases:  []string{"Co-operative Republic of Guyana", "República Cooperativa de Guyana"},
		Demonyms: dems("Guyanese", "guyanés", "guyanesa", "guyanien", "guyanienne"),
		Capitals: []string{"Georgetown"}},
	{Code: "SUR", Name: Text{EN: "Suriname", ES: "Surinam", FR: "Suriname"}, Region: RegionCaribbean, Programme: true,
		Aliases:  []string{"Surinam", "Republic of Suriname"},
		Demonyms: dems("Surinamese", "surinamés", "surinamesa", "surinamais", "surinamaise"),
		Capitals: []string{"Paramaribo"}},

	// Caribbean territories.
	{Code: "PRI", Name: Text{EN: "Puerto Rico", ES: "Puerto Rico", FR: "Porto Rico"}, Region: RegionCaribbean, Programme: true,
		Demonyms: dems("Puerto Rican", "puertorriqueño", "puertorriqueña", "portoricain", "portoricaine", "boricua", "boricuas"),
		Capitals: []string{"San Juan, Puerto Rico"}},
	{Code: "ABW", Name: Text{EN: "Aruba", ES: "Aruba", FR: "Aruba"}, Region: RegionCaribbean, Programme: true,
		Demonyms: dems("Aruban", "arubeño", "arubeña", "arubais", "arubaise"), Capitals: []string{"Oranjestad"}},
	{Code: "CUW", Name: Text{EN: "Curaçao", ES: "Curazao", FR: "Curaçao"}, Region: RegionCaribbean, Programme: true,
		Demonyms: dems("Curaçaoan", "curazoleño", "curazoleña", "curacien", "curacienne"), Capitals: []string{"Willemstad"}},
	{Code: "SXM", Name: Text{EN: "Sint Maarten", ES: "Sint Maarten", FR: "Saint-Martin (partie néerlandaise)"}, Region: RegionCaribbean, Programme: true,
		Aliases: []string{"St. Maarten", "Saint-Martin"}, Capitals: []string{"Philipsburg"}},
	{Code: "TCA", Name: Text{EN: "Turks and Caicos Islands", ES: "Islas Turcas y Caicos", FR: "Îles Turques-et-Caïques"}, Region: RegionCaribbean, Programme: true,
		Aliases: []string{"Turks and Caicos", "Turks & Caicos", "Turcas y Caicos"}, Capitals: []string{"Cockburn Town"}},
	{Code: "CYM", Name: Text{EN: "Cayman Islands", ES: "Islas Caimán", FR: "Îles Caïmans"}, Region: RegionCaribbean, Programme: true,
		Capitals: []string{"George Town, Cayman"}},
	{Code: "VGB", Name: Text{EN: "British Virgin Islands", ES: "Islas Vírgenes Británicas", FR: "Îles Vierges britanniques"}, Region: RegionCaribbean, Programme: true,
		Capitals: []string{"Road Town"}},
	{Code: "VIR", Name: Text{EN: "United States Virgin Islands", ES: "Islas Vírgenes de los Estados Unidos", FR: "Îles Vierges des États-Unis"}, Region: RegionCaribbean, Programme: true,
		Aliases: []string{"U.S. Virgin Islands", "US Virgin Islands"}, Capitals: []string{"Charlotte Amalie"}},
	{Code: "AIA", Name: Text{EN: "Anguilla", ES: "Anguila", FR: "Anguilla"}, Region: RegionCaribbean, Programme: true,
		Demonyms: dems("Anguillian", "", "", "", "")},
	{Code: "MSR", Name: Text{EN: "Montserrat", ES: "Montserrat", FR: "Montserrat"}, Region: RegionCaribbean, Programme: true,
		Demonyms: dems("Montserratian", "", "", "", "")},
	{Code: "BMU", Name: Text{EN: "Bermuda", ES: "Bermudas", FR: "Bermudes"}, Region: RegionNorthAmerica,
		Demonyms: dems("Bermudian", "", "", "", ""), Capitals: []string{"Hamilton, Bermuda"}},
	{Code: "GLP", Name: Text{EN: "Guadeloupe", ES: "Guadalupe", FR: "Guadeloupe"}, Region: RegionCaribbean, Programme: true,
		// Guadalupe is also a common Spanish name and place name.
		Ambiguous: []string{"Guadalupe"},
		Demonyms:  dems("Guadeloupean", "guadalupeño", "", "guadeloupéen", "guadeloupéenne"), Capitals: []string{"Basse-Terre"}},
	{Code: "MTQ", Name: Text{EN: "Martinique", ES: "Martinica", FR: "Martinique"}, Region: RegionCaribbean, Programme: true,
		Demonyms: dems("Martinican", "martiniqueño", "martiniqueña", "martiniquais", "martiniquaise"), Capitals: []string{"Fort-de-France"}},
	{Code: "GUF", Name: Text{EN: "French Guiana", ES: "Guayana Francesa", FR: "Guyane"}, Region: RegionSouthAmerica,
		Aliases:  []string{"Guyane française"},
		Demonyms: dems("French Guianese", "guayanés francés", "", "guyanais", "guyanaise"), Capitals: []string{"Cayenne"}},

	// North America.
	{Code: "USA", Name: Text{EN: "United States", ES: "Estados Unidos", FR: "États-Unis"}, Region: RegionNorthAmerica,
		Aliases: []string{"United States of America", "U.S.", "U.S.A.", "USA", "Estados Unidos de América", "EE. UU.", "EE.UU.", "EEUU",
			"États-Unis d'Amérique", "Etats Unis"},
		Demonyms: dems("American", "estadounidense", "", "américain", "américaine", "norteamericano", "norteamericana", "norteamericanos"),
		Capitals: []string{"Washington, D.C.", "Washington DC", "Washington D.C."}},
	{Code: "CAN", Name: Text{EN: "Canada", ES: "Canadá", FR: "Canada"}, Region: RegionNorthAmerica,
		Demonyms: dems("Canadian", "canadiense", "", "canadien", "canadienne"),
		Capitals: []string{"Ottawa"}},

	// South America.
	{Code: "COL", Name: Text{EN: "Colombia", ES: "Colombia", FR: "Colombie"}, Region: RegionSouthAmerica,
		Aliases:  []string{"Republic of Colombia", "República de Colombia"},
		Demonyms: dems("Colombian", "colombiano", "colombiana", "colombien", "colombienne"),
		Capitals: []string{"Bogotá", "Bogota D.C.", "Santafé de Bogotá"}},
	{Code: "VEN", Name: Text{EN: "Venezuela", ES: "Venezuela", FR: "Venezuela"}, Region: RegionSouthAmerica,
		Aliases:  []string{"Bolivarian Republic of Venezuela", "República Bolivariana de Venezuela", "Vénézuela", "Venezuela (Bolivarian Republic of)"},
		Demonyms: dems("Venezuelan", "venezolano", "venezolana", "vénézuélien", "vénézuélienne"),
		Capitals: []string{"Caracas"}},
	{Code: "ECU", Name: Text{EN: "Ecuador", ES: "Ecuador", FR: "Équateur"}, Region: RegionSouthAmerica,
		// Équateur is also the equator.
		Ambiguous: []string{"Équateur"},
		Aliases:   []string{"l'Équateur", "en Équateur", "République de l'Équateur", "Republic of Ecuador"},
		Demonyms:  dems("Ecuadorian", "ecuatoriano", "ecuatoriana", "équatorien", "équatorienne", "Ecuadorean", "Ecuadoreans"),
		Capitals:  []string{"Quito"}},
	{Code: "PER", Name: Text{EN: "Peru", ES: "Perú", FR: "Pérou"}, Region: RegionSouthAmerica,
		Demonyms: dems("Peruvian", "peruano", "peruana", "péruvien", "péruvienne"),
		Capitals: []string{"Lima"}},
	{Code: "BRA", Name: Text{EN: "Brazil", ES: "Brasil", FR: "Brésil"}, Region: RegionSouthAmerica,
		Demonyms: dems("Brazilian", "brasileño", "brasileña", "brésilien", "brésilienne"),
		Capitals: []string{"Brasília"}},
	{Code: "CHL", Name: Text{EN: "Chile", ES: "Chile", FR: "Chili"}, Region: RegionSouthAmerica,
		Demonyms: dems("Chilean", "chileno", "chilena", "chilien", "chilienne"),
		// Santiago alone is also Santiago de los Caballeros, Santiago de Cuba...
		Capitals: []string{"Santiago de Chile"}},
	{Code: "ARG", Name: Text{EN: "Argentina", ES: "Argentina", FR: "Argentine"}, Region: RegionSouthAmerica,
		Demonyms: dems("Argentine", "argentino", "argentina", "argentin", "argentine", "Argentinian", "Argentinians"),
		Capitals: []string{"Buenos Aires"}},
	{Code: "BOL", Name: Text{EN: "Bolivia", ES: "Bolivia", FR: "Bolivie"}, Region: RegionSouthAmerica,
		Aliases:  []string{"Plurinational State of Bolivia", "Estado Plurinacional de Bolivia", "Bolivia (Plurinational State of)"},
		Demonyms: dems("Bolivian", "boliviano", "boliviana", "bolivien", "bolivienne"),
		// "la paz" is Spanish for "the peace" and sucre French for sugar,
		// so only the qualified forms count.
		Capitals: []string{"La Paz, Bolivia", "La Paz (Bolivia)", "Sucre, Bolivia"}},
	{Code: "PRY", Name: Text{EN: "Paraguay", ES: "Paraguay", FR: "Paraguay"}, Region: RegionSouthAmerica,
		Demonyms: dems("Paraguayan", "paraguayo", "paraguaya", "paraguayen", "paraguayenne"),
		// Asunción alone is also a Spanish word and a common place name.
		Capitals: []string{"Asunción, Paraguay", "Asunción (Paraguay)"}},
	{Code: "URY", Name: Text{EN: "Uruguay", ES: "Uruguay", FR: "Uruguay"}, Region: RegionSouthAmerica,
		Demonyms: dems("Uruguayan", "uruguayo", "uruguaya", "uruguayen", "uruguayenne"),
		Capitals: []string{"Montevideo"}},

	// Europe (Spain in detail: its demonyms double as language names, so
	// only the unambiguous ones are listed).
	{Code: "ESP", Name: Text{EN: "Spain", ES: "España", FR: "Espagne"}, Region: RegionEurope,
		Aliases:  []string{"Kingdom of Spain", "Reino de España", "Royaume d'Espagne"},
		Demonyms: []string{"Spaniard", "Spaniards"},
		Capitals: []string{"Madrid"}},
	{Code: "ITA", Name: Text{EN: "Italy", ES: "Italia", FR: "Italie"}, Region: RegionEurope,
		// Roma alone names the Roma people as often as the city.
		Capitals: []string{"Rome"}},
	{Code: "DEU", Name: Text{EN: "Germany", ES: "Alemania", FR: "Allemagne"}, Region: RegionEurope,
		Aliases:  []string{"Federal Republic of Germany", "República Federal de Alemania", "République fédérale d'Allemagne"},
		Capitals: []string{"Berlin", "Berlín"}},
	{Code: "FRA", Name: Text{EN: "France", ES: "Francia", FR: "France"}, Region: RegionEurope,
		Capitals: []string{"Paris", "París"}},
	{Code: "ALB", Name: Text{EN: "Albania", ES: "Albania", FR: "Albanie"}, Region: RegionEurope,
		Demonyms: dems("Albanian", "albanés", "albanesa", "albanais", "albanaise"),
		Capitals: []string{"Tirana"}},
	{Code: "TUR", Name: Text{EN: "Türkiye", ES: "Türkiye", FR: "Türkiye"}, Region: RegionEurope,
		Aliases:  []string{"Turkey", "Turquía", "Turquie", "Republic of Türkiye"},
		Demonyms: dems("Turkish", "turco", "turca", "turc", "turque"),
		Capitals: []string{"Ankara"}},

	// North Africa.
	{Code: "LBY", Name: Text{EN: "Libya", ES: "Libia", FR: "Libye"}, Region: RegionNorthAfrica,
		Demonyms: dems("Libyan", "libio", "libia", "libyen", "libyenne"),
		Capitals: []string{"Tripoli", "Trípoli"}},
	{Code: "DZA", Name: Text{EN: "Algeria", ES: "Argelia", FR: "Algérie"}, Region: RegionNorthAfrica,
		Demonyms: dems("Algerian", "argelino", "argelina", "algérien", "algérienne"),
		Capitals: []string{"Algiers", "Argel", "Alger"}},
	{Code: "MAR", Name: Text{EN: "Morocco", ES: "Marruecos", FR: "Maroc"}, Region: RegionNorthAfrica,
		Demonyms: dems("Moroccan", "marroquí", "", "marocain", "marocaine"),
		Capitals: []string{"Rabat"}},
	{Code: "TUN", Name: Text{EN: "Tunisia", ES: "Túnez", FR: "Tunisie"}, Region: RegionNorthAfrica,
		Demonyms: dems("Tunisian", "tunecino", "tunecina", "tunisien", "tunisienne"),
		Capitals: []string{"Tunis"}},
	{Code: "EGY", Name: Text{EN: "Egypt", ES: "Egipto", FR: "Égypte"}, Region: RegionNorthAfrica,
		Demonyms: dems("Egyptian", "egipcio", "egipcia", "égyptien", "égyptienne"),
		Capitals: []string{"Cairo", "El Cairo", "Le Caire"}},
	{Code: "SDN", Name: Text{EN: "Sudan", ES: "Sudán", FR: "Soudan"}, Region: RegionNorthAfrica,
		Aliases:  []string{"the Sudan", "Republic of the Sudan", "República del Sudán"},
		Demonyms: dems("Sudanese", "sudanés", "sudanesa", "soudanais", "soudanaise"),
		Capitals: []string{"Khartoum", "Jartum"}},

	// West Africa.
	{Code: "NER", Name: Text{EN: "Niger", ES: "Níger", FR: "Niger"}, Region: RegionWestAfrica,
		Aliases:  []string{"Republic of the Niger", "République du Niger", "República del Níger", "the Niger"},
		Demonyms: dems("Nigerien", "nigerino", "nigerina", "nigérien", "nigérienne", "Nigérien", "Nigeriens"),
		Capitals: []string{"Niamey"}},
	{Code: "NGA", Name: Text{EN: "Nigeria", ES: "Nigeria", FR: "Nigéria"}, Region: RegionWestAfrica,
		Aliases:  []string{"Federal Republic of Nigeria", "République fédérale du Nigeria", "República Federal de Nigeria"},
		Demonyms: dems("Nigerian", "nigeriano", "nigeriana", "nigérian", "nigériane"),
		Capitals: []string{"Abuja"}},
	{Code: "MLI", Name: Text{EN: "Mali", ES: "Malí", FR: "Mali"}, Region: RegionWestAfrica,
		Aliases:  []string{"Republic of Mali", "République du Mali"},
		Demonyms: dems("Malian", "maliense", "", "malien", "malienne", "malí", "malíes"),
		Capitals: []string{"Bamako"}},
	{Code: "SEN", Name: Text{EN: "Senegal", ES: "Senegal", FR: "Sénégal"}, Region: RegionWestAfrica,
		Demonyms: dems("Senegalese", "senegalés", "senegalesa", "sénégalais", "sénégalaise"),
		Capitals: []string{"Dakar"}},
	{Code: "GIN", Name: Text{EN: "Guinea", ES: "Guinea", FR: "Guinée"}, Region: RegionWestAfrica,
		Aliases:  []string{"Republic of Guinea", "République de Guinée", "República de Guinea", "Guinea-Conakry", "Guinée-Conakry", "Guinée Conakry", "Guinea Conakry"},
		Demonyms: dems("Guinean", "guineano", "guineana", "guinéen", "guinéenne"),
		Capitals: []string{"Conakry"}},
	{Code: "GNB", Name: Text{EN: "Guinea-Bissau", ES: "Guinea-Bisáu", FR: "Guinée-Bissau"}, Region: RegionWestAfrica,
		Aliases:  []string{"Guinea Bissau", "Guinea-Bissáu", "Guinée Bissau"},
		Demonyms: dems("Bissau-Guinean", "bisauguineano", "bisauguineana", "bissaoguinéen", "bissaoguinéenne"),
		Capitals: []string{"Bissau"}},
	{Code: "CPV", Name: Text{EN: "Cabo Verde", ES: "Cabo Verde", FR: "Cabo Verde"}, Region: RegionWestAfrica,
		Aliases:  []string{"Cape Verde", "Cap-Vert", "Cap Vert"},
		Demonyms: dems("Cabo Verdean", "caboverdiano", "caboverdiana", "cap-verdien", "cap-verdienne", "Cape Verdean", "Cape Verdeans"),
		Capitals: []string{"Praia"}},
	{Code: "GMB", Name: Text{EN: "Gambia", ES: "Gambia", FR: "Gambie"}, Region: RegionWestAfrica,
		Aliases:  []string{"The Gambia", "Republic of The Gambia"},
		Demonyms: dems("Gambian", "gambiano", "gambiana", "gambien", "gambienne"),
		Capitals: []string{"Banjul"}},
	{Code: "BEN", Name: Text{EN: "Benin", ES: "Benín", FR: "Bénin"}, Region: RegionWestAfrica,
		Demonyms: dems("Beninese", "beninés", "beninesa", "béninois", "béninoise"),
		Capitals: []string{"Porto-Novo", "Cotonou"}},
	{Code: "SLE", Name: Text{EN: "Sierra Leone", ES: "Sierra Leona", FR: "Sierra Leone"}, Region: RegionWestAfrica,
		Demonyms: dems("Sierra Leonean", "sierraleonés", "sierraleonesa", "sierraléonais", "sierraléonaise"),
		Capitals: []string{"Freetown"}},
	{Code: "LBR", Name: Text{EN: "Liberia", ES: "Liberia", FR: "Libéria"}, Region: RegionWestAfrica,
		Demonyms: dems("Liberian", "liberiano", "liberiana", "libérien", "libérienne"),
		Capitals: []string{"Monrovia"}},
	{Code: "CIV", Name: Text{EN: "Côte d'Ivoire", ES: "Côte d'Ivoire", FR: "Côte d'Ivoire"}, Region: RegionWestAfrica,
		Aliases:  []string{"Ivory Coast", "Costa de Marfil"},
		Demonyms: dems("Ivorian", "marfileño", "marfileña", "ivoirien", "ivoirienne"),
		Capitals: []string{"Yamoussoukro", "Abidjan"}},
	{Code: "BFA", Name: Text{EN: "Burkina Faso", ES: "Burkina Faso", FR: "Burkina Faso"}, Region: RegionWestAfrica,
		Demonyms: dems("Burkinabe", "burkinés", "burkinesa", "burkinabé", "", "Burkinabè"),
		Capitals: []string{"Ouagadougou", "Uagadugú"}},
	{Code: "GHA", Name: Text{EN: "Ghana", ES: "Ghana", FR: "Ghana"}, Region: RegionWestAfrica,
		Demonyms: dems("Ghanaian", "ghanés", "ghanesa", "ghanéen", "ghanéenne"),
		Capitals: []string{"Accra"}},
	{Code: "TGO", Name: Text{EN: "Togo", ES: "Togo", FR: "Togo"}, Region: RegionWestAfrica,
		Demonyms: dems("Togolese", "togolés", "togolesa", "togolais", "togolaise"),
		Capitals: []string{"Lomé"}},
	{Code: "MRT", Name: Text{EN: "Mauritania", ES: "Mauritania", FR: "Mauritanie"}, Region: RegionWestAfrica,
		Demonyms: dems("Mauritanian", "mauritano", "mauritana", "mauritanien", "mauritanienne"),
		Capitals: []string{"Nouakchott"}},
	{Code: "TCD", Name: Text{EN: "Chad", ES: "Chad", FR: "Tchad"}, Region: RegionCentralAfrica,
		Demonyms: dems("Chadian", "chadiano", "chadiana", "tchadien", "tchadienne"),
		Capitals: []string{"N'Djamena", "Yamena"}},
	{Code: "CMR", Name: Text{EN: "Cameroon", ES: "Camerún", FR: "Cameroun"}, Region: RegionCentralAfrica,
		Demonyms: dems("Cameroonian", "camerunés", "camerunesa", "camerounais", "camerounaise"),
		Capitals: []string{"Yaoundé"}},

	// East Africa and the Horn.
	{Code: "ETH", Name: Text{EN: "Ethiopia", ES: "Etiopía", FR: "Éthiopie"}, Region: RegionEastAfrica,
		Demonyms: dems("Ethiopian", "etíope", "", "éthiopien", "éthiopienne"),
		Capitals: []string{"Addis Ababa", "Adís Abeba", "Addis-Abeba"}},
	{Code: "SOM", Name: Text{EN: "Somalia", ES: "Somalia", FR: "Somalie"}, Region: RegionEastAfrica,
		Aliases:  []string{"Somaliland", "Puntland"},
		Demonyms: dems("Somali", "somalí", "", "somalien", "somalienne"),
		Capitals: []string{"Mogadishu", "Mogadiscio"}},
	{Code: "DJI", Name: Text{EN: "Djibouti", ES: "Yibuti", FR: "Djibouti"}, Region: RegionEastAfrica,
		Aliases:  []string{"Republic of Djibouti", "République de Djibouti"},
		Demonyms: dems("Djiboutian", "yibutiano", "yibutiana", "djiboutien", "djiboutienne")},
	{Code: "ERI", Name: Text{EN: "Eritrea", ES: "Eritrea", FR: "Érythrée"}, Region: RegionEastAfrica,
		Demonyms: dems("Eritrean", "eritreo", "eritrea", "érythréen", "érythréenne"),
		Capitals: []string{"Asmara"}},
	{Code: "SSD", Name: Text{EN: "South Sudan", ES: "Sudán del Sur", FR: "Soudan du Sud"}, Region: RegionEastAfrica,
		Demonyms: dems("South Sudanese", "sursudanés", "sursudanesa", "sud-soudanais", "sud-soudanaise"),
		Capitals: []string{"Juba"}},
	{Code: "KEN", Name: Text{EN: "Kenya", ES: "Kenia", FR: "Kenya"}, Region: RegionEastAfrica,
		Demonyms: dems("Kenyan", "keniano", "keniana", "kényan", "kényane"),
		Capitals: []string{"Nairobi"}},
	{Code: "UGA", Name: Text{EN: "Uganda", ES: "Uganda", FR: "Ouganda"}, Region: RegionEastAfrica,
		Demonyms: dems("Ugandan", "ugandés", "ugandesa", "ougandais", "ougandaise"),
		Capitals: []string{"Kampala"}},
	{Code: "YEM", Name: Text{EN: "Yemen", ES: "Yemen", FR: "Yémen"}, Region: RegionMiddleEast,
		Demonyms: dems("Yemeni", "yemení", "", "yéménite", ""),
		Capitals: []string{"Sana'a", "Sanaa"}},
}

// worldCountries are the other UN member states and observers, with names,
// an English demonym where it is not also a language name, and a capital.
var worldCountries = []Country{
	w("AFG", "Afghanistan", "Afganistán", "Afghanistan", RegionAsia, "Afghan", "Kabul"),
	w("AGO", "Angola", "Angola", "Angola", RegionSouthernAfrica, "Angolan", "Luanda"),
	w("AND", "Andorra", "Andorra", "Andorre", RegionEurope, "Andorran", "Andorra la Vella"),
	w("ARE", "United Arab Emirates", "Emiratos Árabes Unidos", "Émirats arabes unis", RegionMiddleEast, "Emirati", "Abu Dhabi"),
	w("ARM", "Armenia", "Armenia", "Arménie", RegionAsia, "", "Yerevan"),
	w("AUS", "Australia", "Australia", "Australie", RegionOceania, "Australian", "Canberra"),
	w("AUT", "Austria", "Austria", "Autriche", RegionEurope, "Austrian", "Vienna"),
	w("AZE", "Azerbaijan", "Azerbaiyán", "Azerbaïdjan", RegionAsia, "Azerbaijani", "Baku"),
	w("BDI", "Burundi", "Burundi", "Burundi", RegionEastAfrica, "Burundian", "Gitega"),
	w("BEL", "Belgium", "Bélgica", "Belgique", RegionEurope, "Belgian", "Brussels"),
	w("BGD", "Bangladesh", "Bangladés", "Bangladesh", RegionAsia, "Bangladeshi", "Dhaka"),
	w("BGR", "Bulgaria", "Bulgaria", "Bulgarie", RegionEurope, "Bulgarian", "Sofia"),
	w("BHR", "Bahrain", "Baréin", "Bahreïn", RegionMiddleEast, "Bahraini", "Manama"),
	w("BIH", "Bosnia and Herzegovina", "Bosnia y Herzegovina", "Bosnie-Herzégovine", RegionEurope, "", "Sarajevo"),
	w("BLR", "Belarus", "Belarús", "Bélarus", RegionEurope, "Belarusian", "Minsk"),
	w("BRN", "Brunei Darussalam", "Brunéi Darussalam", "Brunéi Darussalam", RegionAsia, "", "Bandar Seri Begawan"),
	w("BTN", "Bhutan", "Bután", "Bhoutan", RegionAsia, "Bhutanese", "Thimphu"),
	w("BWA", "Botswana", "Botsuana", "Botswana", RegionSouthernAfrica, "", "Gaborone"),
	w("CAF", "Central African Republic", "República Centroafricana", "République centrafricaine", RegionCentralAfrica, "", "Bangui"),
	w("CHE", "Switzerland", "Suiza", "Suisse", RegionEurope, "Swiss", "Bern"),
	w("CHN", "China", "China", "Chine", RegionAsia, "", "Beijing"),
	w("COD", "Democratic Republic of the Congo", "República Democrática del Congo", "République démocratique du Congo", RegionCentralAfrica, "Congolese", "Kinshasa"),
	w("COG", "Congo", "Congo", "Congo", RegionCentralAfrica, "", "Brazzaville"),
	w("COM", "Comoros", "Comoras", "Comores", RegionEastAfrica, "Comorian", "Moroni"),
	w("CYP", "Cyprus", "Chipre", "Chypre", RegionEurope, "Cypriot", "Nicosia"),
	w("CZE", "Czechia", "Chequia", "Tchéquie", RegionEurope, "", "Prague"),
	w("DNK", "Denmark", "Dinamarca", "Danemark", RegionEurope, "", "Copenhagen"),
	w("EST", "Estonia", "Estonia", "Estonie", RegionEurope, "", "Tallinn"),
	w("FIN", "Finland", "Finlandia", "Finlande", RegionEurope, "", "Helsinki"),
	w("FJI", "Fiji", "Fiyi", "Fidji", RegionOceania, "Fijian", "Suva"),
	w("FSM", "Micronesia", "Micronesia", "Micronésie", RegionOceania, "", "Palikir"),
	w("GAB", "Gabon", "Gabón", "Gabon", RegionCentralAfrica, "Gabonese", "Libreville"),
	w("GBR", "United Kingdom", "Reino Unido", "Royaume-Uni", RegionEurope, "British", "London"),
	w("GEO", "Georgia", "Georgia", "Géorgie", RegionAsia, "", "Tbilisi"),
	w("GNQ", "Equatorial Guinea", "Guinea Ecuatorial", "Guinée équatoriale", RegionCentralAfrica, "Equatoguinean", "Malabo"),
	w("GRC", "Greece", "Grecia", "Grèce", RegionEurope, "", "Athens"),
	w("HRV", "Croatia", "Croacia", "Croatie", RegionEurope, "", "Zagreb"),
	w("HUN", "Hungary", "Hungría", "Hongrie", RegionEurope, "", "Budapest"),
	w("IDN", "Indonesia", "Indonesia", "Indonésie", RegionAsia, "Indonesian", "Jakarta"),
	w("IND", "India", "India", "Inde", RegionAsia, "", "New Delhi"),
	w("IRL", "Ireland", "Irlanda", "Irlande", RegionEurope, "", "Dublin"),
	w("IRN", "Iran", "Irán", "Iran", RegionMiddleEast, "Iranian", "Tehran"),
	w("IRQ", "Iraq", "Irak", "Iraq", RegionMiddleEast, "Iraqi", "Baghdad"),
	w("ISL", "Iceland", "Islandia", "Islande", RegionEurope, "", "Reykjavik"),
	w("ISR", "Israel", "Israel", "Israël", RegionMiddleEast, "Israeli", "Jerusalem"),
	w("JOR", "Jordan", "Jordania", "Jordanie", RegionMiddleEast, "Jordanian", "Amman"),
	w("JPN", "Japan", "Japón", "Japon", RegionAsia, "", "Tokyo"),
	w("KAZ", "Kazakhstan", "Kazajistán", "Kazakhstan", RegionAsia, "", "Astana"),
	w("KGZ", "Kyrgyzstan", "Kirguistán", "Kirghizistan", RegionAsia, "", "Bishkek"),
	w("KHM", "Cambodia", "Camboya", "Cambodge", RegionAsia, "Cambodian", "Phnom Penh"),
	w("KIR", "Kiribati", "Kiribati", "Kiribati", RegionOceania, "", "Tarawa"),
	w("KOR", "Republic of Korea", "República de Corea", "République de Corée", RegionAsia, "", "Seoul"),
	w("KWT", "Kuwait", "Kuwait", "Koweït", RegionMiddleEast, "Kuwaiti", ""),
	w("LAO", "Lao People's Democratic Republic", "República Democrática Popular Lao", "République démocratique populaire lao", RegionAsia, "", "Vientiane"),
	w("LBN", "Lebanon", "Líbano", "Liban", RegionMiddleEast, "Lebanese", "Beirut"),
	w("LIE", "Liechtenstein", "Liechtenstein", "Liechtenstein", RegionEurope, "", "Vaduz"),
	w("LKA", "Sri Lanka", "Sri Lanka", "Sri Lanka", RegionAsia, "Sri Lankan", "Colombo"),
	w("LSO", "Lesotho", "Lesoto", "Lesotho", RegionSouthernAfrica, "", "Maseru"),
	w("LTU", "Lithuania", "Lituania", "Lituanie", RegionEurope, "", "Vilnius"),
	w("LUX", "Luxembourg", "Luxemburgo", "Luxembourg", RegionEurope, "", ""),
	w("LVA", "Latvia", "Letonia", "Lettonie", RegionEurope, "", "Riga"),
	w("MCO", "Monaco", "Mónaco", "Monaco", RegionEurope, "", ""),
	w("MDA", "Republic of Moldova", "República de Moldova", "République de Moldova", RegionEurope, "Moldovan", "Chișinău"),
	w("MDG", "Madagascar", "Madagascar", "Madagascar", RegionSouthernAfrica, "Malagasy", "Antananarivo"),
	// Malé folds to "male".
	w("MDV", "Maldives", "Maldivas", "Maldives", RegionAsia, "Maldivian", ""),
	w("MHL", "Marshall Islands", "Islas Marshall", "Îles Marshall", RegionOceania, "", "Majuro"),
	w("MKD", "North Macedonia", "Macedonia del Norte", "Macédoine du Nord", RegionEurope, "", "Skopje"),
	w("MLT", "Malta", "Malta", "Malte", RegionEurope, "Maltese", "Valletta"),
	w("MMR", "Myanmar", "Myanmar", "Myanmar", RegionAsia, "", "Naypyidaw"),
	w("MNE", "Montenegro", "Montenegro", "Monténégro", RegionEurope, "Montenegrin", "Podgorica"),
	w("MNG", "Mongolia", "Mongolia", "Mongolie", RegionAsia, "", "Ulaanbaatar"),
	w("MOZ", "Mozambique", "Mozambique", "Mozambique", RegionSouthernAfrica, "Mozambican", "Maputo"),
	w("MUS", "Mauritius", "Mauricio", "Maurice", RegionEastAfrica, "Mauritian", "Port Louis"),
	w("MWI", "Malawi", "Malaui", "Malawi", RegionSouthernAfrica, "Malawian", "Lilongwe"),
	w("MYS", "Malaysia", "Malasia", "Malaisie", RegionAsia, "Malaysian", "Kuala Lumpur"),
	w("NAM", "Namibia", "Namibia", "Namibie", RegionSouthernAfrica, "Namibian", "Windhoek"),
	w("NLD", "Netherlands", "Países Bajos", "Pays-Bas", RegionEurope, "", "Amsterdam"),
	w("NOR", "Norway", "Noruega", "Norvège", RegionEurope, "", "Oslo"),
	w("NPL", "Nepal", "Nepal", "Népal", RegionAsia, "Nepali", "Kathmandu"),
	w("NRU", "Nauru", "Nauru", "Nauru", RegionOceania, "", ""),
	w("NZL", "New Zealand", "Nueva Zelandia", "Nouvelle-Zélande", RegionOceania, "", "Wellington"),
	w("OMN", "Oman", "Omán", "Oman", RegionMiddleEast, "Omani", "Muscat"),
	w("PAK", "Pakistan", "Pakistán", "Pakistan", RegionAsia, "Pakistani", "Islamabad"),
	w("PHL", "Philippines", "Filipinas", "Philippines", RegionAsia, "Filipino", "Manila"),
	w("PLW", "Palau", "Palaos", "Palaos", RegionOceania, "", "Ngerulmud"),
	w("PNG", "Papua New Guinea", "Papua Nueva Guinea", "Papouasie-Nouvelle-Guinée", RegionOceania, "Papua New Guinean", "Port Moresby"),
	w("POL", "Poland", "Polonia", "Pologne", RegionEurope, "", "Warsaw"),
	w("PRK", "Democratic People's Republic of Korea", "República Popular Democrática de Corea", "République populaire démocratique de Corée", RegionAsia, "", "Pyongyang"),
	w("PRT", "Portugal", "Portugal", "Portugal", RegionEurope, "", "Lisbon"),
	w("PSE", "State of Palestine", "Estado de Palestina", "État de Palestine", RegionMiddleEast, "Palestinian", "Ramallah"),
	w("QAT", "Qatar", "Catar", "Qatar", RegionMiddleEast, "Qatari", "Doha"),
	w("ROU", "Romania", "Rumania", "Roumanie", RegionEurope, "", "Bucharest"),
	w("RUS", "Russian Federation", "Federación de Rusia", "Fédération de Russie", RegionEurope, "", "Moscow"),
	w("RWA", "Rwanda", "Ruanda", "Rwanda", RegionEastAfrica, "Rwandan", "Kigali"),
	w("SAU", "Saudi Arabia", "Arabia Saudita", "Arabie saoudite", RegionMiddleEast, "Saudi", "Riyadh"),
	w("SGP", "Singapore", "Singapur", "Singapour", RegionAsia, "Singaporean", ""),
	w("SLB", "Solomon Islands", "Islas Salomón", "Îles Salomon", RegionOceania, "", "Honiara"),
	w("SMR", "San Marino", "San Marino", "Saint-Marin", RegionEurope, "", ""),
	w("SRB", "Serbia", "Serbia", "Serbie", RegionEurope, "", "Belgrade"),
	w("STP", "Sao Tome and Principe", "Santo Tomé y Príncipe", "Sao Tomé-et-Principe", RegionCentralAfrica, "", "São Tomé"),
	w("SVK", "Slovakia", "Eslovaquia", "Slovaquie", RegionEurope, "", "Bratislava"),
	w("SVN", "Slovenia", "Eslovenia", "Slovénie", RegionEurope, "", "Ljubljana"),
	w("SWE", "Sweden", "Suecia", "Suède", RegionEurope, "", "Stockholm"),
	w("SWZ", "Eswatini", "Esuatini", "Eswatini", RegionSouthernAfrica, "", "Mbabane"),
	w("SYC", "Seychelles", "Seychelles", "Seychelles", RegionEastAfrica, "", ""),
	w("SYR", "Syrian Arab Republic", "República Árabe Siria", "République arabe syrienne", RegionMiddleEast, "Syrian", "Damascus"),
	w("THA", "Thailand", "Tailandia", "Thaïlande", RegionAsia, "", "Bangkok"),
	w("TJK", "Tajikistan", "Tayikistán", "Tadjikistan", RegionAsia, "", "Dushanbe"),
	w("TKM", "Turkmenistan", "Turkmenistán", "Turkménistan", RegionAsia, "", "Ashgabat"),
	w("TLS", "Timor-Leste", "Timor-Leste", "Timor-Leste", RegionAsia, "", "Dili"),
	w("TON", "Tonga", "Tonga", "Tonga", RegionOceania, "Tongan", "Nukuʻalofa"),
	w("TUV", "Tuvalu", "Tuvalu", "Tuvalu", RegionOceania, "", "Funafuti"),
	w("TZA", "United Republic of Tanzania", "República Unida de Tanzania", "République-Unie de Tanzanie", RegionEastAfrica, "Tanzanian", "Dodoma"),
	w("UKR", "Ukraine", "Ucrania", "Ukraine", RegionEurope, "", "Kyiv"),
	w("UZB", "Uzbekistan", "Uzbekistán", "Ouzbékistan", RegionAsia, "", "Tashkent"),
	w("VAT", "Holy See", "Santa Sede", "Saint-Siège", RegionEurope, "", ""),
	w("VNM", "Viet Nam", "Viet Nam", "Viet Nam", RegionAsia, "", "Hanoi"),
	w("VUT", "Vanuatu", "Vanuatu", "Vanuatu", RegionOceania, "", "Port Vila"),
	w("WSM", "Samoa", "Samoa", "Samoa", RegionOceania, "Samoan", "Apia"),
	w("ZAF", "South Africa", "Sudáfrica", "Afrique du Sud", RegionSouthernAfrica, "South African", "Pretoria"),
	w("ZMB", "Zambia", "Zambia", "Zambie", RegionSouthernAfrica, "Zambian", "Lusaka"),
	w("ZWE", "Zimbabwe", "Zimbabue", "Zimbabwe", RegionSouthernAfrica, "Zimbabwean", "Harare"),

	// The pseudo-codes.
	{Code: CodeRegional, Name: Text{EN: "Regional", ES: "Regional", FR: "Régional"},
		Ambiguous: []string{"Regional", "Régional"},
		Aliases: []string{
			"Central America", "Centroamérica", "Centro América", "América Central", "Amérique centrale",
			"Mesoamerica", "Mesoamérica", "Mésoamérique",
			"North of Central America", "Northern Central America", "Norte de Centroamérica", "Norte de Centro América",
			"nord de l'Amérique centrale", "Northern Triangle", "Triángulo Norte", "Triangle du Nord",
			"Central America and Mexico", "Centroamérica y México", "Central America, Mexico and the Caribbean",
			"Centroamérica, México y el Caribe", "Central America, North America and the Caribbean",
			"Centroamérica, Norteamérica y el Caribe", "the Caribbean", "el Caribe", "les Caraïbes", "la Caraïbe",
			"Caribbean region", "región del Caribe", "région des Caraïbes", "CARICOM",
			"Regional Conference on Migration", "Conferencia Regional sobre Migración", "Conférence régionale sur les migrations",
			"Puebla Process", "Proceso Puebla", "Processus de Puebla",
			"SICA", "Central American Integration System", "Sistema de la Integración Centroamericana",
		},
		Demonyms: dems("Central American", "centroamericano", "centroamericana", "centraméricain", "centraméricaine",
			"Caribbean", "caribeño", "caribeña", "caribeños", "caribeñas", "caribéen", "caribéenne", "caribéens", "caribéennes",
			"mesoamericano", "mesoamericana", "mesoamericanos"),
	},
	{Code: CodeGlobal, Name: Text{EN: "Global", ES: "Global", FR: "Mondial"},
		Ambiguous: []string{"Global", "Mondial"}},
}
