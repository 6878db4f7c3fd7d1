"""readouts: compare the accounts each side publishes of one diplomatic meeting.

>>> import readouts
>>> result = readouts.compare("nato.txt", "china.txt")      # doctest: +SKIP
>>> result.score.value, result.score.verdict                 # doctest: +SKIP

The library does the work; the ``readouts`` command, the web app and the batch
runner are thin layers over these functions.
"""

from .briefing import Brief, brief
from .comparison import compare
from .corpus.export import export_events
from .drifts import drift
from .errors import (
    ConfigError,
    InputError,
    LanguageError,
    LexiconError,
    ModelUnavailable,
    ReadoutsError,
    StorageError,
)
from .evaluation import evaluate
from .ingest import account_from_text, read_account
from .lexicon import default_lexicon, load_lexicon
from .model import (
    Account,
    Alignment,
    Claim,
    Comparison,
    Reading,
    Relation,
    Score,
    Sentence,
    Speaker,
)
from .multi import compare_sides
from .reading import read
from .report import render

__all__ = [
    "Account",
    "Alignment",
    "Brief",
    "Claim",
    "Comparison",
    "ConfigError",
    "InputError",
    "LanguageError",
    "LexiconError",
    "ModelUnavailable",
    "Reading",
    "ReadoutsError",
    "Relation",
    "Score",
    "Sentence",
    "Speaker",
    "StorageError",
    "account_from_text",
    "brief",
    "compare",
    "compare_sides",
    "default_lexicon",
    "drift",
    "evaluate",
    "export_events",
    "load_lexicon",
    "read",
    "read_account",
    "render",
]

__version__ = "0.1.0"
