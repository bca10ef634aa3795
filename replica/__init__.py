"""A deterministic local web of Vietnamese portal sites, served as an HTTP proxy.

>>> from replica import build_replica, ReplicaServer
>>> r = build_replica(seed=0)
>>> with ReplicaServer(r) as proxy:   # "http://127.0.0.1:<port>"
...     ...
"""

from __future__ import annotations

from replica.generate import Replica, build_replica
from replica.server import ReplicaServer

__all__ = ["Replica", "ReplicaServer", "build_replica"]
