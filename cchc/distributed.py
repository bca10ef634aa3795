"""`cchc crawl --distributed`: start worker processes of a shared frontier in Redis
(crawler/frontier.py), and `cchc ingest`'s summary. The workers run the same spiders; one
`cchc ingest` process writes what they fetch into SQLite."""

from __future__ import annotations

import os
import subprocess
import sys
from typing import Any

import click

#: Options of `cchc crawl` that a started worker does not take from its launcher.
LAUNCHER_ONLY = {"distributed", "workers", "join", "replica", "proxy"}


def redis_client(url: str) -> Any:
    """A Redis client for `url` that answered a PING; a ClickException saying what to do."""
    import redis

    try:
        server = redis.Redis.from_url(url)
        server.ping()
    except (redis.RedisError, ValueError) as exc:
        raise click.ClickException(
            f"cannot reach Redis at {url}: {exc} (start it with `redis-server --port PORT`, "
            f"or check the URL: redis://HOST:PORT/DB)") from None
    return server


def worker_argv(ctx: click.Context, url: str, proxy: str | None) -> list[str]:
    """The `cchc crawl` arguments of one worker: the launcher's own options, joined to the
    crawl under way, with the launcher's replica proxy if it serves one."""
    args = ["crawl", "--distributed", url, "--join"]
    assert ctx.command is not None
    for param in ctx.command.params:
        if not isinstance(param, click.Option) or param.name in LAUNCHER_ONLY:
            continue
        value, flag = ctx.params.get(param.name or ""), param.opts[0]
        if param.is_flag:
            args += [flag] if value else []
        elif param.multiple:
            for item in value or ():
                args += [flag, str(item)]
        elif value is not None and value != param.default:
            args += [flag, str(value)]
    if proxy:
        args += ["--proxy", proxy]
    return args


def run_workers(n: int, argv: list[str]) -> int:
    """Start `n` worker processes with `cchc <argv>`, wait for them; the worst exit code."""
    env = {**os.environ}
    procs = []
    for i in range(n):
        proc = subprocess.Popen([sys.executable, "-m", "cchc", *argv], env=env)
        click.echo(f"worker {i + 1} of {n}: pid {proc.pid}", err=True)
        procs.append(proc)
    codes = [p.wait() for p in procs]
    for i, code in enumerate(codes):
        if code:
            click.echo(f"worker {i + 1} (pid {procs[i].pid}) ended with exit code {code}", err=True)
    return max((abs(c) for c in codes), default=0)
