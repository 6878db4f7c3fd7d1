"""Extract: the text of a Markdown, HTML or PDF file, and a Markdown file's front matter.

Markdown (the White House corpus format): YAML front matter of a few flat fields
(``title``, ``date``, ``source_url``...) becomes metadata; markup and escapes are
dropped, wrapped lines joined, one paragraph per block. HTML: the main text through
trafilatura, falling back to every paragraph lxml finds, and to a flat reading of the
markup (no tree) when it is nested deeper than a parser's tree can go. PDF: the text
layer (pypdf), with pypdf's limits against decompression bombs; a PDF encrypted with
an empty password is opened, one with a real password refused.

Everything here is hostile-input safe: the front matter is refused with a one-line
:class:`~readouts.errors.FormatError` when it is large, nested, or uses YAML anchors
and aliases (a "billion laughs" needs them), and every pattern is bounded so the cost
stays linear in the size of the text.
"""

from __future__ import annotations

import bisect
import html as html_lib
import io
import logging
import re
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from html.parser import HTMLParser
from typing import Any

from .errors import EmptyInputError, FormatError, TooLargeError

__all__ = [
    "FRONT_MATTER_LIMIT",
    "clean_inline",
    "front_matter",
    "html_to_text",
    "join_lines",
    "markdown_to_text",
    "pdf_to_text",
]

#: The largest front matter read, in characters: a few "key: value" lines.
FRONT_MATTER_LIMIT = 16_384
#: The most text taken from a PDF's pages, in characters.
PDF_TEXT_LIMIT = 20_000_000

# --------------------------------------------------------------------------- front matter

_FRONT = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.S)


def _yaml_loader() -> Any:
    import yaml

    # libyaml's loader when PyYAML was built with it: the same result, several times faster
    return getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _check_flat(block: str, path: str | None) -> None:
    """Refuse anchors, aliases and nesting: each field a scalar or a list of scalars."""
    import yaml

    depth = 0
    for event in yaml.parse(block, Loader=_yaml_loader()):
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            raise FormatError(
                "the front matter uses YAML anchors or aliases (& and *); write each "
                "field out in full",
                path=path,
                stage="ingest",
            )
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            nested = depth > 2 or (depth == 2 and isinstance(event, yaml.MappingStartEvent))
            if nested:
                raise FormatError(
                    "the front matter is nested; each field must be a value or a list of values",
                    path=path,
                    stage="ingest",
                )
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1


def front_matter(text: str, path: str | None = None) -> tuple[dict[str, Any], str]:
    """(fields, body) of a Markdown text; ``({}, text)`` when it has no front matter."""
    if not text.startswith("---"):
        return {}, text
    m = _FRONT.match(text)
    if not m:
        return {}, text
    block = m.group(1)
    if len(block) > FRONT_MATTER_LIMIT:
        raise FormatError(
            f"the front matter is {len(block):,} characters; the limit is "
            f"{FRONT_MATTER_LIMIT:,} (a few 'key: value' lines)",
            path=path,
            stage="ingest",
        )
    import yaml

    try:
        _check_flat(block, path)
        meta = yaml.load(block, Loader=_yaml_loader()) or {}
    except yaml.YAMLError as exc:
        line = getattr(getattr(exc, "problem_mark", None), "line", None)
        where = f" (line {line + 2})" if line is not None else ""
        raise FormatError(
            f"the YAML front matter cannot be parsed{where}", path=path, stage="ingest"
        ) from None
    except (ValueError, TypeError, OverflowError) as exc:  # date: 2023-13-45
        raise FormatError(
            f"the front matter has a value that cannot be read ({exc})", path=path, stage="ingest"
        ) from None
    if not isinstance(meta, dict):
        raise FormatError(
            "the front matter is not a set of 'key: value' lines", path=path, stage="ingest"
        )
    return meta, text[m.end() :]


# --------------------------------------------------------------------------- Markdown

