"""Plots as PNG files: the topics each side raised, and convergence over time.

``topic_coverage_png(comparison, path)`` draws, for every topic either account raises,
how many claims of each side are on it: the first side's bars to the left, the
second's (hatched) to the right, topics raised by both first and in bold.
``convergence_png(rows, path)`` draws meeting-of-minds scores over time from
``(date, score)`` rows, over the score's bands (for the corpus trend command).

Both use matplotlib's Agg canvas directly (no pyplot, no global state, no display), so
they are safe in threads and on servers. Sides are told apart by hatching as well as
colour (Okabe-Ito blue and orange), so the charts read in greyscale.
"""

from __future__ import annotations

import io
import warnings
from collections.abc import Iterable
from datetime import date, datetime
from itertools import pairwise
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import ConfigError, EmptyInputError, InputError
from .files import check_writable, write_atomic
from .lexicon import Lexicon, default_lexicon
from .model import Comparison
from .score import BANDS as SCORE_BANDS
from .wording import count

if TYPE_CHECKING:
    from matplotlib.figure import Figure

__all__ = ["check_plot", "convergence_png", "topic_coverage_png"]

SIDE_COLOURS = ("#0072B2", "#E69F00")
SIDE_HATCHES = ("", "///")
#: Score bands as drawn behind the convergence line: (lower, upper, name); the top band
#: ("full") has its label only.
_LOWERS = sorted((lower, name) for lower, name, _ in SCORE_BANDS)
BANDS = tuple((lo, hi, name) for (lo, name), (hi, _) in pairwise(_LOWERS))
_FONTS = ["DejaVu Sans", "Noto Sans CJK SC", "Noto Sans CJK JP", "WenQuanYi Zen Hei"]


def _need_matplotlib() -> None:
    """Refuse clearly, before any drawing, when matplotlib is not installed."""
    try:
        import matplotlib  # noqa: F401
    except ImportError:
        raise ConfigError("plots need matplotlib: pip install 'readouts[plot]'") from None


def check_plot(path: str | Path) -> None:
    """Refuse before the work what would stop a plot afterwards: matplotlib missing
    (exit 5), a destination that cannot be written (exit 9)."""
    _need_matplotlib()
    check_writable(path)


def _figure(width: float, height: float) -> Figure:
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    fig = Figure(figsize=(width, height), dpi=100)
    FigureCanvasAgg(fig)
    return fig


def _save(fig: Figure, path: str | Path) -> Path:
    out = Path(path)
    png = io.BytesIO()
    with warnings.catch_warnings():
        # a name in a script the installed fonts lack is drawn as boxes, not an error
        warnings.filterwarnings("ignore", message=r"Glyph \d+ .*missing from font")
        fig.savefig(png, format="png", metadata={"Software": None})
    write_atomic(out, png.getvalue())  # whole or not at all
    return out


def _rc() -> dict[Any, Any]:
    from matplotlib import font_manager

    installed = {f.name for f in font_manager.fontManager.ttflist}
    return {
        "font.family": [f for f in _FONTS if f in installed] or ["sans-serif"],
        "hatch.linewidth": 1.2,
    }


def topic_coverage_png(
    comparison: Comparison, path: str | Path, *, lexicon: Lexicon | None = None
) -> Path:
    """Draw the topics each side raised (claims per topic) to a PNG file at ``path``."""
    _need_matplotlib()
    from matplotlib import rc_context

    from .report.html import side_names, topic_rows

    lexicon = lexicon or default_lexicon()
    names = side_names(comparison, lexicon)
    rows = topic_rows(comparison)
    with rc_context(_rc()):
        height = max(2.4, 0.9 + 0.28 * len(rows))
        fig = _figure(8.5, height)
        ax = fig.add_subplot(1, 1, 1)
        if not rows:
            ax.axis("off")
            ax.text(0.5, 0.5, "No topics found", ha="center", va="center", fontsize=12)
        else:
            labels = []
            for topic, _, _ in rows:
                entry = lexicon.topics.get(topic)
                label = entry.label_en if entry else topic
                labels.append(label if len(label) <= 44 else label[:43] + "…")
            ys = list(range(len(rows)))[::-1]
            left = [-a for _, a, _ in rows]
            right = [b for _, _, b in rows]
            for side, values in ((0, left), (1, right)):
                ax.barh(
                    ys,
                    values,
                    color=SIDE_COLOURS[side] if side == 0 else "#FBE3B0",
                    edgecolor=SIDE_COLOURS[side] if side == 1 else "none",
                    hatch=SIDE_HATCHES[side] or None,
                    height=0.7,
                    label=names[side],
                )
            most = max(max(-v for v in left), max(right), 1)
            ax.set_xlim(-most * 1.15, most * 1.15)
            ax.axvline(0, color="#1b1b1b", linewidth=0.8)
            ax.set_yticks(ys, labels)
            for tick, (_, a, b) in zip(ax.get_yticklabels(), rows, strict=True):
                if a and b:
                    tick.set_fontweight("bold")
            ticks = [t for t in ax.get_xticks() if abs(t) <= most and float(t).is_integer()]
            ax.set_xticks(ticks, [str(abs(int(t))) for t in ticks])
            ax.set_xlabel(f"claims on the topic   ← {names[0]}  |  {names[1]} →")
            ax.legend(loc="lower right", fontsize=8, frameon=False)
            ax.spines[["top", "right"]].set_visible(False)
        ax.set_title(f"Topics raised: {names[0]} and {names[1]} (bold: both)", fontsize=11)
        fig.tight_layout()
        return _save(fig, path)


def _as_date(value: Any) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value).strip()[:10])
    except ValueError:
        raise InputError(f"not an ISO date: {value!r}", stage="plot") from None


def convergence_png(
    rows: Iterable[tuple[date | datetime | str, float | str | None]],
    path: str | Path,
    *,
    title: str = "Meeting of minds over time",
) -> Path:
    """Draw ``(date, score)`` rows (scores 0-100) as a line over the score bands.

    Dates are ``date``/``datetime`` objects or ISO strings; a row whose score is
    ``None`` (a meeting with only one side's account) is left out.
    """
    _need_matplotlib()
    from matplotlib import rc_context
    from matplotlib.dates import AutoDateLocator, ConciseDateFormatter, date2num

    points = sorted((_as_date(d), float(s)) for d, s in rows if s is not None)
    if not points:
        raise EmptyInputError("no (date, score) rows to plot", stage="plot")
    with rc_context(_rc()):
        fig = _figure(8.5, 3.6)
        ax = fig.add_subplot(1, 1, 1)
        for k, (lo, hi, name) in enumerate(BANDS):
            ax.axhspan(lo, hi, color="#000000", alpha=0.03 + 0.025 * (k % 2), linewidth=0)
            ax.text(1.005, (lo + hi) / 2, name, transform=ax.get_yaxis_transform(), va="center")
        ax.text(1.005, 87, "full", transform=ax.get_yaxis_transform(), va="center")
        xs = date2num([p[0] for p in points])
        ys = [p[1] for p in points]
        ax.plot(xs, ys, color=SIDE_COLOURS[0], marker="o", linewidth=1.5, markersize=4)
        ax.set_ylim(0, 100)
        ax.set_ylabel("score (0-100)")
        locator = AutoDateLocator()
        ax.xaxis.set_major_locator(locator)
        ax.xaxis.set_major_formatter(ConciseDateFormatter(locator))
        ax.spines[["top", "right"]].set_visible(False)
        ax.set_title(f"{title} ({count(len(points), 'meeting')})", fontsize=11)
        fig.tight_layout()
        return _save(fig, path)
