#!/usr/bin/env python3
"""Write the publication listing pages corpus/web/publications-en.html and
corpus/web/publicaciones-es.html from the entries below.

    python3 corpus/src/listing.py

It also re-encodes src/web/*.latin1.html (kept in UTF-8 for editing) into
ISO-8859-1 pages in corpus/web/.

Only entries whose PDF exists in corpus/pdf/ are written. The pages are
deliberately "real-world": header, navigation, a <style> and a <script>
block, <br> line breaks between inline items and a footer.
"""

import html
import os

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.dirname(HERE)

# (category, pdf, title, summary, year) per language
EN = [
    ("Campaign summaries", "campaign-summary-plan-your-life-en.pdf",
     "Plan your Life: C4D campaign summary, Honduras",
     "Young people in a community in northern Honduras reflected on their life plans and learned about alternatives to irregular migration, including local training and employment opportunities and safe, regular pathways.", 2018),
    ("Campaign summaries", "campaign-summary-migrating-informed-en.pdf",
     "Migrating Informed: C4D campaign summary, Mexico",
     "Central American migrants in transit through Chiapas and Tabasco learned about regularization opportunities in Mexico, their rights and the services available in shelters.", 2018),
    ("Campaign summaries", "campaign-summary-connect-with-your-future-en.pdf",
     "Connect with your Future: C4D campaign summary, El Salvador",
     "Adolescents in eastern El Salvador learned to spot misleading online messages and fraudulent job offers and connected with training and employment opportunities in their municipality.", 2018),
    ("Campaign summaries", "campaign-summary-echale-ganas-en.pdf",
     "Échale ganas: C4D campaign summary, Guatemala",
     "A youth-led radio drama in Spanish and Mam, listening groups and girls' circles helped families in the Guatemalan western highlands talk about migration, debt and regular work options.", 2019),
    ("Studies", "study-kap-c4d-campaigns-en.pdf",
     "Knowledge, attitudes and behaviours on migration: results of the C4D campaigns",
     "Baseline and endline results of the knowledge, attitudes and behaviours (KAP) studies carried out in communities of Honduras, El Salvador, Mexico and Guatemala.", 2019),
    ("Info sheets", "info-sheet-iom-x-central-america-en.pdf",
     "Info sheet: IOM X in Central America",
     "IOM X is the Communication for Development component of phase 9 of the Regional Migration Program, aiming at behaviour change in four communities of origin and transit.", 2017),
    ("Guides", "guide-c4d-counter-trafficking-en.pdf",
     "Applying C4D to counter-trafficking: a step-by-step guide",
     "Six steps — define, research, co-design, pre-test, implement, evaluate — for institutions that want their communication against trafficking in persons to change behaviour.", 2017),
    ("Knowledge Uptakes", "ku-information-campaigns-en.pdf",
     "Knowledge Uptake: Information Campaigns",
     "Lessons learned and promising practices on information campaigns in Central America and Mexico, shared as a contribution to the consultations on the Global Compact for Migration.", 2017),
    ("Knowledge Uptakes", "ku-return-reintegration-children-en.pdf",
     "Knowledge Uptake: Return and Reintegration of Children and Adolescents",
     "What the programme learned about reception, case management and community reintegration of returned children and adolescents in Honduras, Guatemala and El Salvador.", 2018),
    ("Knowledge Uptakes", "ku-countering-migrant-smuggling-en.pdf",
     "Knowledge Uptake: Countering Migrant Smuggling in Mesoamerica",
     "Lessons on investigation, prosecution, protection of smuggled migrants and regional cooperation against migrant smuggling networks.", 2018),
    ("Knowledge Uptakes", "ku-caribbean-migration-data-en.pdf",
     "Knowledge Uptake: Migration Data in the Caribbean",
     "How national statistical offices and migration authorities in Jamaica, Trinidad and Tobago and Guyana are improving the collection, sharing and use of migration data.", 2023),
    ("Info sheets", "info-sheet-fair-recruitment-guatemala-en.pdf",
     "Info sheet: Fair Recruitment of Guatemalan Workers",
     "Support to Guatemala's labour authorities to promote ethical recruitment and protect temporary workers travelling to Mexico and Canada.", 2021),
    ("Guides", "guide-regularization-services-belize-en.PDF",
     "Guide: Regularization and Access to Services in Belize",
     "A practical guide for frontline officers and community workers in Belize on regularization procedures and migrants' access to health, education and other services.", 2022),
    ("Evaluations", "evaluation-brief-c4d-component-en.pdf",
     "Evaluation brief: final evaluation of the C4D component",
     "Key findings, conclusions and recommendations of the external final evaluation of the Communication for Development component of the Regional Migration Program.", 2020),
    ("Other languages", "fiche-retour-reintegration-haiti-fr.pdf",
     "Fiche d'information : retour et réintégration en Haïti (French)",
     "Info sheet in French on the reception and reintegration of Haitian nationals returned by air and sea, and on community-based reintegration projects.", 2021),
    ("Other languages", "etude-environnement-climat-mobilite-haiti-fr.pdf",
     "Étude : environnement, changement climatique et mobilité en Haïti (French)",
     "Study in French on how hurricanes, drought and land degradation shape internal and international migration in Haiti.", 2023),
]

