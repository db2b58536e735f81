"""A small, dependency-free guess of a text's language, for pages that do not declare one.

News text is long enough that the share of each language's commonest function words decides
Latin-script languages reliably, and the writing system decides most others. This is not a
general language identifier (short or mixed text gets ``None``), just enough to fill the
``lang:`` field of queries when the page is silent.
"""

from __future__ import annotations

import re
from collections import Counter

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)

_STOPWORDS: dict[str, frozenset[str]] = {
    lang: frozenset(words.split())
    for lang, words in {
        "en": "the and of to in is that for it was on with as by he said at from his are be this "
        "have has not an which were but they their its who been will would",
        "de": "der die und in den von zu das mit sich des auf für ist im dem nicht ein eine als "
        "auch "
        "es an werden aus er hat dass sie nach wird bei einer um noch wie",
        "fr": "de la le et les des en du un une est que pour dans qui par sur au pas plus ne se "
        "avec "
        "il sont ce aux ont été elle mais cette nous",
        "es": "de la que el en y los del se las por un para con una su al lo como más pero sus le "
        "ha este fue según sobre entre también desde",
        "it": "di il la che e in un per del è della le non si una con i al da dei sono gli nel "
        "alla "
        "anche ha più come delle questo ma",
        "pt": "de a o que e do da em um para é com não uma os no se na por mais as dos como mas "
        "foi "
        "ao ele das tem à seu sua ou ser",
        "nl": "de het een van en in is dat op te zijn voor met die niet aan er ook als bij door om "
        "maar dan of nog wordt naar uit werd hij",
        "pl": "i w na z nie się do to że jest o jak ale po co tak za od przez już przy czy jego "
        "oraz było tym także ich może być",
        "sv": "och i att det som en på är av för med till den har de inte om ett han men var så "
        "från vid kan också efter eller",
        "da": "og i at det en til er som på de med for af den ikke der var har et han men om så "
        "fra også kan efter eller skal",
        "no": "og i det som på er en til av for at med har de ikke den han var om et men så fra "
        "også kan etter eller skal vi",
        "fi": "ja on että ei se oli hän mutta ovat kun myös tai joka sen ole mukaan jo niin hänen "
        "kuin vain nyt sekä",
        "cs": "a v se na je že o s z do to i k jako by ale pro jsou tak po jeho byl od které "
        "který také nebo jen",
        "tr": "ve bir bu da de için ile olarak çok daha en gibi ama olan ne sonra kadar her "
        "değil var ya şu diye",
        "ro": "și de în a la cu o că din pe un care nu este mai pentru se au fost sau ca lui "
        "sunt dar această",
        "hu": "a az és hogy nem is egy meg van de el ki már csak volt mint ez még kell azt vagy "
        "fel sem lesz",
    }.items()
}

_SCRIPTS: tuple[tuple[str, str, str], ...] = (
    # (first char, last char, language) — decided by the writing system alone.
    ("\u3040", "\u30ff", "ja"),
    ("\uac00", "\ud7af", "ko"),
    ("\u0e00", "\u0e7f", "th"),
    ("\u0590", "\u05ff", "he"),
    ("\u0370", "\u03ff", "el"),
    ("\u0900", "\u097f", "hi"),
    ("\u0600", "\u06ff", "ar"),
    ("\u4e00", "\u9fff", "zh"),
)
_CYRILLIC = ("\u0400", "\u04ff")
_UK_LETTERS = set("іїєґ")
_MIN_WORDS = 20


def _script_language(sample: str) -> str | None:
    letters = [ch for ch in sample if ch.isalpha()]
    if not letters:
        return None
    counts: Counter[str] = Counter()
    for ch in letters:
        if ch < "\u0370":
            continue
        if _CYRILLIC[0] <= ch <= _CYRILLIC[1]:
            counts["uk" if ch in _UK_LETTERS else "cyrillic"] += 1
            continue
        for first, last, lang in _SCRIPTS:
            if first <= ch <= last:
                counts[lang] += 1
                break
    if not counts or sum(counts.values()) < 0.3 * len(letters):
        return None
    if counts["ja"] and counts["ja"] > 0.1 * (counts["ja"] + counts["zh"]):
        return "ja"
    if counts["cyrillic"] or counts["uk"]:
        return "uk" if counts["uk"] > 0.01 * (counts["cyrillic"] + counts["uk"]) else "ru"
    return counts.most_common(1)[0][0]


def detect_language(text: str) -> str | None:
    """An ISO 639-1 code when the text clearly reads as one language, else None."""
    sample = text[:6000]
    by_script = _script_language(sample)
    if by_script:
        return by_script
    words = [w.lower() for w in _WORD.findall(sample)]
    if len(words) < _MIN_WORDS:
        return None
    counts = Counter(words)
    scores = {lang: sum(counts[w] for w in stop) / len(words) for lang, stop in _STOPWORDS.items()}
    ranked = sorted(scores.items(), key=lambda item: item[1], reverse=True)
    (best, top), (_, second) = ranked[0], ranked[1]
    if top < 0.12 or top < 1.2 * second:
        return None
    return best
