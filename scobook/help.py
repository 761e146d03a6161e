"""Errors a student meets in the notebooks, explained in one sentence instead of a traceback.

The notebooks' setup cell (``tools/notebook_setup.py``) calls :func:`explain_errors`, which asks
IPython to show a ``KeyError`` as what it nearly always means in these lessons: a column name
that is not in the table, with the nearest real name and the table's columns. In plain Python
(the tests, a script) nothing changes.
"""

from __future__ import annotations

import difflib
import re


def table_used(key, code: str, namespace: dict) -> str | None:
    """The name of the table that ``code`` (the cell that failed) asked for ``key``:
    ``changes`` in ``changes["Status"]`` or ``changes.loc[:, "Status"]``, if it is a table."""
    import pandas as pd

    quoted = re.escape(repr(str(key))[1:-1])
    pattern = rf"\b([A-Za-z_]\w*)(?:\.loc)?\[\s*(?:[^\]\[]*,\s*)?['\"]{quoted}['\"]"
    for name in re.findall(pattern, code or ""):
        if isinstance(namespace.get(name), (pd.DataFrame, pd.Series)):
            return name
    return None


def key_error_message(key, namespace: dict, code: str = "") -> str:
    """"'Status' is not a column of the table changes. Did you mean 'status'? ..." for a key that
    the table the cell used does not have (or, when the table cannot be told, any table of the
    notebook's variables in ``namespace``)."""
    import pandas as pd

    table = table_used(key, code, namespace)
    if table is not None:
        value = namespace[table]
        columns = {str(c): table for c in (value.columns if isinstance(value, pd.DataFrame) else value.index)}
        what = "a column" if isinstance(value, pd.DataFrame) else "a label"
        text = f"KeyError: {key!r} is not {what} of the table {table} (nor one of its row labels)."
    else:
        columns = {}
        for name, value in namespace.items():
            if not name.startswith("_") and isinstance(value, pd.DataFrame):
                for column in value.columns:
                    columns.setdefault(str(column), name)
        text = f"KeyError: {key!r} is not a column of the table you used (nor one of its row labels)."
    lowered = {c.casefold(): c for c in columns}
    guess = lowered.get(str(key).casefold()) or next(iter(difflib.get_close_matches(str(key), list(columns), n=1, cutoff=0.6)), None)
    rule = "Names must match exactly, capital letters included."
    if guess is not None and table is not None:
        return f"{text} Did you mean {guess!r}? {rule}"
    if guess is not None:
        return f"{text} Did you mean {guess!r}, a column of the table {columns[guess]}? {rule}"
    if table is not None:
        names = ", ".join(repr(c) for c in list(columns)[:12]) + (", ..." if len(columns) > 12 else "")
        return f"{text} {rule} Its columns are: {names}."
    return f"{text} {rule} To list a table's columns, run the table's name followed by .columns, for example: membership.columns"


def explain_errors(shell=None) -> None:
    """In a running IPython (Jupyter) kernel, show a KeyError as :func:`key_error_message`."""
    if shell is None:
        try:
            from IPython import get_ipython
        except ImportError:
            return
        shell = get_ipython()
    if shell is None:
        return

    def handler(self, etype, value, tb, tb_offset=None):
        key = value.args[0] if value.args else ""
        cells = self.user_ns.get("In") or [""]
        print(key_error_message(key, self.user_ns, cells[-1]))

    shell.set_custom_exc((KeyError,), handler)
