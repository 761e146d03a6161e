"""The article, loaded from ``data/article.yml`` with its stable paragraph numbers (¶1 to ¶15)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from scobook.errors import DataError, InputError
from scobook.paths import data_path
from scobook.reading import expect_type, read_csv_strict, read_text, read_yaml
from scobook.tables import fold_html

#: The article's paragraphs are numbered ¶1 to ¶15 (data/article.yml is checked against this).
PARAGRAPH_COUNT = 15
ARTICLE_PARAGRAPHS = range(1, PARAGRAPH_COUNT + 1)
REQUIRED_FIELDS = ("title", "author", "author_note", "outlet", "published", "genre", "paragraphs")


@dataclass(frozen=True)
class Article:
    """The article's metadata and its paragraphs (a DataFrame with columns ``n`` and ``text``)."""

    title: str
    author: str
    author_note: str
    outlet: str
    published: dt.date
    genre: str
    paragraphs: pd.DataFrame
    cleaning_notes: tuple[str, ...] = ()
    #: The book's own plain-English paraphrase of each paragraph (¶n → text), marked as ours.
    summaries: dict = dataclasses.field(default_factory=dict)
    #: Idioms and hard words: ``term``, ``meaning`` (ours) and the ``paragraph`` (None: the title).
    word_bank: tuple = ()

    def paragraph(self, n: int) -> str:
        """The text of paragraph ``n`` (1-based, as cited in the book: ¶n)."""
        match = self.paragraphs.loc[self.paragraphs["n"] == n, "text"]
        if match.empty:
            raise KeyError(f"the article has no paragraph {n}; it has ¶1 to ¶{len(self.paragraphs)}")
        return match.iloc[0]

    def citation(self) -> str:
        """A short citation: author, title, outlet and date."""
        return f'{self.author}, "{self.title}", {self.outlet}, {self.published:%-d %B %Y}'


def load_article(path: str | Path | None = None) -> Article:
    """Load and validate the article. Bad input raises :class:`DataError` naming file, row and field."""
    path = Path(path) if path is not None else data_path("article.yml")
    raw = read_yaml(path)
    for field in REQUIRED_FIELDS:
        if field not in raw or raw[field] in (None, "", []):
            raise DataError(path, None, field, "missing or empty")
    published = raw["published"]
    if not isinstance(published, dt.date):
        raise DataError(path, None, "published", f"expected an ISO date (YYYY-MM-DD), got {published!r}")
    if not isinstance(raw["paragraphs"], list):
        raise DataError(path, None, "paragraphs", "expected a list of {n, text} entries")
    for field in ("title", "author", "author_note", "outlet", "genre"):
        expect_type(path, raw[field], str, None, field)
    rows, summaries = [], {}
    for i, entry in enumerate(raw["paragraphs"], start=1):
        if not isinstance(entry, dict):
            raise DataError(path, i, None, "expected a mapping with 'n' and 'text'")
        if entry.get("n") != i:
            raise DataError(path, i, "n", f"paragraph numbers must run 1, 2, 3, ...; expected {i}, got {entry.get('n')!r}")
        text = entry.get("text")
        if not isinstance(text, str) or not text.strip():
            raise DataError(path, i, "text", "missing or empty")
        rows.append({"n": i, "text": " ".join(text.split())})
    for i, entry in enumerate(raw["paragraphs"], start=1):  # after numbers and texts are known good
        summary = entry.get("summary")
        if not isinstance(summary, str) or not summary.strip():
            raise DataError(path, i, "summary", "every paragraph needs a plain-English summary")
        summaries[i] = " ".join(summary.split())
    paragraphs = pd.DataFrame(rows).astype({"n": "int64", "text": "string"})
    word_bank = []
    for k, entry in enumerate(expect_type(path, raw.get("word_bank") or [], list, None, "word_bank"), start=1):
        where = f"word_bank item {k}"
        expect_type(path, entry, dict, where, None)
        for key in ("term", "meaning"):
            if not isinstance(entry.get(key), str) or not entry[key].strip():
                raise DataError(path, where, key, "missing or empty")
        n = entry.get("paragraph")
        where_text = str(raw["title"]) if n is None else (rows[n - 1]["text"] if isinstance(n, int) and 1 <= n <= len(rows) else None)
        if where_text is None:
            raise DataError(path, where, "paragraph", f"{n!r} is not a paragraph of the article (1-{len(rows)}) or null for the title")
        core = entry["term"].split(" (")[0].lower()
        if core not in where_text.lower():
            raise DataError(path, where, "term", f"{core!r} does not occur in {'the title' if n is None else f'¶{n}'}")
        word_bank.append({"term": entry["term"], "meaning": entry["meaning"], "paragraph": n})
    return Article(
        title=str(raw["title"]),
        author=str(raw["author"]),
        author_note=str(raw["author_note"]),
        outlet=str(raw["outlet"]),
        published=published,
        genre=str(raw["genre"]),
        paragraphs=paragraphs,
        cleaning_notes=tuple(raw.get("cleaning_notes") or ()),
        summaries=summaries,
        word_bank=tuple(word_bank),
    )


