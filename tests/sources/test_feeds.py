"""parse_feed on feeds we write: every format, the hard fields, and hostile documents."""

from __future__ import annotations

import json
import time
import tracemalloc
from datetime import UTC, datetime

import pytest

from storywatch import parse_feed
from storywatch.errors import FeedError
from storywatch.sources.entries import entry_to_incoming

RSS20 = b"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"
     xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
  <title>The Daily &lt;b&gt;Wire&lt;/b&gt;</title>
  <link>https://news.example/</link>
  <language>en-gb</language>
  <ttl>30</ttl>
  <atom:link rel="hub" href="https://hub.example/"/>
  <atom:link rel="self" href="https://news.example/feed.xml"/>
  <item>
    <title>Troops &amp; <![CDATA[<i>tanks</i>]]> move</title>
    <link>/2024/troops</link>
    <guid isPermaLink="false">item-1</guid>
    <description>A short teaser.</description>
    <content:encoded><![CDATA[<p>The full story <a href="/more">more</a></p>]]></content:encoded>
    <pubDate>Mon, 06 Jan 2020 09:30:00 CET</pubDate>
    <author>desk@news.example (Jane Reporter)</author>
    <category>World</category><category>Iraq</category>
    <enclosure url="/audio/1.mp3" type="audio/mpeg" length="12345"/>
  </item>
  <item>
    <title>No guid here</title>
    <link>https://news.example/2024/no-guid</link>
    <dc:creator>Sam Writer</dc:creator>
    <dc:date>2020-01-07T10:00:00-05:00</dc:date>
  </item>
</channel>
</rss>"""

ATOM10 = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://blog.example/sub/" xml:lang="fr">
  <title type="html">Le &lt;em&gt;Blog&lt;/em&gt;</title>
  <link rel="alternate" href="/"/>
  <link rel="hub" href="https://pubsub.example/"/>
  <id>urn:uuid:feed</id>
  <updated>2020-01-01T00:00:00Z</updated>
  <entry xml:base="posts/">
    <title type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">A <b>bold</b> title</div></title>
    <link rel="enclosure" href="photo.jpg" type="image/jpeg"/>
    <link rel="alternate" href="first.html"/>
    <id>tag:blog.example,2020:1</id>
    <published>2020-01-02T03:04:05+02:00</published>
    <updated>2020-01-03T00:00:00Z</updated>
    <author><name>Ann Author</name></author>
    <author><name>Bob Author</name></author>
    <category term="politics"/>
    <summary>Short</summary>
    <content type="html">&lt;p&gt;Long &lt;script&gt;alert(1)&lt;/script&gt;text&lt;/p&gt;</content>
  </entry>
</feed>"""

RDF = b"""<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
  xmlns:sy="http://purl.org/rss/1.0/modules/syndication/">
  <channel rdf:about="https://rdf.example/">
    <title>RDF site</title><link>https://rdf.example/</link>
    <sy:updatePeriod>hourly</sy:updatePeriod><sy:updateFrequency>2</sy:updateFrequency>
  </channel>
  <item rdf:about="https://rdf.example/1"><title>One</title><link>https://rdf.example/1</link></item>
</rdf:RDF>"""

RSS091 = b"""<?xml version="1.0"?>
<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN"
  "http://my.netscape.com/publish/formats/rss-0.91.dtd">
<rss version="0.91"><channel><title>Old</title><link>http://old.example/</link>
<item><title>Item</title><link>http://old.example/1</link></item></channel></rss>"""

ATOM03 = b"""<?xml version="1.0"?>
<feed version="0.3" xmlns="http://purl.org/atom/ns#"><title>Old atom</title>
<entry><title>E</title><link rel="alternate" type="text/html" href="http://a.example/e"/>
<id>e1</id><issued>2004-01-01T10:00:00Z</issued></entry></feed>"""


def test_rss20_fields() -> None:
    feed = parse_feed(RSS20, "https://news.example/feed.xml")
    assert feed.format == "rss20"
    assert feed.title == "The Daily Wire"
    assert feed.language == "en-gb"
    assert feed.ttl_seconds == 1800
    assert feed.hubs == ("https://hub.example/",)
    assert feed.self_url == "https://news.example/feed.xml"
    assert not feed.malformed
    first, second = feed.entries
    assert first.title == "Troops & tanks move"
    assert first.url == "https://news.example/2024/troops"
    assert first.guid == "item-1"
    assert first.published == datetime(2020, 1, 6, 8, 30, tzinfo=UTC)
    assert first.authors == ("Jane Reporter",)
    assert first.categories == ("World", "Iraq")
    assert first.enclosures[0].url == "https://news.example/audio/1.mp3"
    assert first.enclosures[0].type == "audio/mpeg"
    assert first.enclosures[0].length == 12345
    assert 'href="https://news.example/more"' in first.content_html
    assert first.summary_html == "A short teaser."
    assert second.authors == ("Sam Writer",)
    assert (second.published or second.updated) == datetime(2020, 1, 7, 15, 0, tzinfo=UTC)


