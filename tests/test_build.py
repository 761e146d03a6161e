"""The book builds strictly (-n -W --keep-going) with zero warnings, and the pages hold what they should."""

import re

from bs4 import BeautifulSoup

from scobook.article import load_article


def test_strict_build_passes_with_zero_warnings(built_book):
    assert built_book.returncode == 0, built_book.log[-3000:]
    warnings = [line for line in built_book.log.splitlines() if re.search(r"\b(WARNING|ERROR|CRITICAL):", line)]
    assert warnings == []


def test_index_redirects_to_the_intro(html_dir):
    assert (html_dir / "index.html").exists()
    assert "intro.html" in (html_dir / "index.html").read_text()


def test_article_page_renders_every_paragraph_with_a_stable_anchor(html_dir):
    article = load_article()
    soup = BeautifulSoup((html_dir / "chapters/01-article/index.html").read_text(), "html.parser")
    for n, text in zip(article.paragraphs["n"], article.paragraphs["text"]):
        para = soup.find(id=f"para-{n}")
        assert para is not None, f"no anchor para-{n}"
        assert para.get_text(" ", strip=True).startswith(f"¶{n}")
        assert " ".join(text.split()[-5:]) in para.get_text(" ", strip=True)


def test_para_citations_link_to_the_article_page(html_dir):
    soup = BeautifulSoup((html_dir / "intro.html").read_text(), "html.parser")
    link = soup.find("a", href=re.compile(r"chapters/01-article/index\.html#para-14$"))
    assert link is not None and link.get_text(strip=True) == "¶14"


def test_passages_quote_the_article_with_attribution(html_dir):
    article = load_article()
    soup = BeautifulSoup((html_dir / "chapters/02-membership/index.html").read_text(), "html.parser")
    quote = soup.find("blockquote", class_="article-passage")
    assert quote is not None
    assert article.paragraph(10)[:60] in quote.get_text(" ", strip=True)
    assert "China Daily" in quote.find(class_="attribution").get_text()


def test_notebook_page_shows_executed_charts_with_alt_text(html_dir):
    soup = BeautifulSoup((html_dir / "chapters/01-article/article-as-data.html").read_text(), "html.parser")
    charts = soup.select("figure.sco-chart")
    from conftest import ROOT

    drawn = (ROOT / "chapters/01-article/article-as-data.ipynb").read_text().count("finish_chart(")
    assert len(charts) == drawn  # one figure per chart the notebook finishes, not a literal
    for chart in charts:
        img = chart.find("img")
        assert len(img["alt"].split()) >= 6
        assert "Source:" in chart.figcaption.get_text()


def test_every_chart_is_an_image_file_with_its_data_as_a_csv_file_beside_it(html_dir):
    """In the book a chart is a lazily loaded PNG file (tap to open it full size) and its data a
    .csv file that a reader can download; no chart is a data URI inside the page."""
    import csv

    pages = sorted(html_dir.rglob("*.html"))
    charts = 0
    for page in pages:
        soup = BeautifulSoup(page.read_text(), "html.parser")
        for chart in soup.select("figure.sco-chart"):
            charts += 1
            img = chart.find("img")
            assert (page.parent / img["src"]).is_file(), (page.name, img["src"])
            assert img["loading"] == "lazy" and img["width"] and img["height"]
            assert img.find_parent("a")["href"] == img["src"]
            assert img.parent.name == "picture"  # else the browser ignores the phone <source>
            link = chart.find("a", download=True)
            assert link["href"].endswith(".csv") and (page.parent / link["href"]).is_file(), (page.name, link)
            rows = list(csv.reader((page.parent / link["href"]).open(encoding="utf-8")))
            assert len(rows) >= 2 and all(len(r) == len(rows[0]) for r in rows)
        assert "data:image/png" not in page.read_text(), page.name
    from conftest import NOTEBOOKS, ROOT

    for notebook in NOTEBOOKS:  # every notebook draws at least one chart
        page = html_dir / notebook.relative_to(ROOT).with_suffix(".html")
        assert BeautifulSoup(page.read_text(), "html.parser").select("figure.sco-chart"), page.name
    assert charts >= len(NOTEBOOKS)


def test_every_chart_is_numbered_in_its_caption_and_has_a_phone_rendition(html_dir):
    """"Figure 2.3" is the third chart of chapter 2's page, with an anchor to link to; below 600 px
    the browser takes the chart's phone rendition, a file like the chart itself."""
    from conftest import NOTEBOOKS, ROOT
    from scobook.charts import PHONE_MEDIA

    for notebook in NOTEBOOKS:
        chapter = int(notebook.parent.name.split("-")[0])
        page = html_dir / notebook.relative_to(ROOT).with_suffix(".html")
        charts = BeautifulSoup(page.read_text(), "html.parser").select("figure.sco-chart")
        numbers = [c.select_one(".sco-chart-number").get_text() for c in charts]
        assert numbers == [f"Figure {chapter}.{k}." for k in range(1, len(charts) + 1)], page.name
        assert [c["id"] for c in charts] == [f"figure-{chapter}-{k}" for k in range(1, len(charts) + 1)]
        for chart in charts:
            source = chart.select_one("picture > source")
            assert source["media"] == PHONE_MEDIA and (page.parent / source["srcset"]).is_file()
            assert int(source["width"]) < int(chart.img["width"])
            assert chart.figcaption.get_text().count("Source:") == 1


