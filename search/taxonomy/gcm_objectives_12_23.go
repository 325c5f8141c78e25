package taxonomy

// objectives12to23 are objectives 12 to 23 of objectives.
var objectives12to23 = []Objective{
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
