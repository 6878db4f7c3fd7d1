"""Facts: what an account says about the meeting itself.

``extract_facts`` reads who met whom, when, how, where and at whose request, each value
with its span in the account's text; ``fact_differences`` lists where two accounts'
facts disagree. One module per part:

* :mod:`.extract`: the stage, ``extract_facts`` (and ``principals``, ``counterparts``);
* :mod:`.names`, :mod:`.names_zh`: the meeting sentence and the people it names, in
  English and in Chinese, with the word lists of :mod:`.words`;
* :mod:`.dates`: dates, absolute and relative, resolved against the account's date;
* :mod:`.format`: the format (video, phone, sidelines, in person), place and event;
* :mod:`.request`: who asked for the meeting, or invited;
* :mod:`.differences`: ``fact_differences``.
"""

from .dates import find_dates
from .differences import fact_differences
from .extract import FORMATS, counterparts, extract_facts, principals

__all__ = [
    "FORMATS",
    "counterparts",
    "extract_facts",
    "fact_differences",
    "find_dates",
    "principals",
]
