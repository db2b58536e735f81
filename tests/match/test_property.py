"""The indexes agree with brute force: for generated queries and articles, the percolator
returns exactly the queries that ``evaluate`` accepts one by one (also after removals and
a rebalance), and the preview index returns exactly, or a superset of, the matching
articles, as it claims."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from storywatch.errors import QueryError
from storywatch.match import DocIndex, MatchDoc, Percolator, evaluate, parse_query, prepare
from storywatch.match.query import Query

WORDS = [
    "troop", "troops", "iraq", "letter", "letters", "mistake", "withdraw", "withdrawal",
    "pentagon", "esper", "mark", "state", "department", "country", "countries", "us", "U.S.",
    "café", "cafe", "taxes", "tax", "al-Sadr", "news", "new", "crisis",
]  # fmt: skip
PEOPLE = ["Mark Esper", "Mark T. Esper", "Mark Milley", "Adel Abdul Mahdi", "Esper", "Ortagus"]
ORGS = ["Pentagon", "U.S. State Department", "State Department", "Army"]
PLACES = ["Iraq", "Baghdad", "Velmora Harbor"]
SOURCES = ["Wire Service", "Daily Ledger", "Harbor Post"]
KEYS = ["person:mark-esper", "person:mark-milley", "org:pentagon", "place:iraq"]

word = st.sampled_from(WORDS)
plain = st.sampled_from([w for w in WORDS if w.isalpha()])


@st.composite
def docs(draw: st.DrawFn) -> MatchDoc:
    return MatchDoc(
        title=" ".join(draw(st.lists(word, max_size=6))),
        text=" ".join(draw(st.lists(word, max_size=14))),
        source=draw(st.sampled_from(["", *SOURCES])),
        source_id=draw(st.sampled_from([None, 1, 2, 3])),
        language=draw(st.sampled_from([None, "en", "en-US", "fr"])),
        people=tuple(draw(st.lists(st.sampled_from(PEOPLE), max_size=3, unique=True))),
        orgs=tuple(draw(st.lists(st.sampled_from(ORGS), max_size=2, unique=True))),
        places=tuple(draw(st.lists(st.sampled_from(PLACES), max_size=2, unique=True))),
        entity_keys=tuple(draw(st.lists(st.sampled_from(KEYS), max_size=2, unique=True))),
        story_id=draw(st.sampled_from([None, 1, 2, 3])),
    )


def _quoted(name: str) -> str:
    return f'"{name}"' if " " in name else name


leaves = st.one_of(
    word,
    st.lists(word, min_size=1, max_size=3).map(lambda ws: '"' + " ".join(ws) + '"'),
    plain.flatmap(lambda w: st.integers(2, max(2, len(w))).map(lambda n: w[:n] + "*")),
    word.map(lambda w: f"title:{w}"),
    st.lists(plain, min_size=2, max_size=3).map(lambda ws: 'title:"' + " ".join(ws) + '"'),
    plain.map(lambda w: f"title:{w[:3]}*"),
    st.sampled_from(["Esper", "Mark Esper", "Mark T. Esper", "Milley", "Abdul Mahdi", "Mark"]).map(
        lambda n: f"person:{_quoted(n)}"
    ),
    st.sampled_from(["Pentagon", "State Department", "U.S. State Department", "State"]).map(
        lambda n: f"org:{_quoted(n)}"
    ),
    st.sampled_from(["Iraq", "Velmora Harbor", "Harbor"]).map(lambda n: f"place:{_quoted(n)}"),
    st.sampled_from(["1", "2", "Wire", "Wire Service", "Harbor Post"]).map(
        lambda n: f"source:{_quoted(n)}"
    ),
    st.sampled_from(["1", "2", "3"]).map(lambda n: f"story:{n}"),
    st.sampled_from(["en", "fr", "en-GB"]).map(lambda n: f"lang:{n}"),
)


def _combine(children: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    pair = st.tuples(children, children)
    return st.one_of(
        pair.map(lambda p: f"({p[0]} {p[1]})"),
        pair.map(lambda p: f"({p[0]} OR {p[1]})"),
        pair.map(lambda p: f"({p[0]} AND {p[1]})"),
        pair.map(lambda p: f"({p[0]} -{p[1]})"),
        pair.map(lambda p: f"({p[0]} NOT ({p[1]}))"),
    )


query_texts = st.recursive(leaves, _combine, max_leaves=6)


def _parsed(texts: list[str]) -> list[Query]:
    out = []
    for text in texts:
        try:
            out.append(parse_query(text))
        except QueryError:
            continue  # only NOTs (e.g. "(-x OR y)"): refused by design, tested elsewhere
    return out


def _brute(queries: dict[int, Query], doc: MatchDoc) -> set[int]:
    prepared = prepare(doc)
    return {sub_id for sub_id, q in queries.items() if evaluate(q, prepared)}


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    texts=st.lists(query_texts, min_size=1, max_size=25),
    articles=st.lists(docs(), min_size=1, max_size=5),
    removals=st.lists(st.integers(0, 24), max_size=10),
)
def test_percolator_matches_exactly_what_brute_force_matches(
    texts: list[str], articles: list[MatchDoc], removals: list[int]
) -> None:
    queries = dict(enumerate(_parsed(texts)))
    percolator = Percolator()
    for sub_id, query in queries.items():
        percolator.add(sub_id, query)
    for doc in articles:
        assert percolator.match(doc) == _brute(queries, doc)
        assert percolator.match(doc) <= percolator.candidates(doc)

    for sub_id in removals:
        percolator.remove(sub_id)
        queries.pop(sub_id, None)
    for doc in articles:
        assert percolator.match(doc) == _brute(queries, doc)

    # statistics only move queries between postings: results stay the same
    index = DocIndex()
    for number, doc in enumerate(articles):
        index.add(number, doc, 0.0)
    percolator.rebalance(index.frequencies())
    for doc in articles:
        assert percolator.match(doc) == _brute(queries, doc)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=query_texts, articles=st.lists(docs(), min_size=1, max_size=8))
def test_preview_index_is_exact_or_a_superset_as_it_says(
    text: str, articles: list[MatchDoc]
) -> None:
    found = _parsed([text])
    if not found:
        return
    query = found[0]
    index = DocIndex()
    for number, doc in enumerate(articles):
        index.add(number, doc, float(number))
    hits = index.search(query.root, since=0.0)
    truth = {n for n, doc in enumerate(articles) if evaluate(query, doc)}
    if hits.exact:
        assert set(hits.ids) == truth
    else:
        assert set(hits.ids) >= truth
    assert list(hits.ids) == sorted(hits.ids, reverse=True)  # newest first
