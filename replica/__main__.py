"""`python -m replica serve [--port N] [--seed S] [--sites N --articles M]`."""

from __future__ import annotations

import argparse
import sys
import threading

from replica.generate import build_replica
from replica.server import ReplicaServer


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m replica")
    sub = parser.add_subparsers(dest="command", required=True)
    serve = sub.add_parser("serve", help="serve the replica as an HTTP proxy until killed")
    serve.add_argument("--port", type=int, default=0, help="port (0: any free port)")
    serve.add_argument("--seed", type=int, default=0)
    serve.add_argument("--sites", type=int, default=None, help="number of sites")
    serve.add_argument("--articles", type=int, default=None, help="reform articles per site")
    args = parser.parse_args(argv)
    replica = build_replica(args.seed, n_sites=args.sites, n_articles=args.articles)
    server = ReplicaServer(replica, port=args.port)
    print(server.start(), flush=True)
    try:
        threading.Event().wait()
    except KeyboardInterrupt:
        pass
    finally:
        server.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
