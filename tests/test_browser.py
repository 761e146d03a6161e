"""Every page of the built book, read in headless Chromium with the internet blocked.

For each page: no JavaScript errors of our own, no failed local request, content that renders
offline, real alt text on every image, no serious or critical axe-core violation, and a layout
that fits a 375 px phone. A failing page leaves a screenshot and its console log in
test-output/browser/<page>/.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from book import html_pages

from conftest import NOTEBOOKS, OUTPUT_DIR, contrast, offline_context

# Third-party console errors we tolerate, each with its reason. Nothing of ours belongs here.
# (None now: "Got invalid theme mode" on a first visit is gone since _config.yml sets the theme's
# default_mode; every visit below is a first visit, in a fresh context.)
TOLERATED_CONSOLE_ERRORS: dict[str, str] = {}

# Moderate (not serious or critical) axe findings that come from the theme, with the reason.
TOLERATED_MINOR_OR_MODERATE_AXE = {
    "region": "moderate; pydata-sphinx-theme puts the sidebar's first item outside landmarks",
    "empty-table-header": "minor; pandas' HTML tables leave the corner cell above the index empty",
}

GENERIC_ALT = {"image", "img", "picture", "chart", "figure", "plot", "graph", "logo", "icon"}


PAGES = html_pages()


@dataclass
class PageVisit:
    page: str
    console: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    failed_local: list[str] = field(default_factory=list)
    blocked: list[str] = field(default_factory=list)
    images: list[dict] = field(default_factory=list)
    main_text: str = ""
    nav_links: int = 0
    axe: list[dict] = field(default_factory=list)
    phone: dict = field(default_factory=dict)

    def save(self, screenshot: bytes | None) -> Path:
        folder = OUTPUT_DIR / "browser" / re.sub(r"[^\w.-]+", "__", self.page)
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "console.log").write_text("\n".join(self.console + ["--- page errors ---"] + self.errors))
        (folder / "report.json").write_text(json.dumps(self.__dict__, indent=1, default=str))
        if screenshot:
            (folder / "screenshot.png").write_bytes(screenshot)
        return folder


_visits: dict[str, PageVisit] = {}


def visit(browser, site, page_name: str) -> PageVisit:
    """Load a page once (desktop, then phone width) and record everything the tests look at."""
    if page_name in _visits:
        return _visits[page_name]
    result = PageVisit(page_name)
    # Only the page's own requests count: axe-core re-fetches @import-ed stylesheets itself,
    # resolving them against the page (a 404 for /basic.css that no reader ever requests).
    axe_running = []
    context = offline_context(browser)
    page = context.new_page()
    # What the page logs before axe-core runs: axe's own fetches are the test's, not the page's.
    page.on("console", lambda m: None if axe_running else result.console.append(f"{m.type}: {m.text}"))
    page.on("pageerror", lambda e: result.errors.append(str(e)))

    def failed(url: str) -> None:
        if url.split(" ")[-1].startswith(site) and not axe_running:
            result.failed_local.append(url)

    page.on("requestfailed", lambda r: failed(r.url))
    page.on("response", lambda r: failed(f"{r.status} {r.url}") if r.status >= 400 else None)
    page.goto(f"{site}/{page_name}", wait_until="load")
    page.wait_for_timeout(300)
    # Charts load lazily: bring each image into view, as a reader scrolling down would, and wait
    # until it has loaded (or failed), then go back to the top.
    page.evaluate("""async () => {
        for (const img of document.querySelectorAll('main img, article img')) {
            img.scrollIntoView();
            if (!img.complete) await new Promise(done => { img.onload = img.onerror = done; setTimeout(done, 5000); });
        }
        window.scrollTo(0, 0);
    }""")
    result.images = page.eval_on_selector_all(
        "main img, article img",
        "els => els.map(e => ({src: e.getAttribute('src').slice(0, 80), alt: e.getAttribute('alt'),"
        " loaded: e.complete && e.naturalWidth > 0, visible: e.offsetParent !== null}))",
    )
    result.main_text = page.inner_text("main")
    result.nav_links = page.locator("nav.bd-docs-nav a").count()
    axe_running.append(True)
    axe = Axe().run(page)
    result.axe = [
        {"id": v["id"], "impact": v["impact"], "help": v["help"], "nodes": [n["target"] for n in v["nodes"]][:5]}
        for v in axe.response["violations"]
    ]
    screenshot = page.screenshot(full_page=False)
    page.set_viewport_size({"width": 375, "height": 800})
    page.wait_for_timeout(200)
    result.phone = page.evaluate(
        """() => ({
            scrollWidth: document.documentElement.scrollWidth,
            innerWidth: window.innerWidth,
            wideImages: [...document.querySelectorAll('main img')]
                .filter(i => i.getBoundingClientRect().width > window.innerWidth).length,
        })"""
    )
    result.blocked = list(context.blocked)
    context.close()
    result.save(screenshot)
    _visits[page_name] = result
    return result


@pytest.fixture(params=PAGES)
def visited(request, browser, site) -> PageVisit:
    return visit(browser, site, request.param)


def tolerated(message: str) -> bool:
    text = message.split(": ", 1)[-1]
    return any(re.search(pattern, text) for pattern in TOLERATED_CONSOLE_ERRORS)


def test_no_javascript_errors_of_our_own(visited):
    errors = [m for m in visited.console if m.startswith("error:") and not tolerated(m)]
    assert errors + visited.errors == []


def test_no_failed_request_for_a_local_asset(visited):
    assert visited.failed_local == []


def test_content_renders_with_the_internet_blocked(visited):
    assert len(visited.main_text.split()) > 20, "the main text is (nearly) empty"
    assert visited.nav_links >= len(PAGES) - 1, "the navigation sidebar is missing links"
    assert [i for i in visited.images if i["visible"] and not i["loaded"]] == []


def test_every_image_has_meaningful_alt_text(visited):
    bad = []
    for image in visited.images:
        alt = (image["alt"] or "").strip()
        if not alt or alt.lower().strip(".") in GENERIC_ALT or re.fullmatch(r"[\w.-]+\.(png|svg|jpe?g|gif)", alt, re.I):
            bad.append(image)
    assert bad == []


def test_no_serious_or_critical_accessibility_violations(visited):
    serious = [v for v in visited.axe if v["impact"] in ("serious", "critical")]
    assert serious == []
    untolerated = [v for v in visited.axe if v["impact"] not in ("serious", "critical") and v["id"] not in TOLERATED_MINOR_OR_MODERATE_AXE]
    assert untolerated == []


def test_page_fits_a_phone_screen(visited):
    assert visited.phone["scrollWidth"] <= visited.phone["innerWidth"], visited.phone
    assert visited.phone["wideImages"] == 0


def test_search_works_offline(browser, site):
    context = offline_context(browser)
    page = context.new_page()
    page.goto(f"{site}/search.html?q=Shanghai+Spirit")
    results = page.locator("#search-results li")
    results.first.wait_for(timeout=10_000)
    assert results.count() >= 2
    assert "shanghai-spirit" in " ".join(results.locator("a").evaluate_all("els => els.map(e => e.href)"))
    context.close()


def test_search_results_quote_the_pages_without_downloading_them(browser, site):
    """Each result's snippet quotes the searched words from the page's light text
    (scobook/sphinx/search.py); no result page itself is downloaded to make it."""
    context = offline_context(browser)
    page = context.new_page()
    fetched = []
    page.on("request", lambda r: fetched.append(r.url))
    page.goto(f"{site}/search.html?q=Shanghai+Spirit", wait_until="networkidle")
    results = page.locator("#search-results li")
    assert results.count() >= 10
    snippets = results.locator("p.context").all_inner_texts()
    assert len(snippets) == results.count(), "a result without its snippet"
    quoting = [s for s in snippets if "shanghai" in s.lower() or "spirit" in s.lower()]
    assert len(quoting) >= results.count() // 2, snippets
    assert [u for u in fetched if u.endswith(".summary.txt")], "no light text read"
    assert [u for u in fetched if u.split("?")[0].endswith(".html") and "search.html" not in u] == []
    context.close()


def test_paragraph_links_land_on_the_paragraph(browser, site):
    context = offline_context(browser)
    page = context.new_page()
    page.goto(f"{site}/intro.html")
    page.get_by_role("link", name="paragraph 14", exact=True).first.click()
    page.wait_for_load_state()
    assert page.url.endswith("chapters/01-article/index.html#para-14")
    assert page.locator("#para-14").is_visible()
    assert "soul of the organization" in page.locator("#para-14").inner_text()
    context.close()


def test_chinese_terms_use_the_font_shipped_with_the_book(browser, site):
    context = offline_context(browser)
    page = context.new_page()
    fonts = []
    page.on("response", lambda r: fonts.append(r.url) if r.url.endswith((".woff", ".woff2")) else None)
    page.goto(f"{site}/chapters/03-shanghai-spirit/index.html")
    page.evaluate("document.fonts.ready")
    assert any(url.endswith("/_static/fonts/noto-sans-sc-subset.woff2") for url in fonts)
    assert page.evaluate("""() => [...document.fonts].some(f => f.family.includes('SCO Noto Sans SC') && f.status === 'loaded')""")
    context.close()


@pytest.mark.parametrize("width", [375, 800])
def test_the_menu_and_on_this_page_buttons_open_their_drawers(browser, site, width):
    """On a phone and a tablet, tapping the visible menu button opens the chapter list, and the
    "On this page" button opens the page outline (upstream bug worked around in sco-toggle-fix.js)."""
    context = offline_context(browser, width=width, height=800)
    page = context.new_page()
    page.goto(f"{site}/chapters/02-membership/membership.html", wait_until="load")
    page.locator(".primary-toggle:visible").first.click()
    drawer = page.locator("#pst-primary-sidebar-modal")
    drawer.wait_for(state="visible", timeout=5000)
    assert drawer.evaluate("d => d.open")
    assert drawer.locator("a", has_text="Who belongs").count() >= 1
    page.keyboard.press("Escape")
    drawer.wait_for(state="hidden", timeout=5000)
    page.locator(".secondary-toggle:visible").first.click()
    outline = page.locator("#pst-secondary-sidebar-modal")
    outline.wait_for(state="visible", timeout=5000)
    assert outline.locator("a").count() >= 3
    context.close()


def test_the_desktop_menu_button_collapses_the_sidebar(browser, site):
    context = offline_context(browser, width=1280, height=900)
    page = context.new_page()
    page.goto(f"{site}/chapters/02-membership/membership.html", wait_until="load")
    sidebar = page.locator("#pst-primary-sidebar")
    assert sidebar.is_visible()
    page.locator(".primary-toggle:visible").first.click()
    page.wait_for_timeout(500)
    assert "pst-sidebar-hidden" in sidebar.get_attribute("class")
    context.close()


#: What a reader reads inside the notebooks' HTML outputs: card headings, text, links, table cells.
OUTPUT_TEXT = ".output.text_html h3, .output.text_html p, .output.text_html a, .output.text_html td"


@pytest.mark.parametrize("page_name", [p for p in PAGES if p.split("/")[-1].split(".")[0] in
                                       {n.stem for n in NOTEBOOKS}])
def test_notebook_outputs_are_readable_in_dark_mode(browser, site, page_name):
    """Cards and tables built in the notebooks keep WCAG AA contrast in dark mode."""
    context = offline_context(browser, width=375, height=800)
    page = context.new_page()
    page.emulate_media(color_scheme="dark")
    page.goto(f"{site}/{page_name}", wait_until="load")
    pairs = page.evaluate("""s => [...document.querySelectorAll(s)].slice(0, 60).map(v => {
        let e = v, bg = 'rgba(0, 0, 0, 0)';
        while (e && (bg === 'rgba(0, 0, 0, 0)' || bg === 'transparent')) { bg = getComputedStyle(e).backgroundColor; e = e.parentElement; }
        return [v.tagName, getComputedStyle(v).color, bg]; })""", OUTPUT_TEXT)
    context.close()
    low = [(tag, fg, bg) for tag, fg, bg in pairs if contrast(fg, bg) < 4.5]
    assert low == [], low[:5]


@pytest.mark.parametrize("width", [375, 1000, 1280])
def test_one_search_box_at_each_width_and_no_empty_header(browser, site, width):
    """At desktop widths the sidebar's search box is the only one (the theme's header bar with a
    second one is gone); a phone keeps one search button; Ctrl+K still opens the search."""
    phone = width < 500
    context = offline_context(browser, width=width, height=800, is_mobile=phone, has_touch=phone)
    page = context.new_page()
    page.goto(f"{site}/chapters/02-membership/index.html")
    shown = page.evaluate("""[...document.querySelectorAll('.search-button__button, form.bd-search')]
        .filter(e => e.offsetParent !== null && e.getBoundingClientRect().height > 0).length""")
    header = page.evaluate("(() => { const h = document.querySelector('header.bd-header');"
                           " return h ? h.getBoundingClientRect().height : 0; })()")
    assert shown == 1, f"{shown} search boxes at {width} px"
    assert header == 0
    if not phone:
        page.keyboard.press("Control+k")
        page.wait_for_selector("#pst-search-dialog[open], dialog[open]", timeout=3000)
    context.close()
