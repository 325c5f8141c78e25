package classify

import "testing"

// TestTypes: the types of real documents, from their cover, title and
// file name.
func TestTypes(t *testing.T) {
	cases := []struct {
		name, title, file, page, want string
	}{
		{"a series label on the cover", "Evaluation of the project in Nigeria", "brief.pdf",
			"EVALUATION BRIEF January 2021 EVALUATION OF THE PROJECT IN NIGERIA This evaluation brief presents the findings of the final evaluation.", "evaluation-brief"},
		{"a consolidated law", "Ley sobre Refugiados y Asilo Político", "ley.pdf",
			"LEY SOBRE REFUGIADOS Y ASILO POLÍTICO Cámara de Diputados Última Reforma DOF 11-11-2020 Texto vigente Artículo 1.", "law"},
		{"binding guidelines in the official gazette", "Lineamientos para trámites migratorios", "x.pdf",
			"LINEAMIENTOS para trámites y procedimientos migratorios. Acuerdo publicado en el Diario Oficial de la Federación. TEXTO VIGENTE", "law"},
		{"a map", "Ventanillas informativas en los países de la región", "corett_mapa-ventanillas.pdf",
			"Ventanillas informativas 1 Baja California Tijuana Dirección Municipal de Atención al Migrante", "map"},
		{"a comic", "Siguiendo la ruta", "el-salvador-historieta-siguiendo-la-ruta.pdf",
			"SIGUIENDO LA RUTA ¿Sabías que la migración de niños ha aumentado?", "comic"},
		{"a press release", "IOM welcomes new returnees", "x.pdf",
			"PRESS RELEASE Geneva, 3 May 2022. IOM welcomes the arrival of returnees.", "news"},
		{"a management response with a title field", "Management Response Matrix: Final Evaluation of the Joint Initiative", "x.pdf",
			"Management Response Matrix Evaluation title/year: Final Evaluation of the Joint Initiative, 2023", "management-response"},
		{"a type's name opening the title: the rest is the subject", "Fact Sheet: The Los Angeles Declaration on Migration and Protection", "la-declaration-deliverables.md",
			"Today, President Biden joins leaders from across the Western Hemisphere to present the Los Angeles Declaration on Migration and Protection.", "info-sheet"},
		{"an evaluation whose title names a strategy", "Evaluation of the IOM Migration Data Strategy 2020-2025: Case Study: Regional Data Hub", "annex6-rdh.pdf",
			"Table of contents 1. Overview of Regional Data Hubs 2. Development timeline of the data hub", "evaluation-report"},
		{"a declaration stays a policy text", "Los Angeles Declaration on Migration and Protection", "x.md",
			"We, the Heads of State, declare our intent to strengthen national, regional and hemispheric efforts.", "policy-text"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			out := Classify(Input{Title: c.title, FileName: c.file, Pages: []string{c.page}})
			if out.Type != c.want {
				t.Errorf("type %q, want %q (labels %+v)", out.Type, c.want, labelOf(out, "type", out.Type))
			}
		})
	}
}