def test_binder_launch_button_opens_jupyterlab(html_dir):
    page = (html_dir / "chapters/01-article/article-as-data.html").read_text()
    assert re.search(r"mybinder\.org/v2/gh/[^\"']+urlpath=lab/tree/chapters/01-article/article-as-data\.ipynb", page)


def test_pages_do_not_load_the_theme_fontawesome_script(html_dir):
    pages = list(html_dir.rglob("*.html"))
    assert pages
    assert [p.name for p in pages if "fontawesome.js" in p.read_text()] == []
    # the icons still come from the theme's web fonts
    assert "fa-solid-900.woff2" in (html_dir / "_static/styles/pydata-sphinx-theme.css").read_text()


def test_no_page_repeats_an_inline_script(html_dir):
    intro = (html_dir / "intro.html").read_text()
    assert intro.count("const THEBE_JS_URL") <= 1


def test_key_terms_render_as_a_definition_list(html_dir):
    soup = BeautifulSoup((html_dir / "chapters/01-article/index.html").read_text(), "html.parser")
    terms = [dt.get_text(" ", strip=True) for dt in soup.select("dl dt")]
    assert "Shanghai Spirit" in terms and len(terms) >= 5


def test_the_shipped_chinese_font_covers_every_chinese_character_in_the_book(html_dir):
    import sys

    from fontTools.ttLib import TTFont

    from conftest import ROOT

    sys.path.insert(0, str(ROOT / "tools"))
    from make_cjk_subset import CJK, OUT, cjk_characters

    font = TTFont(OUT)
    covered = {chr(c) for c in font.getBestCmap()}
    assert cjk_characters() - covered == set(), "run tools/make_cjk_subset.py"
    # and what the reader gets: every page as built, notebook outputs included
    built = {c for page in html_dir.rglob("*.html") for c in CJK.findall(page.read_text(encoding="utf-8"))}
    assert built, "no Chinese text found in the built book"
    assert built - covered == set(), "run tools/make_cjk_subset.py"
    assert (html_dir / "_static/fonts/noto-sans-sc-subset.woff2").exists()


def test_since_the_article_counts_summits_after_qingdao_and_says_what_is_not_included(html_dir):
    """The membership notebook's sentence is computed from the data: meetings strictly after the
    Qingdao summit (not the article's date, which would count Qingdao itself), dated by the
    Council meeting, and the events after the "as of" date that are missing."""
    from scobook.catalog import not_included
    from scobook.membership import QINGDAO_SUMMIT, load_summits

    summits = load_summits()
    after = summits[(summits["date_start"] > QINGDAO_SUMMIT) & (summits["format"] == "sco")]
    assert "Qingdao" not in set(after["city"])
    text = " ".join(BeautifulSoup((html_dir / "chapters/02-membership/membership.html").read_text(),
                                  "html.parser").get_text(" ").split())
    text = text.replace("\u2019", "'").replace("\u2018", "'")  # the page sets apostrophes and quotes typographically
    last = after.iloc[-1]
    assert f"have met {len(after)} times since Qingdao (last: {last['city']}, {last['date_start']:%-d %B %Y})" in text
    assert f"not included: {not_included('sco_membership.csv')}" in text


def test_notebook_paragraph_links_resolve_to_the_article(html_dir):
    """[¶N](#para-N) in a notebook's markdown becomes a link to the article's paragraph N."""
    soup = BeautifulSoup((html_dir / "chapters/03-shanghai-spirit/spirit.html").read_text(), "html.parser")
    link = soup.find("a", href=re.compile(r"01-article/index\.html#para-10$"))
    assert link is not None and link.get_text(strip=True) == "¶10"


def test_the_answer_key_folds_each_quiz_and_holds_every_answer(html_dir):
    from scobook.quiz import load_all_banks

    soup = BeautifulSoup((html_dir / "chapters/answer-key.html").read_text(), "html.parser")
    for bank in load_all_banks():
        section = soup.find(id=f"answers-{bank.name}")
        folded = section.find("details", class_="sco-fold")
        assert folded is not None and f"{len(bank.questions)} questions" in folded.summary.get_text()
        assert len(folded.select("ol > li")) == len(bank.questions)
    page = (html_dir / "chapters/answer-key.html").read_text()
    assert "sco-print.js" in page  # printing opens every folded block


def test_the_sources_page_folds_each_files_source_list(html_dir):
    soup = BeautifulSoup((html_dir / "chapters/sources.html").read_text(), "html.parser")
    folds = soup.select("details.sco-fold")
    assert len(folds) >= 8
    for fold in folds:
        count = int(re.search(r"The (\d+) sources?", fold.summary.get_text())[1])
        assert len(fold.select("ul.sco-source-urls > li")) == count


