"""Understanding (U1–U3): who is named, who said what, and which sentences carry the story.

Rule-based and statistical, with no downloaded models: everything runs from the code and
the word lists in this package. Public entry points:

- :func:`extract_statements` — direct quotations and attributed paraphrases, with speakers
  resolved to named people or organisations ("he added" → "Mark Esper");
- :func:`extract_entities` — people, organisations and places with their titles, one
  identity per person within the article ("person:mark-esper");
- :class:`EntityDirectory` — identity across articles and outlets;
- :func:`key_sentences` and :func:`summarize` — extractive key sentences and summary;
- :func:`understand` — all of it from one pass over the text.
"""

from __future__ import annotations

from storywatch.understand.directory import EntityDirectory
from storywatch.understand.pipeline import extract_entities, understand
from storywatch.understand.statements import extract_statements
from storywatch.understand.summary import key_sentences, summarize

__all__ = [
    "EntityDirectory",
    "extract_entities",
    "extract_statements",
    "key_sentences",
    "summarize",
    "understand",
]