# every pattern is bounded: a bracket's text stops at the next bare bracket (an escaped
# one, "\[", may be inside), so no try scans past where the next one starts (linear)
_BRACKETED = r"((?:[^\[\]]|\\\[){%d,1000})"
_IMAGE = re.compile(r"!\[" + _BRACKETED % 0 + r"\]\([^()\n]{0,2000}\)")
_LINK = re.compile(r"\[" + _BRACKETED % 1 + r"\]\((?:[^()]|\([^()]{0,500}\)){0,2000}\)")
_REFLINK = re.compile(r"\[" + _BRACKETED % 1 + r"\]\[(?:[^\[\]]|\\\[){0,1000}\]")
_AUTOLINK = re.compile(r"<(?:https?|mailto):[^<>\s]{1,2000}>")
_TAG = re.compile(r"</?[A-Za-z][^<>]{0,2000}>")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|~<>\"'$&])")
#: The emphasis rule as a pattern (the reference for :func:`_strip_emphasis`, which
#: gives the same result in linear time: this pattern tries every opening marker up to
#: the end of the text, quadratic on a long line of markers that never close).
EMPHASIS = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1|(?<![\w*\\])\*(?=\S)([^*]+?)(?<=\S)\*(?!\w)")
_MARKER = re.compile(r"[*_]")
_STRONG = re.compile(r"(?=(\*\*|__))")


