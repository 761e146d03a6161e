"""The book's chapters, found from ``_toc.yml``: what each chapter is and what it uses.

A chapter is a folder ``chapters/<name>/`` whose ``index`` page is listed in ``_toc.yml`` with its
notebook(s) as sections (a folder of pages without a notebook, the lesson pack, is not one). Its number is its place in ``_toc.yml`` (not its folder name), and what
it uses is read from its own files: the quiz banks its page and notebooks show (``{quiz} name``,
``show_quiz("name")``) and the exercises its notebooks check (``check("id", ...)``). The answer key,
the discussion notes, the teacher's objectives table, the chapter list, "What's next" and the
figure numbers are all made from this list, so a teacher who removes, reorders or adds a chapter
in ``_toc.yml`` edits nothing else; :func:`unused` names the banks, exercises and discussion
questions no chapter of the book uses any more.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from scobook.errors import DataError
from scobook.exercises import EXERCISES
from scobook.paths import book_root
from scobook.reading import read_yaml
from scobook.text import in_words

TOC = "_toc.yml"
_CHAPTER_PAGE = re.compile(r"^chapters/([^/]+)/index$")
_PAGE_QUIZ = re.compile(r"^[`:]{3,}\{quiz\}\s+(\S+)", re.MULTILINE)
_NOTEBOOK_QUIZ = re.compile(r"""show_quiz\(\s*["']([^"']+)["']""")
_NOTEBOOK_CHECK = re.compile(r"""\bcheck\(\s*["']([^"']+)["']""")
_FRONT_MATTER = re.compile(r"\A---\n(.*?)\n---\n", re.DOTALL)
_HEADING = re.compile(r"^# (.+)$", re.MULTILINE)


@dataclass(frozen=True)
class Chapter:
    number: int  # its place among the chapters of _toc.yml, from 1
    folder: str  # "02-membership": the chapter's name in data files (discussion.yml)
    page: str  # docname of its page, "chapters/02-membership/index"
    title: str  # the page's title
    description: str  # the page's front-matter description (one sentence)
    objectives: str  # the page's front-matter objectives, for the teacher's table
    notebooks: tuple[str, ...]  # docnames of its notebooks, in _toc.yml order
    notebook_titles: tuple[str, ...]
    banks: tuple[str, ...]  # quiz banks its page and notebooks show, in order of appearance
    exercises: tuple[str, ...]  # exercise ids its notebooks check

    @property
    def docs(self) -> tuple[str, ...]:
        return (self.page, *self.notebooks)


def toc_entries(root: Path | None = None) -> list[dict]:
    """Every entry of ``_toc.yml`` that names a file, in reading order (root first); none for a
    Sphinx project without a ``_toc.yml`` (the extension's own tests build one)."""
    root = root or book_root()
    if not (root / TOC).is_file():
        return []
    toc = yaml.safe_load((root / TOC).read_text(encoding="utf-8"))
    entries = [{"file": toc["root"]}]

    def walk(items):
        for item in items or []:
            if "file" in item:
                entries.append(item)
            walk(item.get("sections"))
            walk(item.get("chapters"))

    walk(toc.get("parts"))
    walk(toc.get("chapters"))
    return entries


def toc_docnames(root: Path | None = None) -> list[str]:
    """Every document of ``_toc.yml``, without suffix, in reading order."""
    return [re.sub(r"\.(md|ipynb)$", "", e["file"]) for e in toc_entries(root)]


def _source(root: Path, docname: str) -> tuple[Path, str]:
    for suffix in (".md", ".ipynb"):
        path = root / f"{docname}{suffix}"
        if path.is_file():
            return path, path.read_text(encoding="utf-8")
    raise FileNotFoundError(f"{TOC} lists {docname!r}, but there is no {docname}.md or {docname}.ipynb")


def _notebook_code_and_title(text: str) -> tuple[str, str]:
    cells = json.loads(text)["cells"]
    code = "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "code")
    title = next((m[1] for c in cells if c["cell_type"] == "markdown"
                  for m in [_HEADING.search("".join(c["source"]))] if m), "")
    return code, title.strip()


def doc_title(root: Path, docname: str) -> str:
    """The title (first level-1 heading) of a page or notebook of the book."""
    path, text = _source(root, docname)
    if path.suffix == ".ipynb":
        return _notebook_code_and_title(text)[1]
    heading = _HEADING.search(text)
    return heading[1].strip() if heading else docname


def book_chapters(root: Path | None = None) -> list[Chapter]:
    """The chapters of ``_toc.yml``, in its order, each with what it uses."""
    root = root or book_root()
    chapters = []
    for entry in toc_entries(root):
        match = _CHAPTER_PAGE.match(re.sub(r"\.md$", "", entry["file"]))
        if not match:
            continue
        page = f"chapters/{match[1]}/index"
        _, text = _source(root, page)
        front = _FRONT_MATTER.match(text)
        meta = yaml.safe_load(front[1]) if front else {}
        title = _HEADING.search(text)
        banks = _PAGE_QUIZ.findall(text)
        exercises: list[str] = []
        notebooks, notebook_titles = [], []
        for section in entry.get("sections") or []:
            doc = re.sub(r"\.(md|ipynb)$", "", section["file"])
            path, source = _source(root, doc)
            if path.suffix != ".ipynb":
                banks += _PAGE_QUIZ.findall(source)
                continue
            code, nb_title = _notebook_code_and_title(source)
            notebooks.append(doc)
            notebook_titles.append(nb_title)
            banks += _NOTEBOOK_QUIZ.findall(code)
            exercises += _NOTEBOOK_CHECK.findall(code)
        if not notebooks:  # a folder of pages (the lesson pack) is not a chapter
            continue
        chapters.append(Chapter(
            number=len(chapters) + 1, folder=match[1], page=page,
            title=title[1].strip() if title else match[1],
            description=str(meta.get("description", "")), objectives=str(meta.get("objectives", "")),
            notebooks=tuple(notebooks), notebook_titles=tuple(notebook_titles),
            banks=tuple(dict.fromkeys(banks)), exercises=tuple(dict.fromkeys(exercises))))
    return chapters


def chapter_of(docname: str, root: Path | None = None) -> Chapter | None:
    """The chapter a page or notebook belongs to, or None (the intro, the teacher's pages)."""
    return next((c for c in book_chapters(root) if docname in c.docs), None)


def banks_in_book(root: Path | None = None) -> list[str]:
    """The quiz banks the book shows, in reading order: every ``{quiz}`` and ``show_quiz`` of a
    document in ``_toc.yml`` (a bank shown by two chapters counts once, where it first appears)."""
    root = root or book_root()
    found: list[str] = []
    for doc in toc_docnames(root):
        path, text = _source(root, doc)
        if path.suffix == ".ipynb":
            found += _NOTEBOOK_QUIZ.findall(_notebook_code_and_title(text)[0])
        else:
            found += _PAGE_QUIZ.findall(text)
    return list(dict.fromkeys(found))


def _discussion(root: Path) -> list[dict]:
    """The discussion questions' ids and chapters, as written (``scobook.glossary`` checks the rest)."""
    return [q for q in read_yaml(root / "data" / "discussion.yml").get("questions") or [] if isinstance(q, dict)]


def chapter_names(root: Path | None = None) -> dict[str, str]:
    """How texts name each chapter folder, listed in ``_toc.yml`` or not: ``{{ chapter_membership }}``
    is "chapter 2" in the book as shipped, and "a chapter not in this edition" without it; and
    ``discussion_count`` (``_words``), the discussion questions of the chapters in the book."""
    root = root or book_root()
    numbers = {c.folder: c.number for c in book_chapters(root)}
    if not (root / TOC).is_file():  # the notebooks without the book (the class pack): the folders' numbers
        numbers = {pages[0].split("/")[1]: int(pages[0].split("/")[1].split("-")[0])
                   for pages in chapter_folders(root) if re.match(r"\d+-", pages[0].split("/")[1])}
    named = {}
    for pages in chapter_folders(root):
        folder = pages[0].split("/")[1]
        key = "chapter_" + re.sub(r"^\d+-", "", folder).replace("-", "_")
        named[key] = f"chapter {numbers[folder]}" if folder in numbers else "a chapter not in this edition"
        named[key.capitalize()] = named[key][0].upper() + named[key][1:]  # at the start of a sentence
    count = sum(1 for q in _discussion(root) if q.get("chapter") in numbers)
    named.update(discussion_count=str(count), discussion_count_words=in_words(count))
    return named


def check_discussion_chapters(root: Path | None = None) -> None:
    """Every discussion question names a chapter folder (``chapter: 02-membership``), listed in
    ``_toc.yml`` or not: a misspelt name would silently drop the question from the guide."""
    root = root or book_root()
    path = root / "data" / "discussion.yml"
    folders = [c[0].split("/")[1] for c in chapter_folders(root)]
    for q in _discussion(root):
        if q["chapter"] not in folders:
            raise DataError(path, f"question {q['id']!r}", "chapter",
                            f"{q['chapter']!r} is not a chapter folder; use one of: {', '.join(folders)}")


def chapter_folders(root: Path | None = None) -> list[tuple[str, ...]]:
    """The page and notebooks of every chapter folder on disk (a folder of ``chapters/`` with a
    notebook), listed in ``_toc.yml`` or not; the class pack has the notebooks without the pages."""
    root = root or book_root()
    found = []
    for folder in sorted({nb.parent for nb in root.glob("chapters/*/*.ipynb") if ".ipynb_checkpoints" not in nb.parts}):
        notebooks = sorted(f"chapters/{folder.name}/{nb.stem}" for nb in folder.glob("*.ipynb"))
        found.append((f"chapters/{folder.name}/index", *notebooks))
    return found


def unused(root: Path | None = None) -> dict[str, list[str]]:
    """What the data hold that no chapter of ``_toc.yml`` uses: quiz banks, exercises and the
    discussion questions of chapters not in the book. Empty lists when everything is used."""
    root = root or book_root()
    chapters = book_chapters(root)
    shown = set(banks_in_book(root))
    checked = {e for c in chapters for e in c.exercises}
    folders = {c.folder for c in chapters}
    return {
        "quiz banks": [b for b in sorted(p.stem for p in (root / "data" / "quizzes").glob("*.yml")) if b not in shown],
        "exercises": [e for e in EXERCISES if e not in checked],
        "discussion questions": [q["id"] for q in _discussion(root)
                                 if q["chapter"] not in folders],
    }
