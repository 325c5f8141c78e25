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
