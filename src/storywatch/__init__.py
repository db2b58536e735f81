"""Storywatch: real-time updates for the stories, people and topics you follow.

The public Python API is what ``__all__`` lists; everything else may change without notice.
"""

from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["__version__"]
