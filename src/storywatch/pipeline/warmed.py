"""Imported by the process stage's fork server, so that its workers start warm.

trafilatura builds justext's stop-word lists for every language on the first page whose
text comes out short (0.2–0.5 s of CPU; see :func:`storywatch.extract.warm_up`). The fork
server imports its ``preload`` modules once and every worker is forked from it, so doing
that set-up here, as this module's only effect, costs it once per deployment instead of
once per worker, and never on an article's clock. No other module imports this one.
"""

from __future__ import annotations

from storywatch.extract import warm_up

warm_up()
