"""The rewrite ``eval_quotes.py --marks single`` reads documents in (bench/quote_styles.py):
copy that quotes with double marks, written one character for one in single-mark style."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

_PATH = Path(__file__).parents[2] / "bench" / "quote_styles.py"


def _module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("quote_styles_under_test", _PATH)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


Q = _module()


@pytest.mark.parametrize(
    ("text", "single"),
    [
        # the quotation's own marks
        ("“We will pay,” Okafor said.", "‘We will pay,’ Okafor said."),
        ('"We will pay," Okafor said.', "'We will pay,' Okafor said."),
        # a quotation within the quotation takes double marks
        (
            "“We won’t pay for ‘their’ mistakes,” Okafor said.",
            "‘We won’t pay for “their” mistakes,’ Okafor said.",
        ),
        (
            "\"They told me, 'Pay up,' and I said no,\" Okafor said.",
            "'They told me, \"Pay up,\" and I said no,' Okafor said.",
        ),
        # apostrophes stay, a plural possessive too, inside the quotation within
        (
            "“Okafor’s crews said ‘the voters’ say counts’ on Friday,” she said.",
            "‘Okafor’s crews said “the voters’ say counts” on Friday,’ she said.",
        ),
        # elisions at a word start open nothing
        (
            "“Lock ’em up, it’s the ’90s again,” the crowd sang.",
            "‘Lock ’em up, it’s the ’90s again,’ the crowd sang.",
        ),
        # single marks outside any double-mark quotation are already single-mark style
        (
            "Okafor calls levy 'a disgrace'\n\n“It must go,” she said.",
            "Okafor calls levy 'a disgrace'\n\n‘It must go,’ she said.",
        ),
        # a quotation over two paragraphs, the first left open
        (
            "“We will pay.\n\n“And ‘they’ will too,” she said.",
            "‘We will pay.\n\n‘And “they” will too,’ she said.",
        ),
        # a quotation within that never closes opened with a mark all the same; a year did not
        (
            "“They told me ‘pay up, and I said no,” Okafor said.",
            "‘They told me “pay up, and I said no,’ Okafor said.",
        ),
        (
            "“We lost them in ‘19 and will have them in ‘26,” Okafor said.",
            "‘We lost them in ‘19 and will have them in ‘26,’ Okafor said.",
        ),
        # markup keeps its own marks
        (
            '<embed alt="harbour">\n\n“It must go,” she said.',
            '<embed alt="harbour">\n\n‘It must go,’ she said.',
        ),
    ],
)
def test_double_mark_copy_in_single_marks(text: str, single: str) -> None:
    assert Q.as_single_marks(text) == single
    assert len(single) == len(text)


def test_copy_quoting_with_doubled_singles_is_left_as_it_is() -> None:
    text = "''We will pay for 'their' mistakes,'' Mr. Okafor said."
    assert Q.quotes_with_doubled_singles(text)
    assert Q.as_single_marks(text) == text


def test_empty_markup_attributes_are_no_doubled_singles() -> None:
    text = "<embed alt='' src='harbour.png'>\n\n“It must go,” she said."
    assert not Q.quotes_with_doubled_singles(text)
    assert Q.as_single_marks(text).endswith("‘It must go,’ she said.")
