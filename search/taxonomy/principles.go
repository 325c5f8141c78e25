package taxonomy

// principles are the GCM's ten cross-cutting and interdependent guiding
// principles (paragraph 15 of the Compact), in the Compact's order.
var principles = []Principle{
	{Code: "people-centred",
		Name: Text{EN: "People-centred", ES: "Centrado en las personas", FR: "Priorité à la dimension humaine"},
		Terms: terms(
			"people-centred|people-centered|people centred|human dimension|individual migrants|well-being of migrants|"+
				"migrants and their families|migrant-centred|beneficiary-centred|needs of migrants|lived experience|dignity|"+
				"co-design|co-designed|co-designing|co-creation|co-created|participatory design|participatory approach|"+
				"participatory methods|designed with and for|in their own words|accountability to affected populations",
			"centrado en las personas|centrada en las personas|enfoque centrado en las personas|dimensión humana|"+
				"bienestar de los migrantes|migrantes y sus familias|dignidad|necesidades de las personas migrantes|"+
				"co-diseño|codiseño|codiseñada|codiseñadas|codiseñados|co-creación|cocreación|diseño participativo|"+
				"enfoque participativo|metodologías participativas|diseñada con y para|en sus propias palabras|"+
				"rendición de cuentas a las poblaciones afectadas",
			"axé sur la personne|centré sur la personne|centrée sur la personne|centré sur les personnes|dimension humaine|"+
				"bien-être des migrants|migrants et leurs familles|dignité|besoins des migrants|co-conception|co-construction|"+
				"approche participative|méthodes participatives|redevabilité envers les populations affectées"),
	},
	{Code: "international-cooperation",
		Name: Text{EN: "International cooperation", ES: "Cooperación internacional", FR: "Coopération internationale"},
		Terms: terms(
			"international cooperation|regional cooperation|bilateral cooperation|cross-border cooperation|"+
				"binational|bilateral agreement|bilateral agreements|regional consultative process|regional consultative processes|"+
				"countries of origin, transit and destination|South-South cooperation|multilateral|shared responsibility|"+
				"partnerships between countries",
			"cooperación internacional|cooperación regional|cooperación bilateral|cooperación transfronteriza|binacional|"+
				"acuerdo bilateral|acuerdos bilaterales|proceso consultivo regional|países de origen, tránsito y destino|"+
				"cooperación sur-sur|multilateral|responsabilidad compartida",
			"coopération internationale|coopération régionale|coopération bilatérale|coopération transfrontalière|binational|"+
				"accord bilatéral|accords bilatéraux|processus consultatif régional|pays d'origine, de transit et de destination|"+
				"coopération sud-sud|multilatéral|responsabilité partagée"),
	},
	{Code: "national-sovereignty",
		Name: Text{EN: "National sovereignty", ES: "Soberanía nacional", FR: "Souveraineté nationale"},
		Terms: terms(
			"national sovereignty|sovereign right|sovereign rights|sovereignty|national migration policy|national priorities|"+
				"government ownership|national ownership|national authorities|national legislation|national migration policies",
			"soberanía nacional|derecho soberano|soberanía|política migratoria nacional|prioridades nacionales|"+
				"apropiación nacional|autoridades nacionales|legislación nacional",
			"souveraineté nationale|droit souverain|souveraineté|politique migratoire nationale|priorités nationales|"+
				"appropriation nationale|appropriation par le gouvernement|autorités nationales|législation nationale"),
	},
	{Code: "rule-of-law",
		Name: Text{EN: "Rule of law and due process", ES: "Estado de derecho y garantías procesales", FR: "État de droit et garanties procédurales"},
		Terms: terms(
			"rule of law|due process|access to justice|legal framework|legal frameworks|legislation|prosecution|prosecutions|"+
				"judicial|judiciary|law enforcement|criminal justice|legal assistance|legal aid|accountability mechanisms",
			"estado de derecho|debido proceso|garantías procesales|acceso a la justicia|marco legal|marco jurídico|"+
				"marcos jurídicos|legislación|persecución penal|judicial|poder judicial|aplicación de la ley|justicia penal|"+
				"asistencia jurídica|asesoría legal",
			"état de droit|garanties procédurales|procédure régulière|accès à la justice|cadre juridique|cadre légal|"+
				"cadres juridiques|législation|poursuites|judiciaire|forces de l'ordre|justice pénale|assistance juridique|"+
				"aide juridique"),
	},
	{Code: "sustainable-development",
		Name: Text{EN: "Sustainable development", ES: "Desarrollo sostenible", FR: "Développement durable"},
		Terms: terms(
			"sustainable development|2030 Agenda|Agenda 2030|Sustainable Development Goals|SDGs|SDG|migration and development|"+
				"local development|development cooperation|livelihoods|livelihood|income-generating activities|"+
				"economic development|poverty reduction|entrepreneurship",
			"desarrollo sostenible|Agenda 2030|Objetivos de Desarrollo Sostenible|ODS|migración y desarrollo|"+
				"desarrollo local|cooperación para el desarrollo|medios de vida|actividades generadoras de ingresos|"+
				"desarrollo económico|reducción de la pobreza|emprendimiento|emprendimientos",
			"développement durable|Agenda 2030|Objectifs de développement durable|ODD|migration et développement|"+
				"développement local|coopération au développement|moyens de subsistance|activités génératrices de revenus|AGR|"+
				"développement économique|réduction de la pauvreté|entrepreneuriat"),
	},
	{Code: "human-rights",
		Name: Text{EN: "Human rights", ES: "Derechos humanos", FR: "Droits de l'homme"},
		Terms: terms(
			"human rights|human rights-based approach|rights-based approach|rights-based|rights of migrants|migrants' rights|"+
				"fundamental rights|non-discrimination|non-refoulement|human rights law|their rights|rights and obligations|"+
				"rights and duties|right to special protection|rights of victims",
			"derechos humanos|enfoque de derechos|enfoque basado en derechos|enfoque de derechos humanos|"+
				"derechos de las personas migrantes|derechos de los migrantes|derechos fundamentales|no discriminación|"+
				"no devolución|sus derechos|derechos y deberes|derechos y obligaciones|derechos de las víctimas",
			"droits de l'homme|droits humains|droits de la personne|approche fondée sur les droits|droits des migrants|"+
				"droits fondamentaux|non-discrimination|non-refoulement|leurs droits|droits et devoirs|droits et obligations|"+
				"droits des victimes"),
	},
	{Code: "gender-responsive",
		Name: Text{EN: "Gender-responsive", ES: "Perspectiva de género", FR: "Prise en compte de la problématique femmes-hommes"},
		Terms: terms(
			"gender-responsive|gender responsive|gender-sensitive|gender sensitive|gender equality|gender mainstreaming|"+
				"gender perspective|gender analysis|women's empowerment|empowerment of women|gender-based violence|"+
				"needs of women and girls|women, men, girls and boys|sex-disaggregated",
			"perspectiva de género|enfoque de género|sensible al género|igualdad de género|transversalización del enfoque de género|"+
				"análisis de género|empoderamiento de las mujeres|empoderamiento femenino|violencia basada en género|"+
				"mujeres, hombres, niñas y niños|desagregados por sexo",
			"sensible au genre|approche genre|prise en compte du genre|intégration du genre|égalité des sexes|"+
				"égalité de genre|égalité femmes-hommes|analyse de genre|autonomisation des femmes|"+
				"violences basées sur le genre|ventilées par sexe|dimension genre"),
	},
	{Code: "child-sensitive",
		Name: Text{EN: "Child-sensitive", ES: "Perspectiva infantil", FR: "Prise en compte de la dimension enfants"},
		Terms: terms(
			"child-sensitive|child sensitive|best interests of the child|best interest of the child|child protection|"+
				"unaccompanied and separated children|unaccompanied children|unaccompanied minors|child rights|rights of the child|"+
				"Convention on the Rights of the Child|child-friendly",
			"perspectiva infantil|sensible a la niñez|interés superior del niño|interés superior de la niña, niño y adolescente|"+
				"interés superior de la niñez|protección de la niñez|protección infantil|niñez no acompañada|"+
				"menores no acompañados|derechos de la niñez|derechos del niño|Convención sobre los Derechos del Niño|"+
				"amigable para la niñez",
			"sensible aux enfants|adapté aux enfants|intérêt supérieur de l'enfant|protection de l'enfance|"+
				"protection de l'enfant|enfants non accompagnés|mineurs non accompagnés|droits de l'enfant|"+
				"Convention relative aux droits de l'enfant"),
	},
	{Code: "whole-of-government",
		Name: Text{EN: "Whole-of-government approach", ES: "Enfoque pangubernamental", FR: "Approche mobilisant l'ensemble des pouvoirs publics"},
		Terms: terms(
			"whole-of-government|whole of government|inter-ministerial|interministerial|inter-institutional|interinstitutional|"+
				"inter-agency coordination|interagency coordination|policy coherence|line ministries|government institutions|"+
				"national coordination mechanism|coordination mechanism|local authorities|municipalities|local governments",
			"enfoque pangubernamental|pangubernamental|interinstitucional|interinstitucionales|coordinación interinstitucional|"+
				"interministerial|coherencia de políticas|instituciones gubernamentales|instituciones públicas|"+
				"mecanismo de coordinación|mesa interinstitucional|gobiernos locales|autoridades locales|municipalidades|municipios",
			"approche pangouvernementale|ensemble des pouvoirs publics|interministériel|interministérielle|"+
				"interinstitutionnel|interinstitutionnelle|cohérence des politiques|ministères sectoriels|"+
				"institutions gouvernementales|mécanisme de coordination|autorités locales|collectivités locales|communes|mairies"),
	},
	{Code: "whole-of-society",
		Name: Text{EN: "Whole-of-society approach", ES: "Enfoque pansocial", FR: "Approche mobilisant l'ensemble de la société"},
		Terms: terms(
			"whole-of-society|whole of society|multi-stakeholder|multi-stakeholder partnerships|civil society|"+
				"civil society organizations|civil society organisations|CSOs|NGOs|private sector|trade unions|academia|"+
				"faith-based organizations|community-based organizations|community leaders|migrant associations|media outlets|"+
				"community engagement|community participation|teachers|parents and teachers|community members|"+
				"local organizations|local organisations|youth organizations|youth organisations|church groups|cooperatives",
			"enfoque pansocial|pansocial|múltiples actores|multiactor|sociedad civil|organizaciones de la sociedad civil|OSC|"+
				"ONG|sector privado|sindicatos|academia|organizaciones de base comunitaria|organizaciones comunitarias|"+
				"líderes comunitarios|asociaciones de migrantes|medios de comunicación|participación comunitaria|docentes|"+
				"maestros|madres y padres|padres de familia|miembros de la comunidad|organizaciones locales|"+
				"organizaciones juveniles|iglesias|cooperativas",
			"ensemble de la société|multipartite|multi-acteurs|société civile|organisations de la société civile|OSC|ONG|"+
				"secteur privé|syndicats|monde universitaire|organisations communautaires|leaders communautaires|"+
				"associations de migrants|médias|participation communautaire|enseignants|membres de la communauté|"+
				"organisations locales|associations de jeunes|coopératives"),
	},
}
