"""The theme's Font Awesome fonts in the built book hold just the icons the pages show
(``scobook/sphinx/fonts.py``, issue 12 item 6), and those icons still render in a browser.

The icons a page uses are read here independently of the extension: every ``fa-*`` class in a
class attribute that the theme's CSS maps to a character (``.fa-magnifying-glass:before
{content:"\\f002"}``), looked up in the font of the element's style.
"""

from __future__ import annotations

import re

from bs4 import BeautifulSoup
from fontTools.ttLib import TTFont

from conftest import offline_context
from scobook.sphinx.fonts import UsedGlyphs, page_icons, read_icon_css

WEBFONTS = ("_static", "vendor", "fontawesome", "webfonts")
#: Each style class and the font its icons come from.
FONT_OF_STYLE = {"fa-brands": "fa-brands-400", "fab": "fa-brands-400", "fa-regular": "fa-regular-400",
                 "far": "fa-regular-400", "fa-solid": "fa-solid-900", "fas": "fa-solid-900", "fa": "fa-solid-900"}
MAX_BYTES = 20_000
PAGE = "chapters/01-article/article-as-data.html"


def icon_table(html_dir) -> dict[str, int]:
    """Icon class -> code point, from the theme's CSS."""
    css = html_dir.joinpath("_static", "styles", "pydata-sphinx-theme.css").read_text(encoding="utf-8")
    table = {}
    for selectors, code in re.findall(r'((?:\.fa-[a-z0-9-]+:before,?)+)\{content:"\\([0-9a-f]{4,5}) ?"\}', css):
        for name in re.findall(r"\.(fa-[a-z0-9-]+):before", selectors):
            table[name] = int(code, 16)
    return table


def icons_on_pages(html_dir) -> dict[str, dict[str, int]]:
    """Font name (``fa-solid-900``) -> {icon class: code point} for every icon on every built page."""
    table, used = icon_table(html_dir), {}
    for page in html_dir.rglob("*.html"):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for tag in soup.find_all(class_=True):
            classes = set(tag["class"])
            fonts = {FONT_OF_STYLE[c] for c in classes if c in FONT_OF_STYLE}
            for name in classes & table.keys():
                assert len(fonts) == 1, f"{page.name}: {sorted(classes)} has {len(fonts)} Font Awesome styles"
                used.setdefault(next(iter(fonts)), {})[name] = table[name]
    return used


def test_icon_fonts_are_small_woff2(html_dir):
    for name in ("fa-solid-900.woff2", "fa-brands-400.woff2"):
        data = html_dir.joinpath(*WEBFONTS, name).read_bytes()
        assert data[:4] == b"wOF2", f"{name} is not a woff2 file"
        assert len(data) < MAX_BYTES, f"{name}: {len(data)} bytes; the theme's full font is 115-153 KiB"


def test_every_icon_on_a_page_has_a_glyph(html_dir):
    used = icons_on_pages(html_dir)
    assert {"fa-magnifying-glass", "fa-sun", "fa-moon", "fa-bars"} <= used["fa-solid-900"].keys()
    assert "fa-github" in used["fa-brands-400"]
    for font, icons in used.items():
        for suffix in (".woff2", ".ttf"):  # the theme's CSS names both; a browser takes the first it reads
            cmap = TTFont(html_dir.joinpath(*WEBFONTS, font + suffix)).getBestCmap()
            missing = sorted(name for name, code in icons.items() if code not in cmap)
            assert not missing, f"{font}{suffix} has no glyph for {missing}"


def test_an_icon_class_the_css_does_not_know_is_reported():
    css = read_icon_css(['.fa-solid{font-weight:900}.fa-lg{font-size:1.25em}'
                         '.fa-magnifying-glass:before,.fa-search:before{content:"\\f002"}'])
    assert css.icons == {"fa-magnifying-glass": "\uf002", "fa-search": "\uf002"}
    used = UsedGlyphs()
    page_icons('<i class="fa-solid fa-search fa-lg"></i><i class="fa-solid fa-magnifying-glas"></i>'
               '<i class="fa-magnifying-glass"></i>', css, "page.html", used)
    assert used.by_style == {"solid": {"\uf002": "page.html: fa-search"}}
    assert len(used.problems) == 2
    assert "fa-magnifying-glas is not a Font Awesome icon" in used.problems[0]
    assert "no style class" in used.problems[1]


#: For each search and theme-switch icon of the page: its ::before's font, its width, and the pixels
#: of its character drawn in that font (an icon the font lacks draws nothing: Font Awesome's .notdef is empty).
ICONS_JS = """() => {
  const ink = (font, text) => {
    const canvas = document.createElement('canvas'); canvas.width = canvas.height = 64;
    const context = canvas.getContext('2d'); context.font = font; context.textBaseline = 'top';
    context.fillText(text, 8, 8);
    return context.getImageData(0, 0, 64, 64).data.filter((v, i) => i % 4 === 3 && v > 0).length;
  };
  return [...document.querySelectorAll('.search-button__button .fa-magnifying-glass, .theme-switch')].map(e => {
    const style = getComputedStyle(e, '::before');
    return {icon: e.className.replace(/\\s+/g, ' '), family: style.fontFamily, width: e.getBoundingClientRect().width,
            ink: ink(`${style.fontWeight} 32px ${style.fontFamily}`, JSON.parse(style.content))};
  });
}"""


def test_search_and_theme_icons_render(browser, site):
    context = offline_context(browser)
    try:
        page = context.new_page()
        page.goto(f"{site}/{PAGE}", wait_until="networkidle")
        page.evaluate("document.fonts.ready")
        assert page.evaluate("""document.fonts.check('900 1em "Font Awesome 6 Free"')""")
        faces = page.evaluate("[...document.fonts].map(f => `${f.family} ${f.weight} ${f.status}`)")
        assert "Font Awesome 6 Free 900 loaded" in faces, faces
        icons = page.evaluate(ICONS_JS)
    finally:
        context.close()
    assert {"fa-magnifying-glass", "fa-sun", "fa-moon", "fa-circle-half-stroke"} <= {
        name for icon in icons for name in icon["icon"].split()}
    for icon in icons:
        assert "Font Awesome 6 Free" in icon["family"], icon
        assert icon["ink"] > 0, f"{icon['icon']}: its character draws nothing in {icon['family']}"
    shown = [icon["icon"] for icon in icons if icon["width"] > 0]
    assert any("fa-magnifying-glass" in name for name in shown), icons
    assert any("theme-switch" in name for name in shown), icons


def test_the_icon_table_keeps_only_the_icons_the_book_uses(html_dir):
    """Font Awesome's 2,500-rule icon table is cut to the icons in the subset fonts: Lighthouse counted
    it as unused CSS on every page."""
    css = (html_dir / "_static" / "styles" / "pydata-sphinx-theme.css").read_text(encoding="utf-8")
    assert ".fa-magnifying-glass:before" in css and ".fa-sun:before" in css  # used: the search, the theme switch
    assert ".fa-0:before" not in css and ".fa-dragon:before" not in css  # in the theme's table, used nowhere
    assert css.count(":before{content:") < 200