def test_notebook_pages_fold_how_to_run_and_each_exercise_under_its_heading(html_dir):
    """In the online book, where nothing runs, the steps for running a notebook and the body of each
    exercise fold under their headings (which stay in the page's outline); the notebooks themselves
    are unchanged, so Jupyter shows both in full."""
    from conftest import NOTEBOOKS, ROOT
    from scobook.sphinx.fold import EXERCISE_SUMMARY, HOW_TO_RUN_SUMMARY

    for notebook in NOTEBOOKS:
        page = html_dir / notebook.relative_to(ROOT).with_suffix(".html")
        soup = BeautifulSoup(page.read_text(), "html.parser")
        how = soup.select_one("section#how-to-run-this-notebook")
        assert [c.name for c in how.find_all(recursive=False)] == ["h2", "details"], page.name
        assert how.details.summary.get_text() == HOW_TO_RUN_SUMMARY
        assert "Shift + Enter" in how.details.get_text()
        exercises = soup.select("section#exercises > section")
        assert len(exercises) == 3, page.name
        for exercise in exercises:
            assert [c.name for c in exercise.find_all(recursive=False)] == ["h3", "details"], page.name
            assert exercise.details.summary.get_text() == EXERCISE_SUMMARY
            assert exercise.details.select(".cell.tag_exercise") and exercise.details.select(".cell.tag_solution")
        assert all(text in soup.select_one(".bd-toc").get_text() for text in ("How to run this notebook", "Exercise 1"))
        source = notebook.read_text(encoding="utf-8")
        assert HOW_TO_RUN_SUMMARY not in source and EXERCISE_SUMMARY not in source


def _head_scripts(page):
    soup = BeautifulSoup(page.read_text(), "html.parser")
    return [s for s in (soup.head or soup).find_all("script") if s.get("src")]


def test_only_the_search_page_loads_the_search_index(html_dir):
    """The search index (33 KiB gzip) and Sphinx's search tools were blocking scripts on every page,
    for a search-as-you-type dialog the book leaves off; the search page still loads them."""
    pages = [p for p in html_dir.rglob("*.html") if p.name != "search.html" and _head_scripts(p)]
    assert len(pages) > 20
    loading = [str(p.relative_to(html_dir)) for p in pages
               if any(re.search(r"searchindex\.js|searchtools\.js|language_data\.js", s["src"]) for s in _head_scripts(p))]
    assert loading == []
    search = [s["src"] for s in BeautifulSoup((html_dir / "search.html").read_text(), "html.parser").find_all("script", src=True)]
    assert any("searchindex.js" in src for src in search) and any("searchtools.js" in src for src in search)


def test_no_script_but_the_documentation_options_holds_up_the_first_paint(html_dir):
    """Every script in a page's <head> is deferred or async, except documentation_options.js, which
    the inline scripts after it write into at once (the search page keeps Sphinx's order)."""
    for page in ("intro.html", "chapters/02-membership/membership.html", "chapters/02-membership/index.html",
                 "chapters/pack/handout.html"):
        blocking = [s["src"].split("?")[0].rsplit("/", 1)[-1] for s in _head_scripts(html_dir / page)
                    if not (s.has_attr("defer") or s.has_attr("async"))]
        assert blocking == ["documentation_options.js"], (page, blocking)


def test_every_page_has_a_light_text_for_the_search_snippets(html_dir):
    """The search page reads each result's snippet from <page>.summary.txt (scobook/sphinx/search.py):
    the page's article text with its section ids, without the markup, code, outputs and folds that
    made a search download 17 whole pages (317 KB gzip) for 17 snippets."""
    from scobook.sphinx.search import SUMMARY_SUFFIX

    pages = [p for p in html_dir.rglob("*.html")  # not the search page, the index or the home redirect
             if p.name not in ("search.html", "genindex.html") and p != html_dir / "index.html" and "_static" not in p.parts]
    assert len(pages) > 20
    for page in pages:
        summary = page.with_name(page.stem + SUMMARY_SUFFIX)
        assert summary.is_file(), f"no {summary.name} beside {page.relative_to(html_dir)}"
        html, text = page.read_text(), summary.read_text()
        assert len(text) < len(html) / 2, summary
        soup = BeautifulSoup(text, "html.parser")
        main = soup.find(attrs={"role": "main"})
        assert main is not None and not main.find(["script", "img", "svg", "pre", "details", "style"]), summary
        article = BeautifulSoup(html, "html.parser").find("article", class_="bd-article")
        title = article.find("h1").get_text(" ", strip=True).removesuffix("#").strip()
        assert " ".join(title.split()) in " ".join(main.get_text(" ").split()), (summary, title)
        for section in article.find_all("section", id=True):  # a result's anchor names a section
            assert main.find(id=section["id"]) is not None, (summary, section["id"])


def test_the_search_page_reads_snippets_from_the_light_texts(html_dir):
    from scobook.sphinx.search import SUMMARY_SUFFIX

    search = (html_dir / "search.html").read_text()
    assert f'DOCUMENTATION_OPTIONS.FILE_SUFFIX = "{SUMMARY_SUFFIX}"' in search
    assert "FILE_SUFFIX = " not in (html_dir / "intro.html").read_text()
