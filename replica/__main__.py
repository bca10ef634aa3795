"""`python -m replica serve [--port N] [--seed S] [--sites N --articles M] [--variants]` and
`python -m replica sites [--seed S] [--sites N] [--variants] [-o FILE]` (the sites file for a
crawl). `--variants` serves (or lists) one site per platform family x markup variant instead
of the default sites (replica/families/)."""

from __future__ import annotations

import argparse
import csv
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
    serve.add_argument("--faults", action="store_true",
                       help="also serve the fault sites of replica/sites_faults.csv")
    serve.add_argument("--variants", action="store_true",
                       help="serve one site per platform family x markup variant instead")
    sites = sub.add_parser("sites", help="write the replica's sites file (CSV) for the crawler")
    sites.add_argument("--seed", type=int, default=0)
    sites.add_argument("--sites", type=int, default=None, help="number of sites")
    sites.add_argument("--variants", action="store_true",
                       help="the family x markup variant sites instead")
    sites.add_argument("-o", "--output", default="-", help="file to write (default: stdout)")
    args = parser.parse_args(argv)
    if args.variants and (args.sites is not None or getattr(args, "faults", False)):
        parser.error("--variants cannot be combined with --sites or --faults")
    if args.command == "sites":
        replica = build_replica(args.seed, n_sites=args.sites, variants=args.variants)
        return write_sites(replica.sites, args.output)
    replica = build_replica(args.seed, n_sites=args.sites, n_articles=args.articles,
                            faults=args.faults, variants=args.variants)
    server = ReplicaServer(replica, port=args.port)
    print(server.start(), flush=True)
    try:
        threading.Event().wait()
    except KeyboardInterrupt:
        pass
    finally:
        server.stop()
    return 0


def write_sites(specs: list, output: str) -> int:
    fields = ["id", "name", "level", "district", "province", "base_url", "platform", "start_paths"]
    fh = sys.stdout if output == "-" else open(output, "w", encoding="utf-8", newline="")  # noqa: SIM115
    try:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(fields)
        for s in specs:
            writer.writerow([getattr(s, f) if f != "start_paths" else ";".join(s.start_paths)
                             for f in fields])
    finally:
        if fh is not sys.stdout:
            fh.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
