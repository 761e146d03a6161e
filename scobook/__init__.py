"""Plumbing for the SCO book: data loading and validation, chart styling, the Sphinx extension.

Notebooks import what they need explicitly, e.g. ``from scobook.article import load_article``.
Modules:

- :mod:`scobook.paths`     where the shipped data lives (one place, read by path)
- :mod:`scobook.errors`    the error raised for bad input: names the file, the row and the field
- :mod:`scobook.tables`    strict CSV reading shared by the loaders
- :mod:`scobook.article`   the cleaned article with its stable paragraph numbers
- :mod:`scobook.charts`    colour-blind-safe styling, source lines, alt text and CSV download
- :mod:`scobook.reading`   the one way in for every data file (UTF-8, YAML/JSON/CSV, shapes)
- :mod:`scobook.sphinx`    the book's Sphinx extension, one module per concern (article, quizzes,
  reference pages, charts, theme workarounds)
"""

__version__ = "0.1.0"
