#!/usr/bin/env python3
"""Build the sample PDFs of the Faro corpus from the plain-text sources.

Each file in corpus/src/docs/*.txt is one document: a small header of
``key: value`` lines, a line with ``---``, then a light Markdown-like body.
The script turns every source into a Flat ODT (.fodt) in a temporary
directory and lets LibreOffice convert it to PDF:

    python3 corpus/src/build.py            # build every document
    python3 corpus/src/build.py NAME ...   # only sources whose name contains NAME
    python3 corpus/src/build.py --keep-fodt DIR   # also keep the .fodt files

Requirements (Debian): libreoffice-writer-nogui fonts-dejavu-core
fonts-liberation2 (and poppler-utils to inspect the results).

Header keys
    out       output file name in corpus/pdf/ (the extension is kept as given,
              so an upper-case ".PDF" is possible)
    title     document title (PDF Info /Title)
    subtitle  line under the title on the cover / banner
    author    PDF Info /Author
    date      publication date YYYY-MM-DD (meta:creation-date, PDF /CreationDate)
    lang      en, es or fr
    layout    report (cover page + body), plain (no cover) or sheet
              (banner + two-column body)
    series    running header text
    keywords  PDF Info /Keywords
    subject   PDF Info /Subject

Body markup
    # Heading 1 / ## Heading 2 / ### Heading 3
    blank-line separated paragraphs; **bold**, *italic*, [text](url)
    "- item" bullets, "1. item" numbered lists
    "| a | b |" table rows (first row is the header row)
    "> text" highlighted box
    !pagebreak        start a new page
    !columns / !endcolumns   open or close a two-column section
"""

import glob
import os
import re
import shutil
import subprocess
import sys
import tempfile
from xml.sax.saxutils import escape

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.dirname(HERE)
SRC = os.path.join(HERE, "docs")
OUT = os.path.join(CORPUS, "pdf")

LANG = {
    "en": ("en", "US", "Page", "of"),
    "es": ("es", "ES", "Página", "de"),
    "fr": ("fr", "FR", "Page", "sur"),
}

NS = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
    'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" '
    'xmlns:xlink="http://www.w3.org/1999/xlink" '
    'xmlns:dc="http://purl.org/dc/elements/1.1/" '
    'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" '
    'office:version="1.3" '
    'office:mimetype="application/vnd.oasis.opendocument.text"'
)

BLUE = "#0033a0"
LIGHT = "#e6ecf7"


def parse(path):
    with open(path, encoding="utf-8") as f:
        raw = f.read()
    head, sep, body = raw.partition("\n---\n")
    if not sep:
        raise SystemExit(f"{path}: missing '---' header separator")
    meta = {}
    for line in head.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        k, _, v = line.partition(":")
        meta[k.strip()] = v.strip()
    for k in ("out", "title", "author", "date", "lang"):
        if k not in meta:
            raise SystemExit(f"{path}: missing header key {k!r}")
    meta.setdefault("layout", "report")
    meta.setdefault("series", "")
    meta.setdefault("subtitle", "")
    return meta, body


def inline(s):
    s = escape(s)
    s = re.sub(
        r"\[([^\]]+)\]\(([^)]+)\)",
        lambda m: f'<text:a xlink:type="simple" xlink:href="{m.group(2)}">{m.group(1)}</text:a>',
        s,
    )
    s = re.sub(r"\*\*(.+?)\*\*", r'<text:span text:style-name="Strong">\1</text:span>', s)
    s = re.sub(r"(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?![\w*])", r'<text:span text:style-name="Emph">\1</text:span>', s)
    return s


