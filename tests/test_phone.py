"""The book on a 375 px phone, in light and in dark mode (issue 12, items 3, 7 and 8).

Every page of tools/book.py ``html_pages()`` is read in a phone-sized, touch, mobile Chromium
context with the internet blocked, once per mode (one context per mode, reused for every page):

- no page is wider than the phone (a mobile browser would zoom the whole page out), the "Next"
  chevron is whole and the search box's icon leaves the query readable;
- axe-core finds no serious or critical violation, in light and in dark mode, and dark mode is
  really dark; the chapter 1 quiz is checked again after a wrong and after a right answer;
- every chart is an image file (never a data: URI) with ``loading="lazy"`` and its width and
  height, so the page does not jump while charts load;
- tables marked ``sco-table`` are stacked as cards with their column names, and the evidence
  tables of chapters 3 and 5 and the teacher's guide's plans are among them;
- Chinese text is drawn in the book's font, not as empty boxes, once that font has loaded;
- a first visit logs no "invalid theme mode" error.

Each visit leaves a screenshot of the top of the page in test-output/phone/<mode>/.
"""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from book import html_pages

from conftest import NOTEBOOKS, OUTPUT_DIR, offline_context

PHONE = {"width": 375, "height": 800}
MODES = ("light", "dark")
PAGES = html_pages()
NOTEBOOK_PAGES = [p for p in PAGES if p.split("/")[-1].split(".")[0] in {n.stem for n in NOTEBOOKS}]

#: Pages whose wide tables must be stacked as cards on a phone, and how many such tables each has
#: at least: the chapter 3 principle-and-practice table, the chapter 5 evidence table, and the
#: teacher's guide's three lesson plans and its rubric.
STACKED_TABLES = {
    "chapters/03-shanghai-spirit/spirit.html": 1,
    "chapters/05-reading-critically/claims.html": 1,
    "chapters/teachers-guide.html": 4,
}

QUIZ_PAGE = "chapters/01-article/index.html"
QUIZ = 'section.sco-quiz[data-quiz="ch1-article"]'

CJK = re.compile(r"[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]")


def serious_axe_violations(page) -> list[dict]:
    """axe-core's serious and critical findings on the page as it is now: rule, impact, targets."""
    response = Axe().run(page).response
    return [{"id": v["id"], "impact": v["impact"], "help": v["help"],
             "nodes": [n["target"] for n in v["nodes"]][:8]}
            for v in response["violations"] if v["impact"] in ("serious", "critical")]


@pytest.fixture(scope="module")
def phone(browser):
    """One phone context per mode, made on first use and shared by every test of this module.
    Light is the system's scheme on a first visit; dark is also chosen in the theme's switch
    (localStorage "mode" and "theme", as pydata-sphinx-theme stores it) before any page loads."""
    contexts = {}

    def context(mode: str):
        if mode not in contexts:
            made = offline_context(browser, **PHONE, is_mobile=True, has_touch=True, color_scheme=mode)
            if mode == "dark":
                made.add_init_script("localStorage.setItem('mode', 'dark'); localStorage.setItem('theme', 'dark');")
            contexts[mode] = made
        return contexts[mode]

    yield context
    for made in contexts.values():
        made.close()


_visits: dict[tuple[str, str], dict] = {}

