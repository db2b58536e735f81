"""Tests of storywatch.match and the preview."""
