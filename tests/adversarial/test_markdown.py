"""Items 8 and 17: Markdown output never carries raw HTML or a link from an account,
and the brief's HTML page has a Content-Security-Policy like the other reports."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from harness import CN_TEXT, cli, write

HOSTILE = (
    "Secretary Blinken spoke with Foreign Minister Wang Yi about climate change. He said "
    "<script>alert('x')</script> and <img src=x onerror=\"alert(1)\"> were discussed, "
    "and [click here](javascript:alert(1)) and ![x](javascript:alert(2)) and "
    "<javascript:alert(3)> and &lt;script&gt; too | with a pipe.\n\n"
    "The two sides agreed to keep in close touch on climate change.\n"
)
HOSTILE_FRONT = (
    '---\ntitle: "<script>alert(1)</script> [t](javascript:x)"\n'
    'party: "<img src=x onerror=alert(1)>"\n---\n' + HOSTILE
)


def assert_safe_markdown(text: str) -> None:
    """No raw HTML (no '<' at all: account text has it as &lt;), no link or image
    syntax that is not escaped, no autolink."""
    assert "<" not in text, [ln for ln in text.splitlines() if "<" in ln][:3]
    assert not re.search(r"(?<!\\)\[[^\]\n]*(?<!\\)\]\(", text)
    assert not re.search(r"(?<!\\)\[[^\]\n]*(?<!\\)\]\[", text)


@pytest.mark.parametrize("command", ["compare", "brief", "drift", "read", "compare-sides"])
def test_markdown_outputs_are_inert(tmp_path: Path, command: str) -> None:
    bad = write(tmp_path / "hostile.txt", HOSTILE)  # plain text keeps every tag as text
    zh = write(tmp_path / "cn.txt", CN_TEXT)
    if command == "read":
        args = ["read", str(bad)]
    elif command == "compare-sides":
        other = write(tmp_path / "other.txt", HOSTILE.replace("<script>", "<b>"))
        args = ["compare", str(bad), str(zh), str(other)]
        args += ["--side", f"<i>us</i>:{bad},{other}", "--side", f"[cn](evil.example):{zh}"]
    elif command == "drift":
        short = HOSTILE.split("\n\n")[1]  # the version without the hostile sentence
        args = ["drift", str(bad), str(write(tmp_path / "v2.txt", short))]
    else:
        args = [command, str(bad), str(zh)]
    ran = cli(*args, "--format", "markdown")
    assert ran.code == 0, ran.err
    assert_safe_markdown(ran.out)
    if command != "brief":  # the brief quotes a few words only
        assert "&lt;img src=x onerror=" in ran.out  # the text is kept, only made inert


@pytest.mark.parametrize("command", ["compare", "read"])
def test_markdown_front_matter_is_inert(tmp_path: Path, command: str) -> None:
    bad = write(tmp_path / "hostile.md", HOSTILE_FRONT)
    args = [str(bad)] if command == "read" else [str(bad), str(write(tmp_path / "c.txt", CN_TEXT))]
    ran = cli(command, *args, "--format", "markdown")
    assert ran.code == 0, ran.err
    assert_safe_markdown(ran.out)


def test_markdown_brief_html_has_a_policy(tmp_path: Path, us: Path, cn: Path) -> None:
    ran = cli("brief", str(us), str(cn), "--format", "html")
    assert ran.code == 0, ran.err
    policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', ran.out)
    assert policy and "default-src &#x27;none&#x27;" in policy.group(1)
    assert "script-src &#x27;none&#x27;" in policy.group(1)