MEASURE = """() => {
    const W = window.innerWidth;
    const luminance = css => {
        const [r, g, b] = css.match(/[\\d.]+/g).slice(0, 3).map(v => v / 255)
            .map(c => c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
        return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    // what sticks out to the right: visible elements in the normal flow of the page
    const sticking = [...document.querySelectorAll('.bd-main *')].filter(e => {
        const r = e.getBoundingClientRect();
        if (r.width === 0 || r.right <= W + 0.5) return false;
        for (let a = e.parentElement; a; a = a.parentElement) {
            const s = getComputedStyle(a);
            if (s.overflowX !== 'visible' || s.position === 'fixed') return false;
        }
        return true;
    }).slice(0, 5).map(e => `${e.tagName.toLowerCase()}.${[...e.classList].join('.')} right=${Math.round(e.getBoundingClientRect().right)}`);
    const images = [...document.querySelectorAll('article.bd-article img')].map(i => {
        const r = i.getBoundingClientRect();
        // on a phone the browser takes the chart's phone <source>: its width and height give the box
        const phoneSource = i.parentElement.tagName === 'PICTURE' &&
            [...i.parentElement.querySelectorAll('source')].find(s => matchMedia(s.media).matches);
        const sized = phoneSource || i;
        return {src: (i.getAttribute('src') || '').slice(0, 80), loading: i.getAttribute('loading'),
                width: sized.getAttribute('width'), height: sized.getAttribute('height'), phone: !!phoneSource,
                box: [r.width, r.height], chart: !!i.closest('figure.sco-chart')};
    });
    const tables = [...document.querySelectorAll('article.bd-article table.sco-table')].map(t => {
        const row = t.querySelector(':scope > tbody > tr');
        const cells = [...t.querySelectorAll(':scope > tbody > tr > td')];
        const first = cells[0];
        return {caption: (t.caption ? t.caption.textContent : t.className).slice(0, 60),
                rowDisplay: row ? getComputedStyle(row).display : null,
                unlabelled: cells.filter(c => !(c.dataset.label || '').trim()).length,
                label: first ? getComputedStyle(first, '::before').content : null,
                width: t.getBoundingClientRect().width, room: t.parentElement.clientWidth};
    });
    // the previous/next chevrons inside their links (which clip what overflows)
    const clipped = [...document.querySelectorAll('.prev-next-area a')].filter(a => a.offsetParent)
        .filter(a => [...a.querySelectorAll(':scope > i, :scope > svg')].some(i => {
            const r = i.getBoundingClientRect(), box = a.getBoundingClientRect();
            return r.right > box.right + 0.5 || r.left < box.left - 0.5;
        })).map(a => a.className);
    // a visible search box: its icon ends before the query's first letter
    const searchIcons = [...document.querySelectorAll('form.bd-search')].filter(f => f.offsetParent).map(f => {
        const icon = f.querySelector(':scope > i, :scope > svg').getBoundingClientRect();
        const input = f.querySelector('input');
        return icon.right - (input.getBoundingClientRect().left + parseFloat(getComputedStyle(input).paddingLeft));
    });
    return {
        scrollWidth: document.documentElement.scrollWidth, innerWidth: W, sticking, clipped, searchIcons,
        theme: document.documentElement.dataset.theme,
        background: luminance(getComputedStyle(document.body).backgroundColor),
        images, tables,
    };
}"""


def phone_visit(phone, site, mode: str, page_name: str) -> dict:
    """Load a page at 375 px in ``mode`` once and record what the tests below look at."""
    key = (mode, page_name)
    if key in _visits:
        return _visits[key]
    page = phone(mode).new_page()
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(f"{site}/{page_name}", wait_until="load")
    if page_name.startswith("search.html"):
        page.locator("#search-results li").first.wait_for(timeout=10_000)
    page.evaluate("document.fonts.ready.then(() => true)")
    page.wait_for_timeout(100)
    result = page.evaluate(MEASURE)
    result["errors"] = errors
    result["axe"] = serious_axe_violations(page)
    folder = OUTPUT_DIR / "phone" / mode
    folder.mkdir(parents=True, exist_ok=True)
    stem = folder / re.sub(r"[^\w.-]+", "__", page_name)
    page.screenshot(path=f"{stem}.png")
    Path(f"{stem}.json").write_text(json.dumps(result, indent=1, ensure_ascii=False))
    page.close()
    _visits[key] = result
    return result


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("page_name", PAGES)
def test_no_page_is_wider_than_the_phone(phone, site, mode, page_name):
    seen = phone_visit(phone, site, mode, page_name)
    assert seen["innerWidth"] == PHONE["width"], "the mobile browser widened its layout viewport"
    assert seen["scrollWidth"] <= PHONE["width"], seen["sticking"]
    assert seen["errors"] == []


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("page_name", PAGES)
def test_the_next_chevron_and_the_search_icon_are_whole(phone, site, mode, page_name):
    """Two defects seen at 375 px: the "Next" chevron half cut off by its link, and the search
    box's icon over the first letter of the query (scobook/static/sco-phone.css)."""
    seen = phone_visit(phone, site, mode, page_name)
    assert seen["clipped"] == []
    assert all(overlap <= 0.5 for overlap in seen["searchIcons"]), seen["searchIcons"]
    if page_name.startswith("search.html"):
        assert seen["searchIcons"], "the search page shows no search box"


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("page_name", PAGES)
def test_no_serious_or_critical_axe_violation_on_the_phone(phone, site, mode, page_name):
    seen = phone_visit(phone, site, mode, page_name)
    assert seen["theme"] == mode
    if mode == "dark":
        assert seen["background"] < 0.05, "the page is not dark"
    else:
        assert seen["background"] > 0.8, "the page is not light"
    assert seen["axe"] == []


