"""Short opening phrases of time: "Last year,", "Two weeks later,", "Earlier this month,".

A sentence's subject comes after such a phrase and its comma, as it does after "In the
letter," or "However," (``phrases.clause_subject``): "Last year, he played down Trump's
comments as “…”" is his statement. The phrase is recognised by a time noun among its
first few words, not by a list of whole phrases, since news writing varies them freely.
"""

from __future__ import annotations

from storywatch.understand import lexicon as lx
from storywatch.understand.text import Word

# Nouns that make a short opening phrase a time ("Last year,", "Two weeks later,").
_TIME_NOUNS = (
    lx.WEEKDAYS
    | lx.MONTHS
    | lx.words_of(
        "year years week weeks month months day days night morning afternoon evening weekend"
    )
)
# At most this many words before the comma.
_MAX_WORDS = 4


def after_time_opener(text: str, words: list[Word]) -> int:
    """The index of the word after an opening time phrase and its comma ("Last year, he
    …", "Two weeks later, Ortiz …", "Earlier this month, she …"), or 0: up to four words,
    one of them a time noun, then a comma."""
    for n in range(min(_MAX_WORDS, len(words) - 1)):
        if "," in text[words[n].end : words[n + 1].start]:
            head = [w.text.lower() for w in words[: n + 1]]
            return n + 1 if any(h in _TIME_NOUNS for h in head) else 0
    return 0
