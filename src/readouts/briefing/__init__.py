"""Brief: an analyst's note on one meeting, every sentence grounded in the accounts' words.

``brief(comparison, lang="en")`` turns a :class:`~readouts.model.Comparison` into a
:class:`Brief`: a headline and a line on what is compared, then the meeting (who met
whom, when, how, at whose request), what each side's account says in its own quoted
words, what both report, where they clash, what each leaves out of the other's account,
the tone words each side chose, and the verdict with its score. A short call gets one
paragraph; a longer meeting gets a paragraph under each heading, and more quotations.

The note is planned from the comparison's structured result and phrased from the
templates in ``data/brief_phrases.tsv``; no language model, no network, and the same
comparison always gives the same note. An account is quoted in its own language whatever
the language of the note; where the note and the quotation differ in language, the
sentence names the speech act and the issues (from the lexicons) so that the reader
knows what the quotation is about. Every sentence carries the spans it rests on, and
:func:`verify_brief` checks them; ``docs/brief.md`` describes the JSON form.

The package, one module per stage:

* :mod:`.model`: the dataclasses (:class:`Quote`, :class:`Ref`, :class:`BriefSentence`,
  :class:`Section`, :class:`Brief`);
* :mod:`.phrases`: the phrasebook, from the packaged TSV files;
* :mod:`.classify`: what a claim presses on the other side, which tone words describe the
  talks;
* :mod:`.plan`: the planner, split by the parts of the note;
* :mod:`.verify`: the checks of every quotation and reference;
* :mod:`.render`: Markdown, HTML and JSON;
* :mod:`.versions`: a side's own version in the note's language, and gists where it has
  none;
* :mod:`.zh`: Chinese numbers, dates, lists, headings and reporting verbs.
"""

from .classify import PRESSED, claim_class, talk_hits
from .model import BRIEF_SCHEMA_VERSION, QUOTE_MARKS, Brief, BriefSentence, Quote, Ref, Section
from .phrases import LANGS, Phrasebook, phrasebook
from .plan import brief
from .render import BRIEF_FORMATS, render_brief
from .verify import check_brief, verify_brief
from .versions import SideVersion, gist, side_version

__all__ = [
    "BRIEF_FORMATS",
    "BRIEF_SCHEMA_VERSION",
    "LANGS",
    "PRESSED",
    "QUOTE_MARKS",
    "Brief",
    "BriefSentence",
    "Phrasebook",
    "Quote",
    "Ref",
    "Section",
    "SideVersion",
    "brief",
    "check_brief",
    "claim_class",
    "gist",
    "phrasebook",
    "render_brief",
    "side_version",
    "talk_hits",
    "verify_brief",
]
