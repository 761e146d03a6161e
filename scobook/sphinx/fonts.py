"""The theme's Font Awesome web fonts, cut down to the icons the book shows.

pydata-sphinx-theme's CSS loads Font Awesome's solid and brands fonts (and regular, for ``fa-regular``
icons) on every page: 268 KiB of the 455-524 KiB a first visit downloads, for about twenty icons.
After the build, :func:`subset_icon_fonts` replaces each font file in the output's
``_static/vendor/fontawesome/webfonts/`` (``.woff2``, and the ``.ttf`` fallbacks) by a subset with
the same name and format, so the theme's ``@font-face`` rules keep working. The theme's own files are
not touched: Sphinx copies them afresh into every build, and they are subset again.

The icons kept (:func:`used_glyphs`) are

- every Font Awesome icon class (``fa-magnifying-glass``) in a ``class`` attribute of a written
  page, in the font of its style (``fa-solid``/``fas``/``fa``, ``fa-regular``/``far``,
  ``fa-brands``/``fab``);
- every icon class named in the output's JavaScript (``_static/**/*.js`` and inline scripts), for
  icons added at run time, such as the close button pydata-sphinx-theme adds to its banners;
- every icon character in the output's CSS outside the class-to-icon table itself: the icons the
  theme's stylesheets draw without a class (admonition titles, breadcrumbs, external links, the
  ``--pst-icon-*`` variables, sphinx-book-theme's "Contents" chevron). All are kept, used or not:
  they are few, and which CSS rules match which page is the browser's business.

An icon class is mapped to its character by the output's CSS (``.fa-magnifying-glass:before
{content:"\\f002"}``, or ``--fa:"\\f002"`` in newer Font Awesome releases). A class on a page that
starts with ``fa-`` but is neither an icon nor any other class of that CSS (``fa-lg``,
``fa-solid``), an icon class without a style class, or an icon its style's font has no glyph for is
a Sphinx warning, so the strict build fails rather than publish an icon as an empty box.

The subsets are deterministic: the same pages and theme give byte-identical fonts (fontTools keeps
the fonts' timestamps, and the code points are sorted). Writing ``.woff2`` needs ``brotli``.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from bs4 import BeautifulSoup
from sphinx.util import logging

logger = logging.getLogger(__name__)

#: Where pydata-sphinx-theme puts Font Awesome's fonts in the output.
WEBFONTS = Path("_static") / "vendor" / "fontawesome" / "webfonts"
FONT_SUFFIXES = (".woff2", ".woff", ".ttf", ".otf")
#: Which style class selects which font (a file name ``fa-solid-900.woff2`` names its style).
STYLE_CLASSES = {"brands": {"fa-brands", "fab"}, "regular": {"fa-regular", "far"}, "solid": {"fa-solid", "fas", "fa"}}
_FONT_STYLE = re.compile(r"fa-(solid|regular|brands)-\d+$")

_COMMENT = re.compile(r"/\*.*?\*/", re.DOTALL)
#: An innermost CSS rule: selectors and declarations (rules nested in ``@media`` are found too).
_RULE = re.compile(r"([^{}]+)\{([^{}]*)\}")
#: The icon table's selectors: ``.fa-magnifying-glass:before`` or, with ``--fa``, ``.fa-magnifying-glass``.
_ICON_SELECTOR = re.compile(r"\.(fa-[a-z0-9-]+)(?:::?before)?")
_ICON_VALUE = re.compile(r'(?:^|;)\s*(content|--fa)\s*:\s*"((?:[^"\\]|\\.)*)"')
_CSS_CLASS = re.compile(r"\.(fa[a-z0-9-]*)(?![a-z0-9-])")
_CSS_ESCAPE = re.compile(r"\\([0-9a-fA-F]{1,6})\s?|\\(.)", re.DOTALL)
_CSS_STRING = re.compile(r'"((?:[^"\\]|\\.)*)"' + r"|'((?:[^'\\]|\\.)*)'")
#: An icon class named in JavaScript (``r.classList="fa-solid fa-xmark"``).
_JS_CLASS = re.compile(r"(?<![A-Za-z0-9_-])fa-[a-z0-9]+(?:-[a-z0-9]+)*")


def is_fa_class(name: str) -> bool:
    return name.startswith("fa-") or name in ("fa", "fas", "far", "fab")


def private_use(char: str) -> bool:
    """Font Awesome puts its icons in Unicode's Private Use Area."""
    return 0xE000 <= ord(char) <= 0xF8FF


def css_string(value: str) -> str:
    """The text of a CSS string's contents (escapes ``\\f002 `` and ``\\"`` resolved)."""
    return _CSS_ESCAPE.sub(lambda m: chr(int(m.group(1), 16)) if m.group(1) else m.group(2), value)


