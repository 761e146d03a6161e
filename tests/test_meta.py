"""Every page has a meta description for search engines and link previews (scobook.sphinx.meta),
and the home page the site root serves is a proper HTML page."""

from __future__ import annotations

import pytest
from book import html_pages
from bs4 import BeautifulSoup
from docutils import nodes
from docutils.frontend import get_default_settings
from docutils.parsers.rst import Parser
from docutils.utils import new_document

from scobook.sphinx.meta import MAX_LENGTH, first_paragraph, shorten

PAGES = [page for page in html_pages() if not page.startswith("search.html")]


def descriptions(html_dir, page: str) -> list[str]:
    soup = BeautifulSoup((html_dir / page).read_text(encoding="utf-8"), "html.parser")
    return [meta.get("content", "") for meta in soup.find_all("meta", attrs={"name": "description"})]


def rst(text: str) -> nodes.document:
    document = new_document("test", get_default_settings(Parser))
    Parser().parse(text, document)
    return document


def test_shorten_cuts_at_a_word_boundary():
    text = "word " * 60
    short = shorten(text)
    assert len(short) <= MAX_LENGTH and short.endswith("word…")
    assert shorten("  A short   text.\n") == "A short text."


def test_first_paragraph_is_body_prose():
    doctree = rst(
        ".. note:: An admonition is not the page's own prose, however long it is, so it is skipped.\n\n"
        "A lead-in that is too short:\n\n"
        "    A quotation of the article, long enough to count, is not the page's description.\n\n"
        "- A list item is not prose either, even when it is long enough to be a description.\n\n"
        "The page's first paragraph of prose, long enough [#]_ to describe it.\n\n"
        ".. [#] A footnote.\n"
    )
    assert first_paragraph(doctree) == "The page's first paragraph of prose, long enough to describe it."


@pytest.mark.parametrize("page", PAGES)
def test_page_has_one_meta_description(html_dir, page):
    found = descriptions(html_dir, page)
    assert len(found) == 1, f"{page}: {len(found)} meta descriptions"
    assert 50 <= len(found[0].strip()) <= 160, f"{page}: {len(found[0])} characters: {found[0]!r}"


def test_meta_descriptions_are_unique(html_dir):
    seen: dict[str, str] = {}
    for page in PAGES:
        for text in descriptions(html_dir, page):
            assert text not in seen, f"{page} has the description of {seen[text]}: {text!r}"
            seen[text] = page


def test_home_page_is_a_proper_redirect(html_dir):
    soup = BeautifulSoup((html_dir / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert soup.html.get("lang") == "en"
    assert soup.title and soup.title.get_text(strip=True)
    assert 50 <= len(soup.find("meta", attrs={"name": "description"})["content"]) <= 160
    assert soup.find("meta", attrs={"http-equiv": "Refresh"})["content"] == "0; url=intro.html"
    icon = soup.find("link", rel="icon")["href"]
    assert (html_dir / icon).is_file()
