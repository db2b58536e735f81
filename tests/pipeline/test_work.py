"""The worker's half of processing (pure values) and the consumer's steps that finish it."""

from __future__ import annotations

from storywatch.demo.story import load_story
from storywatch.extract import SiteBoilerplate
from storywatch.pipeline.identities import resolve_identities
from storywatch.pipeline.work import (
    Job,
    PredictedBoilerplate,
    Prepared,
    Split,
    exact,
    predict,
    prepare,
    settle,
)
from storywatch.understand import EntityDirectory, understand

SITE = "courier.example"
TAGLINE = "The Velmora Courier: news of the Carrow coast"


def _page(n: int) -> list[str]:
    return [TAGLINE, f"Paragraph {n} of a story that only this page tells.", "Share this"]


def test_identities_in_the_consumer_match_understanding_with_the_directory() -> None:
    with_directory, in_consumer = EntityDirectory(), EntityDirectory()
    texts = [(art.title, art.body) for art in load_story().articles]
    # later items naming people of the story by surname only
    texts += [
        ("Harbor to reopen", "“The harbor will reopen on Thursday,” Vasko said on Monday."),
        ("Board report", "Achterberg said the board would publish its findings on Friday."),
    ]
    changed = 0
    for title, text in texts:
        expected = understand(text, title=title, directory=with_directory)
        alone = understand(text, title=title)
        got = resolve_identities(alone, in_consumer)
        assert got == expected, title
        changed += got != alone
    assert changed, "no article needed a known identity: the test proves nothing"
    assert len(in_consumer) == len(with_directory)


def test_a_prediction_judges_lines_as_the_model_does() -> None:
    model = SiteBoilerplate()
    for n in range(6):
        model.observe(SITE, _page(n), page=f"https://{SITE}/{n}")
    predicted = PredictedBoilerplate(predict(model, [SITE, "other.example"]), model.max_line_chars)
    lines = [*_page(9), TAGLINE.upper(), "  " + TAGLINE + "  ", "x" * 300]
    for site in (SITE, "other.example"):
        assert predicted.split(site, lines) == model.split(site, lines)
    assert model.split(SITE, lines)[1]  # the tagline is boilerplate by now
    assert [s.site for s in predicted.splits] == [SITE, "other.example"]


def test_settle_learns_the_page_when_the_judgement_holds() -> None:
    model = SiteBoilerplate()
    page = _page(1)
    prepared = prepare(Job(1, f"https://{SITE}/1", None, "T", text="\n\n".join(page)))
    assert prepared.splits and prepared.observed
    assert settle(model, prepared)
    assert model.judged(SITE) == frozenset()  # one page teaches nothing yet, but it counts:
    for n in range(2, 5):
        job = Job(n, f"https://{SITE}/{n}", None, "T", text="\n\n".join(_page(n)))
        assert settle(model, prepare(job))
    assert len(model.judged(SITE)) >= 1


def test_a_stale_judgement_is_refused_and_the_model_left_alone() -> None:
    model = SiteBoilerplate()
    for n in range(5):
        model.observe(SITE, _page(n), page=f"https://{SITE}/{n}")
    stale = Job(9, f"https://{SITE}/9", None, "T", text="\n\n".join(_page(9)))  # no prediction
    prepared = prepare(stale)
    assert TAGLINE in prepared.extracted.text  # type: ignore[union-attr]
    before = model.judged(SITE)
    assert not settle(model, prepared)
    assert model.judged(SITE) == before
    # with the exact prediction, the same page settles, without its tagline
    again = prepare(exact(stale, model, prepared))
    assert settle(model, again)
    assert again.extracted is not None and TAGLINE not in again.extracted.text
    assert TAGLINE in again.extracted.removed


def test_a_refused_split_never_teaches() -> None:
    model = SiteBoilerplate()
    wrong = Prepared(1, splits=(Split(SITE, (TAGLINE,), (TAGLINE,)),))
    assert not settle(model, wrong)
    assert len(model) == 0


def test_an_unreachable_page_falls_back_to_the_item_with_a_note() -> None:
    job = Job(
        1,
        "https://x.example/a",
        None,
        "Port reopens",
        summary_html="<p>The port of Velmora reopened on Thursday, the port authority said.</p>",
        needs_page=True,
        fetch_error="connection refused",
    )
    prepared = prepare(job)
    assert prepared.error is None and prepared.extracted is not None
    assert prepared.note and "connection refused" in prepared.note
    assert "reopened on Thursday" in prepared.extracted.text
    nothing = prepare(Job(2, "https://x.example/b", None, "", needs_page=True, fetch_error="gone"))
    assert nothing.error == "gone" and nothing.extracted is None


def test_a_fragment_of_html_is_read_as_text() -> None:
    html = "<p>The harbor of Velmora reopened on Thursday.</p><p>Ships queued outside.</p>"
    prepared = prepare(Job(1, "https://x.example/a", None, "Harbor reopens", raw_html=html))
    assert prepared.extracted is not None
    assert prepared.extracted.text.splitlines()[0] == "The harbor of Velmora reopened on Thursday."
    assert prepared.title == "Harbor reopens"
    # the page extractor refused the fragment: only the text reading taught the site model
    assert len(prepared.observed) == 1
    empty = prepare(Job(2, "https://x.example/b", None, "T", raw_html="<p> </p>"))
    assert empty.error
