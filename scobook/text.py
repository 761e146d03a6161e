"""Counting and marking terms in text: one regular expression per term list, whole words only,
longest term first (so "mutual trust" is one match, not also a match for "trust")."""

from __future__ import annotations

import html
import re


def term_pattern(terms: list[str], case_sensitive: bool = True) -> re.Pattern:
    """``["Putin", "Vladimir Putin"]`` → ``\\b(?:Vladimir\\ Putin|Putin)\\b``."""
    alternatives = sorted({t.strip() for t in terms if t.strip()}, key=len, reverse=True)
    if not alternatives:
        raise ValueError("the term list is empty")
    flags = 0 if case_sensitive else re.IGNORECASE
    return re.compile(r"\b(?:" + "|".join(re.escape(t) for t in alternatives) + r")\b", flags)


def count_terms(text: str, terms: list[str], case_sensitive: bool = True) -> int:
    """How many times any of the terms occurs in the text (each occurrence counted once)."""
    return len(term_pattern(terms, case_sensitive).findall(text))


def highlight_terms(text: str, terms: list[str], case_sensitive: bool = False) -> str:
    """The text as HTML with each occurrence wrapped in ``<mark>`` (the text itself escaped)."""
    pattern = term_pattern(terms, case_sensitive)
    out, last = [], 0
    for match in pattern.finditer(text):
        out.append(html.escape(text[last:match.start()]))
        out.append(f"<mark>{html.escape(match.group(0))}</mark>")
        last = match.end()
    out.append(html.escape(text[last:]))
    return "".join(out)
