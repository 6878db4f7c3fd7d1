"""Drift-alignment speed: two versions of about 1,000 sentences each, measured warm.

The two versions are built from every English/Chinese pair we have (the dev set's
``cn_en``/``cn_zh`` accounts and the drift fixture), repeated with a numbered lead-in
("In part 7, ..." / "在第7部分中，...") so no two sentences are the same text, with one
Chinese sentence dropped per repetition. "Warm" means the encoder is loaded; its text
cache is cleared before every timed run that includes encoding.

Prints, as medians over repeats:
- encoding the ~2,000 sentences alone;
- the alignment alone (the dynamic programme over precomputed vectors), full table and
  banded;
- ``drift()`` end to end with a cold text cache (encoding included) and with a warm one
  (encoding is a cache lookup: reading, alignment and the content checks);
- how many sentences it reports missing (against the number dropped), and the other
  items it flags (the dev retellings differ in two places, so these repeat per part).

Target: drift alignment of ~1,000 + ~1,000 sentences under one second warm.

Usage: python benchmarks/bench_drift.py [--shared ../shared] [--repeats 5] [--sentences 1000]
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from readouts.drifts import AlignParams, align_sentences, drift
from readouts.embed import USEEmbedder
from readouts.ingest import account_from_text, read_account
from readouts.lexicon import default_lexicon
from readouts.segment import sentences

ROOT = Path(__file__).resolve().parents[1]
PAIRS = [
    "2021-09-27_nato-china_cn_{}.txt",
    "2022-03-18_us-china_cn_{}.txt",
    "2024-08-29_us-china-sullivan-zhangyouxia_cn_{}.txt",
]


def parallel_sentences(shared: Path) -> list[tuple[list[str], list[str]]]:
    """(English sentences, Chinese sentences) of every parallel pair at hand."""
    out = []
    accounts = shared / "eval" / "accounts"
    files = [(accounts / p.format("en"), accounts / p.format("zh")) for p in PAIRS]
    fixtures = ROOT / "tests" / "fixtures" / "drift"
    files.append((fixtures / "statement_en.txt", fixtures / "statement_zh.txt"))
    for en_path, zh_path in files:
        if not en_path.exists() or not zh_path.exists():
            continue
        pair = []
        for path in (en_path, zh_path):
            acc = read_account(path)
            pair.append([acc.text[s.start : s.end] for s in sentences(acc)])
        out.append((pair[0], pair[1]))
    return out


def build(shared: Path, target: int) -> tuple[str, str, int]:
    """Two versions of about ``target`` sentences; the number of Chinese sentences dropped."""
    pairs = parallel_sentences(shared)
    en_lines: list[str] = []
    zh_lines: list[str] = []
    dropped = 0
    part = 0
    while len(en_lines) < target:
        part += 1
        en_par: list[str] = []
        zh_par: list[str] = []
        for en, zh in pairs:
            en_par += en
            zh_par += zh
        skip = (part * 37) % len(zh_par)  # one Chinese sentence left out per part
        zh_par = zh_par[:skip] + zh_par[skip + 1 :]
        dropped += 1
        en_lines += [f"In part {part}, {s[0].lower()}{s[1:]}" for s in en_par]
        zh_lines += [f"在第{part}部分中，{s}" for s in zh_par]
    # a paragraph per part keeps the segmenter's job ordinary
    return "\n\n".join(en_lines), "\n\n".join(zh_lines), dropped


def median_time(fn, repeats: int) -> float:
    times = []
    for _ in range(repeats):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    ap.add_argument("--repeats", type=int, default=5)
    ap.add_argument("--sentences", type=int, default=1000)
    args = ap.parse_args()
    lexicon = default_lexicon()
    embedder = USEEmbedder()
    embedder.encode(["warm up the encoder"])

    en_text, zh_text, dropped = build(Path(args.shared), args.sentences)
    a = account_from_text(en_text, id="en", language="en")
    b = account_from_text(zh_text, id="zh", language="zh")
    sa, sb = sentences(a), sentences(b)
    texts = [a.text[s.start : s.end] for s in sa] + [b.text[s.start : s.end] for s in sb]
    print(f"versions: {len(sa)} English and {len(sb)} Chinese sentences ({dropped} dropped)")

    def encode() -> None:
        embedder.clear_cache()
        embedder.encode(texts)

    enc = median_time(encode, max(1, args.repeats // 2))
    print(f"encode {len(texts)} sentences:        {enc:7.3f} s  ({len(texts) / enc:.0f} /s)")

    vecs = embedder.encode(texts)
    va, vb = vecs[: len(sa)], vecs[len(sa) :]
    full = AlignParams(full_below=10**12)
    banded = AlignParams(band=100)
    t_full = median_time(lambda: align_sentences(va, vb, full), args.repeats)
    t_band = median_time(lambda: align_sentences(va, vb, banded), args.repeats)
    print(f"align, full table ({len(sa)}x{len(sb)}):  {1000 * t_full:7.1f} ms")
    print(f"align, band +-100:                {1000 * t_band:7.1f} ms")
    same = [(x.a, x.b) for x in align_sentences(va, vb, full)] == [
        (x.a, x.b) for x in align_sentences(va, vb, banded)
    ]
    print(f"band and full table agree:        {same}")

    def cold() -> None:
        embedder.clear_cache()
        drift(a, b, lexicon=lexicon, embedder=embedder)

    t_cold = median_time(cold, max(1, args.repeats // 2))
    result = drift(a, b, lexicon=lexicon, embedder=embedder)  # cache now warm
    t_warm = median_time(lambda: drift(a, b, lexicon=lexicon, embedder=embedder), args.repeats)
    print(f"drift() end to end, cold cache:   {t_cold:7.3f} s")
    print(
        f"drift() end to end, warm cache:   {t_warm:7.3f} s  (target < 1 s; "
        + ", ".join(f"{k} {1000 * v:.0f} ms" for k, v in result.timings.items())
        + ")"
    )
    missing = [i for i in result.items if i.kind == "missing"]
    only_a = sum(1 for i in missing if i.change == "only_a")
    print(
        f"English sentences reported missing in Chinese: {only_a} ({dropped} Chinese "
        "sentences dropped; one that translates two English sentences leaves two); "
        f"Chinese sentences reported missing in English: {len(missing) - only_a}"
    )
    print(
        "content differences: "
        + (
            ", ".join(f"{k} {n}" for k, n in result.counts().items() if n and k != "missing")
            or "none"
        )
        + " (each repeated once per part)"
    )


if __name__ == "__main__":
    main()
