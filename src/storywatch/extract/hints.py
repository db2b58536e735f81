"""A literal test to run before a case-insensitive regular expression that rarely matches.

Class and id values are tested against alternations such as ``byline|author|writer`` with
``re.IGNORECASE``; on a typical page a few hundred values are tested and almost none match,
and such a search costs about a microsecond (more on long values), several times a
substring test. When every alternative holds one of a few words, a value holding none of
them cannot match, and the search is skipped.

Only for ASCII values: there ``str.lower`` folds exactly as ``re.IGNORECASE`` compares. For
other text it does not (under ``re.IGNORECASE`` "ſ" matches "s" and "ı" matches "i", which
``lower`` leaves alone), so such a value always goes on to the search.
"""

from __future__ import annotations


def may_hold(value: str, words: tuple[str, ...]) -> bool:
    """False only when ``value`` holds none of ``words`` (lowercase) in any letter case."""
    if not value.isascii():  # a flag on the string: no scan
        return True
    return any(map(value.lower().__contains__, words))
