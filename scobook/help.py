"""Errors a student meets in the notebooks, explained in one sentence instead of a traceback.

The notebooks' setup cell (``tools/notebook_setup.py``) calls :func:`explain_errors`, which asks
IPython to show a ``KeyError`` as what it nearly always means in these lessons: a column name
that is not in the table, with the nearest real name and how to list the columns. In plain Python
(the tests, a script) nothing changes.
"""

from __future__ import annotations

import difflib


def key_error_message(key, namespace: dict) -> str:
    """"'Status' is not a column ..., did you mean 'status' (a column of membership)?" for a key
    that the tables in ``namespace`` (a notebook's variables) do not have."""
    import pandas as pd

    columns = {}
    for name, value in namespace.items():
        if not name.startswith("_") and isinstance(value, pd.DataFrame):
            for column in value.columns:
                columns.setdefault(str(column), name)
    text = f"KeyError: {key!r} is not a column of the table you used (or not one of its row labels)."
    lowered = {c.casefold(): c for c in columns}
    guess = lowered.get(str(key).casefold()) or next(iter(difflib.get_close_matches(str(key), list(columns), n=1, cutoff=0.6)), None)
    if guess is not None:
        table = columns[guess]
        return (f"{text} Did you mean {guess!r}, a column of {table}? Names must match exactly, capital "
                f"letters included. To list a table's columns, run: {table}.columns")
    return f"{text} Names must match exactly, capital letters included. To list a table's columns, run: table.columns"


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
        print(key_error_message(key, self.user_ns))

    shell.set_custom_exc((KeyError,), handler)
