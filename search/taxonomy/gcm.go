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
var objectives = []Objective{
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
	{Number: 12,
		Title: Text{
			EN: "Strengthen certainty and predictability in migration procedures for appropriate screening, assessment and referral",
			ES: "Aumentar la certidumbre y previsibilidad de los procedimientos migratorios para la adecuada verificación de antecedentes, evaluación y derivación",
			FR: "Renforcer la prévisibilité et la sécurité des procédures migratoires pour garantir des contrôles, des évaluations et une orientation appropriés"},
		Short: Text{EN: "Screening, assessment and referral", ES: "Verificación, evaluación y derivación", FR: "Contrôle, évaluation et orientation"},
		Terms: terms(
			"screening|referral|referrals|referral mechanisms|referral pathways|vulnerability screening|migration procedures|"+
				"standard operating procedures|SOPs|first responders|mixed movements",
			"verificación de antecedentes|derivación|derivaciones|referencia y contrarreferencia|mecanismos de derivación|"+
				"procedimientos migratorios|procedimientos operativos estandarizados|primera respuesta|movimientos mixtos|"+
				"flujos mixtos",
			"référencement|mécanismes d'orientation|procédures migratoires|procédures opérationnelles "+
				"normalisées|procédures opérationnelles standard|premiers intervenants|mouvements mixtes|flux mixtes"),
		Actions: []Action{
			act("a", "transparency of migration procedures|simplify application procedures", "simplificar los procedimientos", "simplifier les procédures"),
			act("b", "trauma-informed training|training for first responders|training of government officials", "capacitación a funcionarios|formación de funcionarios", "formation des fonctionnaires|formation des agents"),
			act("c", "gender-responsive and child-sensitive referral mechanisms|national referral mechanism|standardized operating procedures|screening measures",
				"mecanismo nacional de derivación|mecanismos de referencia|protocolos de atención", "mécanisme national de référencement|mécanismes de référencement"),
			act("d", "places of first arrival|identification of migrant children", "lugares de primera llegada", "lieux de première arrivée"),
			act("e", "mixed movements|options for return and reintegration", "movimientos mixtos|flujos migratorios mixtos", "mouvements mixtes|flux migratoires mixtes"),
		}},
	{Number: 13,
		Title: Text{
			EN: "Use immigration detention only as a measure of last resort and work towards alternatives",
			ES: "Utilizar la detención de migrantes solo como último recurso y buscar otras alternativas",
			FR: "Ne recourir au placement en rétention administrative des migrants qu'en dernier ressort et chercher des solutions de rechange"},
		Short: Text{EN: "Alternatives to detention", ES: "Alternativas a la detención", FR: "Alternatives à la rétention"},
		Terms: terms(
			"immigration detention|detention|detained migrants|alternatives to detention|measure of last resort|"+
				"detention centres|detention centers|administrative detention",
			"detención migratoria|detención de migrantes|detención|alternativas a la detención|último recurso|"+
				"estaciones migratorias|estación migratoria|centros de detención|aseguramiento",
			"rétention administrative|rétention|détention|alternatives à la détention|alternatives à la rétention|"+
				"dernier ressort|centres de rétention|centres de détention"),
		Actions: []Action{
			act("a", "monitoring of detention|independent monitoring of detention", "monitoreo de la detención", "surveillance de la détention"),
			act("b", "best practices of alternatives to detention", "buenas prácticas de alternativas a la detención", "bonnes pratiques d'alternatives à la détention"),
			act("c", "arbitrary detention|detained arbitrarily", "detención arbitraria", "détention arbitraire"),
			act("d", "legal advice in detention|access to justice for detained migrants", "asesoría legal a personas detenidas", "conseil juridique aux détenus"),
			act("e", "reasons for their detention", "motivos de la detención", "motifs de la détention"),
			act("f", "conditions of detention|detention conditions", "condiciones de detención", "conditions de détention"),
			act("g", "arbitrary arrest", "arresto arbitrario", "arrestation arbitraire"),
			act("h", "child detention|detention of children|community-based care", "detención de niños|detención de niñas, niños y adolescentes|cuidado comunitario", "détention d'enfants|rétention des enfants"),
		}},
	{Number: 14,
		Title: Text{
			EN: "Enhance consular protection, assistance and cooperation throughout the migration cycle",
			ES: "Mejorar la protección, asistencia y cooperación consulares a lo largo de todo el ciclo migratorio",
			FR: "Renforcer la protection, l'assistance et la coopération consulaires tout au long du cycle migratoire"},
		Short: Text{EN: "Consular protection", ES: "Protección consular", FR: "Protection consulaire"},
		Terms: terms(
			"consular protection|consular assistance|consular services|consular cooperation|"+
				"consular officers|consular staff|nationals abroad|migration cycle",
			"protección consular|asistencia consular|servicios consulares|cooperación consular|"+
				"funcionarios consulares|personal consular|connacionales|nacionales en el exterior|"+
				"ciclo migratorio",
			"protection consulaire|assistance consulaire|services consulaires|coopération consulaire|"+
				"agents consulaires|personnel consulaire|ressortissants à l'étranger|"+
				"cycle migratoire"),
		Actions: []Action{
			act("a", "consular capacities|train consular officers", "capacidades consulares|capacitación consular", "capacités consulaires"),
			act("b", "consular forums", "foros consulares", "forums consulaires"),
			act("c", "consular agreements", "acuerdos consulares", "accords consulaires"),
			act("d", "assist nationals abroad|nationals in vulnerable situations abroad", "asistencia a connacionales|connacionales en situación de vulnerabilidad", "assistance aux ressortissants"),
			act("e", "consular registration|register with the country of origin", "registro consular", "immatriculation consulaire"),
			act("f", "consular support|consular advice", "apoyo consular|orientación consular", "appui consulaire"),
		}},
	{Number: 15,
		Title: Text{
			EN: "Provide access to basic services for migrants",
			ES: "Proporcionar a los migrantes acceso a servicios básicos",
			FR: "Assurer l'accès des migrants aux services de base"},
		Short: Text{EN: "Access to basic services", ES: "Acceso a servicios básicos", FR: "Accès aux services de base"},
		Terms: terms(
			"basic services|access to services|access to basic services|health care|healthcare|health services|"+
				"migrant health|access to health|access to the health system|access to health systems|education services|access to education|"+
				"service providers|service delivery|primary health care|COVID-19 vaccination",
			"servicios básicos|acceso a servicios|acceso a servicios básicos|atención en salud|servicios de salud|"+
				"salud de las personas migrantes|acceso a la salud|acceso al sistema de salud|acceso a los sistemas de salud|acceso a la educación|"+
				"proveedores de servicios|prestación de servicios|atención primaria",
			"services de base|services sociaux de base|accès aux services|soins de santé|services de santé|"+
				"santé des migrants|accès à la santé|accès au système de santé|accès aux systèmes de santé|accès à l'éducation|prestataires de services|"+
				"prestation de services|soins de santé primaires"),
		Actions: []Action{
			act("a", "non-discrimination in service delivery|discrimination in access to services", "no discriminación en la prestación de servicios", "non-discrimination dans la prestation de services"),
			act("b", "firewall|safe access to basic services", "acceso seguro a servicios", "accès sûr aux services"),
			act("c", "service points|one-stop shops|one-stop centres|migrant service centres", "ventanillas únicas|centros de atención integral|puntos de atención", "guichets uniques|points de service"),
			act("d", "national human rights institutions|ombudsman|complaints about access to services", "instituciones nacionales de derechos humanos|procuraduría de derechos humanos|defensoría del pueblo|ombudsman", "institutions nationales des droits de l'homme|médiateur"),
			act("e", "health needs of migrants|health-care policies|health workers|mental health|health professionals|medical care|medical assistance|health care for migrants",
				"necesidades de salud|políticas de salud|personal de salud|salud mental|atención médica|asistencia médica",
				"besoins de santé|politiques de santé|personnel de santé|agents de santé|santé mentale|soins médicaux|assistance médicale"),
			act("f", "education for migrant children|inclusive education|lifelong learning|school enrolment", "educación inclusiva|acceso a la escuela|matrícula escolar", "éducation inclusive|scolarisation"),
		}},
	{Number: 16,
		Title: Text{
			EN: "Empower migrants and societies to realize full inclusion and social cohesion",
			ES: "Empoderar a los migrantes y las sociedades para lograr la plena inclusión y la cohesión social",
			FR: "Donner aux migrants et aux sociétés les moyens de réaliser la pleine intégration et la cohésion sociale"},
		Short: Text{EN: "Inclusion and social cohesion", ES: "Inclusión y cohesión social", FR: "Intégration et cohésion sociale"},
		Terms: terms(
			"social cohesion|social inclusion|integration of migrants|host communities|receiving communities|community cohesion|"+
				"peaceful coexistence|intercultural dialogue|integration policies|conflict prevention|local integration",
			"cohesión social|inclusión social|integración de migrantes|integración local|comunidades de acogida|comunidades receptoras|"+
				"convivencia pacífica|convivencia|diálogo intercultural|políticas de integración|prevención de conflictos",
			"cohésion sociale|inclusion sociale|intégration des migrants|intégration locale|communautés d'accueil|"+
				"coexistence pacifique|vivre ensemble|dialogue interculturel|politiques d'intégration|prévention des conflits"),
		Actions: []Action{
			act("a", "mutual respect|acceptance of diversity|cultural diversity", "respeto mutuo|diversidad cultural", "respect mutuel|diversité culturelle"),
			act("b", "post-arrival programmes|language training|orientation programmes", "cursos de idioma|programas de orientación", "cours de langue|programmes d'orientation"),
			act("c", "inclusion of migrants in societies|integration strategy", "estrategia de integración", "stratégie d'intégration"),
			act("d", "inclusive labour markets|labour market integration|formal economy", "inserción laboral|integración laboral", "insertion professionnelle|intégration sur le marché du travail"),
			act("e", "empower migrant women|women's leadership", "empoderamiento de las mujeres migrantes|liderazgo de las mujeres", "autonomisation des femmes migrantes|leadership des femmes"),
			act("f", "community centres|community dialogue|intercultural dialogue|dialogue platforms|community committees",
				"centros comunitarios|diálogo comunitario|comités comunitarios", "centres communautaires|dialogue communautaire|comités communautaires|cadres de concertation"),
			act("g", "civic integration courses|peer-to-peer training exchanges", "cursos de integración cívica", "cours d'intégration civique"),
			act("h", "multicultural activities|sports|cultural events|festivals", "actividades multiculturales|eventos culturales|deportes|festivales", "activités multiculturelles|événements culturels|festivals"),
			act("i", "school environments|school community|education curricula", "entornos escolares|comunidad educativa", "milieu scolaire|communauté scolaire"),
		}},
	{Number: 17,
		Title: Text{
			EN: "Eliminate all forms of discrimination and promote evidence-based public discourse to shape perceptions of migration",
			ES: "Eliminar todas las formas de discriminación y promover un discurso público con base empírica para modificar las percepciones de la migración",
			FR: "Éliminer toutes les formes de discrimination et encourager un débat public fondé sur l'analyse des faits afin de faire évoluer la manière dont les migrations sont perçues"},
		Short: Text{EN: "Eliminate discrimination", ES: "Eliminar la discriminación", FR: "Éliminer la discrimination"},
		Terms: terms(
			"discrimination|xenophobia|racism|stigma|stigmatization|hate speech|public perceptions|perceptions of migration|"+
				"public discourse|negative narratives|anti-migrant|social stigma",
			"discriminación|xenofobia|racismo|estigma|estigmatización|discurso de odio|percepciones sobre la migración|"+
				"percepción pública|discurso público|narrativas negativas|no discriminación",
			"discrimination|xénophobie|racisme|stigmatisation|discours de haine|perceptions de la migration|"+
				"perception publique|discours public|récits négatifs"),
		Actions: []Action{
			act("a", "hate crimes", "crímenes de odio|delitos de odio", "crimes de haine"),
			act("b", "incitement to violence", "incitación a la violencia", "incitation à la violence"),
			act("c", "media professionals|ethical reporting|journalists|media coverage|migration terminology", "periodistas|medios de comunicación|cobertura mediática|periodismo", "journalistes|professionnels des médias|couverture médiatique"),
			act("d", "racial profiling|ethnic profiling", "perfilamiento racial", "profilage racial"),
			act("e", "redress mechanisms|discriminatory acts", "mecanismos de reparación|actos discriminatorios", "mécanismes de recours|actes discriminatoires"),
			act("f", "awareness-raising campaigns against xenophobia|positive contributions of migration|campaign against discrimination|anti-discrimination campaign",
				"campaña contra la discriminación|campañas contra la xenofobia|aportes de la migración|yo no discrimino",
				"campagne contre la discrimination|contributions positives des migrations"),
			act("g", "religious and community leaders|intolerance", "líderes religiosos|intolerancia", "leaders religieux|intolérance"),
		}},
	{Number: 18,
		Title: Text{
			EN: "Invest in skills development and facilitate mutual recognition of skills, qualifications and competences",
			ES: "Invertir en el desarrollo de aptitudes y facilitar el reconocimiento mutuo de aptitudes, cualificaciones y competencias",
			FR: "Investir dans le perfectionnement des compétences et faciliter la reconnaissance mutuelle des aptitudes, qualifications et compétences"},
		Short: Text{EN: "Skills development and recognition", ES: "Desarrollo y reconocimiento de competencias", FR: "Développement et reconnaissance des compétences"},
		Terms: terms(
			"skills development|recognition of skills|skills recognition|recognition of qualifications|qualifications|"+
				"skills certification|certification of skills|vocational training|technical training|upskilling",
			"desarrollo de aptitudes|desarrollo de competencias|reconocimiento de competencias|reconocimiento de aptitudes|"+
				"certificación de competencias|certificación de competencias laborales|cualificaciones|competencias laborales|"+
				"formación técnica|formación profesional|capacitación técnica vocacional",
			"perfectionnement des compétences|développement des compétences|reconnaissance des compétences|"+
				"reconnaissance des qualifications|certification des compétences|qualifications|formation professionnelle|"+
				"formation technique"),
		Actions: []Action{
			act("a", "mutual recognition of foreign qualifications|recognition of foreign qualifications", "reconocimiento de títulos extranjeros|homologación de títulos", "reconnaissance des diplômes étrangers"),
			act("b", "national qualifications frameworks|skills profiling", "marcos nacionales de cualificaciones", "cadres nationaux de certification"),
			act("c", "mutual recognition agreements", "acuerdos de reconocimiento mutuo", "accords de reconnaissance mutuelle"),
			act("d", "digital skills recognition", "reconocimiento digital de competencias", "reconnaissance numérique des compétences"),
			act("e", "global skills partnerships|skills partnerships", "alianzas mundiales para el desarrollo de competencias", "partenariats mondiaux pour les compétences"),
			act("f", "partnerships with educational institutions", "alianzas con instituciones educativas", "partenariats avec les établissements d'enseignement"),
			act("g", "apprenticeships|apprenticeship|traineeships|student exchange", "pasantías|aprendizaje en el trabajo|intercambio estudiantil", "contrats d'apprentissage|apprentis|stages professionnels|échanges d'étudiants"),
			act("h", "online skills development|language training", "formación en línea", "formation en ligne"),
			act("i", "documentation of skills acquired on the job", "certificación de experiencia laboral", "validation des acquis de l'expérience"),
			act("j", "mentoring|internship programmes|internships", "mentoría|programas de pasantías", "mentorat|programmes de stages"),
			act("k", "skills assessment prior to departure", "evaluación de competencias previa a la salida", "évaluation des compétences avant le départ"),
			act("l", "skills passport|credentials", "pasaporte de competencias", "passeport de compétences"),
		}},
	{Number: 19,
		Title: Text{
			EN: "Create conditions for migrants and diasporas to fully contribute to sustainable development in all countries",
			ES: "Crear las condiciones necesarias para que los migrantes y las diásporas puedan contribuir plenamente al desarrollo sostenible en todos los países",
			FR: "Créer les conditions permettant aux migrants et aux diasporas de contribuer pleinement au développement durable dans tous les pays"},
		Short: Text{EN: "Diaspora contributions to development", ES: "Contribución de las diásporas al desarrollo", FR: "Contribution des diasporas au développement"},
		Terms: terms(
			"diaspora|diasporas|diaspora engagement|diaspora members|migration and development|contributions of migrants|"+
				"migrants' contributions|diaspora contributions|co-development|transnational communities",
			"diáspora|diásporas|vinculación con la diáspora|miembros de la diáspora|migración y desarrollo|"+
				"contribuciones de los migrantes|aportes de la diáspora|codesarrollo|comunidades transnacionales",
			"diaspora|diasporas|engagement de la diaspora|membres de la diaspora|migration et développement|"+
				"contributions des migrants|contribution de la diaspora|codéveloppement|co-développement|communautés transnationales"),
		Actions: []Action{
			act("a", "Sustainable Development Goals|SDGs|Addis Ababa Action Agenda", "Objetivos de Desarrollo Sostenible|ODS", "Objectifs de développement durable|ODD"),
			act("b", "mainstreaming migration into development planning|migration mainstreaming|integrate migration into development planning", "integración de la migración en la planificación del desarrollo", "intégration de la migration dans la planification du développement"),
			act("c", "knowledge and skills transfer|social remittances", "transferencia de conocimientos|remesas sociales", "transfert de connaissances|transferts sociaux"),
			act("d", "diaspora offices|diaspora focal points|diaspora policy|diaspora mapping|mapping of the diaspora",
				"oficinas de la diáspora|política de diáspora|mapeo de la diáspora", "bureaux de la diaspora|politique de la diaspora|cartographie de la diaspora"),
			act("e", "diaspora investment|diaspora entrepreneurship|diaspora bonds", "inversión de la diáspora|emprendimiento de la diáspora", "investissement de la diaspora|entrepreneuriat de la diaspora"),
			act("f", "diaspora philanthropy|diaspora engagement in humanitarian", "filantropía de la diáspora", "philanthropie de la diaspora"),
			act("g", "political participation of migrants|voting abroad|vote from abroad", "voto en el exterior|participación política de los migrantes", "vote à l'étranger|participation politique"),
			act("h", "benefits of diasporas", "beneficios de las diásporas", "avantages des diasporas"),
			act("i", "knowledge transfer|highly skilled diaspora|diaspora professionals|temporary return of qualified nationals|health professionals of the diaspora|diaspora experts",
				"transferencia de conocimientos|profesionales de la diáspora|expertos de la diáspora", "transfert de compétences|professionnels de la diaspora|experts de la diaspora|missions de la diaspora"),
			act("j", "hometown associations|migrant organizations|diaspora associations", "asociaciones de migrantes|clubes de oriundos|asociaciones de la diáspora", "associations de la diaspora|associations de ressortissants|associations de migrants"),
		}},
	{Number: 20,
		Title: Text{
			EN: "Promote faster, safer and cheaper transfer of remittances and foster financial inclusion of migrants",
			ES: "Promover transferencias de remesas más rápidas, seguras y económicas y fomentar la inclusión financiera de los migrantes",
			FR: "Rendre les envois de fonds plus rapides, plus sûrs et moins coûteux et favoriser l'inclusion financière des migrants"},
		Short: Text{EN: "Remittances and financial inclusion", ES: "Remesas e inclusión financiera", FR: "Envois de fonds et inclusion financière"},
		Terms: terms(
			"remittances|remittance|remittance transfers|cost of remittances|remittance costs|financial inclusion|"+
				"money transfers|money transfer operators",
			"remesas|remesa|envío de remesas|costo de las remesas|inclusión financiera|envíos de dinero|"+
				"empresas remesadoras|transferencias de dinero",
			"envois de fonds|transferts de fonds|coût des transferts|inclusion financière|transferts d'argent|"+
				"sociétés de transfert d'argent"),
		Actions: []Action{
			act("a", "reduce transaction costs|remittance corridors|3 per cent", "reducir los costos de transacción|corredores de remesas", "réduire les coûts de transaction|corridors de transfert"),
			act("b", "International Day of Family Remittances", "Día Internacional de las Remesas Familiares", "Journée internationale des envois de fonds familiaux"),
			act("c", "remittance market regulations|money-laundering", "regulación del mercado de remesas|lavado de dinero", "réglementation du marché des transferts|blanchiment d'argent"),
			act("d", "non-bank remittance service providers", "proveedores de servicios de remesas no bancarios", "prestataires non bancaires"),
			act("e", "mobile payments|mobile money|digital remittances|e-banking", "pagos móviles|dinero móvil|remesas digitales|banca electrónica", "paiements mobiles|argent mobile|mobile money|transferts numériques"),
			act("f", "financial literacy|comparison websites", "educación financiera|alfabetización financiera", "éducation financière"),
			act("g", "productive use of remittances|investment of remittances|matching-grant", "uso productivo de las remesas|inversión de remesas|programa 3x1", "utilisation productive des transferts|investissement des transferts"),
			act("h", "women's financial inclusion|bank account for women", "inclusión financiera de las mujeres", "inclusion financière des femmes"),
			act("i", "bank accounts|savings accounts|access to credit|microcredit|microfinance", "cuentas bancarias|cuentas de ahorro|acceso al crédito|microcrédito|microfinanzas", "comptes bancaires|comptes d'épargne|accès au crédit|microcrédit|microfinance"),
		}},
	{Number: 21,
		Title: Text{
			EN: "Cooperate in facilitating safe and dignified return and readmission, as well as sustainable reintegration",
			ES: "Colaborar para facilitar el regreso y la readmisión en condiciones de seguridad y dignidad, así como la reintegración sostenible",
			FR: "Coopérer en vue de faciliter le retour et la réadmission des migrants en toute sécurité et dans la dignité, ainsi que leur réintégration durable"},
		Short: Text{EN: "Return and reintegration", ES: "Retorno y reintegración", FR: "Retour et réintégration"},
		Terms: terms(
			"return and reintegration|reintegration|sustainable reintegration|safe and dignified return|return|returns|"+
				"returnee|returnees|returning migrants|returned migrants|readmission|deportees|deported",
			"retorno y reintegración|reintegración|reintegración sostenible|retorno digno|retorno seguro|retorno|regreso|"+
				"retornado|retornados|retornadas|personas retornadas|migrantes retornados|readmisión|deportados|deportadas",
			"retour et réintégration|réintégration|réintégration durable|retour dans la dignité|retour|retours|"+
				"retournés|migrants de retour|réadmission|rapatriés|réinsertion"),
		Actions: []Action{
			act("a", "readmission agreements|return agreements", "acuerdos de readmisión", "accords de réadmission"),
			act("b", "assisted voluntary return|assisted voluntary return and reintegration|AVRR|voluntary return|voluntary humanitarian return|VHR|return programmes|reintegration programmes|reintegration packages",
				"retorno voluntario asistido|retorno voluntario|programas de retorno|programas de reintegración",
				"retour volontaire assisté|retour volontaire|retour humanitaire volontaire|programmes de retour|programmes de réintégration|aide au retour"),
			act("c", "identification of nationals|issuance of travel documents for return", "identificación de connacionales", "identification des ressortissants"),
			act("d", "pre-departure assistance|consular assistance to returning migrants", "asistencia previa al retorno", "assistance avant le départ"),
			act("e", "forced returns|deportation|deportations|removal", "retornos forzados|deportación|deportaciones", "retours forcés|expulsion|expulsions|éloignement"),
			act("f", "return monitoring|monitoring of returns", "monitoreo del retorno", "suivi des retours"),
			act("g", "return of children|returned children|best interests determination", "retorno de niños|niñez retornada|niños retornados", "retour des enfants|enfants retournés"),
			act("h", "reintegration assistance|reintegration support|economic reintegration|social reintegration|psychosocial reintegration|psychosocial assistance|reception of returnees|reception centres|reception centers|case management|microbusiness",
				"asistencia para la reintegración|apoyo a la reintegración|reintegración económica|reintegración social|reintegración psicosocial|recepción de retornados|centros de recepción|centro de atención al migrante retornado|gestión de casos",
				"aide à la réintégration|assistance à la réintégration|réintégration économique|réintégration sociale|réintégration psychosociale|accueil des migrants de retour|centres d'accueil|gestion des cas"),
			act("i", "communities of return|community-based reintegration|community reintegration projects|community-based projects", "comunidades de retorno|reintegración comunitaria|proyectos comunitarios", "communautés de retour|réintégration communautaire|projets communautaires"),
		}},
	{Number: 22,
		Title: Text{
			EN: "Establish mechanisms for the portability of social security entitlements and earned benefits",
			ES: "Establecer mecanismos para la portabilidad de la seguridad social y las prestaciones adquiridas",
			FR: "Mettre en place des mécanismes de portabilité de la sécurité sociale et des avantages acquis"},
		Short: Text{EN: "Social security portability", ES: "Portabilidad de la seguridad social", FR: "Portabilité de la sécurité sociale"},
		Terms: terms(
			"portability|social security|earned benefits|social security entitlements|pensions|social protection",
			"portabilidad|seguridad social|prestaciones adquiridas|pensiones|protección social",
			"portabilité|sécurité sociale|avantages acquis|droits à pension|pensions|protection sociale"),
		Actions: []Action{
			act("a", "social protection floors|social protection systems", "pisos de protección social|sistemas de protección social", "socles de protection sociale|systèmes de protection sociale"),
			act("b", "social security agreements", "convenios de seguridad social|acuerdos de seguridad social", "conventions de sécurité sociale|accords de sécurité sociale"),
			act("c", "portability of entitlements|portability of benefits", "portabilidad de derechos|portabilidad de prestaciones", "portabilité des droits|portabilité des prestations"),
		}},
	{Number: 23,
		Title: Text{
			EN: "Strengthen international cooperation and global partnerships for safe, orderly and regular migration",
			ES: "Fortalecer la cooperación internacional y las alianzas mundiales para la migración segura, ordenada y regular",
			FR: "Renforcer la coopération internationale et les partenariats mondiaux pour des migrations sûres, ordonnées et régulières"},
		Short: Text{EN: "International cooperation", ES: "Cooperación internacional", FR: "Coopération internationale"},
		Terms: terms(
			"international cooperation|global partnerships|regional cooperation|bilateral cooperation|binational cooperation|"+
				"binational dialogue|regional consultative process|regional consultative processes|migration governance|"+
				"capacity-building mechanism|Migration Multi-Partner Trust Fund|"+
				"regional dialogue|bilateral dialogue|regional economic communities|ECOWAS|IGAD|"+
				"Regional Conference on Migration|Puebla Process",
			"cooperación internacional|alianzas mundiales|cooperación regional|cooperación bilateral|cooperación binacional|"+
				"diálogo binacional|proceso consultivo regional|procesos consultivos regionales|gobernanza migratoria|"+
				"gobernanza de la migración|diálogo regional|CEDEAO|"+
				"Conferencia Regional sobre Migración|Proceso Puebla",
			"coopération internationale|partenariats mondiaux|coopération régionale|coopération bilatérale|"+
				"coopération binationale|dialogue binational|processus consultatif régional|processus consultatifs régionaux|"+
				"gouvernance des migrations|gouvernance migratoire|"+
				"dialogue régional|CEDEAO|Conférence régionale sur les migrations|Processus de Puebla"),
		Actions: []Action{
			act("a", "financial and technical assistance|national priorities|action plans", "asistencia técnica y financiera|prioridades nacionales", "assistance technique et financière|priorités nationales"),
			act("b", "areas of origin of irregular migration|development assistance", "ayuda al desarrollo", "aide au développement"),
			act("c", "local authorities in international cooperation|local governments", "gobiernos locales|autoridades locales", "autorités locales|collectivités territoriales"),
			act("d", "capacity-building mechanism|Migration MPTF", "mecanismo de creación de capacidad", "mécanisme de renforcement des capacités"),
			act("e", "bilateral partnerships|regional partnerships|partnership frameworks", "alianzas bilaterales|alianzas regionales|marcos de asociación", "partenariats bilatéraux|partenariats régionaux|cadres de partenariat"),
		}},
}
