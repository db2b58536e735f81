"""The app icon, drawn in code: a broadcast mark (a dot and two arcs) on a rounded square.

PNG is written by hand (zlib + CRC chunks) so no imaging library is needed; each size is
drawn once per process. ``maskable`` leaves the 20% safe-zone margin Android crops into.
"""

from __future__ import annotations

import math
import struct
import zlib
from functools import lru_cache

BACKGROUND = (24, 54, 104)
FOREGROUND = (255, 255, 255)
ACCENT = (255, 183, 3)


def _png(width: int, height: int, rows: list[bytes]) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data))
            + kind
            + data
            + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
        )

    raw = b"".join(b"\x00" + row for row in rows)
    header = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)  # 8-bit RGBA
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(raw, 9))
        + chunk(b"IEND", b"")
    )


def _shade(u: float, v: float, maskable: bool) -> tuple[int, int, int, int]:
    """The colour at a point of the unit square (0..1, y down)."""
    inset = 0.0 if maskable else 0.04
    radius = 0.0 if maskable else 0.2
    # rounded square background
    dx = max(abs(u - 0.5) - (0.5 - inset - radius), 0.0)
    dy = max(abs(v - 0.5) - (0.5 - inset - radius), 0.0)
    if (math.hypot(dx, dy) > radius and radius > 0) or (
        radius == 0 and (abs(u - 0.5) > 0.5 - inset or abs(v - 0.5) > 0.5 - inset)
    ):
        return (0, 0, 0, 0)
    scale = 0.6 if maskable else 0.78
    x = (u - 0.5) / scale + 0.5
    y = (v - 0.5) / scale + 0.5
    cx, cy = 0.3, 0.7  # the broadcasting point, lower left
    r = math.hypot(x - cx, y - cy)
    if r < 0.09:
        return (*ACCENT, 255)
    in_quadrant = x >= cx - 0.02 and y <= cy + 0.02
    if in_quadrant and (0.25 < r < 0.35 or 0.47 < r < 0.57):
        return (*FOREGROUND, 255)
    return (*BACKGROUND, 255)


@lru_cache(maxsize=8)
def icon_png(size: int, maskable: bool = False) -> bytes:
    """The icon as PNG bytes, 2×2 supersampled so the arcs are smooth."""
    rows: list[bytes] = []
    offsets = (0.25, 0.75)
    for py in range(size):
        row = bytearray()
        for px in range(size):
            acc = [0, 0, 0, 0]
            for oy in offsets:
                for ox in offsets:
                    c = _shade((px + ox) / size, (py + oy) / size, maskable)
                    acc[0] += c[0] * c[3]
                    acc[1] += c[1] * c[3]
                    acc[2] += c[2] * c[3]
                    acc[3] += c[3]
            alpha = acc[3]
            if alpha:
                row += bytes((acc[0] // alpha, acc[1] // alpha, acc[2] // alpha, alpha // 4))
            else:
                row += b"\x00\x00\x00\x00"
        rows.append(bytes(row))
    return _png(size, size, rows)


def icon_svg() -> str:
    """The same mark as SVG, for browsers that take vector icons."""
    bg = "#{:02x}{:02x}{:02x}".format(*BACKGROUND)
    fg = "#{:02x}{:02x}{:02x}".format(*FOREGROUND)
    accent = "#{:02x}{:02x}{:02x}".format(*ACCENT)
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100">'
        f'<rect x="4" y="4" width="92" height="92" rx="20" fill="{bg}"/>'
        f'<g transform="translate(50 50) scale(0.78) translate(-50 -50)">'
        f'<circle cx="30" cy="70" r="9" fill="{accent}"/>'
        f'<path d="M30 40 A30 30 0 0 1 60 70" stroke="{fg}" stroke-width="10" fill="none"/>'
        f'<path d="M30 18 A52 52 0 0 1 82 70" stroke="{fg}" stroke-width="10" fill="none"/>'
        "</g></svg>"
    )
