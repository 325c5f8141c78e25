package taxonomy

// domainTerms are the words in which real reports, laws and news describe
// what an objective commits to, beyond the Compact's own phrasing: the
// programmes, procedures and harms behind each commitment ("temporary
// residence" and "work permits" for regular pathways, "kidnappings" and
// "the best interests of the child" for vulnerabilities, "asylum
// applications" for screening and referral), in English, Spanish, French
// and Portuguese. They are merged into the objectives' Terms at start.
// Words that every migration text uses (migrants, borders alone,
// cooperation) are left out, and so are the Compact's names: naming the
// Compact does not make a document address any one objective.
var domainTerms = map[int]Terms{
	1: termsPT(
		"data disaggregated by age|migration data collection|household surveys on migration|disaggregated by sex",
		"desagregados por sexo|desagregados por edad|datos estadísticos sobre migración",
		"ventilées par sexe|ventilées par âge|données statistiques sur les migrations",
		"dados migratórios|dados desagregados|recolha de dados|estatísticas migratórias|perfil migratório"),
	2: termsPT(
		"economic factors|economic drivers|lack of jobs|unemployment|gang violence|gangs|intention to migrate|"+
			"intentions to migrate|desire to migrate|migration intentions|reasons for migration|drivers of irregular migration|"+
			"economic hardship|extreme poverty|economic instability",
		"factores económicos|falta de empleo|desempleo|violencia de pandillas|pandillas|maras|intención de migrar|"+
			"deseo de migrar|motivos de la migración|motivos para migrar|causas de la migración irregular|pobreza extrema|"+
			"inestabilidad económica|causas fundamentales|pequeños negocios|formación vocacional|capacitación vocacional",
		"facteurs économiques|manque d'emplois|chômage|violence des gangs|intention de migrer|désir de migrer|"+
			"raisons de la migration|pauvreté extrême|instabilité économique|facteurs de la migration irrégulière|"+
			"causes fondamentales",
		"causas da migração|fatores económicos|desemprego|pobreza|meios de subsistência|insegurança alimentar|"+
			"alterações climáticas|causas profundas|causas fundamentais|pequenos negócios|formação profissional"),
	3: termsPT(
		"information desks|information points|information centres|information centers|pre-departure orientation|"+
			"pre-departure information|awareness-raising activities|information sessions|peer-to-peer",
		"ventanillas informativas|ventanilla informativa|puntos de información|centros de información|"+
			"orientación previa a la partida|charlas informativas|actividades de sensibilización|información clara|"+
			"sesiones informativas|sesión informativa|información precisa",
		"guichets d'information|points d'information|centres d'information|orientation avant le départ|"+
			"séances d'information|activités de sensibilisation|information claire|sessions d'information|"+
			"information exacte|informations précises",
		"campanhas de informação|campanha de informação|sensibilização|informação precisa|balcões de informação"),
	4: termsPT(
		"certificate of nationality|proof of nationality|identity cards|identity card|migration documents|"+
			"residence cards|residence card|travel document",
		"certificado de nacionalidad|declaración de nacionalidad|nacionalidad mexicana por nacimiento|"+
			"cédula de identidad|documento migratorio|documentos migratorios|tarjeta de residencia|tarjeta de residente|"+
			"documento de viaje|expedición de documentos",
		"certificat de nationalité|carte d'identité|cartes d'identité|titre de séjour|titres de séjour|carte de séjour|"+
			"document de voyage",
		"documentos de identidade|documento de identidade|registo civil|registro civil|certidão de nascimento|apatridia|"+
			"passaporte|passaportes|e-residência|residência eletrónica"),
	5: termsPT(
		"temporary employment visas|employment visas|employment-based visas|lawful pathways|legal migration pathways|"+
			"temporary residence|permanent residence|residence permits|residence permit|temporary workers|"+
			"temporary worker programs|refugee resettlement|family-based visas",
		"residencia temporal|residencia permanente|residente temporal|residentes temporales|residente permanente|"+
			"unidad familiar|oferta de empleo|permiso para trabajar|permisos para trabajar|"+
			"condición de estancia|condiciones de estancia|"+
			"cambio de condición|trabajadores temporeros|visas de empleo temporal|vías migratorias regulares|"+
			"visa de residencia|estudiante",
		"résidence temporaire|résidence permanente|permis de séjour|travailleurs temporaires|voies de migration légales|"+
			"visas d'emploi temporaire|réinstallation des réfugiés",
		"vias regulares|migração regular|migração legal|reunificação familiar|reagrupamento familiar|autorização de residência|"+
			"vistos de trabalho|visto de trabalho|mobilidade laboral"),
	7: termsPT(
		""+
			"unaccompanied migrant children|abuses against migrants|"+
			"victims of violence|children on the move|kidnapping|kidnappings|kidnapped|extortion",
		""+
			"niñas, niños y adolescentes migrantes|niños, niñas y adolescentes migrantes|no acompañados|"+
			"abusos contra migrantes|víctimas de violencia|"+
			"protección de la infancia|secuestro|secuestros|secuestrados|extorsión|extorsiones",
		"enfants migrants non accompagnés|"+
			"abus contre les migrants|victimes de violence|enfants en déplacement|enlèvement|enlèvements|extorsion",
		"vulnerabilidade|vulnerabilidades|crianças desacompanhadas|menores desacompanhados|proteção de crianças|"+
			"situação de vulnerabilidade|violência baseada no género|sequestro|sequestros|extorsão"),
	8: termsPT(
		"migrant deaths|deaths of migrants|died during the journey|search and rescue|rescue operations|disappeared migrants|"+
			"forensic identification|missing persons|disappeared",
		"muertes de migrantes|búsqueda y rescate|"+
			"operaciones de rescate|identificación forense|desaparecidos|desaparecidas|personas desaparecidas",
		"migrants disparus|décès de migrants|recherche et sauvetage|opérations de sauvetage|identification médico-légale|"+
			"personnes disparues",
		"migrantes desaparecidos|mortes de migrantes|busca e salvamento"),
	6: termsPT(
		"fraudulent recruitment|fraudulent job offers|fraudulent recruiters|deceptive recruitment|unscrupulous recruiters",
		"reclutamiento fraudulento|ofertas de empleo fraudulentas|ofertas de trabajo fraudulentas|ofertas de empleo engañosas|"+
			"ofertas engañosas",
		"recrutement frauduleux|offres d'emploi frauduleuses|recruteurs peu scrupuleux",
		"recrutamento fraudulento|ofertas de emprego fraudulentas"),
	9: termsPT(
		"smuggling fees|smuggling networks|pay a smuggler|contracted a smuggler",
		"traficante|traficantes|tráfico ilegal de personas|tráfico de personas",
		"trafic de migrants|passeurs",
		"contrabando de migrantes|tráfico de migrantes|coiote|coiotes"),
	11: termsPT(
		"points of entry|ports of entry|entry and exit|border checkpoints|immigration control|migration control|"+
			"border management capacity|border management capacities|border control posts",
		"puntos de internación|puertos de entrada|entrada y salida|control migratorio|controles migratorios|"+
			"filtros de revisión|revisión migratoria|puestos de control|lugares destinados al tránsito internacional|"+
			"cruces fronterizos|cruce fronterizo",
		"points d'entrée|postes de contrôle|contrôle migratoire|contrôles migratoires|entrée et sortie|"+
			"points de passage frontaliers|passages frontaliers",
		"gestão de fronteiras|gestão das fronteiras|controlo fronteiriço|controle de fronteiras|postos fronteiriços"),
	12: termsPT(
		"asylum applications|asylum application|asylum seekers|asylum procedures|refugee status determination|"+
			"international protection|immigration procedures|migration procedures|application procedures|"+
			"vulnerability assessments|case referral|referral pathways",
		"solicitantes de asilo|solicitud de asilo|solicitudes de asilo|condición de refugiado|reconocimiento de la condición|"+
			"protección internacional|protección complementaria|trámites migratorios|trámite migratorio|"+
			"procedimiento migratorio|procedimiento administrativo migratorio|requisitos para|resolución del trámite|"+
			"mecanismos de referencia|derivación de casos|tamizaje|rutas de referencia|ruta de referencia|"+
			"referencia de casos",
		"demandeurs d'asile|demande d'asile|demandes d'asile|statut de réfugié|protection internationale|"+
			"procédures d'immigration|procédures de demande|orientation des cas",
		"requerentes de asilo|pedido de asilo|pedidos de asilo|proteção internacional|estatuto de refugiado|"+
			"encaminhamento|procedimentos migratórios"),
	16: termsPT(
		"naturalization|naturalisation|integration into the host country|integration of refugees|social integration",
		"naturalización|carta de naturalización|integración al país|integración social|integración de refugiados",
		"naturalisation|intégration sociale|intégration des réfugiés|intégration dans le pays d'accueil",
		"integração|integração social|coesão social|naturalização|comunidades de acolhimento"),
	17: termsPT("", "", "", "discriminação|xenofobia|racismo|estigma"),
	18: termsPT("", "formación vocacional|capacitación vocacional", "", "formação profissional|formação técnica"),
	19: termsPT(
		"diaspora investment|diasporas to invest|diaspora networks|diaspora associations|diaspora donations",
		"inversión de la diáspora|diásporas inviertan|redes de la diáspora|asociaciones de la diáspora",
		"investissement de la diaspora|réseaux de la diaspora|associations de la diaspora",
		"diáspora|diásporas|migração e desenvolvimento"),
	20: termsPT("", "", "", "remessas|remessa|inclusão financeira|transferências de dinheiro"),
	23: termsPT(
		"shared responsibility|shared responsibilities|regional cooperation mechanisms|cooperation on migration|"+
			"regional approach to migration|binational cooperation mechanisms|cross-border cooperation",
		"responsabilidad compartida|responsabilidades compartidas|mecanismos de cooperación regional|"+
			"cooperación en materia migratoria|enfoque regional|cooperación transfronteriza",
		"responsabilité partagée|responsabilités partagées|mécanismes de coopération régionale|"+
			"coopération en matière de migration|coopération transfrontalière",
		"responsabilidade partilhada|responsabilidade compartilhada|cooperação internacional|cooperação regional|"+
			"cooperação transfronteiriça"),
	21: termsPT(
		"repatriation|repatriated|deportee",
		"retornan|retornaron|retornar|retornó|retornen|retornada|deportado|deportada|deportan|deportaron|deportar|"+
			"deportó|repatriación|repatriados|repatriadas",
		"rapatriement|rapatriements|rapatrié|rapatriée|rapatriées|retournée|retournées|expulsés",
		"reintegração|retorno voluntário|retornados|migrantes retornados|reintegração sustentável|readmissão|"+
			"deportados|deportação|repatriação|repatriados"),
}

// termsPT builds Terms from "|"-separated English, Spanish, French and
// Portuguese lists.
func termsPT(en, es, fr, pt string) Terms {
	t := terms(en, es, fr)
	for _, s := range terms(pt, "", "")["en"] {
		t["pt"] = append(t["pt"], s)
	}
	return t
}

func init() {
	for i := range objectives {
		for lang, list := range domainTerms[objectives[i].Number] {
			objectives[i].Terms[lang] = append(objectives[i].Terms[lang], list...)
		}
	}
}