def test_guidless_items_get_the_same_id_every_time_and_ids_never_depend_on_feed_url() -> None:
    a = parse_feed(RSS20, "https://news.example/feed.xml").entries[1]
    b = parse_feed(RSS20, "https://news.example/feed.xml").entries[1]
    moved = parse_feed(RSS20, "https://moved.example/rss").entries
    assert a.guid == b.guid
    assert a.guid.startswith("sw:")
    assert moved[1].guid == a.guid
    assert moved[0].guid == "item-1"


def test_atom10_with_xml_base_html_titles_and_sanitised_content() -> None:
    feed = parse_feed(ATOM10, "https://blog.example/atom")
    assert feed.format == "atom10"
    assert feed.title == "Le Blog"
    assert feed.link == "https://blog.example/"
    assert feed.hubs == ("https://pubsub.example/",)
    (entry,) = feed.entries
    assert entry.title == "A bold title"
    assert entry.url == "https://blog.example/sub/posts/first.html"
    assert entry.enclosures[0].url == "https://blog.example/sub/posts/photo.jpg"
    assert entry.published == datetime(2020, 1, 2, 1, 4, 5, tzinfo=UTC)
    assert entry.updated == datetime(2020, 1, 3, tzinfo=UTC)
    assert entry.authors == ("Ann Author", "Bob Author")
    assert entry.categories == ("politics",)
    assert entry.language == "fr"
    assert "<script" not in entry.content_html
    assert "Long" in entry.content_html


def test_rdf_rss091_and_atom03() -> None:
    rdf = parse_feed(RDF, "https://rdf.example/rss")
    assert rdf.format == "rss10"
    assert rdf.ttl_seconds == 1800  # hourly, twice
    assert rdf.entries[0].url == "https://rdf.example/1"
    old = parse_feed(RSS091, "http://old.example/rss")
    assert old.format.startswith("rss091")
    assert old.entries[0].title == "Item"
    atom03 = parse_feed(ATOM03, "http://a.example/atom")
    assert atom03.format == "atom03"
    assert atom03.entries[0].published == datetime(2004, 1, 1, 10, tzinfo=UTC)


@pytest.mark.parametrize("version", ["1", "1.1"])
def test_json_feed(version: str) -> None:
    doc = {
        "version": f"https://jsonfeed.org/version/{version}",
        "title": "JSON <b>news</b>",
        "home_page_url": "https://j.example/",
        "feed_url": "https://j.example/feed.json",
        "language": "en",
        "hubs": [{"type": "WebSub", "url": "https://hub.example/"}],
        "items": [
            {
                "id": 42,
                "url": "/posts/42",
                "title": "Hello",
                "content_html": "<p>Hi <script>x()</script></p>",
                "summary": "Hi",
                "date_published": "2020-02-03T04:05:06-01:00",
                "tags": ["a", "b"],
                "authors": [{"name": "Jo"}],
                "author": {"name": "Old Style"},
                "attachments": [{"url": "a.mp3", "mime_type": "audio/mpeg", "size_in_bytes": 9}],
            },
            {"content_text": "Text only\n\nSecond paragraph", "url": "https://j.example/t"},
            "not an item",
        ],
    }
    feed = parse_feed(json.dumps(doc).encode(), "https://j.example/feed.json")
    assert feed.format == ("json10" if version == "1" else "json11")
    assert feed.title == "JSON news"
    assert feed.hubs == ("https://hub.example/",)
    first, second = feed.entries
    assert first.guid == "42"
    assert first.url == "https://j.example/posts/42"
    assert first.published == datetime(2020, 2, 3, 5, 5, 6, tzinfo=UTC)
    assert "<script" not in first.content_html
    assert first.categories == ("a", "b")
    assert first.authors == ("Old Style", "Jo")
    assert first.enclosures[0].url == "https://j.example/a.mp3"
    assert first.enclosures[0].length == 9
    assert second.guid.startswith("sw:")
    assert second.content_html == "<p>Text only</p><p>Second paragraph</p>"
    assert feed.malformed
    assert "not objects" in (feed.malformed_reason or "")


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (b"", "empty"),
        (b"   \n ", "empty"),
        (b"<!DOCTYPE html><html><head><title>Site</title></head><body>x</body></html>", "HTML"),
        (b'{"hello": "world"}', "not a JSON Feed"),
        (b"{not json", "does not parse"),
        (b"[1, 2]", "not a feed"),
        (bytes(range(256)) * 10, "not"),
        (b"<?xml version='1.0'?><note><to>x</to></note>", "not RSS"),
    ],
)
def test_non_feeds_raise_feed_error_with_a_reason(data: bytes, words: str) -> None:
    with pytest.raises(FeedError, match=words):
        parse_feed(data, "https://x.example/")