class Body:
    def __init__(self):
        self.out = []
        self.first_style = None  # paragraph style that must carry the master page
        self.in_cols = False
        self.tables = 0
        self.pending_break = False

    def style(self, name):
        """Return the style to use for the next block (page break / master page)."""
        if self.first_style:
            s = self.first_style
            self.first_style = None
            return f"{name}_{s}"
        if self.pending_break:
            self.pending_break = False
            return f"{name}_Break"
        return name

    def para(self, name, text):
        self.out.append(f'<text:p text:style-name="{self.style(name)}">{inline(text)}</text:p>')

    def heading(self, level, text):
        self.out.append(
            f'<text:h text:style-name="{self.style("H" + str(level))}" '
            f'text:outline-level="{level}">{inline(text)}</text:h>'
        )

    def lst(self, items, numbered):
        st = "LNum" if numbered else "LBullet"
        self.out.append(f'<text:list text:style-name="{st}">')
        for it in items:
            self.out.append(
                f'<text:list-item><text:p text:style-name="{self.style("ListPara")}">{inline(it)}</text:p></text:list-item>'
            )
        self.out.append("</text:list>")

    def table(self, rows):
        self.tables += 1
        ncol = max(len(r) for r in rows)
        # A paragraph before the table carries pending breaks/master pages.
        if self.first_style or self.pending_break:
            self.para("Body", "")
        t = [f'<table:table table:name="Table{self.tables}" table:style-name="Tbl">',
             f'<table:table-column table:style-name="TblCol" table:number-columns-repeated="{ncol}"/>']
        for i, r in enumerate(rows):
            r = r + [""] * (ncol - len(r))
            if i == 0:
                t.append("<table:table-header-rows>")
            t.append("<table:table-row>")
            for c in r:
                cs, ps = ("TH", "TableHead") if i == 0 else ("TD", "TableText")
                t.append(
                    f'<table:table-cell table:style-name="{cs}" office:value-type="string">'
                    f'<text:p text:style-name="{ps}">{inline(c)}</text:p></table:table-cell>'
                )
            t.append("</table:table-row>")
            if i == 0:
                t.append("</table:table-header-rows>")
        t.append("</table:table>")
        self.out.extend(t)

    def columns(self, on):
        if on and not self.in_cols:
            if self.first_style or self.pending_break:
                self.para("Body", "")
            self.out.append('<text:section text:style-name="Sect2" text:name="Columns%d">' % len(self.out))
            self.in_cols = True
        elif not on and self.in_cols:
            self.out.append("</text:section>")
            self.in_cols = False


def render_body(text, b):
    blocks = re.split(r"\n\s*\n", text.strip("\n"))
    for block in blocks:
        lines = [l.rstrip() for l in block.strip("\n").splitlines() if l.strip()]
        if not lines:
            continue
        # directives may sit on their own lines inside a block
        while lines and lines[0].startswith("!"):
            d = lines.pop(0).strip()
            if d == "!pagebreak":
                b.pending_break = True
            elif d == "!columns":
                b.columns(True)
            elif d == "!endcolumns":
                b.columns(False)
            else:
                raise SystemExit(f"unknown directive {d}")
        if not lines:
            continue
        first = lines[0]
        m = re.match(r"^(#{1,3})\s+(.*)$", first)
        if m:
            b.heading(len(m.group(1)), m.group(2))
            rest = lines[1:]
            if rest:
                render_body("\n".join(rest), b)
            continue
        if first.startswith("|"):
            rows = []
            for l in lines:
                cells = [c.strip() for c in l.strip().strip("|").split("|")]
                if all(re.fullmatch(r":?-{2,}:?", c) for c in cells):
                    continue
                rows.append(cells)
            b.table(rows)
            continue
        if re.match(r"^(- |\d+\. )", first):
            numbered = bool(re.match(r"^\d+\. ", first))
            items = []
            for l in lines:
                mm = re.match(r"^(- |\d+\. )(.*)$", l)
                if mm:
                    items.append(mm.group(2))
                else:
                    items[-1] += " " + l.strip()
            b.lst(items, numbered)
            continue
        if first.startswith(">"):
            txt = " ".join(l.lstrip("> ").strip() for l in lines)
            b.para("Box", txt)
            continue
        b.para("Body", " ".join(l.strip() for l in lines))


