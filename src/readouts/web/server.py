"""Serving the app: bind first, then say where, then serve; stop promptly on a signal.

:func:`bind` takes the address before anything is printed, so a port in use is one
clear :class:`~readouts.errors.SystemRefused` (exit 9), never "serving on ..." followed
by a failure. :func:`run` serves on that socket with uvicorn; on Ctrl-C or SIGTERM the
worker processes are stopped at once (a comparison in flight answers 503), uvicorn
stops taking requests and gives those in flight :data:`GRACE` seconds, then cancels
them: a long comparison no longer keeps the server up until it ends.
"""

from __future__ import annotations

import errno
import socket
import threading
from collections.abc import Callable
from typing import Any

from ..errors import SystemRefused

__all__ = ["GRACE", "bind", "run"]

#: Seconds requests in flight get to finish once the server is told to stop.
GRACE = 3


def bind(host: str, port: int) -> socket.socket:
    """A listening socket on ``host:port`` (port 0: any free port)."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
    except socket.gaierror as exc:
        raise SystemRefused(f"cannot listen on {host!r}: {exc.strerror}", stage="serve") from None
    family, kind, proto, _, address = infos[0]
    sock = socket.socket(family, kind, proto)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(address)
        sock.listen(128)
    except OSError as exc:
        sock.close()
        if exc.errno == errno.EADDRINUSE:
            message = f"port {port} on {host} is in use; choose another with --port"
        else:
            message = f"cannot listen on {host}:{port} ({exc.strerror})"
        raise SystemRefused(message, stage="serve") from None
    sock.set_inheritable(True)
    return sock


def run(
    app: Any,
    sock: socket.socket,
    *,
    log_level: str = "info",
    on_exit: Callable[[], None] | None = None,
) -> None:
    """Serve ``app`` on ``sock`` until Ctrl-C or SIGTERM. ``on_exit`` runs (in a thread
    of its own) the moment the signal comes: the app stops its worker processes there,
    so comparisons in flight end at once with a 503 instead of holding the server."""
    import uvicorn

    class Server(uvicorn.Server):
        def handle_exit(self, sig: int, frame: Any) -> None:
            if on_exit is not None and not self.should_exit:
                threading.Thread(target=on_exit, name="readouts-stop", daemon=True).start()
            super().handle_exit(sig, frame)

    config = uvicorn.Config(
        app, log_level=log_level, server_header=False, timeout_graceful_shutdown=GRACE
    )
    try:
        Server(config).run(sockets=[sock])
    finally:
        sock.close()
