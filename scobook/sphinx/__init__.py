"""The book's Sphinx extension (``sphinx: extra_extensions: [scobook.sphinx]`` in ``_config.yml``),
split by concern:

- :mod:`scobook.sphinx.cache`      the notebooks run again when data/ or the package changes
- :mod:`scobook.sphinx.facts`      present-tense facts from data/ as {{ name }} substitutions
- :mod:`scobook.sphinx.chapters`   the chapters from _toc.yml: chapter list, objectives, "What's next"
- :mod:`scobook.sphinx.article`    the article, its ¶ anchors and references, reading aids
- :mod:`scobook.sphinx.explorers`  the explorers without a kernel: plain HTML, a small script, data per explorer
- :mod:`scobook.sphinx.quizzes`    quizzes in the static book and the answer key
- :mod:`scobook.sphinx.reference`  pages built from data/: glossary, discussion, sources,
  the classification model, the evidence pack, the simulation's role cards
- :mod:`scobook.sphinx.pack`       the paper lesson pack (data/lesson.yml): plans, worksheet, handout parts
- :mod:`scobook.sphinx.words`      glossary words linked where they first appear; each chapter's words
- :mod:`scobook.sphinx.charts`     charts written as image and CSV files
- :mod:`scobook.sphinx.fold`       reference material folded under one line (and the helper that folds)
- :mod:`scobook.sphinx.meta`       each page's meta description, and a proper home page redirect
- :mod:`scobook.sphinx.theme`      workarounds for the theme, each naming its upstream issue
- :mod:`scobook.sphinx.fonts`      the theme's Font Awesome fonts cut down to the icons the pages use
- :mod:`scobook.sphinx.search`     search snippets read from a light text of each page, not the page

Unresolvable references and bad data are reported as Sphinx errors, so the strict build fails.
"""

from __future__ import annotations

import os
from pathlib import Path

from scobook.paths import BUILD_VARIABLE, ROOT_VARIABLE

PARTS = ("cache", "facts", "chapters", "article", "quizzes", "explorers", "reference", "pack", "words", "charts", "fold", "meta", "theme", "fonts", "search")


def setup(app):
    # Read the data of the book being built (and let the notebooks' kernels, which inherit the
    # environment, do the same), wherever the build was started from.
    os.environ.setdefault(ROOT_VARIABLE, str(Path(app.srcdir).resolve()))
    # The notebooks' kernels run for the online book, where nothing is interactive: an exercise
    # left blank says how to run it in Jupyter instead of "Not yet" (scobook.exercises).
    os.environ.setdefault(BUILD_VARIABLE, "1")
    for part in PARTS:
        app.setup_extension(f"scobook.sphinx.{part}")
    return {"version": "0.2", "parallel_read_safe": True, "parallel_write_safe": True}