@pytest.mark.parametrize("page_name", PAGES)
def test_every_chart_is_a_lazy_image_file_with_its_size(phone, site, page_name):
    images = phone_visit(phone, site, "light", page_name)["images"]
    if page_name in NOTEBOOK_PAGES:
        assert any(i["chart"] for i in images), "a notebook page without a chart: did the chart markup change?"
    for image in images:
        assert not image["src"].startswith("data:"), image
        assert image["loading"] == "lazy", image
        width, height = int(image["width"] or 0), int(image["height"] or 0)
        assert width > 0 and height > 0, image
        # the box has the chart's shape before the image arrives: nothing moves when it does
        shown_width, shown_height = image["box"]
        assert shown_width <= PHONE["width"]
        assert abs(shown_height - shown_width * height / width) <= 2, image
        if image["chart"]:
            assert image["phone"], "a chart without its phone rendition at 375 px"


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("page_name", PAGES)
def test_wide_tables_are_stacked_as_cards_with_their_column_names(phone, site, mode, page_name):
    tables = phone_visit(phone, site, mode, page_name)["tables"]
    assert len(tables) >= STACKED_TABLES.get(page_name, 0), tables
    for table in tables:
        assert table["rowDisplay"] == "block", table
        assert table["unlabelled"] == 0, table
        assert table["label"] not in (None, "none", "normal", '""'), table
        assert table["width"] <= table["room"] + 0.5, table


@pytest.mark.parametrize("mode", MODES)
def test_a_quiz_after_a_wrong_and_a_right_answer_has_no_serious_axe_violation(phone, site, mode):
    page = phone(mode).new_page()
    page.goto(f"{site}/{QUIZ_PAGE}", wait_until="load")
    form = page.locator(f"{QUIZ} form.sco-quiz-q").first
    correct = int(form.get_attribute("data-correct").split(",")[0])
    wrong = 0 if correct != 0 else 1
    form.locator("label.sco-quiz-option").nth(wrong).click()
    form.get_by_role("button", name="Check answer").click()
    assert form.locator(".sco-quiz-verdict").inner_text() == "✗ Not quite."
    form.locator("details.sco-quiz-answer summary").click()  # the answer, shown after a first try
    after_wrong = serious_axe_violations(page)
    form.locator("label.sco-quiz-option").nth(correct).click()
    form.get_by_role("button", name="Check answer").click()
    assert form.locator(".sco-quiz-verdict").inner_text() == "✓ Correct."
    after_right = serious_axe_violations(page)
    form.screenshot(path=str(OUTPUT_DIR / "phone" / mode / "quiz-after-right-answer.png"))
    page.close()
    assert (after_wrong, after_right) == ([], [])


@pytest.mark.parametrize("mode", MODES)
def test_the_words_searched_for_are_marked_legibly(phone, site, mode):
    """A page opened from the search results marks the words searched for (Sphinx's
    sphinx_highlight.js, which runs on every page now that the search tools load only on the
    search page); the marked words, in links too, keep AA contrast in light and dark."""
    page = phone(mode).new_page()
    page.goto(f"{site}/{QUIZ_PAGE}?highlight=SCO+Shanghai", wait_until="load")
    page.wait_for_selector("span.highlighted", state="attached", timeout=5000)
    marked = page.locator("span.highlighted").count()
    in_links = page.locator("a span.highlighted").count()
    found = serious_axe_violations(page)
    page.close()
    assert marked > 5 and in_links > 0, (marked, in_links)
    assert found == []


def test_a_first_visit_logs_no_theme_mode_error(browser, site):
    """pydata-sphinx-theme logs "Got invalid theme mode" when html_context has no default_mode
    (set in _config.yml); a fresh context has an empty localStorage, as a first visit does."""
    context = offline_context(browser, **PHONE, is_mobile=True, has_touch=True)
    page = context.new_page()
    console = []
    page.on("console", lambda m: console.append(f"{m.type}: {m.text}"))
    page.goto(f"{site}/intro.html", wait_until="load")
    page.wait_for_timeout(200)
    assert page.evaluate("document.documentElement.dataset.mode") == "auto"
    context.close()
    assert [m for m in console if m.startswith("error:")] == []


