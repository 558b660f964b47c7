"""Charts and the Gaza map of the report, drawn on the server as inline SVG: the report is one
self-contained file that prints the same in any browser and fetches nothing.

Each drawing is data; `svg(digits)` draws it with numbers in the reader's digit style. Time runs
left to right in both languages, as on the site's charts.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from math import cos, radians
from typing import Any

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from marsad.access.vocabulary import STATE_COLOURS
from marsad.geo.governorates import governorate_geometries

Digits = Callable[[Any], str]
WIDTH, HEIGHT = 640, 220
LEFT, RIGHT, TOP, BOTTOM = 44, 12, 12, 28
PALETTE = ("#1f5f8b", "#c0504d", "#e0a526", "#6b8e23", "#7b4f9d", "#20c997", "#8c564b")


def _days(start: date, end: date) -> list[date]:
    return [start + timedelta(days=i) for i in range((end - start).days + 1)]


def _svg(title: str, body: list[str], height: int = HEIGHT, width: int = WIDTH) -> SafeString:
    return mark_safe(  # noqa: S308 - every text inside is escaped
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'class="sitrep-chart" role="img" aria-label="{escape(title)}" direction="ltr">'
        f"<title>{escape(title)}</title>{''.join(body)}</svg>"
    )


def _legend(entries: Sequence[tuple[str, str]], y: int) -> tuple[list[str], int]:
    """Colour swatches with labels under the plot, wrapped; the height they take."""
    parts, x, row = [], LEFT, 0
    for colour, label in entries:
        width = 24 + 7 * len(label)
        if x + width > WIDTH and x > LEFT:
            x, row = LEFT, row + 1
        top = y + row * 16
        parts.append(f'<rect x="{x}" y="{top}" width="10" height="10" fill="{colour}"/>')
        parts.append(f'<text x="{x + 14}" y="{top + 9}" class="legend">{escape(label)}</text>')
        x += width
    return parts, (row + 1) * 16 + 4


class _Frame:
    """The plot area: days along x, values along y, axes with a few labelled ticks."""

    def __init__(self, start: date, end: date, top_value: float) -> None:
        self.days = _days(start, end)
        self.top = max(top_value, 1.0)
        self.plot_w = WIDTH - LEFT - RIGHT
        self.plot_h = HEIGHT - TOP - BOTTOM

    def x(self, day: date) -> float:
        span = max(len(self.days) - 1, 1)
        return LEFT + self.plot_w * (day - self.days[0]).days / span

    def y(self, value: float) -> float:
        return TOP + self.plot_h * (1 - value / self.top)

    def slot(self) -> float:
        return self.plot_w / max(len(self.days), 1)

    def axes(self, digits: Digits) -> list[str]:
        parts = [
            f'<line x1="{LEFT}" y1="{TOP + self.plot_h}" x2="{WIDTH - RIGHT}" '
            f'y2="{TOP + self.plot_h}" class="axis"/>',
            f'<line x1="{LEFT}" y1="{TOP}" x2="{LEFT}" y2="{TOP + self.plot_h}" class="axis"/>',
        ]
        for fraction in (0, 0.5, 1):
            value = round(self.top * fraction)
            y = self.y(value)
            parts.append(
                f'<text x="{LEFT - 4}" y="{y + 4:.1f}" text-anchor="end" class="tick">'
                f"{escape(digits(value))}</text>"
            )
            parts.append(
                f'<line x1="{LEFT}" y1="{y:.1f}" x2="{WIDTH - RIGHT}" y2="{y:.1f}" class="grid"/>'
            )
        step = max(len(self.days) // 6, 1)
        for day in self.days[::step]:
            parts.append(
                f'<text x="{self.x(day):.1f}" y="{HEIGHT - 10}" text-anchor="middle" '
                f'class="tick">{escape(digits(day.strftime("%d/%m")))}</text>'
            )
        return parts


@dataclass
class Line:
    label: str
    points: list[tuple[date, int]]


@dataclass
class Band:
    """A shaded span of days (a ceasefire phase)."""

    label: str
    start: date
    end: date


@dataclass
class LineChart:
    title: str
    start: date
    end: date
    lines: list[Line]
    bands: list[Band] = field(default_factory=list)

    def svg(self, digits: Digits) -> SafeString:
        top = max((v for line in self.lines for _d, v in line.points), default=0)
        frame = _Frame(self.start, self.end, top)
        body: list[str] = []
        for index, band in enumerate(self.bands):
            x1, x2 = frame.x(band.start), frame.x(band.end)
            body.append(
                f'<rect x="{x1:.1f}" y="{TOP}" width="{max(x2 - x1, 2):.1f}" '
                f'height="{frame.plot_h}" class="band band-{index % 2}"/>'
                f'<text x="{x1 + 3:.1f}" y="{TOP + 11}" class="band-label">'
                f"{escape(band.label)}</text>"
            )
        body += frame.axes(digits)
        entries = []
        for index, line in enumerate(self.lines):
            colour = PALETTE[index % len(PALETTE)]
            entries.append((colour, line.label))
            if line.points:
                path = " ".join(f"{frame.x(d):.1f},{frame.y(v):.1f}" for d, v in line.points)
                body.append(
                    f'<polyline points="{path}" fill="none" stroke="{colour}" stroke-width="1.6"/>'
                )
        legend, extra = _legend(entries, HEIGHT + 2)
        return _svg(self.title, body + legend, HEIGHT + extra)


@dataclass
class BarChart:
    """Stacked bars per day, one colour per series (a crossing), with a target line."""

    title: str
    start: date
    end: date
    series: dict[str, list[tuple[date, int]]]
    target: int | None = None

    def svg(self, digits: Digits) -> SafeString:
        totals: dict[date, int] = {}
        for points in self.series.values():
            for day, value in points:
                totals[day] = totals.get(day, 0) + value
        top = max([*totals.values(), self.target or 0, 1])
        frame = _Frame(self.start, self.end, top * 1.05)
        body = frame.axes(digits)
        base: dict[date, int] = {}
        entries = []
        width = max(frame.slot() * 0.7, 1)
        for index, (name, points) in enumerate(self.series.items()):
            colour = PALETTE[index % len(PALETTE)]
            entries.append((colour, name))
            for day, value in points:
                if not value or not (self.start <= day <= self.end):
                    continue
                below = base.get(day, 0)
                y_top, y_bottom = frame.y(below + value), frame.y(below)
                body.append(
                    f'<rect x="{frame.x(day) - width / 2:.1f}" y="{y_top:.1f}" '
                    f'width="{width:.1f}" height="{y_bottom - y_top:.1f}" fill="{colour}"/>'
                )
                base[day] = below + value
        if self.target:
            y = frame.y(self.target)
            body.append(
                f'<line x1="{LEFT}" y1="{y:.1f}" x2="{WIDTH - RIGHT}" y2="{y:.1f}" class="target"/>'
            )
        legend, extra = _legend(entries, HEIGHT + 2)
        return _svg(self.title, body + legend, HEIGHT + extra)


@dataclass
class StatusStrip:
    """One row per crossing, one cell per day, coloured by its status."""

    title: str
    start: date
    end: date
    rows: list[tuple[str, list[tuple[date, str]]]]
    labels: dict[str, str]

    def svg(self, digits: Digits) -> SafeString:
        name_w, row_h = 150, 18
        days = _days(self.start, self.end)
        cell = (WIDTH - name_w - RIGHT) / max(len(days), 1)
        body = []
        for r, (name, states) in enumerate(self.rows):
            y = TOP + r * row_h
            body.append(
                f'<text x="{name_w - 6}" y="{y + 12}" text-anchor="end" class="tick">'
                f"{escape(name[:28])}</text>"
            )
            for day, state in states:
                x = name_w + (day - self.start).days * cell
                colour = STATE_COLOURS.get(state, STATE_COLOURS["unknown"])
                body.append(
                    f'<rect x="{x:.1f}" y="{y}" width="{cell + 0.3:.1f}" height="{row_h - 3}" '
                    f'fill="{colour}"/>'
                )
        bottom = TOP + len(self.rows) * row_h
        for day in days[:: max(len(days) // 6, 1)]:
            x = name_w + (day - self.start).days * cell
            body.append(
                f'<text x="{x:.1f}" y="{bottom + 12}" class="tick">'
                f"{escape(digits(day.strftime('%d/%m')))}</text>"
            )
        used = [s for s in STATE_COLOURS if any(st == s for _n, row in self.rows for _d, st in row)]
        legend, extra = _legend(
            [(STATE_COLOURS[s], self.labels.get(s, s)) for s in used], bottom + 20
        )
        return _svg(self.title, body + legend, bottom + 20 + extra)


def _rings(geometry: dict[str, Any]) -> list[list[list[float]]]:
    if geometry["type"] == "Polygon":
        return list(geometry["coordinates"])
    return [ring for polygon in geometry["coordinates"] for ring in polygon]


@dataclass
class GazaMap:
    """The governorates shaded by a count, with points (incidents, crossings by status)."""

    title: str
    counts: dict[str, int]
    points: list[tuple[float, float, str]]
    names: dict[str, str]

    def svg(self, digits: Digits) -> SafeString:
        shapes = governorate_geometries()
        lons = [p[0] for g in shapes.values() for ring in _rings(g) for p in ring]
        lats = [p[1] for g in shapes.values() for ring in _rings(g) for p in ring]
        # Crossings lie just outside the Strip: widen the frame to hold them.
        lons += [lon for _lat, lon, _k in self.points]
        lats += [lat for lat, _lon, _k in self.points]
        west, east, south, north = min(lons), max(lons), min(lats), max(lats)
        squeeze = cos(radians((north + south) / 2))
        width, margin = 360, 14
        scale = (width - 2 * margin) / ((east - west) * squeeze)
        height = int((north - south) * scale + 2 * margin)

        def xy(lon: float, lat: float) -> tuple[float, float]:
            return margin + (lon - west) * squeeze * scale, margin + (north - lat) * scale

        top = max(self.counts.values(), default=0) or 1
        body = []
        for pcode, geometry in sorted(shapes.items()):
            n = self.counts.get(pcode, 0)
            shade = 0.08 + 0.7 * n / top
            for ring in _rings(geometry):
                path = " ".join(f"{x:.1f},{y:.1f}" for x, y in (xy(*p[:2]) for p in ring))
                body.append(
                    f'<polygon points="{path}" class="governorate" fill="#c0504d" '
                    f'fill-opacity="{shade:.2f}"><title>{escape(self.names.get(pcode, pcode))}: '
                    f"{escape(digits(n))}</title></polygon>"
                )
        for pcode, geometry in sorted(shapes.items()):
            ring = _rings(geometry)[0]
            cx = sum(xy(*p[:2])[0] for p in ring) / len(ring)
            cy = sum(xy(*p[:2])[1] for p in ring) / len(ring)
            label = f"{self.names.get(pcode, pcode)} ({digits(self.counts.get(pcode, 0))})"
            body.append(
                f'<text x="{cx:.1f}" y="{cy:.1f}" text-anchor="middle" class="map-label">'
                f"{escape(label)}</text>"
            )
        for lat, lon, kind in self.points:
            x, y = xy(lon, lat)
            if kind == "incident":
                body.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3.5" class="incident"/>')
            else:
                colour = STATE_COLOURS.get(kind or "unknown", STATE_COLOURS["unknown"])
                body.append(
                    f'<rect x="{x - 4:.1f}" y="{y - 4:.1f}" width="8" height="8" '
                    f'fill="{colour}" class="crossing"/>'
                )
        return _svg(self.title, body, height, width)