NAME_KINDS = ("country", "organisation", "initiative", "person", "region", "place")


def load_name_list(path: str | Path | None = None) -> pd.DataFrame:
    """The names counted in the article (``data/article_names.csv``): one row per name, with the
    ``|``-separated ``patterns`` that count as a mention. Bad rows raise :class:`DataError`."""
    path = Path(path) if path is not None else data_path("article_names.csv")
    table = read_csv_strict(path, required=("name", "kind", "patterns"))
    for row, record in enumerate(table.to_dict("records"), start=2):
        for field in ("name", "kind", "patterns"):
            if not record[field]:
                raise DataError(path, row, field, "missing or empty")
        if record["kind"] not in NAME_KINDS:
            raise DataError(path, row, "kind", f"unknown kind {record['kind']!r}; expected one of {', '.join(NAME_KINDS)}")
        if any(not p.strip() for p in record["patterns"].split("|")):
            raise DataError(path, row, "patterns", "an empty pattern between '|' separators")
    duplicated = table["name"].duplicated()
    if duplicated.any():
        row = int(duplicated.idxmax()) + 2
        raise DataError(path, row, "name", f"duplicate name {table.loc[duplicated.idxmax(), 'name']!r}")
    return table


def load_stopwords(path: str | Path | None = None) -> set[str]:
    """The function words left out of the content-word count (``data/stopwords_en.txt``)."""
    path = Path(path) if path is not None else data_path("stopwords_en.txt")
    words = set()
    for row, line in enumerate(read_text(path).splitlines(), start=1):
        word = line.strip()
        if not word or word.startswith("#"):
            continue
        if not re.fullmatch(r"[a-z]+(?:'[a-z]+)?", word):
            raise DataError(path, row, "word", f"{word!r} is not one lower-case word")
        words.add(word)
    return words



def parse_range(spec: str, last: int) -> list[int]:
    """``"9-12"`` → [9, 10, 11, 12]; ``"4, 6"`` → [4, 6]. Numbers must exist in the article."""
    numbers: list[int] = []
    for part in re.split(r"\s*,\s*", spec.strip()):
        match = re.fullmatch(r"(\d+)(?:\s*[-–]\s*(\d+))?", part)
        if not match:
            raise InputError(f"cannot read the paragraph range {spec!r}; write, for example, 9-12 or 4, 6")
        start, end = int(match[1]), int(match[2] or match[1])
        if not 1 <= start <= end <= last:
            raise InputError(f"the paragraph range {part!r} is outside the article, which has ¶1 to ¶{last}")
        numbers.extend(range(start, end + 1))
    return numbers


def passage_html(article: Article, spec: str, *, folded: str | None = None) -> str:
    """Paragraphs ``spec`` (e.g. ``"9-11"``) as an HTML quotation with their ¶ numbers and the
    citation; each paragraph carries the anchor ``para-N``. ``folded`` puts it behind a
    ``<details>`` summary with that text. All text from the data file is escaped."""
    import html

    numbers = parse_range(spec, len(article.paragraphs))
    paragraphs = "".join(
        f'<p id="para-{n}"><strong>¶{n}</strong> {html.escape(article.paragraph(n))}</p>' for n in numbers
    )
    quote = (f"<blockquote>{paragraphs}<p>&mdash; {html.escape(article.citation())} (opinion article)</p>"
             "</blockquote>")

    return fold_html(folded, quote) if folded else quote


def show_passage(spec: str, *, folded: str | None = None):
    """Show paragraphs of the article in a notebook, so a passage can be read in Jupyter too:
    ``show_passage("9-11")``; ``folded="The whole article"`` shows it behind a click."""
    from IPython.display import HTML

    return HTML(passage_html(load_article(), spec, folded=folded))
