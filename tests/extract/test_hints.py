"""The literal test skips a case-insensitive search only where the search could not match."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from storywatch.extract.hints import may_hold
from storywatch.extract.metadata import _BYLINE_CLASS, _BYLINE_WORDS
from storywatch.extract.prune import _COOKIE, _COOKIE_WORDS

CASES = [
    (_BYLINE_CLASS, _BYLINE_WORDS),
    (_COOKIE, _COOKIE_WORDS),
]
# Letters of the words in other cases, the non-ASCII letters re.IGNORECASE folds onto ASCII
# ones (Kelvin sign, long s, dotless and dotted i) and separators.
ALPHABET = "bylineauthorwritfmcksgdpBYLINEAUTHORWRITFMCKSGDP\u212a\u017f\u0131\u0130-_ 1"


@given(st.text(alphabet=ALPHABET, max_size=24))
def test_no_match_is_skipped(value: str) -> None:
    for pattern, words in CASES:
        if pattern.search(value):
            assert may_hold(value, words)


def test_the_tricky_letters() -> None:
    assert _BYLINE_CLASS.search("aut\u0130or") is None  # İ is not i under re.I either
    assert _COOKIE.search("coo\u212aie-banner")  # the Kelvin sign matches k
    assert may_hold("coo\u212aie-banner", _COOKIE_WORDS)  # non-ASCII: always searched
    assert may_hold("AUTHOR-box", _BYLINE_WORDS)
    assert not may_hold("col-md-6 clearfix", _BYLINE_WORDS + _COOKIE_WORDS)


def test_the_words_cover_every_alternative() -> None:
    """Each top-level alternative, groups and character classes taken out, holds a word."""
    for pattern, words in CASES:
        flat = re.sub(r"\(\?:[^)]*\)\??|\[[^]]*\](?:\?|\{[0-9,]*\})?", " ", pattern.pattern)
        for alternative in flat.lower().split("|"):
            assert any(word in alternative for word in words), alternative
