package taxonomy

// Group is a named group of countries — a sub-region or an
// intergovernmental grouping — that a document may treat as its subject
// in place of naming its countries ("the Northern Triangle", "la Corne de
// l'Afrique"). A classifier resolves it to its Members where the document
// is about the group.
type Group struct {
	Code string `json:"code"`
	Name Text   `json:"name"`
	// Names are the group's names and abbreviations in English, Spanish,
	// French and Portuguese ("pt").
	Names Terms `json:"-"`
	// Members are the ISO 3166-1 alpha-3 codes of the group's countries:
	// the core that every usage of the name includes.
	Members []string `json:"members"`
}

// groups are the country groups; their names are matched like country
// names (whole words, case and accents ignored).
var groups = []Group{
	{Code: "nca", Name: Text{EN: "Northern Central America", ES: "Norte de Centroamérica", FR: "Nord de l'Amérique centrale"},
		Names: termsPT(
			"Northern Central America|North of Central America|Northern Triangle|Northern Triangle of Central America|NCA|NTCA",
			"Norte de Centroamérica|Norte de Centro América|Triángulo Norte|Triángulo Norte de Centroamérica|TNCA|"+
				"países del Norte de Centroamérica",
			"nord de l'Amérique centrale|Triangle du Nord|Triangle nord de l'Amérique centrale",
			"Norte da América Central|Triângulo Norte|Triângulo Norte da América Central"),
		Members: []string{"GTM", "HND", "SLV"}},
	{Code: "horn-of-africa", Name: Text{EN: "Horn of Africa", ES: "Cuerno de África", FR: "Corne de l'Afrique"},
		Names: termsPT("Horn of Africa", "Cuerno de África", "Corne de l'Afrique", "Corno de África|Corno da África|Chifre da África"),
		// Djibouti, Eritrea, Ethiopia and Somalia; Kenya, Sudan, South
		// Sudan and Uganda belong to the wider IGAD region and count
		// where a document names them.
		Members: []string{"DJI", "ERI", "ETH", "SOM"}},
	{Code: "sahel", Name: Text{EN: "Sahel", ES: "Sahel", FR: "Sahel"},
		Names: termsPT("Sahel|G5 Sahel|Central Sahel", "Sahel|G5 del Sahel|Sahel central", "Sahel|G5 Sahel|Sahel central", "Sahel"),
		// The G5 Sahel countries.
		Members: []string{"BFA", "MLI", "MRT", "NER", "TCD"}},
	{Code: "lake-chad", Name: Text{EN: "Lake Chad Basin", ES: "Cuenca del Lago Chad", FR: "Bassin du lac Tchad"},
		Names:   termsPT("Lake Chad Basin|Lake Chad region", "Cuenca del Lago Chad", "Bassin du lac Tchad|région du lac Tchad", "Bacia do Lago Chade"),
		Members: []string{"CMR", "NER", "NGA", "TCD"}},
	{Code: "oecs", Name: Text{EN: "Eastern Caribbean", ES: "Caribe Oriental", FR: "Caraïbe orientale"},
		Names: termsPT("Organisation of Eastern Caribbean States|Organization of Eastern Caribbean States|OECS|Eastern Caribbean",
			"Organización de Estados del Caribe Oriental|OECO|Caribe Oriental",
			"Organisation des États de la Caraïbe orientale|OECO|Caraïbe orientale",
			"Organização dos Estados do Caribe Oriental|Caribe Oriental"),
		// The independent member states.
		Members: []string{"ATG", "DMA", "GRD", "KNA", "LCA", "VCT"}},
	{Code: "hispaniola", Name: Text{EN: "Hispaniola", ES: "La Española", FR: "Hispaniola"},
		Names:   termsPT("Hispaniola|island of Hispaniola", "isla La Española|isla de La Española|Hispaniola", "Hispaniola|île d'Hispaniola", "Hispaniola"),
		Members: []string{"DOM", "HTI"}},
}

// Groups returns the country groups.
func Groups() []Group { return groups }
