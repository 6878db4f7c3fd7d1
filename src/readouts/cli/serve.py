"""``readouts serve``: the web app (FastAPI + uvicorn), on 127.0.0.1 unless told otherwise."""

from __future__ import annotations

import ipaddress

import click

from . import embedder_option, run

__all__ = ["register"]


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535))
@embedder_option
@click.option(
    "--max-bytes",
    type=click.IntRange(1),
    default=None,
    help="Largest account in bytes (default: the 5 MB input limit).",
)
@click.option(
    "--max-accounts",
    type=click.IntRange(2),
    default=None,
    help="Most accounts in one comparison (default 8).",
)
@click.option(
    "--workers",
    type=click.IntRange(0),
    default=0,
    show_default=True,
    help="Worker processes that compare, at most one per core; 0: one per core.",
)
@click.option(
    "--time-budget",
    type=click.FloatRange(min=0, min_open=True),
    default=60.0,
    show_default=True,
    help="Seconds a comparison may take before it is stopped (HTTP 503).",
)
@click.option(
    "--allow-host",
    "allow_hosts",
    multiple=True,
    metavar="NAME",
    help="Another host name the app answers to (repeatable; '*' for any).",
)
@click.option(
    "--fetch-seconds",
    type=click.FloatRange(0, min_open=True),
    default=None,
    help="Time limit for fetching an account from its http(s) address (default 30).",
)
@click.option(
    "--log-level",
    type=click.Choice(["critical", "error", "warning", "info", "debug"]),
    default="info",
    show_default=True,
)
@run
def serve(
    host: str,
    port: int,
    embedder: str | None,
    max_bytes: int | None,
    max_accounts: int | None,
    workers: int,
    time_budget: float,
    allow_hosts: tuple[str, ...],
    fetch_seconds: float | None,
    log_level: str,
) -> None:
    """Start the web app: paste or upload accounts, compare them, read and download the report.

    The app has no logins: it listens on 127.0.0.1 only unless --host says otherwise.
    The REST API is documented at /docs.
    """
    from ..errors import ConfigError

    try:
        import uvicorn  # noqa: F401

        from ..web import Settings, create_app, server
    except ImportError as exc:
        raise ConfigError(
            f"readouts serve needs FastAPI and uvicorn ({exc.name} is missing): "
            "pip install 'readouts[web]'"
        ) from None
    if not _is_loopback(host):
        click.echo(
            f"readouts: warning: listening on {host}: anyone who can reach this address can "
            "use the app, and have it fetch pages from the addresses it can reach (it has no "
            "logins)",
            err=True,
        )
    if embedder:
        from ..embed import get_embedder

        get_embedder(embedder)  # an unknown name fails here, before the server starts
    hosts = [*Settings().allowed_hosts, *allow_hosts]
    if host in ("0.0.0.0", "::", ""):
        hosts.append("*")  # every address of the machine: any name may reach it
    elif host not in hosts:
        hosts.append(host)
    options: dict[str, object] = {
        "embedder": embedder or "",
        "workers": workers,
        "time_budget": time_budget,
        "allowed_hosts": tuple(hosts),
    }
    if max_bytes is not None:
        options["max_bytes"] = max_bytes
    if max_accounts is not None:
        options["max_accounts"] = max_accounts
    if fetch_seconds is not None:
        options["fetch_seconds"] = fetch_seconds
    app = create_app(Settings(**options))  # type: ignore[arg-type]
    sock = server.bind(host, port)  # a port in use is refused here, before "serving on"
    bound = sock.getsockname()[1]
    shown = f"[{host}]" if ":" in host else host
    click.echo(f"readouts: serving on http://{shown}:{bound}/ (Ctrl+C to stop)", err=True)
    server.run(app, sock, log_level=log_level, on_exit=app.state.comparer.close)


def register(main: click.Group) -> None:
    main.add_command(serve)
