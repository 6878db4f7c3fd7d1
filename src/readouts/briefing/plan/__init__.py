"""Planning the brief: :func:`brief` and the :class:`Planner` it runs.

The planner is split by the parts of the note: :mod:`._base` (sides, names, quoting,
sentences), :mod:`.meeting`, :mod:`.accounts`, :mod:`.common`, :mod:`.omissions`,
:mod:`.tone` and :mod:`.verdict`, put together in :mod:`.planner`.
"""

from .planner import Planner, brief

__all__ = ["Planner", "brief"]
