"""Check every file in ``data/`` with the book's loaders and cross-file rules, in seconds, without
building the book (``make check-data``).

    python tools/check_data.py

Prints one line per problem (the file, the row, the field and what is allowed) and nothing else;
exits with 1 if there is any. A loader stops at the first problem of its file, so fix and run again.
Set ``$SCOBOOK_ROOT`` to check another copy of the book.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def checks():
    """(what is checked, a function that loads it) for every data file, in dependency order."""
    from scobook.article import load_article, load_name_list, load_stopwords
    from scobook.blocs import load_blocs, load_initiatives
    from scobook.catalog import check_catalog
    from scobook.chapters import check_discussion_chapters
    from scobook.claims import load_claims, load_perspectives
    from scobook.exercises import EXERCISES
    from scobook.glossary import load_discussion, load_glossary
    from scobook.indicators import load_indicators
    from scobook.lesson import load_lesson
    from scobook.maps import load_country_shapes
    from scobook.membership import load_membership, load_summits
    from scobook.outlets import load_outlets
    from scobook.quiz import bank_names, load_bank
    from scobook.security import load_security
    from scobook.simulation import load_roles, role_cards
    from scobook.spirit import load_principles

    yield "data/catalog.yml", check_catalog
    yield "data/outlets.yml", load_outlets
    yield "data/article.yml", load_article
    yield "data/article_names.csv", load_name_list
    yield "data/stopwords_en.txt", load_stopwords
    yield "data/sco_membership.csv", load_membership
    yield "data/summits.csv", load_summits
    yield "data/indicators.csv", load_indicators
    yield "data/blocs.csv", load_blocs
    yield "data/initiatives.csv", load_initiatives
    yield "data/countries_110m.json", load_country_shapes
    yield "data/claims.csv", load_claims
    yield "data/perspectives.yml", load_perspectives
    yield "data/shanghai_spirit.yml", load_principles
    yield "data/glossary.yml", load_glossary
    yield "data/discussion.yml", load_discussion
    yield "data/discussion.yml (each question's chapter)", check_discussion_chapters
    yield "data/security.yml", load_security
    yield "data/roles.yml", load_roles
    yield "data/roles.yml (a card for every member)", role_cards
    yield "data/lesson.yml", load_lesson
    for name in bank_names():
        yield f"data/quizzes/{name}.yml", lambda name=name: load_bank(name, shuffle=False)
    for exercise in EXERCISES.values():
        yield f"the exercise {exercise.id} (its answer, computed from the data)", exercise.expected


def main() -> int:
    said: list[str] = []
    for what, load in checks():
        try:
            load()
        except ValueError as exc:  # DataError, InputError: the loaders' own one-line messages
            message = str(exc).splitlines()[0]
        except Exception as exc:  # anything else is a bug of the checker, said as plainly
            message = f"{what}: could not be checked ({type(exc).__name__}: {exc})"
        else:
            continue
        if not any(earlier in message for earlier in said):  # a file that fails because another did
            said.append(message)
            print(message)
    return 1 if said else 0


if __name__ == "__main__":
    sys.exit(main())
