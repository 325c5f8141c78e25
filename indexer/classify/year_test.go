package classify

import "testing"

// TestYearPrinted: a printed date on the cover is the publication year;
// years in running text after "since", "in", "desde" or in a citation
// are not; a date printed once near the top outweighs one repeated in the
// text.
func TestYearPrinted(t *testing.T) {
	cases := []struct {
		name    string
		page    string
		year    int
		printed bool
	}{
		{"month and year on the cover", "EVALUATION BRIEF December 2024 Evaluation of the programme in Ethiopia", 2024, true},
		{"Spanish date", "Informe final. Ciudad de Guatemala, junio de 2022. La migración irregular aumentó.", 2022, true},
		{"Portuguese date", "Relatório de avaliação. Abril de 2019. A migração de retorno.", 2019, true},
		{"French date", "Sommaire évaluation août 2021 Évaluation finale interne du projet", 2021, true},
		{"historical year alone is no date", "The programme was founded in 1998 and still works with migrants across the region.", 0, false},
		{"Spanish historical year", "Los desaparecidos desde 2006 son miles, según la organización de madres.", 0, false},
		{"a citation's year is no date", "Estados Unidos. Fuente: Save the Children, 2016. Datos de retorno.", 0, false},
		{"a bare year alone counts, not printed", "Annual report 2019 of the regional office on return and reintegration.", 2019, false},
		{"the cover date outweighs a repeated amendment date",
			"Lineamientos. Última reforma DOF 30-12-2019. Lineamientos. Última reforma publicada DOF 30-12-2019. " +
				repeat("Las disposiciones de los presentes lineamientos son de observancia general. ", 6) + repeat("Fracción reformada DOF 30-09-2016. Texto de la fracción. ", 4), 2019, true},
		{"imprint: © IOM 2021", "All rights reserved. © IOM 2021. The text of the report follows.", 2021, true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			out := Classify(Input{Pages: []string{c.page}})
			if out.Year != c.year || out.YearPrinted != c.printed {
				t.Errorf("year %d printed %v, want %d %v", out.Year, out.YearPrinted, c.year, c.printed)
			}
		})
	}
}
