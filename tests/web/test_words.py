"""Machine words become a person's words: reasons, formats, delivery states, browsers."""

from __future__ import annotations

from storywatch.model import Reason
from storywatch.web.ui.feed import group_by_story
from storywatch.web.ui.words import (
    browser_name,
    delivery_status,
    reason_label,
    reasons_line,
    source_kind,
    subscription_kind,
)


def test_reasons_read_as_what_matched() -> None:
    assert reason_label("phrase", "Velmora harbor") == "“Velmora harbor”"
    assert reason_label("term", "bridge") == "“bridge”"
    assert reason_label("title", '"chlorine"') == "“chlorine” in the title"
    assert reason_label("person", "Teodor Vasko") == "Teodor Vasko"
    assert reason_label("source", "Harborline") == "from Harborline"
    assert reason_label("story", "12") == "a story you follow"  # never the story's id
    assert reason_label("something-new", "x") == "x"
    line = reasons_line(
        [
            Reason("phrase", "Velmora harbor", "in the text"),
            Reason("term", "Velmora harbor", "in the title"),  # reads the same: shown once
            Reason("person", "Teodor Vasko"),
        ]
    )
    assert [r["label"] for r in line] == ["“Velmora harbor”", "Teodor Vasko"]
    assert line[0]["detail"] == "in the text"


def test_source_formats_and_kinds_in_words() -> None:
    assert source_kind("feed", "rss20") == "RSS 2.0 feed"
    assert source_kind("feed", "atom10") == "Atom feed"
    assert source_kind("feed", "json11") == "JSON Feed"
    assert source_kind("feed", "rss10") == "RSS 1.0 feed"
    assert source_kind("feed", "weird") == "Feed"
    assert source_kind("feed", None) == "Feed, format not known yet"
    assert source_kind("publisher", None) == "Publisher API"
    assert subscription_kind("query") == "search"
    assert subscription_kind("org") == "organisation"


def test_delivery_states_say_what_happens_next() -> None:
    assert delivery_status("sent", 1, None) == ("sent", "sent")
    assert delivery_status("dead", 8, "HTTP 500") == ("dead", "gave up")
    assert delivery_status("pending", 3, "Could not connect") == ("failing", "retrying")
    assert delivery_status("pending", 0, None) == ("new", "waiting")


def test_browsers_are_named_not_quoted() -> None:
    chrome_linux = (
        "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
        "Chrome/120.0.0.0 Safari/537.36"
    )
    iphone = (
        "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 "
        "(KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1"
    )
    firefox_windows = (
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:121.0) Gecko/20100101 Firefox/121.0"
    )
    assert browser_name(chrome_linux) == "Chrome on Linux"
    assert browser_name(iphone) == "Safari on iPhone"
    assert browser_name(firefox_windows) == "Firefox on Windows"
    assert browser_name("python-httpx/0.27") == "a script"
    assert browser_name("") == "Unknown browser"
    assert browser_name(None) == "Unknown browser"
    assert browser_name("SomeBot 1.0") == "SomeBot 1.0"


def _note(nid: int, story: int | None, title: str = "Story") -> dict[str, object]:
    return {"id": nid, "story_id": story, "title": title, "href": f"/s/{story}", "urgent": False}


def test_a_storys_pushes_are_one_card_led_by_the_newest() -> None:
    notes = [  # newest first, as the store reads them
        _note(5, 1, "Harbor fire"),
        _note(4, None, "Daily digest"),
        _note(3, 2, "Tram line"),
        _note(2, 1, "Fire on ship"),
        _note(1, 1, "Fire on ship"),
    ]
    notes[3]["urgent"] = True
    cards = group_by_story(notes)
    assert [c["latest"]["id"] for c in cards] == [5, 4, 3]
    assert [n["id"] for n in cards[0]["earlier"]] == [2, 1]
    assert cards[0]["title"] == "Harbor fire"  # the story's name as the newest push gave it
    assert cards[0]["urgent"] is True  # an urgent push inside keeps the card marked
    assert cards[1]["earlier"] == [] and cards[1]["story_id"] is None
    # notifications outside any story are never folded together
    assert len(group_by_story([_note(2, None), _note(1, None)])) == 2