def styles(meta):
    lang, country, page_word, of_word = LANG[meta["lang"]]
    sheet = meta["layout"] == "sheet"
    body_size = "9.5pt" if sheet else "10.5pt"

    def pstyle(name, parent="Standard", para="", txt="", extra=""):
        return (f'<style:style style:name="{name}" style:family="paragraph" style:parent-style-name="{parent}"{extra}>'
                f'<style:paragraph-properties {para}/><style:text-properties {txt}/></style:style>')

    common = f"""
<style:default-style style:family="paragraph">
 <style:paragraph-properties fo:hyphenation-ladder-count="no-limit" style:writing-mode="lr-tb"/>
 <style:text-properties style:font-name="Liberation Serif" fo:font-size="{body_size}" fo:language="{lang}" fo:country="{country}" fo:hyphenate="false"/>
</style:default-style>
<style:default-style style:family="table-cell"><style:table-cell-properties/></style:default-style>
<style:style style:name="Standard" style:family="paragraph" style:class="text"/>
{pstyle("Body", para='fo:margin-top="0cm" fo:margin-bottom="0.22cm" fo:text-align="justify" fo:line-height="118%"')}
{pstyle("ListPara", "Body", para='fo:margin-bottom="0.12cm" fo:text-align="start"')}
{pstyle("H1", para='fo:margin-top="0.45cm" fo:margin-bottom="0.2cm" fo:keep-with-next="always"',
        txt=f'style:font-name="Liberation Sans" fo:font-size="{"13pt" if sheet else "16pt"}" fo:font-weight="bold" fo:color="{BLUE}"',
        extra=' style:default-outline-level="1"')}
{pstyle("H2", para='fo:margin-top="0.35cm" fo:margin-bottom="0.15cm" fo:keep-with-next="always"',
        txt=f'style:font-name="Liberation Sans" fo:font-size="{"11pt" if sheet else "12.5pt"}" fo:font-weight="bold" fo:color="{BLUE}"',
        extra=' style:default-outline-level="2"')}
{pstyle("H3", para='fo:margin-top="0.25cm" fo:margin-bottom="0.1cm" fo:keep-with-next="always"',
        txt='style:font-name="Liberation Sans" fo:font-size="10.5pt" fo:font-weight="bold" fo:font-style="italic"',
        extra=' style:default-outline-level="3"')}
{pstyle("Box", "Body", para=f'fo:background-color="{LIGHT}" fo:padding="0.25cm" fo:border-left="1.5mm solid {BLUE}" fo:border-right="none" fo:border-top="none" fo:border-bottom="none" fo:margin-top="0.15cm" fo:margin-bottom="0.3cm" fo:text-align="start"',
        txt='style:font-name="Liberation Sans" fo:font-size="10pt"')}
{pstyle("TableHead", para='fo:text-align="start"', txt='style:font-name="Liberation Sans" fo:font-size="9pt" fo:font-weight="bold" fo:color="#ffffff"')}
{pstyle("TableText", para='fo:text-align="start"', txt='style:font-name="Liberation Sans" fo:font-size="9pt"')}
{pstyle("Header", para='fo:text-align="start" fo:padding-bottom="0.1cm" fo:border-bottom="0.5pt solid #8a9bc4"',
        txt='style:font-name="DejaVu Sans" fo:font-size="7.5pt" fo:color="#4a5a80"')}
{pstyle("Footer", para='fo:text-align="start" fo:padding-top="0.1cm" fo:border-top="0.5pt solid #8a9bc4"',
        txt='style:font-name="DejaVu Sans" fo:font-size="7.5pt" fo:color="#4a5a80"')}
{pstyle("CoverSeries", para='fo:margin-top="1.5cm" fo:margin-bottom="2.5cm"',
        txt=f'style:font-name="Liberation Sans" fo:font-size="11pt" fo:font-weight="bold" fo:letter-spacing="0.05cm" fo:color="{BLUE}"')}
{pstyle("CoverTitle", para=f'fo:margin-bottom="0.5cm" fo:padding="0.5cm" fo:background-color="{BLUE}" fo:border="none"',
        txt='style:font-name="Liberation Sans" fo:font-size="28pt" fo:font-weight="bold" fo:color="#ffffff"')}
{pstyle("CoverSubtitle", para='fo:margin-bottom="6cm"', txt='style:font-name="Liberation Sans" fo:font-size="15pt" fo:color="#333333"')}
{pstyle("CoverMeta", para='fo:margin-bottom="0.15cm"', txt='style:font-name="Liberation Sans" fo:font-size="10.5pt" fo:color="#333333"')}
{pstyle("BannerSeries", para=f'fo:margin-bottom="0cm" fo:padding-left="0.3cm" fo:padding-top="0.25cm" fo:background-color="{BLUE}" fo:border="none"',
        txt='style:font-name="Liberation Sans" fo:font-size="9pt" fo:font-weight="bold" fo:color="#dfe6f5"')}
{pstyle("BannerTitle", para=f'fo:margin-bottom="0cm" fo:padding-left="0.3cm" fo:background-color="{BLUE}" fo:border="none"',
        txt='style:font-name="Liberation Sans" fo:font-size="20pt" fo:font-weight="bold" fo:color="#ffffff"')}
{pstyle("BannerSub", para=f'fo:margin-bottom="0.4cm" fo:padding-left="0.3cm" fo:padding-bottom="0.25cm" fo:background-color="{BLUE}" fo:border="none"',
        txt='style:font-name="Liberation Sans" fo:font-size="11pt" fo:color="#ffffff"')}
<style:style style:name="Strong" style:family="text"><style:text-properties fo:font-weight="bold"/></style:style>
<style:style style:name="Emph" style:family="text"><style:text-properties fo:font-style="italic"/></style:style>
"""
    return common, page_word, of_word


