package extract

import (
	"context"
	"testing"

	"faro/indexer/pdftext"
)

// ln is a line of a test page: its text, size, top and left edge; it
// ends where a line of its length in that size would.
func ln(text string, size, top, x0 float64) pdftext.Line {
	return pdftext.Line{Text: text, Size: size, Top: top, X0: x0, X1: x0 + 0.5*size*float64(len([]rune(text)))}
}

// body is a column of body text from top, one line every 13 points.
func body(top float64, n int) []pdftext.Line {
	var out []pdftext.Line
	for i := range n {
		out = append(out, ln("This evaluation brief presents a summary of the key findings and", 10.5, top+13*float64(i), 35))
	}
	return out
}

func page(parts ...[]pdftext.Line) []pdftext.Line {
	var out []pdftext.Line
	for _, p := range parts {
		out = append(out, p...)
	}
	return out
}

func TestCoverTitle(t *testing.T) {
	cases := []struct {
		name  string
		pages [][]pdftext.Line
		hint  string
		want  string
	}{
		{
			name: "brief: series label and date above a title barely larger than the body",
			pages: [][]pdftext.Line{page([]pdftext.Line{
				ln("EVALUATION BRIEF", 26, 61, 115),
				ln("March 2022", 14, 61, 487),
				ln("FINAL EVALUATION OF THE PROJECT “LOCAL AUTHORITIES", 12, 89, 115),
				ln("NETWORK FOR MIGRATION AND DEVELOPMENT”", 12, 104, 115),
			}, body(154, 30), []pdftext.Line{ln("PROJECT SUMMARY", 16, 560, 32)}, body(580, 10))},
			want: "FINAL EVALUATION OF THE PROJECT “LOCAL AUTHORITIES NETWORK FOR MIGRATION AND DEVELOPMENT”",
		},
		{
			name: "report cover: title low on the page, subtitle below it",
			pages: [][]pdftext.Line{{
				ln("Charting a New Regional Course of Action", 29, 467, 56),
				ln("The Complex Motivations and Costs of Central American Migration", 20, 532, 56),
				ln("Ariel G. Ruiz Soto", 13, 590, 36),
				ln("Rossella Bottone", 13, 607, 36),
			}},
			want: "Charting a New Regional Course of Action: The Complex Motivations and Costs of Central American Migration",
		},
		{
			name: "a last line set smaller still belongs to the title",
			pages: [][]pdftext.Line{page([]pdftext.Line{
				ln("EVALUATION FINALE INTERNE: VERS UNE DIMENSION", 12, 87, 115),
				ln("ENVIRONNEMENTALE DE L’AIDE À LA RÉINTÉGRATION", 11, 102, 115),
			}, body(154, 30))},
			want: "EVALUATION FINALE INTERNE: VERS UNE DIMENSION ENVIRONNEMENTALE DE L’AIDE À LA RÉINTÉGRATION",
		},
		{
			name: "a line ending with a hyphen joins the next word",
			pages: [][]pdftext.Line{{
				ln("Migración y desarrollo en la re-", 30, 200, 50),
				ln("gión centroamericana", 30, 235, 50),
				ln("Informe anual de actividades del programa regional", 11, 400, 50),
			}},
			want: "Migración y desarrollo en la región centroamericana",
		},
		{
			name: "the declared title confirms a block that is not the largest",
			pages: [][]pdftext.Line{{
				ln("C/106/INF/8/Rev.1", 12, 53, 457),
				ln("CONSEJO", 18, 227, 255),
				ln("Centésima sexta Reunión", 14, 258, 222),
				ln("POLÍTICA DE LA OIM SOBRE LA IGUALDAD DE GÉNERO 2015-2019", 12, 437, 103),
			}},
			hint: "C/106/INF/8/Rev.1 - Política de la OIM sobre la Igualdad de Género 2015-2019",
			want: "POLÍTICA DE LA OIM SOBRE LA IGUALDAD DE GÉNERO 2015-2019",
		},
		{
			name: "a generic heading is completed by the form's title field",
			pages: [][]pdftext.Line{{
				ln("Management Response Matrix", 16, 64, 196),
				ln("Evaluation title/year: Final Evaluation of the Joint Initiative for migrant protection", 11, 103, 42),
				ln("and reintegration in the Horn of Africa, 2023", 11, 117, 42),
				ln("Person or entity responsible for completing the management follow-up response matrix:", 11, 144, 42),
			}},
			want: "Management Response Matrix: Final Evaluation of the Joint Initiative for migrant protection and reintegration in the Horn of Africa",
		},
		{
			name: "a cover with almost no text: the title is on page 2",
			pages: [][]pdftext.Line{
				{ln("20", 36, 68, 420)},
				page([]pdftext.Line{ln("Buscando el Norte", 14, 84, 242)}, body(120, 30)),
			},
			want: "Buscando el Norte",
		},
		{
			name:  "nothing stands out: no title",
			pages: [][]pdftext.Line{body(60, 40)},
			want:  "",
		},
		{
			name: "a lone label, date or number is not a title",
			pages: [][]pdftext.Line{page([]pdftext.Line{
				ln("FACT SHEET", 30, 50, 50),
				ln("December 2024", 30, 100, 50),
				ln("2024", 30, 150, 50),
			}, body(200, 20))},
			want: "",
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := CoverTitle(c.pages, c.hint); got != c.want {
				t.Errorf("CoverTitle = %q, want %q", got, c.want)
			}
		})
	}
}

// TestPDFHeading checks that the PDF extractor reads the cover's title
// from a generated file whose Info title is a tool's leftover.
func TestPDFHeading(t *testing.T) {
	content := "BT /F1 26 Tf 72 740 Td (EVALUATION BRIEF) Tj ET\n" +
		"BT /F1 14 Tf 450 740 Td (March 2022) Tj ET\n" +
		"BT /F1 18 Tf 72 700 Td (Local Authorities Network for) Tj 0 -21 Td (Migration and Development) Tj ET\n" +
		"BT /F1 10 Tf 12 TL 72 600 Td (This brief presents the findings of the evaluation.) Tj T* (It was carried out in 2022 by an external team.) Tj ET\n"
	data := genPDF{pages: []genPage{{content: content}}, info: map[string]string{"Title": "x"}}.bytes()
	res, err := PDFExtractor{NoFallback: true}.Extract(context.Background(), "brief.pdf", data)
	if err != nil {
		t.Fatal(err)
	}
	if want := "Local Authorities Network for Migration and Development"; res.Heading != want {
		t.Errorf("Heading = %q, want %q", res.Heading, want)
	}
	if res.Title != "x" {
		t.Errorf("Title = %q, want the Info title kept as declared", res.Title)
	}
}