def cjk_pages(html_dir: Path) -> list[str]:
    return [p for p in PAGES if (html_dir / p.split("?")[0]).exists()
            and CJK.search((html_dir / p.split("?")[0]).read_text(encoding="utf-8"))]


def test_chinese_text_is_drawn_in_the_books_font_not_as_empty_boxes(phone, site, html_dir):
    """Each element with Chinese text, drawn as the page first drew it, looks the same as a fresh
    copy of it drawn after the font has loaded. Chromium 156 kept empty boxes for the first Chinese
    text it laid out while the font was loading when the font came after system-ui in the stack."""
    from PIL import Image, ImageChops

    pages = cjk_pages(html_dir)
    assert "chapters/03-shanghai-spirit/spirit.html" in pages
    boxes = []
    for page_name in pages:
        page = phone("light").new_page()
        page.goto(f"{site}/{page_name}", wait_until="load")
        page.evaluate("document.fonts.ready.then(() => true)")
        count = page.evaluate("""re => {
            const cjk = new RegExp(re);
            const found = new Set();
            const walk = document.createTreeWalker(document.querySelector('article.bd-article'), NodeFilter.SHOW_TEXT);
            while (walk.nextNode()) {
                const e = walk.currentNode.parentElement;
                if (cjk.test(walk.currentNode.data) && e.getClientRects().length) found.add(e);
            }
            [...found].forEach((e, i) => e.setAttribute('data-cjk-check', i));
            return found.size;
        }""", CJK.pattern)
        assert page.evaluate("[...document.fonts].some(f => f.family.includes('SCO Noto Sans SC') && f.status === 'loaded')")
        for i in range(min(count, 12)):
            element = page.locator(f'[data-cjk-check="{i}"]')
            if not element.is_visible():
                continue
            before = element.screenshot()
            element.evaluate("e => e.replaceWith(e.cloneNode(true))")
            after = page.locator(f'[data-cjk-check="{i}"]').screenshot()
            diff = ImageChops.difference(Image.open(io.BytesIO(before)).convert("RGB"),
                                         Image.open(io.BytesIO(after)).convert("RGB")).getbbox()
            if diff is not None:
                boxes.append((page_name, element.inner_text()[:40]))
        page.close()
    assert boxes == []


def test_stacked_tables_get_their_column_names_at_build_time():
    """label_table_cells: cells of sco-table tables get data-label from the header row (a colspan
    counts), keep their own, and the rest of the page is untouched."""
    from scobook.sphinx.theme import label_table_cells

    body = ('<p>before &amp; <br> after</p><table class="x"><tr><td>other</td></tr></table>'
            '<table class="sco-table"><thead><tr><th scope="col">Principle</th><th colspan="2">Evidence</th>'
            '<th>Note</th></tr></thead><tbody><tr><th scope="row">Trust</th><td>for</td><td>against</td>'
            '<td data-label="Own">n</td></tr></tbody></table><p>after</p>')
    out = label_table_cells(body)
    assert out.startswith('<p>before &amp; <br> after</p><table class="x"><tr><td>other</td></tr></table>')
    assert out.endswith("<p>after</p>")
    assert out.count('data-label="Evidence"') == 2 and 'data-label="Own"' in out
    assert 'role="rowheader"' in out and 'data-label="Principle"' not in out
    practice = label_table_cells('<table class="spirit-practice sco-table"><thead><tr><th>A</th></tr></thead>'
                                 "<tbody><tr><td>1</td></tr></tbody></table>")
    assert 'data-label="A"' in practice


def test_short_values_sit_beside_their_label_and_long_ones_under_it(browser, site):
    """label_table_cells marks cells of a few words ``sco-short``; at 375 px such a cell is one line
    with its label, while a sentence keeps the card's full width under its label."""
    from scobook.sphinx.theme import SHORT_CELL, label_table_cells

    out = label_table_cells('<table class="sco-table"><thead><tr><th>bloc</th><th>which</th></tr></thead>'
                            "<tbody><tr><td>EAEU</td><td>" + "Belarus, Kazakhstan, Kyrgyzstan, Russia" * 2
                            + "</td></tr></tbody></table>")
    assert out.count(SHORT_CELL) == 1 and f'class="{SHORT_CELL}" data-label="bloc" role="cell"><div>EAEU</div>' in out

    context = offline_context(browser, width=375, height=812)
    page = context.new_page()
    page.goto(f"{site}/chapters/04-eurasian-integration/integration.html")
    cells = page.evaluate("""[...document.querySelectorAll('table.sco-table td.sco-short')]
        .filter(td => !td.closest('details:not([open])'))
        .map(td => [td.innerText.trim(), td.getBoundingClientRect().height / parseFloat(getComputedStyle(td).lineHeight)])""")
    context.close()
    assert len(cells) >= 8
    assert all(lines < 2 for _, lines in cells), cells


