"""Compare-pipeline speed, measured in one run on this machine.

Prints:
- the whole compare pipeline's sentences per second, as a ratio to the raw encoder's
  sentences per second on the same sentences (target >= 0.85);
- what bounds that ratio: the encoder on the texts the pipeline encodes (its claims,
  which are finer than sentences and repeat a shared frame), against the raw encoder on
  the sentences; and the pipeline's time outside the encoder;
- warm latency of one pair of ~400-word accounts (median of repeats; target <= 40 ms);
- cold CLI time of `readouts compare A B --format json`.

Embedding, lexicon-match and simplified-text caches are cleared before every timed run,
so "warm" means the model is loaded, not that the texts were seen before.

Usage: python benchmarks/bench_compare.py [--shared ../shared] [--repeats 7]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

from readouts import memo
from readouts.claimview import claim_views
from readouts.comparison import compare
from readouts.embed import USEEmbedder
from readouts.evaluation import load_gold_dir
from readouts.ingest import account_from_text, read_account
from readouts.lexicon import default_lexicon
from readouts.reading import read


def pairs_from_gold(shared: Path):
    out = []
    for m in load_gold_dir(shared / "eval" / "dev"):
        for a_id, b_id in m.compare:
            accs = [read_account(m.accounts[x].path, id=x) for x in (a_id, b_id)]
            out.append(tuple(accs))
    return out


def words(text: str) -> int:
    return len(text.split()) if text.isascii() else len(text) // 2


def about_400_words(account, target: int = 400):
    """The account's text repeated to about ``target`` words."""
    text = account.text
    while words(text) < target:
        text = text + "\n\n" + account.text
    return account_from_text(text, id=account.id, language=account.language)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", default=str(Path(__file__).resolve().parents[2] / "shared"))
    ap.add_argument("--repeats", type=int, default=7)
    args = ap.parse_args()
    shared = Path(args.shared)
    lexicon = default_lexicon()
    embedder = USEEmbedder()
    embedder.encode(["warm up the encoder"])
    pairs = pairs_from_gold(shared)

    # the same sentences for both measurements
    sentences, claims = [], []
    for a, b in pairs:
        ra, rb = read(a, lexicon), read(b, lexicon)
        for acc, r, other in ((a, ra, rb), (b, rb, ra)):
            sentences += [acc.text[s.start : s.end] for s in r.sentences]
            views = claim_views(r, lexicon, other_party=other.account.party)
            claims.append([v.content for v in views])

    def forget() -> None:
        embedder.clear_cache()
        memo.clear()

    def raw() -> float:
        forget()
        t = time.perf_counter()
        embedder.encode(sentences)
        return time.perf_counter() - t

    def claims_only() -> float:
        forget()
        t = time.perf_counter()
        for k in range(0, len(claims), 2):  # one encoder call per pair, as compare makes
            embedder.encode([*claims[k], *claims[k + 1]])
        return time.perf_counter() - t

    def pipeline() -> float:
        forget()
        t = time.perf_counter()
        for a, b in pairs:
            compare(a, b, lexicon=lexicon, embedder=embedder)
        return time.perf_counter() - t

    # raw and pipeline alternate, so that a slow spell on this shared machine lands on
    # both sides of a ratio rather than on one side of the comparison
    raws, pipes, encs = [], [], []
    for _ in range(args.repeats):
        raws.append(raw())
        pipes.append(pipeline())
        encs.append(claims_only())
    ratios = sorted(r / p for r, p in zip(raws, pipes, strict=True))
    raw_t, pipe_t = statistics.median(raws), statistics.median(pipes)
    n = len(sentences)
    print(f"sentences: {n} in {len(pairs)} pairs")
    print(f"raw encoder: {n / raw_t:8.1f} sentences/s")
    print(f"pipeline:    {n / pipe_t:8.1f} sentences/s")
    print(
        f"ratio pipeline/encoder: median {statistics.median(ratios):.2f} "
        f"(of {len(ratios)} paired runs, {ratios[0]:.2f}-{ratios[-1]:.2f})  (target >= 0.85)"
    )
    enc_t = statistics.median(encs)
    n_claims = sum(map(len, claims))
    print(
        f"bound: encoding the pipeline's {n_claims} claim texts takes {enc_t / raw_t:.2f} times "
        f"the raw encoder's time on the sentences (ceiling {raw_t / enc_t:.2f}); outside "
        f"the encoder the pipeline spends {1000 * (pipe_t - enc_t) / len(pairs):.1f} ms a pair"
    )

    # warm latency of one pair of ~400-word accounts (NATO vs the Chinese statement)
    a, b = pairs[1] if len(pairs) > 1 else pairs[0]
    a4, b4 = about_400_words(a), about_400_words(b)
    ra, rb = read(a4, lexicon), read(b4, lexicon)

    def one() -> float:
        forget()
        t = time.perf_counter()
        compare(a4, b4, lexicon=lexicon, embedder=embedder)
        return time.perf_counter() - t

    one()
    lat = sorted(one() for _ in range(args.repeats))
    print(
        f"warm latency, {words(a4.text)} + {words(b4.text)} words "
        f"({len(ra.sentences)} + {len(rb.sentences)} sentences): "
        f"median {1000 * statistics.median(lat):.1f} ms, best {1000 * lat[0]:.1f} ms  "
        f"(target <= 40 ms)"
    )

    # cold command-line run
    exe = Path(sys.executable).with_name("readouts")
    cmd = [str(exe), "compare", str(a.meta["path"]), str(b.meta["path"]), "--format", "json"]
    cold = []
    for _ in range(3):
        t = time.perf_counter()
        subprocess.run(cmd, check=True, capture_output=True)
        cold.append(time.perf_counter() - t)
    print(f"cold CLI compare: median {statistics.median(cold):.2f} s")


if __name__ == "__main__":
    main()