def test_broken_xml_is_read_and_flagged() -> None:
    broken = b"<rss version='2.0'><channel><title>T</title><item><title>A & B</title></item>"
    feed = parse_feed(broken, "https://x.example/")
    assert feed.malformed
    assert feed.malformed_reason
    assert feed.entries[0].title == "A & B"


def test_wrong_declared_charset_is_handled() -> None:
    # declared UTF-8, actually Latin-1: é is the single byte 0xE9
    doc = "<?xml version='1.0' encoding='utf-8'?><rss version='2.0'><channel>"
    doc += "<title>Caf\xe9</title><item><title>R\xe9sum\xe9</title></item></channel></rss>"
    feed = parse_feed(doc.encode("latin-1"), "https://x.example/")
    assert feed.malformed
    assert feed.entries[0].title in ("Résumé", "R\ufffdsum\ufffd")
    # and the HTTP charset wins over a missing declaration
    plain = "<rss version='2.0'><channel><title>Caf\xe9</title></channel></rss>"
    by_header = parse_feed(
        plain.encode("latin-1"),
        "https://x.example/",
        headers={"Content-Type": "application/rss+xml; charset=iso-8859-1"},
    )
    assert by_header.title == "Café"
    assert not by_header.malformed


def test_utf16_with_bom() -> None:
    doc = "<?xml version='1.0' encoding='utf-16'?><rss version='2.0'><channel><title>Ünï</title>"
    doc += "</channel></rss>"
    assert parse_feed(doc.encode("utf-16"), "https://x.example/").title == "Ünï"


BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE rss [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<rss version="2.0"><channel><title>&lol9;</title><item><title>ok</title></item></channel></rss>"""


def _bounded(data: bytes) -> tuple[float, float, object]:
    tracemalloc.start()
    started = time.perf_counter()
    try:
        result: object = parse_feed(data, "https://x.example/")
    except FeedError as exc:
        result = exc
    took = time.perf_counter() - started
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return took, peak, result


def test_billion_laughs_is_not_expanded() -> None:
    took, peak, feed = _bounded(BILLION_LAUGHS)
    assert took < 2
    assert peak < 50_000_000
    assert not isinstance(feed, FeedError)
    assert feed.malformed  # type: ignore[attr-defined]
    assert "lol" in (feed.malformed_reason or "")  # type: ignore[attr-defined]
    assert len(feed.title) < 100  # type: ignore[attr-defined]


def test_quadratic_blowup_is_not_expanded() -> None:
    big = b"x" * 50_000
    doc = (
        b'<?xml version="1.0"?>\n<!DOCTYPE rss [\n<!ENTITY a "' + big + b'">\n]>\n'
        b'<rss version="2.0"><channel><title>t</title><item><title>i</title><description>'
        + b"&a;" * 20_000
        + b"</description></item></channel></rss>"
    )
    took, peak, feed = _bounded(doc)
    assert took < 5
    assert peak < 200_000_000
    assert not isinstance(feed, FeedError)
    assert "50,000 characters" in (feed.malformed_reason or "")  # type: ignore[attr-defined]


def test_external_entities_are_never_read(tmp_path: object) -> None:
    doc = b"""<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<rss version="2.0"><channel><title>&xxe;</title><item><title>x</title></item></channel></rss>"""
    feed = parse_feed(doc, "https://x.example/")
    assert "root:" not in feed.title
    assert feed.malformed
    assert "external entity xxe" in (feed.malformed_reason or "")


def test_harmless_entities_still_work() -> None:
    doc = b"""<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY copy "&#169;"><!ENTITY org "Example Org">]>
<rss version="2.0"><channel><title>&org; &copy;</title></channel></rss>"""
    feed = parse_feed(doc, "https://x.example/")
    assert feed.title == "Example Org ©"
    assert not feed.malformed


def test_entry_to_incoming_asks_for_the_page_only_for_teasers() -> None:
    feed = parse_feed(RSS20, "https://news.example/feed.xml")
    teaser = entry_to_incoming(feed.entries[0], feed)
    assert teaser.needs_page
    assert teaser.html.startswith("<p>The full story")
    assert teaser.summary == "A short teaser."
    assert teaser.author == "Jane Reporter"
    assert teaser.language == "en-gb"
    assert teaser.categories == ("World", "Iraq")
    long_text = "<p>" + "A sentence of the article. " * 60 + "</p>"
    doc = RSS20.replace(b"A short teaser.", long_text.encode()).replace(
        b'<content:encoded><![CDATA[<p>The full story <a href="/more">more</a></p>]]>'
        b"</content:encoded>",
        b"",
    )
    full_feed = parse_feed(doc, "https://news.example/feed.xml")
    full = entry_to_incoming(full_feed.entries[0], full_feed)
    assert not full.needs_page
    assert "A sentence of the article." in full.html