def _is_word(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


def _strip_emphasis(line: str) -> str:
    """``EMPHASIS.sub(text of the emphasis, line)``, in one pass over the markers.

    A strong opener (``**``/``__`` before a non-space) closes at the first same marker
    that follows a non-space character on its line; a single ``*`` (not after a word
    character, ``*`` or ``\\``, before a non-space) at the next ``*`` only, when that one
    follows a non-space and precedes no word character. Found by bisection in sorted
    lists of closers, never by scanning ahead from each opener."""
    n = len(line)
    stars = [m.start() for m in re.finditer(r"\*", line)]
    newlines = [m.start() for m in re.finditer(r"\n", line)]
    closers: dict[str, list[int]] = {"**": [], "__": []}
    for m in _STRONG.finditer(line):
        p = m.start()
        if p > 0 and not line[p - 1].isspace():
            closers[m.group(1)].append(p)
    out: list[str] = []
    pos = 0
    for m in _MARKER.finditer(line):
        i = m.start()
        if i < pos:
            continue
        mark = line[i : i + 2]
        if mark in closers and i + 2 < n and not line[i + 2].isspace():
            found = closers[mark]
            k = bisect.bisect_left(found, i + 3)
            if k < len(found):
                close = found[k]
                nl = bisect.bisect_left(newlines, i + 2)
                if nl == len(newlines) or newlines[nl] >= close:
                    out += [line[pos:i], line[i + 2 : close]]
                    pos = close + 2
                    continue
        if line[i] != "*" or (i > 0 and (_is_word(line[i - 1]) or line[i - 1] in "*\\")):
            continue
        if i + 1 >= n or line[i + 1].isspace():
            continue
        k = bisect.bisect_left(stars, i + 1)  # the text between holds no '*'
        if k == len(stars) or stars[k] < i + 2:
            continue
        close = stars[k]
        if line[close - 1].isspace() or (close + 1 < n and _is_word(line[close + 1])):
            continue
        out += [line[pos:i], line[i + 1 : close]]
        pos = close + 1
    out.append(line[pos:])
    return "".join(out)


_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+")
_BULLET = re.compile(r"^\s*(?:[-*+]|\d{1,3}[.)])\s+")
_END_MARK = re.compile(r"^\s*(?:\\?#){3}\s*$")
_SPACES = re.compile(r"[ \t\u00a0\u2009\u202f]+")


def clean_inline(line: str) -> str:
    """One line of Markdown to plain text: links, images, tags, emphasis and escapes."""
    # each rule runs only when its marker is in the line: most lines of a corpus have none
    if "[" in line:
        line = _IMAGE.sub(r"\1", line)
        line = _LINK.sub(r"\1", line)
        line = _REFLINK.sub(r"\1", line)
    if "<" in line:
        line = _AUTOLINK.sub("", line)
        line = _TAG.sub(" ", line)
    if "*" in line or "_" in line:
        # protect escaped characters from the emphasis rule, then restore them
        escaped = "\\" in line
        if escaped:
            line = _ESCAPE.sub(lambda m: "\x00" + str(ord(m.group(1))) + "\x00", line)
        line = _strip_emphasis(line)
        if escaped:
            line = re.sub(r"\x00(\d+)\x00", lambda m: chr(int(m.group(1))), line)
    elif "\\" in line:
        line = _ESCAPE.sub(r"\1", line)
    if "&" in line:
        line = html_lib.unescape(line)
    return _SPACES.sub(" ", line).strip()


def markdown_to_text(body: str) -> str:
    """Markdown to plain paragraphs: one paragraph per block, wrapped lines joined."""
    paragraphs: list[str] = []
    current: list[str] = []

    def flush() -> None:
        if current:
            joined = join_lines(current)
            if joined:
                paragraphs.append(joined)
            current.clear()

    for raw in body.splitlines():
        if _END_MARK.match(raw):
            flush()
            continue
        stripped = _SPACES.sub(" ", raw).strip()
        if not stripped:
            flush()
            continue
        if _HEADING.match(raw) or _BULLET.match(raw):
            flush()
            stripped = _BULLET.sub("", _HEADING.sub("", raw)).strip()
            current.append(stripped)
            flush()
            continue
        current.append(stripped)
    flush()
    return "\n\n".join(p for p in (clean_inline(p) for p in paragraphs) if p)


def join_lines(lines: list[str]) -> str:
    """Wrapped lines joined into one: a space between words, none between Chinese
    characters, a word hyphenated across lines made whole again."""
    parts: list[str] = []
    last = ""  # the text so far ends with this line
    for line in lines:
        if not line:
            continue
        if not parts:
            parts.append(line)
        elif last.endswith("-") and not last.endswith(" -") and line[:1].islower():
            parts[-1] = parts[-1][:-1]  # a word hyphenated across lines
            parts.append(line)
        elif _is_cjk_edge(last[-1]) and _is_cjk_edge(line[0]):
            parts.append(line)
        else:
            parts.append(" " + line)
        last = line
    return "".join(parts)


def _is_cjk_edge(ch: str) -> bool:
    return "\u3000" <= ch <= "\u9fff" or "\uff00" <= ch <= "\uffef"


# --------------------------------------------------------------------------- HTML

_SKIP_TAGS = frozenset({"script", "style", "noscript", "template", "head", "nav", "footer"})
_BLOCK_TAGS = frozenset(
    "p div br li ul ol h1 h2 h3 h4 h5 h6 tr table blockquote section article header "
    "main aside pre hr dd dt".split()
)


class _FlatText(HTMLParser):
    """The text of any markup, however deep, without building a tree: a line break at
    each block element, nothing from scripts, styles and page furniture."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP_TAGS:
            self.skipping += 1
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP_TAGS:
            self.skipping = max(0, self.skipping - 1)
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.parts.append(data)


def _flat_text(markup: str) -> str:
    parser = _FlatText()
    parser.feed(markup)
    parser.close()
    return "".join(parser.parts)


def _parse_html(markup: str, path: str | None) -> tuple[Any, bool]:
    """(tree, complete): the lxml tree, and False when the parser gave up on depth."""
    from lxml import etree
    from lxml import html as lxml_html

    parser = lxml_html.HTMLParser(huge_tree=True, remove_comments=True)
    try:
        tree = lxml_html.document_fromstring(markup, parser=parser)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError):
        return None, False
    deep = any(e.type_name == "ERR_RESOURCE_LIMIT" for e in parser.error_log)
    return tree, not deep


def html_to_text(markup: str, path: str | None = None) -> tuple[str, dict[str, Any]]:
    """(text, {title, date}) of an HTML page: the main text, one paragraph a line."""
    meta: dict[str, Any] = {}
    text = ""
    tree, complete = _parse_html(markup, path)
    if complete:
        try:
            import trafilatura

            text = (
                trafilatura.extract(
                    tree,
                    include_comments=False,
                    include_tables=False,
                    favor_precision=True,
                    deduplicate=False,
                )
                or ""
            )
            md = trafilatura.extract_metadata(markup)
            if md is not None:
                meta = {k: v for k, v in (("title", md.title), ("date", md.date)) if v}
        except Exception:  # trafilatura gives up on some fragments: fall back below
            text = ""
        if not text.strip():
            text = _html_fallback(markup, path)
    else:  # nested past the parser's depth limit: its tree would lose the text
        text = _flat_text(markup)
    paragraphs = [_SPACES.sub(" ", p).strip() for p in re.split(r"\n\s*\n|\n", text)]
    return "\n\n".join(p for p in paragraphs if p), meta


def _html_fallback(markup: str, path: str | None) -> str:
    tree, _ = _parse_html(markup, path)
    if tree is None:
        raise FormatError("the HTML cannot be parsed", path=path, stage="ingest")
    for bad in tree.xpath("//script|//style|//nav|//header|//footer|//noscript|//form"):
        bad.drop_tree()
    blocks = tree.xpath("//p|//h1|//h2|//h3|//li|//blockquote")
    if blocks:
        return "\n".join(b.text_content() for b in blocks)
    return str(tree.text_content())


# --------------------------------------------------------------------------- PDF


@contextmanager
def _quiet_pypdf() -> Iterator[None]:
    """pypdf's warnings ("incorrect startxref pointer") go to its logger and to
    ``warnings``; a reader of accounts has no use for them on its output."""
    logger = logging.getLogger("pypdf")
    propagate, level = logger.propagate, logger.level
    logger.propagate = False
    logger.setLevel(logging.ERROR + 1)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            yield
    finally:
        logger.propagate, logger.level = propagate, level


def _open_pdf(data: bytes, path: str | None) -> Any:
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data))
    if reader.is_encrypted:
        try:
            opened = reader.decrypt("")
        except Exception as exc:  # pypdf needs the cryptography package for AES
            raise FormatError(
                f"the PDF is encrypted and cannot be opened here ({exc.__class__.__name__}); "
                "save it without encryption",
                path=path,
                stage="ingest",
            ) from None
        if not opened:
            raise FormatError("the PDF is encrypted with a password", path=path, stage="ingest")
    return reader


def pdf_to_text(data: bytes, path: str | None = None) -> str:
    """The text layer of a PDF, paragraphs apart, wrapped lines joined."""
    from pypdf.errors import LimitReachedError

    pages: list[str] = []
    size = 0
    try:
        with _quiet_pypdf():
            reader = _open_pdf(data, path)
            for page in reader.pages:
                text = page.extract_text() or ""
                size += len(text)
                if size > PDF_TEXT_LIMIT:
                    raise TooLargeError(
                        f"the PDF holds over {PDF_TEXT_LIMIT:,} characters of text",
                        path=path,
                        stage="ingest",
                    )
                pages.append(text)
    except (FormatError, TooLargeError):
        raise
    except LimitReachedError:
        raise FormatError(
            "the PDF expands past a safety limit (a decompression bomb?)",
            path=path,
            stage="ingest",
        ) from None
    except Exception as exc:  # pypdf fails in many ways on broken files
        raise FormatError(
            f"the PDF cannot be read ({exc.__class__.__name__})", path=path, stage="ingest"
        ) from None
    text = "\n\n".join(pages)
    if not text.strip():
        raise EmptyInputError(
            "the PDF has no text layer (a scan?); run OCR first", path=path, stage="ingest"
        )
    out = []
    for block in re.split(r"\n\s*\n", text):
        lines = [_SPACES.sub(" ", ln).strip() for ln in block.splitlines() if ln.strip()]
        if lines:
            out.append(join_lines(lines))
    return "\n\n".join(out)