ES = [
    ("Resúmenes de campaña", "resumen-campana-ponele-plan-a-tu-vida-es.pdf",
     "Ponele plan a tu vida: resumen de la campaña C4D, Honduras",
     "Jóvenes de una comunidad del norte de Honduras reflexionaron sobre su plan de vida y conocieron alternativas a la migración irregular, como oportunidades locales de formación y empleo y vías de migración segura y regular.", 2018),
    ("Resúmenes de campaña", "resumen-campana-migrar-informados-es.pdf",
     "Migrar Informados: resumen de la campaña C4D, México",
     "Personas migrantes centroamericanas en tránsito por Chiapas y Tabasco conocieron las opciones de regularización en México, sus derechos y los servicios de los albergues.", 2018),
    ("Resúmenes de campaña", "resumen-campana-conecta-con-tu-futuro-es.pdf",
     "Conecta con tu futuro: resumen de la campaña C4D, El Salvador",
     "Adolescentes del oriente de El Salvador aprendieron a detectar mensajes engañosos y ofertas de empleo fraudulentas en línea y se conectaron con oportunidades de formación y empleo en su municipio.", 2018),
    ("Resúmenes de campaña", "resumen-campana-echale-ganas-es.pdf",
     "Échale ganas: resumen de la campaña C4D, Guatemala",
     "Una radionovela en español y mam, grupos de escucha y círculos de niñas ayudaron a las familias del altiplano occidental de Guatemala a hablar de migración, deudas y opciones de trabajo regular.", 2019),
    ("Estudios", "estudio-resultados-cap-campanas-c4d-es.pdf",
     "Conocimientos, actitudes y prácticas sobre migración: resultados de las campañas C4D",
     "Resultados de las mediciones de línea de base y de cierre sobre conocimientos, actitudes y prácticas (CAP) en comunidades de Honduras, El Salvador, México y Guatemala.", 2019),
    ("Estudios", "estudio-trata-de-personas-honduras-es.pdf",
     "Trata de personas en Honduras: diagnóstico de la respuesta institucional",
     "Estudio sobre las formas de trata de personas que afectan a niñez, mujeres y personas migrantes retornadas en Honduras y sobre la capacidad de las instituciones para identificarlas y atenderlas.", 2020),
    ("Hojas informativas", "hoja-informativa-iom-x-centroamerica-es.pdf",
     "Hoja informativa: IOM X en Centroamérica",
     "IOM X es el componente de Comunicación para el Desarrollo de la fase 9 del Programa Regional de Migración, orientado al cambio de comportamiento en cuatro comunidades de origen y tránsito.", 2017),
    ("Hojas informativas", "hoja-informativa-darien-panama-es.pdf",
     "Hoja informativa: gestión de fronteras y protección en el Darién, Panamá",
     "Atención humanitaria, registro y búsqueda de personas migrantes desaparecidas en la frontera entre Colombia y Panamá.", 2022),
    ("Guías", "guia-c4d-contra-la-trata-de-personas-es.pdf",
     "Aplicar la C4D a la lucha contra la trata de personas: guía paso a paso",
     "Seis pasos —definir, investigar, codiseñar, validar, implementar y evaluar— para que la comunicación contra la trata de personas logre cambios de comportamiento.", 2017),
    ("Guías", "guia-proteccion-consular-republica-dominicana-es.pdf",
     "Guía de protección y asistencia consular, República Dominicana",
     "Orientaciones para el personal consular dominicano sobre la asistencia a connacionales en situación de vulnerabilidad en el exterior.", 2019),
    ("Guías", "guia-periodistas-migracion-costa-rica-es.pdf",
     "Informar sin discriminar: guía para periodistas sobre migración, Costa Rica",
     "Recomendaciones para una cobertura periodística de la migración nicaragüense y de otras nacionalidades en Costa Rica que evite estereotipos y discursos xenófobos.", 2020),
    ("Knowledge Uptakes", "ku-campanas-informativas-es.pdf",
     "Knowledge Uptake: Campañas informativas",
     "Lecciones aprendidas y prácticas prometedoras sobre campañas informativas en Centroamérica y México, aportadas a las consultas del Pacto Mundial para la Migración.", 2017),
    ("Knowledge Uptakes", "ku-remesas-diaspora-nicaragua-es.pdf",
     "Knowledge Uptake: Remesas y diáspora, Nicaragua",
     "Experiencias para abaratar el envío de remesas, promover la inclusión financiera de las familias receptoras y vincular a la diáspora nicaragüense con el desarrollo local.", 2021),
    ("Otros idiomas", "fiche-retour-reintegration-haiti-fr.pdf",
     "Fiche d'information : retour et réintégration en Haïti (francés)",
     "Hoja informativa en francés sobre la recepción y la reintegración de personas haitianas retornadas por vía aérea y marítima.", 2021),
    ("Otros idiomas", "etude-environnement-climat-mobilite-haiti-fr.pdf",
     "Étude : environnement, changement climatique et mobilité en Haïti (francés)",
     "Estudio en francés sobre la relación entre huracanes, sequías, degradación de suelos y migración en Haití.", 2023),
]

