package taxonomy

// docTypes are the document types of the programme's knowledge products.
// Their order breaks ties: a more specific type comes first.
var docTypes = []DocType{
	{Code: "management-response",
		Name: Text{EN: "Management response", ES: "Respuesta de la gerencia", FR: "Réponse de la direction"},
		Terms: terms(
			"management response|management response matrix|management follow-up response matrix|management follow-up",
			"respuesta de la gerencia|respuesta de la administración|matriz de respuesta de la gerencia|respuesta de gestión",
			"réponse de la direction|réponse de la gestion|matrice de réponse de la direction|matrice de réponse"),
		FileCues: []string{"mgmt", "management", "response"},
	},
	{Code: "terms-of-reference",
		Name: Text{EN: "Terms of reference", ES: "Términos de referencia", FR: "Termes de référence"},
		Terms: terms(
			"terms of reference|ToR",
			"términos de referencia|TdR",
			"termes de référence|TdR"),
		WeakTerms: terms(
			"call for applications|call for proposals|expression of interest|scope of work|request for proposals|consultancy",
			"convocatoria|alcance del trabajo|solicitud de propuestas|consultoría",
			"appel à candidatures|appel à candidature|appel d'offres|manifestation d'intérêt|étendue des travaux|titre de la position"),
		FileCues: []string{"tor", "tdr", "terms"},
	},
	{Code: "evaluation-brief",
		Name: Text{EN: "Evaluation brief", ES: "Resumen de evaluación", FR: "Résumé d'évaluation"},
		Terms: terms(
			"evaluation brief|learning brief|evaluation summary|evaluation highlights",
			"resumen de evaluación|resumen de la evaluación|nota de evaluación|síntesis de la evaluación",
			"résumé d'évaluation|résumé de l'évaluation|sommaire évaluation|sommaire d'évaluation|sommaire de l'évaluation|"+
				"note d'évaluation|synthèse de l'évaluation"),
		FileCues: []string{"brief"},
	},
	{Code: "evaluation-report",
		Name: Text{EN: "Evaluation report", ES: "Informe de evaluación", FR: "Rapport d'évaluation"},
		Terms: terms(
			"evaluation report|final evaluation report|mid-term evaluation report|evaluation final report",
			"informe de evaluación|informe final de evaluación|informe de la evaluación",
			"rapport d'évaluation|rapport final d'évaluation|rapport de l'évaluation"),
		WeakTerms: terms(
			"final evaluation|final internal evaluation|final external evaluation|internal evaluation|external evaluation|"+
				"mid-term evaluation|midterm evaluation|ex-post evaluation|final report|evaluation",
			"evaluación final|evaluación externa|evaluación interna|evaluación de medio término|evaluación intermedia|"+
				"informe final|evaluación",
			"évaluation finale|évaluation externe|évaluation interne|évaluation à mi-parcours|rapport final|évaluation"),
		FileCues: []string{"report", "rapport", "informe"},
	},
	{Code: "knowledge-uptake",
		Name: Text{EN: "Knowledge uptake", ES: "Apropiación del conocimiento", FR: "Appropriation des connaissances"},
		Terms: terms(
			"knowledge uptake|knowledge product|knowledge products",
			"apropiación del conocimiento|aprovechamiento del conocimiento|gestión del conocimiento|producto de conocimiento",
			"appropriation des connaissances|valorisation des connaissances|produit de connaissance"),
		WeakTerms: terms(
			"lessons learned|lessons learnt|good practices|systematization|knowledge management",
			"lecciones aprendidas|buenas prácticas|sistematización",
			"leçons apprises|enseignements tirés|bonnes pratiques|capitalisation"),
		FileCues: []string{"ku", "uptake"},
	},
	{Code: "info-sheet",
		Name: Text{EN: "Information sheet", ES: "Hoja informativa", FR: "Fiche d'information"},
		Terms: terms(
			"info sheet|information sheet|fact sheet|factsheet|infosheet|infographic|leaflet|brochure",
			"hoja informativa|ficha informativa|hoja de datos|infografía|folleto|volante|díptico|tríptico",
			"fiche d'information|fiche informative|fiche technique|infographie|dépliant|brochure"),
		WeakTerms: terms(
			"directory|snapshot|at a glance",
			"directorio|en cifras",
			"répertoire|en bref|en chiffres"),
		FileCues: []string{"factsheet", "infosheet", "hoja", "ficha", "fiche", "infographic", "infografia", "leaflet", "folleto"},
	},
	{Code: "campaign-summary",
		Name: Text{EN: "Campaign summary", ES: "Resumen de campaña", FR: "Résumé de campagne"},
		Terms: terms(
			"campaign summary|summary of the campaign|campaign report|campaign results",
			"resumen de campaña|resumen de la campaña|informe de campaña|resultados de la campaña",
			"résumé de campagne|résumé de la campagne|bilan de la campagne|rapport de campagne"),
		WeakTerms: terms(
			"campaign|awareness campaign|information campaign",
			"campaña|campaña de sensibilización|campaña informativa",
			"campagne|campagne de sensibilisation|campagne d'information"),
		FileCues: []string{"campaign", "campana", "campagne"},
	},
	{Code: "guide",
		Name: Text{EN: "Guide", ES: "Guía", FR: "Guide"},
		Terms: terms(
			"guide|step-by-step guide|practical guide|handbook|manual|toolkit|tool kit|guidance note",
			"guía|guía paso a paso|guía práctica|manual|caja de herramientas|herramienta|nota de orientación",
			"guide|guide pratique|guide étape par étape|manuel|boîte à outils|note d'orientation"),
		WeakTerms: terms(
			"guidelines|protocol|training module|curriculum|standard operating procedures|SOPs",
			"lineamientos|directrices|protocolo|módulo de capacitación|procedimientos operativos",
			"lignes directrices|protocole|module de formation|procédures opérationnelles"),
		FileCues: []string{"guide", "guia", "manual", "handbook", "toolkit", "manuel"},
	},
	{Code: "policy-text",
		Name: Text{EN: "Policy text", ES: "Texto normativo o de política", FR: "Texte de politique"},
		Terms: terms(
			"declaration|executive order|presidential determination|presidential memorandum|joint statement|"+
				"national migration policy|communiqué",
			"declaración|declaración conjunta|orden ejecutiva|decreto ejecutivo|"+
				"política migratoria|política nacional de migración|comunicado conjunto",
			"déclaration|déclaration conjointe|politique migratoire|"+
				"politique nationale de migration|communiqué conjoint"),
		WeakTerms: terms(
			"policy|framework|strategy|action plan|plan of action",
			"política|marco|estrategia|plan de acción",
			"politique|cadre|stratégie|plan d'action"),
		FileCues: []string{"declaration", "declaracion", "eo", "policy", "politica", "determination"},
	},
	{Code: "study",
		Name: Text{EN: "Study", ES: "Estudio", FR: "Étude"},
		Terms: terms(
			"study|research report|research paper|working paper|policy brief|baseline study|assessment report",
			"estudio|informe de investigación|investigación|documento de trabajo|diagnóstico|línea de base",
			"étude|rapport de recherche|document de travail|diagnostic|étude de base"),
		WeakTerms: terms(
			"executive summary|report|research|analysis|survey|review|case study|assessment",
			"resumen ejecutivo|informe|análisis|encuesta|revisión|estudio de caso",
			"résumé exécutif|rapport|recherche|analyse|enquête|revue|étude de cas"),
		FileCues: []string{"study", "estudio", "etude", "research", "review", "survey"},
	},
	{Code: "web-page",
		Name: Text{EN: "Web page", ES: "Página web", FR: "Page web"},
		Terms: terms(
			"web page|home page|webpage",
			"página web|página de inicio|sitio web",
			"page web|page d'accueil|site web"),
		WeakTerms: terms(
			"blog",
			"novedades",
			""),
		FileCues: []string{"html", "htm", "web", "page"},
	},
	{Code: "law",
		Name: Text{EN: "Law or regulation", ES: "Ley o reglamento", FR: "Loi ou règlement"},
		Terms: terms(
			"migration law|immigration act|law no|act no|implementing regulations|official gazette|federal register|"+
				"consolidated text|decree no|statute",
			"ley general|ley sobre|ley de migración|ley de nacionalidad|reglamento de la ley|reglamento de aplicación|"+
				"lineamientos generales|lineamientos para|diario oficial|texto vigente|última reforma|decreto no|decreto número|"+
				"acuerdo por el que",
			"loi sur les migrations|loi n|décret n|journal officiel|texte consolidé|règlement d'application"),
		WeakTerms: terms(
			"law|regulation|regulations|decree|act|article",
			"ley|reglamento|decreto|lineamientos|artículo|fracción",
			"loi|décret|règlement|article"),
		FileCues: []string{"law", "ley", "decree", "decreto", "reglamento", "lineamientos", "loi", "decret", "dof"},
	},
	{Code: "news",
		Name: Text{EN: "News", ES: "Noticia", FR: "Actualité"},
		Terms: terms(
			"news|press release|news release|news article",
			"noticia|noticias|comunicado de prensa|nota de prensa",
			"actualités|communiqué de presse|dépêche"),
		FileCues: []string{"news", "noticia", "noticias", "prensa"},
	},
	{Code: "map",
		Name: Text{EN: "Map", ES: "Mapa", FR: "Carte"},
		Terms: terms(
			"map",
			"mapa",
			"carte géographique"),
		FileCues: []string{"map", "mapa"},
	},
	{Code: "comic",
		Name: Text{EN: "Comic or story", ES: "Historieta o relato", FR: "Bande dessinée ou récit"},
		Terms: terms(
			"comic|comic strip|graphic novel|short story",
			"historieta|cómic|novela gráfica|relato|cuento",
			"bande dessinée|roman graphique|récit|conte"),
		FileCues: []string{"comic", "historieta", "relato", "cuento", "bd"},
	},
}