def automatic_styles():
    s = []
    margin = 'fo:margin-top="1.6cm" fo:margin-bottom="1.4cm" fo:margin-left="2cm" fo:margin-right="2cm"'
    s.append(f'<style:page-layout style:name="pmCover"><style:page-layout-properties fo:page-width="21.59cm" fo:page-height="27.94cm" {margin}/></style:page-layout>')
    s.append(f'<style:page-layout style:name="pmMain"><style:page-layout-properties fo:page-width="21.59cm" fo:page-height="27.94cm" {margin}/>'
             '<style:header-style><style:header-footer-properties fo:min-height="0cm" fo:margin-bottom="0.5cm"/></style:header-style>'
             '<style:footer-style><style:header-footer-properties fo:min-height="0cm" fo:margin-top="0.5cm"/></style:footer-style>'
             '</style:page-layout>')
    s.append('<style:style style:name="Sect2" style:family="section"><style:section-properties text:dont-balance-text-columns="false">'
             '<style:columns fo:column-count="2" fo:column-gap="0.7cm"/></style:section-properties></style:style>')
    s.append('<style:style style:name="Tbl" style:family="table"><style:table-properties style:rel-width="100%" table:align="margins" fo:margin-top="0.15cm" fo:margin-bottom="0.35cm"/></style:style>')
    s.append('<style:style style:name="TblCol" style:family="table-column"><style:table-column-properties style:rel-column-width="1000*"/></style:style>')
    s.append(f'<style:style style:name="TH" style:family="table-cell"><style:table-cell-properties fo:background-color="{BLUE}" fo:padding="0.12cm" fo:border="0.5pt solid #8a9bc4"/></style:style>')
    s.append('<style:style style:name="TD" style:family="table-cell"><style:table-cell-properties fo:padding="0.12cm" fo:border="0.5pt solid #8a9bc4"/></style:style>')
    # variants of block styles: first block after the cover (switches to the
    # "Main" master page) and forced page breaks
    for base in ("Body", "ListPara", "H1", "H2", "H3", "Box", "BannerSeries", "CoverSeries"):
        s.append(f'<style:style style:name="{base}_Main" style:family="paragraph" style:parent-style-name="{base}" style:master-page-name="Main">'
                 '<style:paragraph-properties style:page-number="auto"/></style:style>')
        s.append(f'<style:style style:name="{base}_Cover" style:family="paragraph" style:parent-style-name="{base}" style:master-page-name="Cover"/>')
        s.append(f'<style:style style:name="{base}_Break" style:family="paragraph" style:parent-style-name="{base}">'
                 '<style:paragraph-properties fo:break-before="page"/></style:style>')
    s.append('<text:list-style style:name="LBullet"><text:list-level-style-bullet text:level="1" text:bullet-char="•">'
             '<style:list-level-properties text:list-level-position-and-space-mode="label-alignment">'
             '<style:list-level-label-alignment text:label-followed-by="listtab" text:list-tab-stop-position="0.6cm" fo:text-indent="-0.4cm" fo:margin-left="0.6cm"/>'
             '</style:list-level-properties></text:list-level-style-bullet></text:list-style>')
    s.append('<text:list-style style:name="LNum"><text:list-level-style-number text:level="1" style:num-suffix="." style:num-format="1">'
             '<style:list-level-properties text:list-level-position-and-space-mode="label-alignment">'
             '<style:list-level-label-alignment text:label-followed-by="listtab" text:list-tab-stop-position="0.7cm" fo:text-indent="-0.5cm" fo:margin-left="0.7cm"/>'
             '</style:list-level-properties></text:list-level-style-number></text:list-style>')
    return "\n".join(s)