PAGE = """<!DOCTYPE html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{page_title}</title>
<meta name="description" content="{description}">
<link rel="alternate" hreflang="{other_lang}" href="{other_href}">
<style>
  body {{ font-family: "Liberation Sans", Arial, sans-serif; margin: 0; color: #222; }}
  header.site {{ background: #0033a0; color: #fff; padding: 12px 24px; }}
  header.site a {{ color: #fff; text-decoration: none; }}
  nav.main a {{ margin-right: 18px; }}
  .publication {{ border-bottom: 1px solid #d5dbe8; padding: 14px 0; }}
  .publication h3 {{ margin: 0 0 6px 0; font-size: 1.1em; }}
  .meta {{ color: #667; font-size: .85em; }}
  footer.site {{ background: #f1f3f8; font-size: .8em; padding: 18px 24px; margin-top: 40px; }}
  /* hidden text that an indexer must not pick up: DO-NOT-INDEX-STYLE */
</style>
<script>
  // Cookie banner and analytics stub. An indexer must skip this: DO-NOT-INDEX-SCRIPT
  window.dataLayer = window.dataLayer || [];
  function consent(ok) {{ document.cookie = "consent=" + (ok ? "yes" : "no") + "; path=/"; }}
  document.addEventListener("DOMContentLoaded", function () {{
    var q = document.querySelector("#filter");
    if (q) q.addEventListener("input", function () {{
      document.querySelectorAll(".publication").forEach(function (el) {{
        el.style.display = el.textContent.toLowerCase().indexOf(q.value.toLowerCase()) < 0 ? "none" : "";
      }});
    }});
  }});
</script>
</head>
<body>
<header class="site">
<a href="#content" class="skip">{skip}</a>
<div class="brand"><strong>{org}</strong><br>{office}</div>
<nav class="main"><a href="#">{nav[0]}</a><a href="#">{nav[1]}</a><a href="#">{nav[2]}</a><a href="#">{nav[3]}</a><a href="{other_href}">{nav[4]}</a></nav>
</header>
<main id="content">
<div class="breadcrumb"><a href="#">{nav[0]}</a> &rsaquo; <a href="#">{programme}</a> &rsaquo; {heading}</div>
<h1>{heading}</h1>
<p class="intro">{intro}</p>
<p><label for="filter">{filter_label}</label> <input id="filter" type="search"></p>
{sections}
</main>
<footer class="site">
<div>{org}<br>{office_address}</div>
<div><a href="#">{footer_links[0]}</a> | <a href="#">{footer_links[1]}</a> | <a href="#">{footer_links[2]}</a></div>
<div>{note}<br>{updated}</div>
</footer>
</body>
</html>
"""