@dataclass
class IconCSS:
    """What the output's CSS says about Font Awesome."""

    #: icon class -> the character(s) it shows, e.g. ``{"fa-magnifying-glass": "\uf002"}``
    icons: dict[str, str] = field(default_factory=dict)
    #: every ``fa``/``fa-*`` class any selector names (icons, styles, sizes, animations)
    classes: set[str] = field(default_factory=set)
    #: icon characters the CSS draws by itself, outside the icon table
    drawn: set[str] = field(default_factory=set)


def read_icon_css(stylesheets: Iterable[str]) -> IconCSS:
    found = IconCSS()
    for css in stylesheets:
        for selectors, body in _RULE.findall(_COMMENT.sub("", css)):
            selectors = [s.strip() for s in selectors.split(",")]
            found.classes.update(c for s in selectors for c in _CSS_CLASS.findall(s))
            icon_value = _ICON_VALUE.search(body)
            table = [_ICON_SELECTOR.fullmatch(s) for s in selectors]
            if icon_value and table and all(table):
                for match in table:
                    found.icons[match.group(1)] = css_string(icon_value.group(2))
                continue
            for quoted in _CSS_STRING.finditer(body):
                found.drawn.update(c for c in css_string(quoted.group(1) or quoted.group(2) or "") if private_use(c))
    return found


def style_of(classes: Iterable[str]) -> str | None:
    classes = set(classes)
    for style, names in STYLE_CLASSES.items():
        if classes & names:
            return style
    return None


@dataclass
class UsedGlyphs:
    #: style ("solid", "regular", "brands") -> {character: where it is used, e.g. "search.html: fa-magnifying-glass"}
    by_style: dict[str, dict[str, str]] = field(default_factory=dict)
    #: characters any font may provide (named in JavaScript, drawn by CSS) -> where
    any_style: dict[str, str] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)

    def characters(self) -> set[str]:
        return set(self.any_style).union(*self.by_style.values())


def page_icons(html: str, css: IconCSS, name: str, used: UsedGlyphs) -> None:
    """Add the icons of one page (its class attributes and inline scripts) to ``used``."""
    soup = BeautifulSoup(html, "html.parser")
    for tag in soup.find_all(class_=True):
        classes = tag.get("class") or []
        if isinstance(classes, str):
            classes = classes.split()
        for name_ in classes:
            if not is_fa_class(name_):
                continue
            if name_ in css.icons:
                style = style_of(classes)
                if style is None:
                    used.problems.append(f"{name}: <{tag.name} class=\"{' '.join(classes)}\"> has the icon {name_} "
                                         "but no style class (fa-solid, fa-regular or fa-brands), so no icon font")
                    continue
                for char in css.icons[name_]:
                    used.by_style.setdefault(style, {}).setdefault(char, f"{name}: {name_}")
            elif name_ not in css.classes:
                used.problems.append(f"{name}: class {name_} is not a Font Awesome icon (nor any class) of the "
                                     "theme's CSS; it would show as an empty box or nothing")
    for script in soup.find_all("script"):
        script_icons(script.get_text(), css, f"{name} (inline script)", used)


def script_icons(text: str, css: IconCSS, name: str, used: UsedGlyphs) -> None:
    for name_ in sorted(set(_JS_CLASS.findall(text))):
        for char in css.icons.get(name_, ""):
            used.any_style.setdefault(char, f"{name}: {name_}")


def used_glyphs(outdir: Path, css: IconCSS) -> UsedGlyphs:
    used = UsedGlyphs()
    for char in sorted(css.drawn):
        used.any_style[char] = "the theme's CSS"
    for script in sorted((outdir / "_static").rglob("*.js")):
        script_icons(script.read_text(encoding="utf-8", errors="replace"), css, script.relative_to(outdir).as_posix(),
                     used)
    for page in sorted(outdir.rglob("*.html")):
        page_icons(page.read_text(encoding="utf-8"), css, page.relative_to(outdir).as_posix(), used)
    return used


def font_style(path: Path) -> str | None:
    match = _FONT_STYLE.fullmatch(path.stem)
    return match.group(1) if match else None


def subset_font(data: bytes, characters: set[str], flavor: str | None) -> bytes:
    """``data`` (a font file) with only the glyphs of ``characters``, written as ``flavor``."""
    from fontTools import subset

    options = subset.Options()
    options.flavor = flavor
    options.recalc_timestamp = False
    font = subset.load_font(io.BytesIO(data), options)
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=sorted(ord(c) for c in characters))
    subsetter.subset(font)
    out = io.BytesIO()
    subset.save_font(font, out, options)
    return out.getvalue()


