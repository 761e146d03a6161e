"""Each part of the book's Sphinx extension (scobook/sphinx/) on a tiny book built in seconds with
Sphinx's own test application, without the theme, the notebooks or the rest of the book."""

import json
import re
import textwrap

import pytest
from bs4 import BeautifulSoup
from sphinx.testing.util import SphinxTestApp

from conftest import ROOT
from scobook.article import load_article
from scobook.charts import finish_chart, new_figure
from scobook.quiz import load_bank
from scobook.quiz_progress import MESSAGES

pytestmark = pytest.mark.build  # a real (tiny) Sphinx build: seconds, but not the unit lane

PAGES = {
    "index.md": """
        # Tiny book

        ```{toctree}
        chapters/01-article/index
        quiz
        reference
        chart
        ```

        The article says so in {para}`2`.

        ```{article-passage} 1-2
        ```
        """,
    "chapters/01-article/index.md": """
        # The article

        ```{article-text}
        ```

        ```{word-bank}
        ```
        """,
    "quiz.md": """
        # Quiz

        ```{quiz} ch1-article
        ```
        """,
    "reference.md": """
        # Reference

        ```{claim-model}
        ```

        ```{glossary-from-data}
        ```
        """,
}


@pytest.fixture(scope="module")
def tiny_book(tmp_path_factory):
    """The tiny book, built once: ``{page name: BeautifulSoup}`` and the output folder."""
    import matplotlib
    import pandas as pd

    matplotlib.use("Agg")
    src = tmp_path_factory.mktemp("tiny")
    (src / "conf.py").write_text('extensions = ["myst_parser", "scobook.sphinx"]\n'
                                 'myst_enable_extensions = ["colon_fence"]\nhtml_theme = "alabaster"\n')
    for name, text in PAGES.items():
        (src / name).parent.mkdir(parents=True, exist_ok=True)
        (src / name).write_text(textwrap.dedent(text))
    fig, ax = new_figure()
    ax.bar(["a", "b"], [1, 2])
    ax.set_ylabel("Count (number)")
    chart = finish_chart(fig, title="T", source="test", as_of="2025-10-31", alt="Bar chart of two counts, 1 and 2.",
                         data=pd.DataFrame({"x": ["a", "b"], "n": [1, 2]}), name="tiny-chart")
    (src / "chart.md").write_text("# Chart\n\n" + chart._repr_html_() + "\n")
    mp = pytest.MonkeyPatch()
    mp.setenv("SCOBOOK_ROOT", str(ROOT))  # the book's data/, not the tiny book's
    app = SphinxTestApp("html", srcdir=src)
    try:
        app.build()
        out = app.outdir
        pages = {p.relative_to(out).with_suffix("").as_posix(): BeautifulSoup(p.read_text(), "html.parser")
                 for p in out.rglob("*.html")}
        warnings = app.warning.getvalue()
    finally:
        app.cleanup()
        mp.undo()
    return pages, out, warnings


def test_the_tiny_book_builds_without_warnings(tiny_book):
    _, _, warnings = tiny_book
    assert [w for w in warnings.splitlines() if "WARNING" in w or "ERROR" in w] == []


def test_article_anchors_passages_and_para_references(tiny_book):
    pages, _, _ = tiny_book
    article = load_article()
    text_page = pages["chapters/01-article/index"]
    assert [f"para-{n}" for n in article.paragraphs["n"]] == [p["id"] for p in text_page.select("p.article-para")]
    index = pages["index"]
    link = index.find("a", href=re.compile(r"chapters/01-article/index\.html#para-2$"))
    assert link is not None and link.get_text(strip=True) == "¶2"  # resolved by Sphinx's std domain
    assert article.paragraph(1)[:40] in index.select_one("blockquote.article-passage").get_text()
    assert len(text_page.select("dl.word-bank dt")) == len(article.word_bank)


def test_quiz_forms_and_messages(tiny_book):
    pages, out, _ = tiny_book
    quiz = pages["quiz"].select_one("section.sco-quiz")
    assert len(quiz.select("form.sco-quiz-q")) == len(load_bank("ch1-article").questions)
    assert json.loads(quiz["data-messages"]) == MESSAGES
    para_links = quiz.select("a.sco-para")
    assert para_links and all(re.search(r"chapters/01-article/index\.html#para-\d+$", a["href"]) for a in para_links)
    assert (out / "_static" / "sco-quiz.js").is_file()


def test_reference_pages_from_data(tiny_book):
    pages, _, _ = tiny_book
    page = pages["reference"]
    assert len(page.select("ol.claim-model > li")) == 4
    terms, words = page.select_one("dl.sco-glossary-terms"), page.select_one("dl.sco-glossary-words")
    assert terms and words and terms.select_one("dt#term-shanghai-spirit")
    # each source link says whose source it is (WCAG 2.4.4), not "source" 32 times
    assert {a.get_text() for a in terms.select("a")} >= {"Source for \u201cShanghai Spirit\u201d"}
    assert not any(a.get_text().strip().lower() == "source" for a in terms.select("a"))


def test_charts_become_files_and_the_theme_fix_is_loaded(tiny_book):
    pages, out, _ = tiny_book
    img = pages["chart"].select_one("figure.sco-chart img")
    assert img["loading"] == "lazy" and (out / img["src"]).is_file()
    csv_link = pages["chart"].select_one("figure.sco-chart a[download]")
    assert (out / csv_link["href"]).read_text().startswith("x,n")
    assert pages["index"].find("script", src=re.compile(r"sco-toggle-fix\.js"))