#: Every pandas table wider than its box has the sentence saying it scrolls sideways.
WIDE_TABLES_NOTED = """() => [...document.querySelectorAll('div.cell_output table.dataframe')].map(t => t.parentElement)
    .filter(box => box.scrollWidth > box.clientWidth + 1)
    .every(box => box.previousElementSibling && box.previousElementSibling.classList.contains('sco-scroll-note'))"""

NOTEBOOK_PHONE = r"""() => {
    const visible = e => e.offsetParent !== null && e.getBoundingClientRect().height > 0;
    // the lesson's code is folded on a phone (sco-phone-code.js): open every fold, then measure
    const phoneFolds = document.querySelectorAll('details.sco-phone-code').length;
    document.querySelectorAll('details.sco-phone-code').forEach(d => { d.open = true; });
    const pres = [...document.querySelectorAll('div.cell_input pre, div.cell_output pre')].filter(visible);
    const frames = [...document.querySelectorAll('div.cell_output table.dataframe')].filter(visible).map(t => {
        const box = t.parentElement, r = box.getBoundingClientRect();
        const note = box.previousElementSibling;
        return {inScreen: r.right <= innerWidth + 0.5, scrolls: getComputedStyle(box).overflowX === 'auto',
                wide: box.scrollWidth > box.clientWidth + 1,
                noted: !!note && note.classList.contains('sco-scroll-note') && box.getAttribute('role') === 'region'
                       && box.tabIndex === 0 && /^Wide table \d+ \(/.test(box.getAttribute('aria-label') || '')};
    });
    const summaries = [...document.querySelectorAll('.bd-content details > summary')].filter(visible);
    const charts = [...document.querySelectorAll('figure.sco-chart img')].map(i => getComputedStyle(i).filter);
    return {
        code: pres.length, codeCut: pres.filter(p => p.scrollWidth > p.clientWidth + 1).length, phoneFolds,
        frames, shortSummaries: summaries.filter(s => s.getBoundingClientRect().height < 44 - 0.5)
            .map(s => s.textContent.trim().slice(0, 40)),
        misnamed: summaries.filter(s => s.getAttribute('aria-label') && !s.textContent.includes(s.getAttribute('aria-label')))
            .map(s => s.getAttribute('aria-label')),
        notYet: /Not yet/.test(document.querySelector('article').innerText.replace(/says Right or Not yet|answers Right or Not yet/g, '')),
        charts, backToTop: getComputedStyle(document.getElementById('pst-back-to-top')).display,
    };
}"""


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("page_name", NOTEBOOK_PAGES)
def test_a_notebook_page_reads_on_a_phone(phone, site, mode, page_name):
    """Issue 24: at 375 px the lesson's code folds under one line per cell, and opened no code
    block is cut at the right (it wraps); a pandas table scrolls
    inside a box that fits the screen, every fold's line is a 44 px target named by its visible
    words, no exercise shows "Not yet" where nothing runs, "Back to top" does not float over the
    text, and in dark mode every chart is shown as its dark rendition, not a bright box."""
    page = phone(mode).new_page()
    page.goto(f"{site}/{page_name}", wait_until="load")
    # the notes over wide tables are written after the first frame (sco-phone-code.js)
    page.wait_for_function(WIDE_TABLES_NOTED, timeout=5000)
    found = page.evaluate(NOTEBOOK_PHONE)
    page.close()
    assert found["phoneFolds"] > 5, "the lesson's code folds under one line on a phone"
    assert found["code"] > 10 and found["codeCut"] == 0, found["codeCut"]
    assert all(f["inScreen"] and f["scrolls"] for f in found["frames"]), found["frames"]
    assert all(f["noted"] for f in found["frames"] if f["wide"]), found["frames"]
    assert found["shortSummaries"] == [] and found["misnamed"] == []
    assert not found["notYet"]
    assert found["backToTop"] == "none"
    if mode == "dark":
        assert found["charts"] and all("invert" in f for f in found["charts"]), found["charts"]
    else:
        assert all("invert" not in f for f in found["charts"])
