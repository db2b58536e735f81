"""Title words: the words written before a name that make it a person's title, and what they say.

Split out of :mod:`~storywatch.understand.lexicon` to keep that module small; ``lexicon``
re-exports every name here, so rules keep reading them as ``lx.TITLE_WORDS`` and so on.
The lists are lowercased, without a trailing period, and were grown, like the rest of the
lexicon, from errors on the PolNeAR *train* split, never the dev split we report on.
"""

from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    """A word list written as one string (``lexicon.words_of``, repeated here so this
    module imports nothing from the lexicon that re-exports it)."""
    return frozenset(text.split())


# Titles written before a name. Lowercased, without the trailing period; multiword titles are
# recognised word by word (every word of "secretary of defense" is title material).
TITLE_WORDS: frozenset[str] = _words(
    """
    councillor councilor councilman councilwoman alderman trustee
    president vice secretary minister prime chancellor senator sen sens rep reps
    representative congressman congresswoman gov governor lt lieutenant gen general adm
    admiral col colonel maj major capt captain sgt sergeant cmdr commander mayor judge
    justice chief chairman chairwoman chair director spokesman spokeswoman spokesperson
    ambassador attorney speaker leader king queen prince princess pope sheikh ayatollah dr
    mr mrs ms miss sir dame lord rev reverend father pastor bishop cardinal rabbi imam
    professor prof dean ceo cfo founder co-founder executive officer commissioner
    superintendent sheriff detective inspector officer deputy assistant undersecretary envoy
    adviser advisor aide strategist manager candidate nominee hopeful rival analyst
    economist pollster host anchor correspondent reporter columnist editor author actor
    actress singer rapper coach owner businessman businesswoman billionaire activist lawyer
    attorney-general first lady former acting interim senior top general state democratic
    republican gop presidential u.s. us u.n. defense defence foreign interior of staff
    joints joint chiefs house senate majority minority whip press white campaign national
    security department marine corps army navy air force the and defender undersheriff
    secretary-general mp mps pm labour tory backbencher boss goalkeeper striker
    midfielder skipper
    """
)

# Words that alone make a title (as opposed to qualifiers such as "former", "state").
TITLE_HEADS: frozenset[str] = _words(
    """
    councillor councilor councilman councilwoman alderman trustee
    president secretary minister chancellor senator sen sens rep reps representative
    congressman congresswoman gov governor lt gen general adm admiral col colonel maj capt
    captain sgt cmdr commander mayor judge justice chief chairman chairwoman chair director
    spokesman spokeswoman spokesperson ambassador attorney speaker leader king queen prince
    princess pope sheikh ayatollah dr rev reverend pastor bishop cardinal rabbi imam
    professor prof ceo founder co-founder commissioner sheriff envoy adviser advisor aide
    strategist manager candidate nominee hopeful analyst economist pollster host anchor
    correspondent columnist editor coach activist lawyer lady whip officer deputy vp
    defender undersheriff secretary-general mp pm backbencher boss goalkeeper striker
    midfielder skipper
    """
)

# Honorifics that mark a person but are not worth showing as a role.
HONORIFICS: frozenset[str] = frozenset({"mr", "mrs", "ms", "miss", "sir", "dame", "dr"})
FEMALE_TITLES: frozenset[str] = _words(
    """
    mrs ms miss congresswoman chairwoman spokeswoman queen princess dame lady actress
    businesswoman
    """
)
MALE_TITLES: frozenset[str] = frozenset({"mr", "sir", "king", "prince"})
# Roles some house styles write for women too (a campaign's "spokesman Hope Hicks", "DNC
# chairman Debbie Wasserman Schultz"): a hint that a person is a man, never a fact that
# rules out "she".
MASCULINE_ROLES: frozenset[str] = frozenset({"congressman", "chairman", "spokesman", "businessman"})