def cmap_of(data: bytes) -> set[str]:
    from fontTools.ttLib import TTFont

    return {chr(code) for code in TTFont(io.BytesIO(data), lazy=True).getBestCmap()}


def describe(char: str) -> str:
    return f"U+{ord(char):04X}"


def subset_icon_fonts(app, exception) -> None:
    """Replace the output's Font Awesome fonts by subsets with the icons the book uses."""
    if exception is not None or app.builder.format != "html":
        return
    outdir = Path(app.outdir)
    fonts = sorted(p for p in (outdir / WEBFONTS).glob("*") if p.suffix in FONT_SUFFIXES)
    if not fonts:
        return
    stylesheets = [p.read_text(encoding="utf-8", errors="replace") for p in sorted((outdir / "_static").rglob("*.css"))]
    css = read_icon_css(stylesheets)
    used = used_glyphs(outdir, css)
    for problem in used.problems:
        logger.warning(problem, type="scobook", subtype="fonts")

    originals = {path: path.read_bytes() for path in fonts}
    cmaps = {path: cmap_of(data) for path, data in originals.items()}
    styles = {path: font_style(path) for path in fonts}
    for style, chars in sorted(used.by_style.items()):
        files = [path for path in fonts if styles[path] == style]
        for char, where in sorted(chars.items()):
            lacking = [path.name for path in files if char not in cmaps[path]]
            if not files or lacking:
                logger.warning(f"{where} ({describe(char)}): no glyph in the Font Awesome {style} font "
                               f"({', '.join(lacking) or 'no such font in ' + WEBFONTS.as_posix()})",
                               type="scobook", subtype="fonts")
    for char, where in sorted(used.any_style.items()):
        if not any(char in cmap for cmap in cmaps.values()):
            logger.warning(f"{where} ({describe(char)}): no glyph in any Font Awesome font", type="scobook",
                           subtype="fonts")

    wanted = app._scobook_icon_characters = used.characters()  # prune_icon_tables reads it after
    for path, data in originals.items():
        flavor = {".woff2": "woff2", ".woff": "woff"}.get(path.suffix)
        try:
            smaller = subset_font(data, wanted & cmaps[path], flavor)
        except ImportError as exc:  # woff2 needs brotli
            logger.warning(f"cannot subset {path.name}: {exc} (install requirements.txt)", type="scobook",
                           subtype="fonts")
            return
        path.write_bytes(smaller)
        logger.info(f"Font Awesome: {path.name} {len(data) / 1024:.1f} KiB -> {len(smaller) / 1024:.1f} KiB "
                    f"({len(wanted & cmaps[path])} icons)")


def prune_icon_table(css_text: str, css: IconCSS, wanted: set[str]) -> str:
    """``css_text`` without the rules of Font Awesome's icon table (``.fa-x:before{content:...}``,
    about 2,500 of them, 20 KiB) whose icon the book does not use: the glyph is not in the subset
    fonts anyway, and Lighthouse counts the rules as unused CSS on every page."""

    def keep(match: re.Match) -> str:
        selectors = [s.strip() for s in match.group(1).split(",")]
        table = [_ICON_SELECTOR.fullmatch(s) for s in selectors]
        if not (table and all(table) and _ICON_VALUE.search(match.group(2))):
            return match.group(0)
        used = [s for s, m in zip(selectors, table) if set(css.icons.get(m.group(1), "")) & wanted]
        return f"{','.join(used)}{{{match.group(2)}}}" if used else ""

    return _RULE.sub(keep, css_text)


def prune_icon_tables(app, exception) -> None:
    """Apply :func:`prune_icon_table` to the output's stylesheets (after the fonts are subset)."""
    if exception is not None or app.builder.format != "html":
        return
    outdir = Path(app.outdir)
    paths = sorted((outdir / "_static").rglob("*.css"))
    css = read_icon_css(p.read_text(encoding="utf-8", errors="replace") for p in paths)
    wanted = getattr(app, "_scobook_icon_characters", None)  # what subset_icon_fonts found, if it ran
    if wanted is None:
        wanted = used_glyphs(outdir, css).characters()
    for path in paths:
        text = path.read_text(encoding="utf-8", errors="replace")
        if ":before{content:" not in text and "--fa:" not in text:
            continue
        pruned = prune_icon_table(text, css, wanted)
        if pruned != text:
            path.write_text(pruned, encoding="utf-8")
            logger.info(f"Font Awesome: {path.name} {len(text) / 1024:.1f} KiB -> {len(pruned) / 1024:.1f} KiB")


def setup(app):
    app.connect("build-finished", subset_icon_fonts)
    app.connect("build-finished", prune_icon_tables, priority=600)  # after the fonts, which read the table
