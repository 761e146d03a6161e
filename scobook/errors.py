"""The one error type for bad input. Its message always names the file, the row and the field."""

from __future__ import annotations

from pathlib import Path

#: The file that marks a folder as a copy of the book (``scobook.paths`` finds the book by it).
MARKER = Path("data") / "catalog.yml"


class ReaderError(Exception):
    """An error meant for a reader, not a programmer: Jupyter shows its one sentence and no
    traceback (IPython calls ``_render_traceback_``), and plain Python shows it as usual."""

    def _render_traceback_(self) -> list[str]:
        return [f"{type(self).__name__}: {self}"]


class InputError(ReaderError, ValueError):
    """A value a student typed (a date, a country, a principle) is outside what the data covers.
    The message says what is allowed."""


class DataError(ValueError):
    """A data file broke a rule: wrong type, unknown code, missing source, and so on."""

    def __init__(self, file: str | Path, row: int | str | None, field: str | None, problem: str):
        """``row`` is a line number of a table (shown as "row N") or a label such as
        "question 'ch1-q3'" for files that are not tables."""
        self.file = _display_path(file)
        self.row = row
        self.field = field
        self.problem = problem
        where = [self.file]
        if isinstance(row, int):
            where.append(f"row {row}")
        elif row is not None:
            where.append(str(row))  # e.g. "question 'ch1-q3'" in a quiz bank
        if field is not None:
            where.append(f"field '{field}'")
        super().__init__(f"{', '.join(where)}: {problem}")


def _display_path(file: str | Path) -> str:
    """Show a path inside a copy of the book relative to that copy's folder (``data/article.yml``),
    any other path in full."""
    path = Path(file)
    resolved = path.resolve()
    for folder in resolved.parents:
        if (folder / MARKER).is_file():
            return resolved.relative_to(folder).as_posix()
    return str(path)
