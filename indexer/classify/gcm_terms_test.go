package classify

import (
	"slices"
	"testing"
)

// TestObjectiveTermsNameTheCommitment: an objective is found by words
// for what it commits to, not by the words for a place or an office that
// many texts name for other reasons, nor by another language's everyday
// word: borders crossed on a journey, or a border zone where a project
// builds social cohesion, are not border management (11), a consulate that issues visas is not consular
// protection (14), and the French "compétences" (skills, or powers of an
// authority) is not the recognition of competences (18), and
// strengthening a country's health system is not migrants' access to
// basic services (15). Each case also holds the objective's own words,
// which still find it.
func TestObjectiveTermsNameTheCommitment(t *testing.T) {
	cases := []struct {
		name string
		text string
		gcm  int
		want bool
	}{
		{"border zone as a place", `Le projet renforce la cohésion sociale dans la zone frontalière. Les communautés
frontalières ont participé aux dialogues; dans la zone frontalière, les communautés frontalières des deux pays
ont organisé des foires. Les jeunes des zones frontalières et les communautés frontalières ont créé des comités
dans chaque zone frontalière.`, 11, false},
		{"borders crossed on a journey", `Amalia crossed three borders before reaching the north. At the borders
the bus stopped; después de cruzar las fronteras de Guatemala y México, las fronteras quedaron atrás, y los
niños hablaban de las fronteras como de un muro. Borders, borders and more borders.`, 11, false},
		{"border management", `Le projet renforce la gestion des frontières. Les postes frontières ont reçu des
équipements; la police des frontières a suivi une formation sur la gestion intégrée des frontières et le
contrôle aux frontières. La sécurité des frontières s'est améliorée aux postes frontières.`, 11, true},
		{"consulates issuing visas", `La oficina consular expide la visa. El consulado revisa la solicitud y la
embajada entrega el documento; cada consulado y cada embajada publica los requisitos. La oficina consular
puede pedir una entrevista en el consulado o en la embajada, y el consulado notifica la resolución consular.`, 14, false},
		{"consular protection", `La protección consular de los connacionales incluye la asistencia consular en
casos de detención. El personal consular brinda servicios consulares y protección consular a los nacionales en
el exterior, y la asistencia consular llega a los connacionales en situación de vulnerabilidad.`, 14, true},
		{"French competences", `La commune exerce ses compétences en matière d'état civil. Les compétences
transférées aux communes et les compétences des régions sont définies par la loi; le maire a renforcé les
compétences du conseil, et les compétences partagées avec l'État restent floues. Les compétences des agents
municipaux ont été évaluées.`, 18, false},
		{"recognition of competences", `Le projet soutient la reconnaissance des compétences des migrants de
retour et la certification des compétences acquises à l'étranger. La reconnaissance des qualifications et le
développement des compétences ouvrent l'accès à l'emploi; la formation professionnelle complète la
certification des compétences.`, 18, true},
		{"health system strengthening", `La diaspora contribue au renforcement du système de santé. Le système de
santé de la région a reçu des équipements; le renforcement du système de santé passe par des missions de
médecins de la diaspora, et le système de santé local a formé ses équipes. Le renforcement du système de santé
reste l'objectif du projet, avec un système de santé plus solide.`, 15, false},
		{"access to the health system", `Las personas migrantes tienen acceso al sistema de salud y acceso a la
educación. El acceso a servicios básicos y el acceso a la salud de las personas migrantes mejoraron; los
servicios de salud y la atención primaria llegan a la salud de las personas migrantes en tránsito.`, 15, true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			out := Classify(Input{Pages: []string{c.text}})
			if got := slices.Contains(out.GCM, c.gcm); got != c.want {
				t.Errorf("objective %d kept = %v, want %v (objectives %v)", c.gcm, got, c.want, out.GCM)
			}
		})
	}
}

// TestObjectiveTermsTranslated: a text and its translation find the same
// objectives; each Spanish or French text uses the translation of an
// English term of the lexicon ("root causes": causas fundamentales,
// "referral pathways": rutas de referencia), and finds its objective only
// by that term.
func TestObjectiveTermsTranslated(t *testing.T) {
	cases := []struct {
		gcm   int
		texts []string
	}{
		{2, []string{
			`The plan addresses the root causes of irregular migration. The root causes include poverty.`,
			`El plan aborda las causas fundamentales de la migración irregular. Las causas fundamentales incluyen la
pobreza.`,
			`Le plan s'attaque aux causes fondamentales de la migration irrégulière. Les causes fondamentales
comprennent la pauvreté.`}},
		{12, []string{
			`Shelters agreed referral pathways with the authorities. The referral pathways cover asylum seekers.`,
			`Los albergues acordaron rutas de referencia con las autoridades. Las rutas de referencia cubren a los
solicitantes de asilo.`}},
		{11, []string{
			`The team visited border crossings. At the border crossings, officials explained immigration control.`,
			`El equipo visitó cruces fronterizos. En los cruces fronterizos, los funcionarios explicaron el control
migratorio.`,
			`L'équipe a visité des points de passage frontaliers. Aux passages frontaliers, les agents ont expliqué le
contrôle migratoire.`}},
		{3, []string{
			`Information sessions in shelters and information sessions in schools gave accurate information.`,
			`Sesiones informativas en albergues y sesiones informativas en escuelas dieron información precisa.`,
			`Des sessions d'information dans les foyers et des sessions d'information dans les écoles ont donné une
information exacte.`}},
		{18, []string{
			`Returnees joined vocational training; vocational training led to the certification of skills.`,
			`Las personas retornadas se sumaron a la formación vocacional; la formación vocacional llevó a la
certificación de competencias.`}},
	}
	for _, c := range cases {
		for i, text := range c.texts {
			out := Classify(Input{Pages: []string{text}})
			if !slices.Contains(out.GCM, c.gcm) {
				t.Errorf("objective %d, text %d: objectives %v, want %d", c.gcm, i, out.GCM, c.gcm)
			}
		}
	}
}

// TestReturnVerbs: news and factsheets tell of returns with verbs
// ("México deportó a 300 niños", "los que retornaron", "ont été
// rapatriés"), not only with the nouns of programmes; the verbs of
// returning and deporting find objective 21 (return and reintegration).
func TestReturnVerbs(t *testing.T) {
	cases := []string{
		`México deportó a 300 niños y Estados Unidos deportó a otros 500. Los que retornaron a sus comunidades y
los que retornan cada año no encuentran escuela.`,
		`Les migrants bloqués ont été rapatriés: le rapatriement de 300 personnes a eu lieu en mai, et les
personnes rapatriées ont reçu un kit.`,
		`The repatriation of 300 migrants took place in May; those repatriated received a kit, and each deportee
was met at the airport.`,
	}
	for i, text := range cases {
		out := Classify(Input{Pages: []string{text}})
		if !slices.Contains(out.GCM, 21) {
			t.Errorf("text %d: objectives %v, want 21", i, out.GCM)
		}
	}
}