def build_fodt(meta, body_text):
    common, page_word, of_word = styles(meta)
    lang, country, _, _ = LANG[meta["lang"]]
    year = meta["date"][:4]
    b = Body()
    layout = meta["layout"]
    if layout == "report":
        b.first_style = "Cover"
        b.para("CoverSeries", meta["series"] or meta["author"])
        b.para("CoverTitle", meta["title"])
        if meta["subtitle"]:
            b.para("CoverSubtitle", meta["subtitle"])
        b.para("CoverMeta", meta["author"])
        b.para("CoverMeta", meta.get("cover_date", year))
        b.first_style = "Main"
    elif layout == "sheet":
        b.first_style = "Main"
        b.para("BannerSeries", meta["series"] or meta["author"])
        b.para("BannerTitle", meta["title"])
        b.para("BannerSub", meta["subtitle"] or " ")
        b.columns(True)
    else:
        b.first_style = "Main"
    render_body(body_text, b)
    b.columns(False)

    header_txt = escape(meta["series"] or meta["author"]) + " — " + escape(meta.get("short", meta["title"]))
    footer_left = escape(meta["author"]) + " · " + year
    master = f"""
<style:master-page style:name="Cover" style:page-layout-name="pmCover" style:next-style-name="Main"/>
<style:master-page style:name="Main" style:page-layout-name="pmMain">
 <style:header><text:p text:style-name="HeaderTabbed">{header_txt}</text:p></style:header>
 <style:footer><text:p text:style-name="FooterTabbed">{footer_left}<text:tab/>{page_word} <text:page-number text:select-page="current">1</text:page-number> {of_word} <text:page-count>1</text:page-count></text:p></style:footer>
</style:master-page>"""
    tabbed = ('<style:style style:name="HeaderTabbed" style:family="paragraph" style:parent-style-name="Header"/>'
              '<style:style style:name="FooterTabbed" style:family="paragraph" style:parent-style-name="Footer">'
              '<style:paragraph-properties><style:tab-stops><style:tab-stop style:position="17.59cm" style:type="right"/></style:tab-stops></style:paragraph-properties></style:style>')
    created = meta["date"] + "T09:00:00"
    m = f"""<office:meta>
 <meta:generator>faro corpus build.py</meta:generator>
 <dc:title>{escape(meta["title"])}</dc:title>
 <dc:subject>{escape(meta.get("subject", meta["subtitle"]))}</dc:subject>
 <meta:keyword>{escape(meta.get("keywords", ""))}</meta:keyword>
 <meta:initial-creator>{escape(meta["author"])}</meta:initial-creator>
 <dc:creator>{escape(meta["author"])}</dc:creator>
 <meta:creation-date>{created}</meta:creation-date>
 <dc:date>{created}</dc:date>
 <dc:language>{lang}-{country}</dc:language>
</office:meta>"""
    fonts = """<office:font-face-decls>
 <style:font-face style:name="Liberation Serif" svg:font-family="'Liberation Serif'" style:font-family-generic="roman" style:font-pitch="variable"/>
 <style:font-face style:name="Liberation Sans" svg:font-family="'Liberation Sans'" style:font-family-generic="swiss" style:font-pitch="variable"/>
 <style:font-face style:name="DejaVu Sans" svg:font-family="'DejaVu Sans'" style:font-family-generic="swiss" style:font-pitch="variable"/>
</office:font-face-decls>"""
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<office:document {NS}>
{m}
{fonts}
<office:styles>{common}{tabbed}</office:styles>
<office:automatic-styles>{automatic_styles()}</office:automatic-styles>
<office:master-styles>{master}</office:master-styles>
<office:body><office:text>
{chr(10).join(b.out)}
</office:text></office:body>
</office:document>
"""


def pdf_date(date):
    y, mo, d = date.split("-")
    return f"D:{y}{mo}{d}090000"


def fix_dates(pdf_path, date):
    """Set /CreationDate and /ModDate of the Info dictionary to the
    publication date. LibreOffice writes the conversion time; the new value
    is padded to the same byte length so the xref offsets stay valid."""
    with open(pdf_path, "rb") as f:
        data = f.read()
    want = pdf_date(date)

    def repl(m):
        old = m.group(2)
        if len(old) < len(want):
            return m.group(0)
        # keep LibreOffice's timezone suffix, replace date and time
        return m.group(1) + b"(" + want.encode("ascii") + old[len(want):] + b")"

    data2 = re.sub(rb"(/(?:CreationDate|ModDate))\(([^)]*)\)", repl, data)
    # XMP packets (if any) carry the dates too
    iso = date + "T09:00:00"

    def xrepl(m):
        old = m.group(2)
        new = (iso + old[len(iso):].decode("latin-1")).encode("latin-1") if len(old) >= len(iso) else old
        return m.group(1) + new + m.group(3)

    data2 = re.sub(rb"(<xmp:(?:CreateDate|ModifyDate|MetadataDate)>)([^<]*)(</xmp:)", xrepl, data2)
    if len(data2) != len(data):
        raise SystemExit(f"{pdf_path}: date patch changed file length")
    with open(pdf_path, "wb") as f:
        f.write(data2)


def main(argv):
    keep = None
    if "--keep-fodt" in argv:
        i = argv.index("--keep-fodt")
        keep = argv[i + 1]
        del argv[i:i + 2]
    filters = argv
    sources = sorted(glob.glob(os.path.join(SRC, "*.txt")))
    if filters:
        sources = [s for s in sources if any(f in os.path.basename(s) for f in filters)]
    if not sources:
        raise SystemExit("no sources")
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        raise SystemExit("soffice not found: apt-get install -y libreoffice-writer-nogui fonts-dejavu-core fonts-liberation2")
    os.makedirs(OUT, exist_ok=True)
    tmp = tempfile.mkdtemp(prefix="faro-corpus-")
    try:
        jobs = []
        for src in sources:
            meta, body = parse(src)
            stem = os.path.splitext(os.path.basename(src))[0]
            fodt = os.path.join(tmp, stem + ".fodt")
            with open(fodt, "w", encoding="utf-8") as f:
                f.write(build_fodt(meta, body))
            jobs.append((stem, fodt, meta))
        profile = "file://" + os.path.join(tmp, "profile")
        pdfdir = os.path.join(tmp, "pdf")
        cmd = [soffice, f"-env:UserInstallation={profile}", "--headless", "--norestore",
               "--convert-to", "pdf:writer_pdf_Export", "--outdir", pdfdir] + [j[1] for j in jobs]
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
        for stem, fodt, meta in jobs:
            produced = os.path.join(pdfdir, stem + ".pdf")
            if not os.path.exists(produced):
                raise SystemExit(f"LibreOffice did not produce {produced}")
            fix_dates(produced, meta["date"])
            dest = os.path.join(OUT, meta["out"])
            shutil.move(produced, dest)
            print("built", os.path.relpath(dest, CORPUS))
        if keep:
            os.makedirs(keep, exist_ok=True)
            for _, fodt, _ in jobs:
                shutil.copy(fodt, keep)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main(sys.argv[1:])