TEXT = {
    "en": dict(
        page_title="Publications | Regional Migration Program | IOM Central America, North America and the Caribbean",
        description="Publications of the Regional Migration Program: campaign summaries, Knowledge Uptakes, info sheets, studies and guides.",
        skip="Skip to content", org="International Organization for Migration (IOM)",
        office="Regional Office for Central America, North America and the Caribbean",
        nav=["Home", "Who we are", "What we do", "Publications", "Español"],
        programme="Regional Migration Program", heading="Publications",
        intro="Campaign summaries, Knowledge Uptakes, info sheets, studies and guides produced by the Regional Migration Program and its partners. Most publications are available in English and Spanish.",
        filter_label="Filter publications:",
        download="Download PDF", year="Published",
        office_address="San José, Costa Rica",
        footer_links=["Contact", "Privacy", "Terms of use"],
        note="Sample page written for the Faro test corpus; not an official IOM website. All documents listed are sample documents.",
        updated="Last updated: 12 March 2024",
        other_lang="es", other_href="publicaciones-es.html", lang="en",
    ),
    "es": dict(
        page_title="Publicaciones | Programa Regional de Migración | OIM Centroamérica, Norteamérica y el Caribe",
        description="Publicaciones del Programa Regional de Migración: resúmenes de campaña, Knowledge Uptakes, hojas informativas, estudios y guías.",
        skip="Ir al contenido", org="Organización Internacional para las Migraciones (OIM)",
        office="Oficina Regional para Centroamérica, Norteamérica y el Caribe",
        nav=["Inicio", "Quiénes somos", "Qué hacemos", "Publicaciones", "English"],
        programme="Programa Regional de Migración", heading="Publicaciones",
        intro="Resúmenes de campaña, Knowledge Uptakes, hojas informativas, estudios y guías elaborados por el Programa Regional de Migración y sus aliados. La mayoría de las publicaciones están disponibles en español e inglés.",
        filter_label="Filtrar publicaciones:",
        download="Descargar PDF", year="Publicado en",
        office_address="San José, Costa Rica",
        footer_links=["Contacto", "Privacidad", "Términos de uso"],
        note="Página de muestra escrita para el corpus de prueba de Faro; no es un sitio oficial de la OIM. Todos los documentos son documentos de muestra.",
        updated="Última actualización: 12 de marzo de 2024",
        other_lang="en", other_href="publications-en.html", lang="es",
    ),
}


def render(lang, entries):
    t = TEXT[lang]
    sections = []
    cats = []
    for e in entries:
        if e[0] not in cats:
            cats.append(e[0])
    for cat in cats:
        items = []
        for c, pdf, title, summary, year in entries:
            if c != cat or not os.path.exists(os.path.join(CORPUS, "pdf", pdf)):
                continue
            items.append(
                '<article class="publication">'
                f'<h3>{html.escape(title)}</h3>'
                f'<span class="meta">{t["year"]} {year}</span><br>'
                f'<p>{html.escape(summary)}</p>'
                f'<a class="download" href="../pdf/{pdf}">{t["download"]}</a>'
                f'<span class="meta">&nbsp;(PDF)</span>'
                '</article>'
            )
        if items:
            sections.append(f'<section>\n<h2>{html.escape(cat)}</h2>\n' + "\n".join(items) + "\n</section>")
    return PAGE.format(sections="\n".join(sections), **t)


def main():
    out = os.path.join(CORPUS, "web")
    os.makedirs(out, exist_ok=True)
    for lang, entries, name in (("en", EN, "publications-en.html"), ("es", ES, "publicaciones-es.html")):
        with open(os.path.join(out, name), "w", encoding="utf-8") as f:
            f.write(render(lang, entries))
        print("wrote web/" + name)
    # pages kept in UTF-8 under src/web/ but published in ISO-8859-1
    import glob
    for src in sorted(glob.glob(os.path.join(HERE, "web", "*.latin1.html"))):
        name = os.path.basename(src).replace(".latin1.html", ".html")
        with open(src, encoding="utf-8") as f:
            data = f.read().encode("iso-8859-1")  # fails loudly on characters outside Latin-1
        with open(os.path.join(out, name), "wb") as f:
            f.write(data)
        print("wrote web/" + name + " (ISO-8859-1)")


if __name__ == "__main__":
    main()
