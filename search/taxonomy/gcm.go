package taxonomy

// act builds a lettered GCM action with "|"-separated terms in English,
// Spanish and French.
func act(letter, en, es, fr string) Action {
	return Action{Letter: letter, Terms: terms(en, es, fr)}
}

// objectives are the 23 objectives of the Global Compact for Safe, Orderly
// and Regular Migration (A/RES/73/195), with the official titles in English,
// Spanish and French. Terms are distinctive phrases of an objective's
// commitment; an action's terms point to its lettered action, so a match can
// be cited as "10(c)". Generic words of the whole Compact ("migrants",
// "cooperation") are left out on purpose.
var objectives = append(objectives1to11, objectives12to23...)

// objectives1to11 are objectives 1 to 11 of objectives.
var objectives1to11 = []Objective{
	{Number: 1,
		Title: Text{
			EN: "Collect and utilize accurate and disaggregated data as a basis for evidence-based policies",
			ES: "Recopilar y utilizar datos exactos y desglosados para formular políticas con base empírica",
			FR: "Collecter et utiliser des données exactes et ventilées qui serviront à l'élaboration de politiques fondées sur la connaissance des faits"},
		Short: Text{EN: "Migration data", ES: "Datos sobre migración", FR: "Données sur les migrations"},
		Terms: terms(
			"migration data|disaggregated data|data collection|evidence-based policies|evidence-based policy|evidence base|"+
				"migration statistics|data disaggregated by sex|data gaps|data analysis|data sharing|information management|"+
				"Displacement Tracking Matrix|DTM|flow monitoring",
			"datos migratorios|datos desagregados|datos desglosados|recopilación de datos|recolección de datos|"+
				"políticas con base empírica|base empírica|estadísticas migratorias|brechas de datos|análisis de datos|"+
				"gestión de información|Matriz de Seguimiento de Desplazamientos|monitoreo de flujos",
			"données migratoires|données ventilées|collecte de données|politiques fondées sur des données|"+
				"statistiques migratoires|lacunes en matière de données|analyse des données|gestion de l'information|"+
				"matrice de suivi des déplacements|suivi des flux"),
		Actions: []Action{
			act("a", "migration data strategy|data strategy|harmonizing methodologies", "estrategia de datos|metodologías armonizadas", "stratégie de données|harmonisation des méthodologies"),
			act("b", "migrant stocks|migration flows|migration trends|statistical definition", "flujos migratorios|tendencias migratorias|stock de migrantes", "flux migratoires|tendances migratoires"),
			act("c", "capacities in data collection|national statistical capacities|big data|data capacity building", "capacidades estadísticas|fortalecimiento de capacidades en datos", "capacités statistiques"),
			act("d", "contributions of migrants|effects of migration|impact of migration", "contribuciones de los migrantes|impacto de la migración", "contributions des migrants|impact des migrations"),
			act("e", "Global Migration Data Portal|Migration Data Portal|KNOMAD|data portal", "portal de datos", "portail de données"),
			act("f", "migration observatory|migration observatories|regional data hub|data hub", "observatorio de migración|observatorio de migraciones|observatorio migratorio", "observatoire des migrations|observatoire"),
			act("g", "census|censuses|national census", "censo|censos|censo nacional", "recensement|recensements"),
			act("h", "household survey|household surveys|labour force survey|labour force surveys|migration module", "encuesta de hogares|encuestas de hogares|encuesta nacional de empleo", "enquête ménages|enquêtes auprès des ménages|enquête sur la population active"),
			act("i", "national statistical office|national statistical offices|administrative records|administrative data", "instituto nacional de estadística|registros administrativos|oficina nacional de estadística", "institut national de la statistique|données administratives|registres administratifs"),
			act("j", "migration profile|migration profiles|country-specific migration profiles", "perfil migratorio|perfiles migratorios", "profil migratoire|profils migratoires"),
			act("k", "research on migration|migration research|surveys on migration", "investigación sobre migración|estudios sobre migración", "recherche sur les migrations|études sur la migration"),
		}},
	{Number: 2,
		Title: Text{
			EN: "Minimize the adverse drivers and structural factors that compel people to leave their country of origin",
			ES: "Minimizar los factores adversos y estructurales que obligan a las personas a abandonar su país de origen",
			FR: "Lutter contre les facteurs négatifs et les problèmes structurels qui poussent des personnes à quitter leur pays d'origine"},
		Short: Text{EN: "Adverse drivers of migration", ES: "Factores adversos de la migración", FR: "Facteurs négatifs de la migration"},
		Terms: terms(
			"adverse drivers|drivers of migration|root causes|structural factors|push factors|causes of migration|"+
				"reasons for migrating|motivations to migrate|migration motivations|poverty|food insecurity|violence and insecurity|"+
				"lack of opportunities|alternatives to migration|alternatives to irregular migration|local opportunities|"+
				"opportunities at home|economic opportunities|livelihoods|life plan|life plans|life project",
			"factores adversos|causas estructurales|causas de la migración|causas profundas|factores de expulsión|"+
				"motivaciones para migrar|razones para migrar|pobreza|inseguridad alimentaria|violencia e inseguridad|"+
				"falta de oportunidades|alternativas a la migración|alternativas a la migración irregular|arraigo|"+
				"oportunidades locales|oportunidad local|oportunidades económicas|medios de vida|plan de vida|planes de vida|"+
				"proyecto de vida|proyectos de vida",
			"facteurs négatifs|causes profondes|problèmes structurels|facteurs de départ|causes de la migration|"+
				"motivations à migrer|pauvreté|insécurité alimentaire|manque d'opportunités|alternatives à la migration|"+
				"alternatives à la migration irrégulière|opportunités locales|opportunités économiques|moyens de subsistance|"+
				"projet de vie|projets de vie"),
		Actions: []Action{
			act("a", "2030 Agenda|Sendai Framework|Paris Agreement", "Agenda 2030|Marco de Sendai|Acuerdo de París", "Programme 2030|Cadre de Sendai|Accord de Paris"),
			act("b", "poverty eradication|food security|social protection|access to education|rural development", "erradicación de la pobreza|seguridad alimentaria|desarrollo rural", "éradication de la pauvreté|sécurité alimentaire|développement rural"),
			act("c", "early warning|early warning systems|emergency preparedness", "alerta temprana|sistemas de alerta temprana", "alerte précoce|systèmes d'alerte précoce"),
			act("d", "economic growth|job creation|local economic development|productive employment", "crecimiento económico|creación de empleo|desarrollo económico local", "croissance économique|création d'emplois|développement économique local"),
			act("e", "entrepreneurship|vocational training|skills development programmes|employability|youth employment|income-generating activities|microbusiness|microbusinesses|small businesses|micro-enterprises",
				"emprendimiento|emprendimientos|formación profesional|capacitación técnica|empleabilidad|empleo juvenil|microempresas|actividades generadoras de ingresos",
				"entrepreneuriat|formation professionnelle|employabilité|emploi des jeunes|activités génératrices de revenus|microentreprises|micro-entreprises|création d'entreprise"),
			act("f", "humanitarian-development nexus|humanitarian and development actors|multi-year funding", "nexo humanitario-desarrollo", "nexus humanitaire-développement"),
			act("g", "emergency preparedness and response|contingency planning", "preparación y respuesta ante emergencias|planes de contingencia", "préparation et réponse aux urgences|plans de contingence"),
			act("h", "climate change|environmental degradation|sudden-onset|slow-onset|natural disasters|climate-induced migration",
				"cambio climático|degradación ambiental|desastres naturales|migración climática",
				"changement climatique|dégradation de l'environnement|catastrophes naturelles|migration climatique"),
			act("i", "adaptation and resilience|climate adaptation|desertification|drought|sea level rise|resilience",
				"adaptación al cambio climático|resiliencia|sequía|desertificación",
				"adaptation au changement climatique|résilience|sécheresse|désertification"),
			act("j", "disaster preparedness|disaster risk reduction|evacuation", "reducción del riesgo de desastres|preparación ante desastres|evacuación", "réduction des risques de catastrophe|préparation aux catastrophes|évacuation"),
			act("k", "persons affected by disasters|disaster displacement", "desplazamiento por desastres", "déplacements liés aux catastrophes"),
			act("l", "Nansen Initiative|Platform on Disaster Displacement", "Iniciativa Nansen|Plataforma sobre Desplazamiento por Desastres", "Initiative Nansen"),
		}},
	{Number: 3,
		Title: Text{
			EN: "Provide accurate and timely information at all stages of migration",
			ES: "Proporcionar información exacta y oportuna en todas las etapas de la migración",
			FR: "Fournir dans les meilleurs délais des informations exactes à toutes les étapes de la migration"},
		Short: Text{EN: "Accurate and timely information", ES: "Información exacta y oportuna", FR: "Informations exactes et opportunes"},
		Terms: terms(
			"accurate information|timely information|reliable information|information at all stages of migration|"+
				"access to information|misinformation|disinformation|rumours|informed decisions|informed decision|"+
				"risks of irregular migration|dangers of irregular migration|safe migration|information campaign|"+
				"information campaigns|awareness-raising|awareness raising|awareness campaign|awareness campaigns|"+
				"communication for development|C4D|hotline|helpline",
			"información exacta|información oportuna|información veraz|información confiable|acceso a la información|"+
				"desinformación|rumores|decisiones informadas|decisión informada|riesgos de la migración irregular|"+
				"peligros de la migración irregular|migración segura|migración informada|campaña informativa|"+
				"campañas informativas|campaña de sensibilización|campañas de sensibilización|sensibilización|"+
				"comunicación para el desarrollo|línea de atención|línea gratuita",
			"informations exactes|informations fiables|accès à l'information|désinformation|rumeurs|décisions éclairées|"+
				"décision éclairée|risques de la migration irrégulière|dangers de la migration irrégulière|migration sûre|"+
				"campagne d'information|campagnes d'information|campagne de sensibilisation|campagnes de sensibilisation|"+
				"sensibilisation|communication pour le développement|ligne verte"),
		Actions: []Action{
			act("a", "national website|information portal|visa requirements|migration options", "sitio web nacional|portal de información|requisitos de visa", "site web national|portail d'information|conditions de visa"),
			act("b", "exchange information|online platforms|information exchange", "intercambio de información|plataformas en línea", "échange d'informations|plateformes en ligne"),
			act("c", "information points|information point|information desks|information centres|information centers|migrant resource centre|migrant resource centres|MRC|MRCs",
				"ventanillas informativas|ventanilla informativa|ventanillas de información|puntos de información|centros de información|centro de recursos para migrantes",
				"points d'information|guichets d'information|centres d'information|centre de ressources pour migrants|centres de ressources pour migrants"),
			act("d", "newly arrived migrants|legal guidance|rights and obligations", "migrantes recién llegados|orientación legal|derechos y obligaciones", "migrants nouvellement arrivés|orientation juridique|droits et obligations"),
			act("e", "information campaigns|awareness-raising events|pre-departure orientation|pre-departure training|safe migration campaign|community sensitization|peer-to-peer",
				"campañas de información|charlas informativas|orientación previa a la partida|eventos de sensibilización",
				"campagnes d'information|séances de sensibilisation|orientation avant le départ|causeries éducatives"),
		}},
	{Number: 4,
		Title: Text{
			EN: "Ensure that all migrants have proof of legal identity and adequate documentation",
			ES: "Velar por que todos los migrantes tengan pruebas de su identidad jurídica y documentación adecuada",
			FR: "Munir tous les migrants d'une preuve d'identité légale, de papiers adéquats"},
		Short: Text{EN: "Legal identity and documentation", ES: "Identidad jurídica y documentación", FR: "Identité légale et documents"},
		Terms: terms(
			"legal identity|proof of identity|identity documents|identification documents|civil registry|civil registration|"+
				"birth registration|birth certificates|statelessness|stateless|undocumented|documentation",
			"identidad jurídica|documentos de identidad|documento de identidad|registro civil|registro de nacimientos|"+
				"partida de nacimiento|actas de nacimiento|apatridia|apátridas|indocumentados|indocumentadas|documentación",
			"identité légale|preuve d'identité|pièces d'identité|documents d'identité|état civil|enregistrement des naissances|"+
				"actes de naissance|apatridie|apatrides|sans papiers|documentation"),
		Actions: []Action{
			act("a", "civil registry systems|unregistered persons", "sistemas de registro civil|personas no registradas", "systèmes d'état civil"),
			act("b", "travel documents|identity fraud|document forgery|biometric|biometrics", "documentos de viaje|fraude de identidad|falsificación de documentos|biometría|biométricos", "documents de voyage|fraude à l'identité|falsification de documents|biométrie|biométriques"),
			act("c", "consular documentation|consular identity cards|matrícula consular", "matrícula consular|documentación consular|pasaportes", "documents consulaires|carte consulaire"),
			act("d", "passports|personal documentation", "pasaporte|pasaportes|documentación personal", "passeport|passeports"),
			act("e", "reduce statelessness|nationality of children|confer nationality", "reducir la apatridia|derecho a la nacionalidad", "réduire l'apatridie|droit à la nationalité"),
			act("f", "proof of nationality", "prueba de nacionalidad", "preuve de nationalité"),
			act("g", "registration cards|municipal identity cards|e-residence|electronic residence", "tarjetas de registro|carné municipal|residencia electrónica", "cartes d'enregistrement|résidence électronique"),
		}},
	{Number: 5,
		Title: Text{
			EN: "Enhance availability and flexibility of pathways for regular migration",
			ES: "Aumentar la disponibilidad y flexibilidad de las vías de migración regular",
			FR: "Faire en sorte que les filières de migration régulière soient accessibles et plus souples"},
		Short: Text{EN: "Regular pathways", ES: "Vías de migración regular", FR: "Filières de migration régulière"},
		Terms: terms(
			"regular pathways|pathways for regular migration|regular migration|legal pathways|complementary pathways|"+
				"labour mobility|labor mobility|labour mobility schemes|temporary work visas|seasonal work|circular migration|"+
				"family reunification|humanitarian visas|humanitarian visa|humanitarian parole|H-2A|H-2B|"+
				"regular labour migration|regular labor migration|regular options|regular migration options|regular work options|"+
				"regular migration channels|safe and regular ways|temporary work programme|temporary work programmes|"+
				"temporary work program|temporary work programs|regularization options|visitor card|humanitarian visitor card|"+
				"regional visitor card|border worker card|border worker cards|work visa|work visas",
			"vías regulares|vías de migración regular|migración regular|vías legales|vías complementarias|movilidad laboral|"+
				"programas de trabajo temporal|programa de trabajo temporal|trabajo temporal|migración circular|reunificación familiar|"+
				"visas humanitarias|visa humanitaria|migración laboral regular|opciones regulares|opciones de migración regular|"+
				"opciones de regularización|canales regulares|vías seguras y regulares|tarjeta de visitante|"+
				"tarjeta de visitante por razones humanitarias|tarjeta de visitante regional|tarjeta de trabajador fronterizo|"+
				"visa de trabajo|visas de trabajo",
			"filières de migration régulière|voies de migration régulière|migration régulière|voies légales|"+
				"voies complémentaires|mobilité de la main-d'œuvre|migration circulaire|regroupement familial|visas humanitaires|"+
				"migration de travail régulière|options régulières|options de régularisation|canaux réguliers|visa de travail|"+
				"visas de travail|programmes de travail temporaire"),
		Actions: []Action{
			act("a", "labour mobility agreements|bilateral labour agreements|bilateral labour migration agreements", "acuerdos de movilidad laboral|acuerdos laborales bilaterales", "accords de mobilité de la main-d'œuvre|accords bilatéraux de main-d'œuvre"),
			act("b", "free movement|visa liberalization|free movement regimes", "libre circulación|libre movilidad|liberalización de visados", "libre circulation|libéralisation des visas"),
			act("c", "skills-matching|labour market needs", "correspondencia de competencias|necesidades del mercado laboral", "adéquation des compétences|besoins du marché du travail"),
			act("d", "temporary, seasonal, circular|seasonal workers|seasonal agricultural workers|temporary labour migration programmes|circular labour migration",
				"trabajadores temporales|trabajadores de temporada|trabajadores agrícolas temporales|programa de trabajadores temporales",
				"travailleurs saisonniers|migration saisonnière|programmes de migration temporaire"),
			act("e", "skills gaps|private sector and trade unions", "brechas de competencias", "pénuries de compétences"),
			act("f", "work permits|visa and permit processing|employment authorizations", "permisos de trabajo|autorizaciones de empleo", "permis de travail|autorisations d'emploi"),
			act("g", "humanitarian visas|temporary protection|admission and stay|humanitarian admission", "visas humanitarias|protección temporal|admisión humanitaria", "visas humanitaires|protection temporaire|admission humanitaire"),
			act("h", "planned relocation|climate displacement", "reubicación planificada", "réinstallation planifiée"),
			act("i", "family reunification", "reunificación familiar|reagrupación familiar", "regroupement familial|réunification familiale"),
			act("j", "academic mobility|scholarships|student visas", "movilidad académica|becas", "mobilité académique|bourses d'études"),
		}},
	{Number: 6,
		Title: Text{
			EN: "Facilitate fair and ethical recruitment and safeguard conditions that ensure decent work",
			ES: "Facilitar la contratación equitativa y ética y salvaguardar las condiciones que garantizan el trabajo decente",
			FR: "Favoriser des pratiques de recrutement justes et éthiques et assurer les conditions d'un travail décent"},
		Short: Text{EN: "Fair recruitment and decent work", ES: "Contratación ética y trabajo decente", FR: "Recrutement éthique et travail décent"},
		Terms: terms(
			"fair recruitment|ethical recruitment|decent work|recruitment fees|recruitment agencies|recruiters|"+
				"labour rights|labor rights|labour exploitation|labor exploitation|migrant workers|working conditions|IRIS",
			"contratación equitativa|contratación ética|reclutamiento ético|reclutamiento justo|trabajo decente|"+
				"cuotas de contratación|agencias de reclutamiento|agencias de empleo|reclutadores|derechos laborales|"+
				"explotación laboral|trabajadores migrantes|condiciones laborales|condiciones de trabajo",
			"recrutement équitable|recrutement éthique|travail décent|frais de recrutement|agences de recrutement|"+
				"recruteurs|droits du travail|exploitation par le travail|travailleurs migrants|conditions de travail"),
		Actions: []Action{
			act("a", "ILO conventions|Domestic Workers Convention|forced labour conventions", "convenios de la OIT", "conventions de l'OIT"),
			act("b", "labour mobility platforms|best practices in labour mobility", "buenas prácticas en movilidad laboral", "bonnes pratiques en matière de mobilité"),
			act("c", "recruitment fees|regulate recruitment agencies|employer pays principle", "cobro de comisiones|regulación de agencias de reclutamiento", "frais de recrutement|réglementation des agences de recrutement"),
			act("d", "written contracts|employment contracts|trade unions", "contratos de trabajo|contratos escritos|sindicatos", "contrats de travail|syndicats"),
			act("e", "child labour|forced labour|supply chains", "trabajo infantil|trabajo forzoso|cadenas de suministro", "travail des enfants|travail forcé|chaînes d'approvisionnement"),
			act("f", "labour inspectors|labour inspection|labor inspection", "inspectores de trabajo|inspección laboral|inspección del trabajo", "inspecteurs du travail|inspection du travail"),
			act("g", "change employers", "cambiar de empleador", "changer d'employeur"),
			act("h", "confiscation of documents|retention of identity documents", "retención de documentos|confiscación de documentos", "confiscation des documents"),
			act("i", "equal pay|occupational safety and health|minimum wage", "igualdad salarial|seguridad y salud en el trabajo|salario mínimo", "égalité de rémunération|sécurité et santé au travail|salaire minimum"),
			act("j", "informal economy|complaint mechanisms|workplace exploitation", "economía informal|mecanismos de denuncia", "économie informelle|mécanismes de plainte"),
			act("k", "women migrant workers|domestic workers|domestic work", "trabajadoras migrantes|trabajadoras domésticas|trabajo doméstico", "travailleuses migrantes|travailleurs domestiques|travail domestique"),
			act("l", "General Principles and Operational Guidelines for Fair Recruitment|labour migration policy|labour migration policies", "política de migración laboral|políticas de migración laboral", "politique de migration de main-d'œuvre"),
		}},
	{Number: 7,
		Title: Text{
			EN: "Address and reduce vulnerabilities in migration",
			ES: "Abordar y reducir las vulnerabilidades en la migración",
			FR: "S'attaquer aux facteurs de vulnérabilité liés aux migrations et les réduire"},
		Short: Text{EN: "Reduce vulnerabilities", ES: "Reducir las vulnerabilidades", FR: "Réduire les vulnérabilités"},
		Terms: terms(
			"vulnerabilities|vulnerability|migrants in vulnerable situations|migrants in a situation of vulnerability|"+
				"vulnerable migrants|protection needs|protection assistance|migrant protection|case management|"+
				"direct assistance|psychosocial support|referral mechanisms|referral mechanism|protection services|"+
				"referral routes|special protection|vulnerable persons|persons in vulnerable situations|pregnant women|"+
				"persons with disabilities|migrants in transit",
			"vulnerabilidades|vulnerabilidad|situación de vulnerabilidad|migrantes vulnerables|necesidades de protección|"+
				"gestión de casos|asistencia directa|apoyo psicosocial|atención psicosocial|mecanismos de referencia|"+
				"mecanismo de derivación|rutas de atención|servicios de protección|protección especial|personas vulnerables|"+
				"mujeres embarazadas|personas con discapacidad|atención diferenciada|migrantes en tránsito|"+
				"personas migrantes en tránsito",
			"vulnérabilités|vulnérabilité|situation de vulnérabilité|migrants vulnérables|besoins de protection|"+
				"gestion des cas|assistance directe|soutien psychosocial|appui psychosocial|mécanismes de référencement|"+
				"mécanisme d'orientation|services de protection|protection spéciale|personnes vulnérables|femmes enceintes|"+
				"personnes handicapées|personnes en situation de handicap|migrants en transit"),
		Actions: []Action{
			act("a", "human rights-based, gender- and disability-responsive|disability-responsive|age-sensitive", "sensible a la discapacidad|enfoque diferencial", "sensible au handicap"),
			act("b", "identification and assistance|vulnerable migrants|migrants in vulnerable situations", "identificación y asistencia|personas migrantes en situación de vulnerabilidad", "identification et assistance|migrants en situation de vulnérabilité"),
			act("c", "migrant women|gender-based violence|sexual and gender-based violence|GBV|SGBV|counselling services", "mujeres migrantes|violencia basada en género|violencia sexual y de género", "femmes migrantes|violences basées sur le genre|VBG"),
			act("d", "workplace abuses|workplace-related vulnerabilities", "abusos laborales", "abus sur le lieu de travail"),
			act("e", "migrant children|child protection systems|child protection", "niñez migrante|sistemas de protección de la niñez|protección de la niñez|protección infantil", "enfants migrants|systèmes de protection de l'enfance|protection de l'enfance"),
			act("f", "unaccompanied and separated children|unaccompanied children|unaccompanied minors|separated children|family tracing",
				"niñez no acompañada|niños no acompañados|menores no acompañados|niñas, niños y adolescentes no acompañados|búsqueda de familiares",
				"enfants non accompagnés|mineurs non accompagnés|enfants séparés|recherche familiale"),
			act("g", "legal assistance|legal representation", "asistencia jurídica|asesoría legal|representación legal", "assistance juridique|représentation juridique"),
			act("h", "irregular status|status transitions", "situación irregular|condición irregular", "situation irrégulière"),
			act("i", "individual assessment|case-by-case", "evaluación individual|caso por caso", "évaluation individuelle|au cas par cas"),
			act("j", "migrants in countries in crisis|MICIC|crisis situations|stranded migrants", "migrantes en países en crisis|migrantes varados", "migrants dans les pays en crise|migrants bloqués|migrants en détresse"),
			act("k", "local authorities and relevant stakeholders|national protection bodies|legal aid", "asistencia legal|instituciones de protección", "aide juridique"),
			act("l", "Principles and Guidelines on the human rights protection of migrants in vulnerable situations", "principios y directrices", "principes et directives"),
		}},
	{Number: 8,
		Title: Text{
			EN: "Save lives and establish coordinated international efforts on missing migrants",
			ES: "Salvar vidas y emprender iniciativas internacionales coordinadas sobre los migrantes desaparecidos",
			FR: "Sauver des vies et mettre en place une action internationale coordonnée concernant les migrants disparus"},
		Short: Text{EN: "Save lives; missing migrants", ES: "Salvar vidas; migrantes desaparecidos", FR: "Sauver des vies ; migrants disparus"},
		Terms: terms(
			"save lives|saving lives|missing migrants|Missing Migrants Project|search and rescue|rescue operations|rescue|"+
				"rescued|rescues|rescue missions|humanitarian rescue|"+
				"migrant deaths|deceased migrants|dangerous routes|dangerous journey|desert|Sahara|lifesaving",
			"salvar vidas|migrantes desaparecidos|personas migrantes desaparecidas|búsqueda y rescate|operaciones de rescate|"+
				"muertes de migrantes|migrantes fallecidos|rutas peligrosas|travesía peligrosa|desierto|tapón del Darién|Darién|"+
				"rescate|rescatados|rescatadas",
			"sauver des vies|migrants disparus|recherche et sauvetage|opérations de sauvetage|décès de migrants|"+
				"migrants décédés|routes dangereuses|voyage périlleux|désert|Sahara|sauvetage|secourus|secours"),
		Actions: []Action{
			act("a", "search and rescue|rescue operations|humanitarian rescue operations|rescued migrants|rescue missions",
				"búsqueda y rescate|operaciones de rescate|migrantes rescatados", "recherche et sauvetage|opérations de sauvetage|migrants secourus|missions de sauvetage"),
			act("b", "dangerous transit routes|risk of going missing", "rutas de tránsito peligrosas", "routes de transit dangereuses"),
			act("c", "communicate with their families|restoring family links|phone calls", "comunicarse con sus familias|restablecimiento del contacto familiar", "rétablissement des liens familiaux|communiquer avec leurs familles"),
			act("d", "families looking for missing migrants|families of missing migrants|search mechanisms", "familias de migrantes desaparecidos|mecanismos de búsqueda", "familles de migrants disparus"),
			act("e", "forensic identification|forensic|unidentified remains", "identificación forense|forense|restos no identificados", "identification médico-légale|restes non identifiés"),
			act("f", "repatriation of remains|repatriate remains", "repatriación de restos", "rapatriement des dépouilles"),
		}},
	{Number: 9,
		Title: Text{
			EN: "Strengthen the transnational response to smuggling of migrants",
			ES: "Reforzar la respuesta transnacional al tráfico ilícito de migrantes",
			FR: "Renforcer l'action transnationale face au trafic de migrants"},
		Short: Text{EN: "Counter migrant smuggling", ES: "Combatir el tráfico ilícito de migrantes", FR: "Lutter contre le trafic de migrants"},
		Terms: terms(
			"smuggling of migrants|migrant smuggling|smuggling|smugglers|smuggler|smuggled migrants|smuggling networks|coyote|coyotes",
			"tráfico ilícito de migrantes|tráfico ilícito|tráfico de migrantes|traficantes de migrantes|coyote|coyotes|"+
				"pollero|polleros|redes de tráfico",
			"trafic illicite de migrants|trafic de migrants|trafic illicite|passeur|passeurs|réseaux de passeurs"),
		Actions: []Action{
			act("a", "Protocol against the Smuggling of Migrants|Smuggling Protocol", "Protocolo contra el tráfico ilícito de migrantes", "Protocole contre le trafic illicite de migrants"),
			act("b", "smuggling routes|smuggling networks|modus operandi", "rutas de tráfico|redes de tráfico ilícito", "routes du trafic|réseaux de trafic"),
			act("c", "smuggled migrants|cooperation protocols along migration routes", "migrantes objeto de tráfico", "migrants objet d'un trafic"),
			act("d", "criminal offence of smuggling|criminalize smuggling", "tipificación del tráfico ilícito", "incrimination du trafic"),
			act("e", "distinguish between smuggling and trafficking|difference between trafficking and smuggling", "diferencia entre trata y tráfico|trata y tráfico", "différence entre traite et trafic"),
			act("f", "prevent the smuggling of migrants|prevention of smuggling|smuggling prevention", "prevención del tráfico ilícito", "prévention du trafic de migrants"),
		}},
	{Number: 10,
		Title: Text{
			EN: "Prevent, combat and eradicate trafficking in persons in the context of international migration",
			ES: "Prevenir, combatir y erradicar la trata de personas en el contexto de la migración internacional",
			FR: "Prévenir, combattre et éliminer la traite de personnes dans le cadre des migrations internationales"},
		Short: Text{EN: "Eradicate trafficking", ES: "Erradicar la trata de personas", FR: "Éliminer la traite des personnes"},
		Terms: terms(
			"trafficking in persons|human trafficking|trafficking|trafficked|traffickers|trafficker|counter-trafficking|"+
				"anti-trafficking|victims of trafficking|victim of trafficking",
			"trata de personas|trata de seres humanos|la trata|contra la trata|víctimas de trata|víctima de trata|"+
				"tratantes|tratante|delito de trata",
			"traite des personnes|traite des êtres humains|la traite|contre la traite|victimes de traite|victimes de la traite|"+
				"trafiquants"),
		Actions: []Action{
			act("a", "Palermo Protocol|Trafficking Protocol|Protocol to Prevent, Suppress and Punish Trafficking in Persons", "Protocolo de Palermo", "Protocole de Palerme"),
			act("b", "Global Plan of Action to Combat Trafficking|UNODC", "Plan de Acción Mundial|UNODC", "Plan d'action mondial|ONUDC"),
			act("c", "trafficking networks|trafficking routes|investigation and prosecution", "redes de trata|rutas de trata|investigación y persecución", "réseaux de traite|enquêtes et poursuites"),
			act("d", "financial intelligence|trafficking intelligence", "inteligencia financiera", "renseignement financier"),
			act("e", "at risk of trafficking|risk of becoming victims|sexual exploitation|labour exploitation", "riesgo de trata|explotación sexual|explotación laboral", "risque de traite|exploitation sexuelle|exploitation par le travail"),
			act("f", "definitions of trafficking|trafficking legislation|anti-trafficking law", "ley contra la trata|legislación sobre trata", "loi contre la traite|législation sur la traite"),
			act("g", "prosecution of traffickers|non-criminalization of victims|convictions", "enjuiciamiento de tratantes|judicialización|condenas", "poursuites contre les trafiquants|condamnations"),
			act("h", "assistance to victims of trafficking|protection of victims|victim assistance|physical, psychological and social recovery",
				"atención a víctimas de trata|asistencia a víctimas|protección de víctimas|recuperación de las víctimas",
				"assistance aux victimes de la traite|protection des victimes|assistance aux victimes"),
			act("i", "identify signs of trafficking|identification of victims|victim identification|training of law enforcement|forced labour",
				"identificación de víctimas|detección de víctimas|trabajo forzoso", "identification des victimes|détection des victimes|travail forcé"),
			act("j", "awareness-raising campaigns on trafficking|campaigns against trafficking|reporting trafficking|trafficking hotline",
				"campañas contra la trata|campaña contra la trata|denunciar la trata|línea contra la trata",
				"campagnes contre la traite|campagne contre la traite|signaler la traite"),
		}},
	{Number: 11,
		Title: Text{
			EN: "Manage borders in an integrated, secure and coordinated manner",
			ES: "Gestionar las fronteras de manera integrada, segura y coordinada",
			FR: "Gérer les frontières de manière intégrée, sûre et coordonnée"},
		Short: Text{EN: "Integrated border management", ES: "Gestión integrada de fronteras", FR: "Gestion intégrée des frontières"},
		Terms: terms(
			"border management|integrated border management|humanitarian border management|border control|border security|"+
				"border crossing|border crossings|border officials|border authorities|border posts|border post|"+
				"border police|cross-border|tri-border",
			"gestión de fronteras|gestión fronteriza|gestión integrada de fronteras|control fronterizo|seguridad fronteriza|"+
				"paso fronterizo|pasos fronterizos|funcionarios de fronteras|autoridades fronterizas|puestos fronterizos|"+
				"policía de fronteras|transfronterizo|transfronteriza",
			"gestion des frontières|gestion intégrée des frontières|contrôle aux frontières|sécurité des frontières|"+
				"sécurité frontalière|passage des frontières|agents frontaliers|autorités frontalières|postes frontières|"+
				"postes frontaliers|police des frontières|"+
				"transfrontalier|transfrontalière"),
		Actions: []Action{
			act("a", "border management cooperation|cross-border cooperation", "cooperación fronteriza|cooperación transfronteriza", "coopération transfrontalière|coopération frontalière"),
			act("b", "border crossing procedures|pre-screening|advance passenger information|MIDAS|border management information system",
				"procedimientos de cruce fronterizo|información anticipada de pasajeros", "procédures de passage des frontières|informations préalables sur les passagers"),
			act("c", "border screening|due process at borders", "control migratorio|verificación en frontera", "contrôle aux frontières"),
			act("d", "equipment for border management|border equipment|technical assistance to border agencies", "equipamiento fronterizo", "équipements frontaliers"),
			act("e", "children crossing borders", "niños que cruzan fronteras", "enfants franchissant les frontières"),
			act("f", "irregular entry|sanctions for irregular entry", "ingreso irregular|entrada irregular", "entrée irrégulière"),
			act("g", "Recommended Principles and Guidelines on Human Rights at International Borders|human rights at borders", "derechos humanos en las fronteras", "droits de l'homme aux frontières"),
		}},
}
