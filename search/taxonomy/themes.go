package taxonomy

// themes are the programme's themes. Their terms favour phrases: a single
// word is listed only when it rarely means anything else in migration texts.
var themes = []Theme{
	{Code: "c4d",
		Name: Text{EN: "Communication for development", ES: "Comunicación para el desarrollo", FR: "Communication pour le développement"},
		Terms: terms(
			"communication for development|C4D|information campaign|information campaigns|awareness campaign|awareness campaigns|"+
				"awareness-raising campaign|awareness-raising|awareness raising|raise awareness|raising awareness|sensitization|"+
				"behaviour change|behavior change|behaviour change communication|social and behaviour change|informed decisions|"+
				"informed decision|informed choices|safe migration messages|key messages|communication campaign|communication strategy|"+
				"social media|radio spots|radio programmes|community outreach|outreach activities|peer educators|"+
				"multimedia campaign|audiovisual|community theatre|film screenings|testimonial videos",
			"comunicación para el desarrollo|campaña informativa|campañas informativas|campaña de información|campañas de información|"+
				"campaña de sensibilización|campañas de sensibilización|sensibilización|sensibilizar|concienciación|concientización|"+
				"cambio de comportamiento|cambio de comportamientos|decisiones informadas|decisión informada|mensajes clave|"+
				"campaña de comunicación|estrategia de comunicación|redes sociales|cuñas radiales|spots de radio|programas de radio|"+
				"cine foro|cine-foro|teatro comunitario|migración informada|Piénsalo 2 veces|Piénsalo dos veces",
			"communication pour le développement|campagne d'information|campagnes d'information|campagne de sensibilisation|"+
				"campagnes de sensibilisation|sensibilisation|sensibiliser|changement de comportement|changements de comportement|"+
				"décision éclairée|décisions éclairées|choix éclairé|messages clés|stratégie de communication|réseaux sociaux|"+
				"émissions de radio|spots radio|théâtre forum|causeries|caravanes de sensibilisation"),
	},
	{Code: "trafficking",
		Name: Text{EN: "Trafficking in persons", ES: "Trata de personas", FR: "Traite des personnes"},
		Terms: terms(
			"trafficking in persons|human trafficking|trafficking|trafficked|trafficker|traffickers|victims of trafficking|"+
				"victim of trafficking|trafficking victims|counter-trafficking|anti-trafficking|sexual exploitation|forced labour|"+
				"forced labor|labour exploitation|labor exploitation|debt bondage|modern slavery|Palermo Protocol",
			"trata de personas|trata de seres humanos|la trata|contra la trata|víctimas de trata|víctima de trata|"+
				"sobrevivientes de trata|tratante|tratantes|delito de trata|trata laboral|trata con fines|explotación sexual|"+
				"explotación laboral|trabajo forzoso|trabajos forzados|servidumbre|esclavitud moderna|Protocolo de Palermo",
			"traite des personnes|traite des êtres humains|la traite|contre la traite|victimes de traite|victime de traite|"+
				"victimes de la traite|trafiquant|trafiquants|exploitation sexuelle|travail forcé|exploitation par le travail|"+
				"esclavage moderne|servitude pour dettes|Protocole de Palerme"),
	},
	{Code: "smuggling",
		Name: Text{EN: "Smuggling of migrants", ES: "Tráfico ilícito de migrantes", FR: "Trafic illicite de migrants"},
		Terms: terms(
			"smuggling of migrants|migrant smuggling|smuggling|smuggler|smugglers|smuggled|smuggled migrants|smuggling networks|"+
				"coyote|coyotes|human smuggling",
			"tráfico ilícito de migrantes|tráfico ilícito|tráfico de migrantes|tráfico de personas|traficante de migrantes|"+
				"traficantes de migrantes|traficante|traficantes|coyote|coyotes|pollero|polleros|redes de tráfico",
			"trafic illicite de migrants|trafic de migrants|trafic illicite|passeur|passeurs|réseaux de passeurs|"+
				"migrants objet d'un trafic"),
	},
	{Code: "return-reintegration",
		Name: Text{EN: "Return and reintegration", ES: "Retorno y reintegración", FR: "Retour et réintégration"},
		Terms: terms(
			"return and reintegration|reintegration|reintegration assistance|sustainable reintegration|returnee|returnees|"+
				"returning migrants|returned migrants|assisted voluntary return|voluntary return|voluntary humanitarian return|AVRR|AVR|"+
				"deportees|deported migrants|deportation|deportations|readmission|forced returns|reception of returnees|"+
				"reintegration support|economic reintegration|psychosocial reintegration",
			"retorno y reintegración|reintegración|reinserción|reintegración sostenible|retornado|retornados|retornada|"+
				"retornadas|personas retornadas|migrantes retornados|personas migrantes retornadas|retorno voluntario|"+
				"retorno voluntario asistido|deportados|deportadas|personas deportadas|deportación|deportaciones|readmisión|"+
				"recepción de retornados|centro de atención al migrante retornado|CAMR",
			"retour et réintégration|réintégration|réinsertion|réintégration durable|retourné|retournés|migrants de retour|"+
				"migrants retournés|retour volontaire|retour volontaire assisté|retour humanitaire volontaire|AVRR|rapatriement|"+
				"rapatriés|réadmission|aide à la réintégration|assistance à la réintégration"),
	},
	{Code: "labour-migration",
		Name: Text{EN: "Labour migration", ES: "Migración laboral", FR: "Migration de main-d'œuvre"},
		Terms: terms(
			"labour migration|labor migration|migrant workers|migrant worker|labour mobility|labor mobility|temporary workers|"+
				"seasonal workers|seasonal agricultural workers|temporary work|fair recruitment|ethical recruitment|recruitment fees|"+
				"recruitment agencies|decent work|work permit|work permits|employment visa|H-2A|H-2B|labour market|labor market|"+
				"employers|employment opportunities",
			"migración laboral|trabajadores migrantes|trabajador migrante|trabajadoras migrantes|movilidad laboral|"+
				"trabajadores temporales|trabajadores temporeros|trabajo temporal|trabajadores agrícolas temporales|"+
				"reclutamiento ético|reclutamiento justo|contratación equitativa|contratación ética|cuotas de reclutamiento|"+
				"agencias de reclutamiento|trabajo decente|permiso de trabajo|permisos de trabajo|mercado laboral|"+
				"mercado de trabajo|empleadores|oportunidades de empleo|inserción laboral",
			"migration de main-d'œuvre|migration de travail|migration professionnelle|travailleurs migrants|travailleur migrant|"+
				"mobilité de la main-d'œuvre|mobilité professionnelle|travailleurs saisonniers|travail temporaire|"+
				"recrutement équitable|recrutement éthique|frais de recrutement|agences de recrutement|travail décent|"+
				"permis de travail|marché du travail|employeurs|opportunités d'emploi|insertion professionnelle"),
	},
	{Code: "protection",
		Name: Text{EN: "Protection", ES: "Protección", FR: "Protection"},
		Terms: terms(
			"migrant protection|international protection|protection needs|protection services|protection cases|"+
				"protection of migrants|protection assistance|case management|vulnerable migrants|migrants in vulnerable situations|"+
				"migrants in a situation of vulnerability|asylum seekers|asylum-seekers|psychosocial support|MHPSS|safe spaces|"+
				"referral mechanism|referral mechanisms|referral routes|human rights violations|violence against migrants|"+
				"stranded migrants|humanitarian assistance|direct assistance|complementary protection|consular protection",
			"protección internacional|necesidades de protección|servicios de protección|protección de las personas migrantes|"+
				"protección de migrantes|gestión de casos|migrantes en situación de vulnerabilidad|"+
				"personas en situación de vulnerabilidad|solicitantes de asilo|solicitantes de refugio|apoyo psicosocial|"+
				"atención psicosocial|casa del migrante|espacios seguros|mecanismo de referencia|mecanismos de referencia|"+
				"rutas de atención|violaciones de derechos humanos|asistencia humanitaria|asistencia directa|"+
				"protección complementaria|protección consular",
			"protection internationale|besoins de protection|services de protection|protection des migrants|gestion des cas|"+
				"migrants vulnérables|migrants en situation de vulnérabilité|demandeurs d'asile|soutien psychosocial|"+
				"appui psychosocial|centre de transit|centres de transit|espaces sûrs|mécanisme de référencement|"+
				"mécanismes d'orientation|assistance humanitaire|assistance directe|migrants bloqués|protection consulaire"),
		WeakTerms: terms(
			"protection|refugees|refugee|asylum|shelter|shelters",
			"protección|refugiados|refugiadas|refugio|asilo|albergue|albergues",
			"protection|réfugiés|réfugié|asile|hébergement"),
	},
	{Code: "children-youth",
		Name: Text{EN: "Children and youth", ES: "Niñez y juventud", FR: "Enfants et jeunes"},
		Terms: terms(
			"unaccompanied children|unaccompanied minors|unaccompanied and separated children|separated children|"+
				"unaccompanied migrant children|young migrants|migrant children|child protection|best interests of the child|"+
				"youth organizations|youth organisations|youth groups|youth clubs|youth volunteers|youth-led|child-friendly",
			"niños, niñas y adolescentes|NNA|NNAJ|niñez migrante|niñez y adolescencia|menores no acompañados|"+
				"niños no acompañados|niñez no acompañada|protección de la niñez|protección infantil|interés superior del niño|"+
				"organizaciones juveniles|grupos juveniles|clubes juveniles|voluntarios jóvenes|jóvenes voluntarios|"+
				"oficina municipal de la juventud|oficinas municipales de juventud",
			"enfants non accompagnés|mineurs non accompagnés|enfants séparés|enfants migrants|protection de l'enfance|"+
				"protection de l'enfant|intérêt supérieur de l'enfant|organisations de jeunesse|associations de jeunes"),
		WeakTerms: terms(
			"children|child|youth|young people|adolescents|adolescent|minors|schools|students",
			"niños|niñas|niño|niña|niñez|infancia|adolescentes|adolescente|menores de edad|jóvenes|juventud|joven|"+
				"escuelas|estudiantes",
			"enfants|enfant|mineurs|jeunes|jeunesse|adolescents|adolescentes|écoles|élèves"),
	},
	{Code: "gender",
		Name: Text{EN: "Gender", ES: "Género", FR: "Genre"},
		Terms: terms(
			"gender equality|gender-sensitive|gender-responsive|gender perspective|gender mainstreaming|gender-specific|"+
				"gender-based violence|GBV|SGBV|women and girls|migrant women|female migrants|girls and young women|"+
				"adolescent girls|LGBTI|LGBTIQ+|LGBTQI|sexual and reproductive health|sex-disaggregated",
			"enfoque de género|perspectiva de género|igualdad de género|violencia basada en género|violencia de género|"+
				"violencia sexual|mujeres migrantes|mujeres y niñas|niñas y mujeres jóvenes|niñas adolescentes|LGBTI|LGBTIQ|"+
				"personas LGBTI|salud sexual y reproductiva|desagregados por sexo|diferenciados por género",
			"égalité de genre|égalité des sexes|égalité femmes-hommes|sensible au genre|approche genre|"+
				"violences basées sur le genre|violence basée sur le genre|VBG|femmes migrantes|femmes et filles|"+
				"santé sexuelle et reproductive|ventilées par sexe"),
		WeakTerms: terms(
			"gender|women|girls",
			"género|mujeres|mujer|niñas",
			"genre|femmes|femme|filles"),
	},
	{Code: "border-management",
		Name: Text{EN: "Border management", ES: "Gestión de fronteras", FR: "Gestion des frontières"},
		Terms: terms(
			"border management|integrated border management|humanitarian border management|border control|border controls|"+
				"border security|border crossing|border crossings|border crossing points|border post|border posts|"+
				"border officials|border officers|border authorities|border police|border agencies|border communities|"+
				"border areas|border area|immigration officers|immigration officials|entry points|points of entry|"+
				"MIDAS|migration information and data analysis system|travel documents|passports|identity management|e-residence",
			"gestión de fronteras|gestión fronteriza|gestión integrada de fronteras|control fronterizo|controles fronterizos|"+
				"seguridad fronteriza|paso fronterizo|pasos fronterizos|puesto fronterizo|puestos fronterizos|"+
				"funcionarios de fronteras|autoridades fronterizas|policía de fronteras|comunidades fronterizas|zona fronteriza|"+
				"zonas fronterizas|puntos de entrada|documentos de viaje|pasaportes|gestión de la identidad",
			"gestion des frontières|gestion intégrée des frontières|gestion humanitaire des frontières|contrôle aux frontières|"+
				"contrôle frontalier|contrôles frontaliers|sécurité des frontières|sécurité frontalière|poste frontière|"+
				"postes frontières|poste frontalier|postes frontaliers|points de passage|agents frontaliers|autorités frontalières|"+
				"police des frontières|communautés frontalières|zone frontalière|zones frontalières|documents de voyage|passeports|"+
				"gestion de l'identité"),
	},
	{Code: "data",
		Name: Text{EN: "Migration data", ES: "Datos migratorios", FR: "Données migratoires"},
		Terms: terms(
			"migration data|data on migration|migration statistics|statistics|statistical|data collection|data analysis|"+
				"data sharing|data management|data systems|evidence base|evidence-based|Displacement Tracking Matrix|DTM|"+
				"flow monitoring|flow monitoring points|surveys|household survey|census|migration profile|migration profiles|"+
				"data hub|regional data hub|data strategy|disaggregated data|migration governance indicators|MGI|dashboard|dashboards",
			"datos migratorios|datos sobre migración|estadísticas migratorias|estadísticas|estadístico|recopilación de datos|"+
				"recolección de datos|análisis de datos|intercambio de datos|gestión de datos|sistemas de información|"+
				"base empírica|basada en evidencia|basadas en evidencia|Matriz de Seguimiento de Desplazamientos|"+
				"monitoreo de flujos|encuesta|encuestas|encuesta de hogares|censo|perfil migratorio|perfiles migratorios|"+
				"datos desagregados|observatorio|tablero",
			"données migratoires|données sur la migration|statistiques migratoires|statistiques|statistique|collecte de données|"+
				"analyse des données|partage de données|gestion des données|matrice de suivi des déplacements|"+
				"suivi des flux|points de suivi des flux|enquête|enquêtes|enquête ménages|recensement|profil migratoire|"+
				"profils migratoires|données ventilées|observatoire|tableau de bord"),
	},
	{Code: "regular-pathways",
		Name: Text{EN: "Regular pathways", ES: "Vías regulares", FR: "Voies de migration régulière"},
		Terms: terms(
			"regular pathways|regular migration|legal pathways|safe and regular migration|regular channels|visa|visas|"+
				"humanitarian visa|humanitarian visas|family reunification|parole|humanitarian parole|"+
				"temporary protected status|TPS|regularization|regularisation|migratory status|residence permit|residence permits|"+
				"legal status|labour pathways|complementary pathways|Safe Mobility Offices|resettlement",
			"vías regulares|vías de migración regular|migración regular|vías legales|migración segura, ordenada y regular|"+
				"canales regulares|visa|visas|visado|visados|visa humanitaria|reunificación familiar|parole humanitario|"+
				"estatus de protección temporal|TPS|regularización|regularización migratoria|estatus migratorio|"+
				"condición migratoria|permiso de residencia|permisos de residencia|residencia temporal|residencia permanente|"+
				"Oficinas de Movilidad Segura|reasentamiento",
			"voies régulières|voies de migration régulière|migration régulière|voies légales|canaux réguliers|visa|visas|"+
				"visa humanitaire|regroupement familial|réunification familiale|régularisation|statut migratoire|"+
				"titre de séjour|titres de séjour|permis de séjour|réinstallation"),
	},
	{Code: "remittances-diaspora",
		Name: Text{EN: "Remittances and diaspora", ES: "Remesas y diáspora", FR: "Transferts de fonds et diaspora"},
		Terms: terms(
			"remittances|remittance|remittance costs|diaspora|diasporas|diaspora engagement|diaspora members|"+
				"hometown associations|transnational communities|money transfers|financial inclusion|financial literacy",
			"remesas|remesa|costo de las remesas|diáspora|diásporas|vinculación con la diáspora|miembros de la diáspora|"+
				"asociaciones de migrantes|clubes de migrantes|comunidades transnacionales|envíos de dinero|"+
				"inclusión financiera|educación financiera",
			"transferts de fonds|envois de fonds|transferts d'argent|diaspora|diasporas|engagement de la diaspora|"+
				"membres de la diaspora|associations de ressortissants|communautés transnationales|inclusion financière|"+
				"éducation financière"),
	},
	{Code: "climate",
		Name: Text{EN: "Climate and environment", ES: "Clima y medio ambiente", FR: "Climat et environnement"},
		Terms: terms(
			"climate change|climate|climate-induced|environmental migration|environmental degradation|environmental|"+
				"natural disasters|disasters|disaster risk reduction|disaster displacement|drought|droughts|hurricane|hurricanes|"+
				"floods|flooding|sea level rise|desertification|slow-onset|sudden-onset|dry corridor|food insecurity|"+
				"green economy|green jobs|resilience",
			"cambio climático|clima|climático|climáticos|migración ambiental|degradación ambiental|medio ambiente|ambiental|"+
				"desastres|desastres naturales|reducción del riesgo de desastres|sequía|sequías|huracán|huracanes|inundaciones|"+
				"corredor seco|inseguridad alimentaria|economía verde|empleos verdes|resiliencia",
			"changement climatique|changements climatiques|climat|climatique|migration environnementale|"+
				"dégradation de l'environnement|dégradation environnementale|environnement|environnementale|environnemental|"+
				"catastrophes naturelles|catastrophes|réduction des risques de catastrophe|sécheresse|sécheresses|ouragan|"+
				"inondations|désertification|insécurité alimentaire|économie verte|emplois verts|résilience|Retour Vert"),
	},
	{Code: "health",
		Name: Text{EN: "Health", ES: "Salud", FR: "Santé"},
		Terms: terms(
			"health|migrant health|health care|healthcare|health services|health system|health systems|mental health|"+
				"primary health care|public health|COVID-19|COVID|pandemic|HIV|tuberculosis|vaccination|medical assistance|"+
				"medical care|health workers|health professionals",
			"salud|salud de los migrantes|atención médica|atención en salud|servicios de salud|sistema de salud|"+
				"sistemas de salud|salud mental|atención primaria|salud pública|COVID-19|pandemia|VIH|tuberculosis|"+
				"vacunación|asistencia médica|personal de salud|trabajadores de la salud",
			"santé|santé des migrants|soins de santé|services de santé|système de santé|systèmes de santé|santé mentale|"+
				"soins de santé primaires|santé publique|COVID-19|pandémie|VIH|tuberculose|vaccination|assistance médicale|"+
				"soins médicaux|personnel de santé|professionnels de santé|agents de santé"),
	},
}

// NotConcepts are phrases that contain a theme, objective or principle term
// without being about it, mostly the methodology vocabulary of evaluation
// reports ("data collection tools", "secondary data") and idioms ("in
// return"). A matcher that sees one of them consumes it and tags nothing.
var NotConcepts = []string{
	"data collection methods", "data collection method", "data collection tools", "data collection tool",
	"data collection instruments", "data collection phase", "data collection process", "data collection and analysis",
	"data collection mission", "data collection period", "data collection was", "primary data collection",
	"primary data", "secondary data", "qualitative data", "quantitative data", "data analysis methods",
	"evaluation data", "monitoring data", "in return", "in return for", "return on investment",
	"méthodes de collecte de données", "méthodes de collecte des données", "outils de collecte de données",
	"outils de collecte des données", "phase de collecte", "collecte des données primaires", "données primaires",
	"données secondaires", "données qualitatives", "données quantitatives", "en retour",
	"instrumentos de recolección de datos", "técnicas de recolección de datos", "métodos de recolección de datos",
	"recolección de datos primarios", "datos primarios", "datos secundarios", "datos cualitativos", "datos cuantitativos",
	"a cambio",
}
