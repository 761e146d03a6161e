"""Counting and marking terms in text: one regular expression per term list, whole words only,
longest term first (so "mutual trust" is one match, not also a match for "trust")."""

from __future__ import annotations

import html
import re

import pandas as pd


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


#: A sentence ends at . ! or ? followed by a space and a capital letter or an opening quote.
SENTENCE_END = re.compile(r"(?<=[.!?])[\"\u201d]?\s+(?=[A-Z\u201c\"])")
WORD = re.compile(r"[A-Za-z]+(?:['\u2019-][A-Za-z]+)*")


def sentences(text: str) -> list[str]:
    """Split a paragraph into sentences (good enough for a newspaper article: no abbreviations
    with full stops in this one)."""
    return [s for s in SENTENCE_END.split(text.strip()) if s]


def syllables(word: str) -> int:
    """Syllables by the usual heuristic: groups of vowels, less a silent final "e", at least one."""
    word = word.lower()
    groups = len(re.findall(r"[aeiouy]+", word))
    if word.endswith("e") and not word.endswith(("le", "ee")) and groups > 1:
        groups -= 1
    return max(groups, 1)


def flesch_kincaid_grade(words: int, sentence_count: int, syllable_count: int) -> float:
    """The Flesch-Kincaid grade level: roughly the US school year a reader needs."""
    return 0.39 * words / sentence_count + 11.8 * syllable_count / words - 15.59


def readability(paragraphs: list[str]) -> dict:
    """Words, sentences, words per sentence, syllables per word and the Flesch-Kincaid grade of
    a text given as paragraphs (the figures the chapter 1 notebook computes step by step)."""
    all_sentences = [s for p in paragraphs for s in sentences(p)]
    words = [w for s in all_sentences for w in WORD.findall(s)]
    syllable_count = sum(syllables(w) for w in words)
    return {
        "words": len(words),
        "sentences": len(all_sentences),
        "words_per_sentence": len(words) / len(all_sentences),
        "syllables_per_word": syllable_count / len(words),
        "grade": flesch_kincaid_grade(len(words), len(all_sentences), syllable_count),
    }


#: Runs of Cyrillic (read as Russian, the book's only Cyrillic language) and of Chinese characters.
FOREIGN_RUNS = (
    ("ru", re.compile(r"«?[\u0400-\u04FF]+(?:[\s\d«»\"'.,:;!?()\-\u2013\u2014]+[\u0400-\u04FF]+)*»?")),
    ("zh", re.compile(r"[\u3400-\u9FFF\uF900-\uFAFF](?:[\u3000-\u303F\uFF00-\uFFEF\u3400-\u9FFF\uF900-\uFAFF\d]*"
                      r"[\u3000-\u303F\uFF00-\uFFEF\u3400-\u9FFF\uF900-\uFAFF])?")),
)


def lang_html(text: str) -> str:
    """``text`` as HTML, escaped, with each run of Russian or Chinese in a ``<span lang>``, so that
    a screen reader pronounces it in its own language (WCAG 3.1.2) and the CJK font applies."""
    import html

    text = str(text)
    marks = sorted((m.start(), m.end(), lang) for lang, pattern in FOREIGN_RUNS for m in pattern.finditer(text))
    out, at = [], 0
    for start, end, lang in marks:
        if start < at:
            continue
        out.append(html.escape(text[at:start]))
        out.append(f'<span lang="{lang}">{html.escape(text[start:end])}</span>')
        at = end
    out.append(html.escape(text[at:]))
    return "".join(out)


# --- numbers and dates in sentences the book writes ---------------------------------------

_WORDS = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
          "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty")


def long_date(value) -> str:
    """"2 February 2026" for 2026-02-02 (a date, a timestamp or an ISO string)."""
    return f"{pd.Timestamp(value):%-d %B %Y}"


def in_words(number: int) -> str:
    """"eight" for 8, up to twenty; larger numbers as digits."""
    return _WORDS[number] if 0 <= number < len(_WORDS) else str(number)
