package taxonomy

// Placeholder data; replaced by the full vocabularies.

var countries = []Country{
	{Code: "HND", Name: Text{EN: "Honduras", ES: "Honduras", FR: "Honduras"}, Demonyms: []string{"Honduran", "hondureño", "hondureña", "hondureños"}, Capitals: []string{"Tegucigalpa"}, Region: "central-america"},
	{Code: "SLV", Name: Text{EN: "El Salvador", ES: "El Salvador", FR: "Salvador"}, Demonyms: []string{"Salvadoran", "salvadoreño"}, Capitals: []string{"San Salvador"}, Region: "central-america"},
	{Code: "GTM", Name: Text{EN: "Guatemala", ES: "Guatemala", FR: "Guatemala"}, Demonyms: []string{"Guatemalan", "guatemalteco"}, Region: "central-america"},
	{Code: "MEX", Name: Text{EN: "Mexico", ES: "México", FR: "Mexique"}, Demonyms: []string{"Mexican", "mexicano"}, Region: "north-america"},
	{Code: "REG", Name: Text{EN: "Regional", ES: "Regional", FR: "Régional"}},
	{Code: "GLB", Name: Text{EN: "Global", ES: "Global", FR: "Mondial"}},
}

var themes = []Theme{
	{Code: "c4d", Name: Text{EN: "Communication for development", ES: "Comunicación para el desarrollo"}, Terms: Terms{"en": {"communication for development", "C4D"}, "es": {"comunicación para el desarrollo"}}},
	{Code: "trafficking", Name: Text{EN: "Trafficking in persons", ES: "Trata de personas"}, Terms: Terms{"en": {"trafficking"}, "es": {"trata de personas"}}},
}

var objectives = []Objective{}

var principles = []Principle{}

var docTypes = []DocType{}
