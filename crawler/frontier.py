"""A frontier shared by several worker processes (or machines), on scrapy-redis.

scrapy-redis gives the shared request queue (`Scheduler`) and the shared duplicate filter
(`RFPDupeFilter`). This adapter adds what a crawl that may lose a worker needs:

- **in-flight requests** — a worker pops a request and records it in its in-flight hash in one
  atomic step (`InFlightFifoQueue`); it forgets it once the engine is done with it (its
  callback's items went through the pipelines and its new requests were queued, or its errback
  ran), or when a redirect or retry replacing it is queued (`SharedScheduler.enqueue_request`,
  one atomic step with scrapy-redis's duplicate check and push);
- **heartbeats** — each worker refreshes `cchc:worker:<id>` every `CCHC_WORKER_TTL / 3` s; a
  worker whose heartbeat expired is dead, and the next worker that looks puts the dead
  worker's in-flight requests back on the queue (`SharedScheduler.reclaim`);
- **one end** — a worker with an empty queue keeps waiting while another worker still has
  requests in flight (they may yield more), so all stop together.

Keys: `cchc:<spider>:requests`, `cchc:<spider>:dupefilter`, `cchc:<spider>:inflight:<worker>`,
`cchc:workers`, `cchc:worker:<id>`. A new crawl starts with `clear_frontier()`.
"""

from __future__ import annotations

import hashlib
import logging
import os
import socket
import time
import uuid
from typing import Any

from scrapy import Request
from scrapy_redis.queue import FifoQueue
from scrapy_redis.scheduler import Scheduler
from twisted.internet import task

log = logging.getLogger(__name__)

PREFIX = "cchc"
WORKERS = f"{PREFIX}:workers"
INFLIGHT_META = "cchc_inflight"
#: This process's worker id (all spiders of the process share it).
WORKER_ID = f"{socket.gethostname()}-{os.getpid()}-{uuid.uuid4().hex[:6]}"

# Pop the oldest request and record it in the worker's in-flight hash, atomically.
POP_TO_INFLIGHT = """
local v = redis.call('RPOP', KEYS[1])
if v then redis.call('HSET', KEYS[2], redis.sha1hex(v), v) end
return v
"""
# Queue a request unless its fingerprint was seen, and forget its parent (the popped request
# it replaces: a redirect or a retry) as in flight, atomically.
ENQUEUE = """
local queued = 0
if ARGV[1] == '' or redis.call('SADD', KEYS[1], ARGV[1]) == 1 then
  redis.call('LPUSH', KEYS[2], ARGV[2])
  queued = 1
end
if ARGV[3] ~= '' then redis.call('HDEL', KEYS[3], ARGV[3]) end
return queued
"""
# Put every in-flight request of a (dead) worker back on the queue, atomically.
REQUEUE_INFLIGHT = """
local vs = redis.call('HVALS', KEYS[2])
for _, v in ipairs(vs) do redis.call('RPUSH', KEYS[1], v) end
redis.call('DEL', KEYS[2])
return #vs
"""


def worker_key(worker: str, spider: str) -> str:
    """The heartbeat of one spider of a worker process (expires when it stops beating)."""
    return f"{PREFIX}:worker:{worker}:{spider}"


def inflight_key(spider: str, worker: str) -> str:
    return f"{PREFIX}:{spider}:inflight:{worker}"


def distributed_settings(redis_url: str) -> dict[str, Any]:
    """The settings that turn a crawl process into a worker of the shared frontier at
    `redis_url`: scrapy-redis scheduling, acknowledgements, pages pushed to Redis."""
    return {
        "REDIS_URL": redis_url,
        "SCHEDULER": "crawler.frontier.SharedScheduler",
        "SCHEDULER_QUEUE_CLASS": "crawler.frontier.InFlightFifoQueue",
        "SCHEDULER_QUEUE_KEY": f"{PREFIX}:%(spider)s:requests",
        "SCHEDULER_DUPEFILTER_KEY": f"{PREFIX}:%(spider)s:dupefilter",
        "DUPEFILTER_CLASS": "scrapy_redis.dupefilter.RFPDupeFilter",
        "SCHEDULER_PERSIST": True,  # one worker ending must not wipe the others' frontier
        "ITEM_PIPELINES": {"crawler.redis_items.RedisItemPipeline": 300},
    }


def clear_frontier(server: Any) -> int:
    """Forget the previous crawl's queue, duplicate filter, in-flight requests and workers."""
    keys = [k for pattern in (f"{PREFIX}:*:requests", f"{PREFIX}:*:dupefilter",
                              f"{PREFIX}:*:inflight:*", f"{PREFIX}:worker:*")
            for k in server.scan_iter(pattern)] + [WORKERS]
    return int(server.delete(*keys)) if keys else 0


class InFlightFifoQueue(FifoQueue):
    """scrapy-redis's FIFO queue whose pop also records the request as in flight."""

    inflight: str = ""

    def pop(self, timeout: int = 0) -> Request | None:
        data = self.server.eval(POP_TO_INFLIGHT, 2, self.key, self.inflight)
        if not data:
            return None
        request = self._decode_request(data)
        request.meta[INFLIGHT_META] = hashlib.sha1(data).hexdigest()
        return request


class SharedScheduler(Scheduler):
    """scrapy-redis's Scheduler with in-flight acknowledgements, heartbeats and reclaiming."""

    def __init__(self, *args: Any, lifetime: float = 15.0, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.lifetime = lifetime
        self.beat: task.LoopingCall | None = None
        self.crawler: Any = None
        self.last_reclaim = 0.0
        self.popped: list[Request] = []  # in flight here, until the engine is done
        self.acker: task.LoopingCall | None = None

    @classmethod
    def from_crawler(cls, crawler: Any) -> SharedScheduler:
        instance = super().from_crawler(crawler)
        instance.lifetime = crawler.settings.getfloat("CCHC_WORKER_TTL", 15.0)
        instance.crawler = crawler
        return instance

    def open(self, spider: Any) -> None:
        super().open(spider)
        self.inflight = inflight_key(spider.name, WORKER_ID)
        self.queue.inflight = self.inflight
        self.server.sadd(WORKERS, WORKER_ID)
        self.heartbeat()
        self.beat = task.LoopingCall(self.heartbeat)
        self.beat.start(self.lifetime / 3, now=False)
        self.acker = task.LoopingCall(self.flush_acks)
        self.acker.start(0.1, now=False)

    def close(self, reason: str) -> None:
        for loop in (self.beat, self.acker):
            if loop is not None and loop.running:
                loop.stop()
        self.flush_acks()
        super().close(reason)
        self.server.delete(worker_key(WORKER_ID, self.spider.name))

    def heartbeat(self) -> None:
        self.server.set(worker_key(WORKER_ID, self.spider.name), "1", px=int(self.lifetime * 1000))

    # -- acknowledgements -----------------------------------------------------------------
    def flush_acks(self) -> None:
        """Forget as in flight the popped requests the engine is done with: a request leaves
        the engine's in-progress set only after its callback's items went through the
        pipelines and its new requests were queued (or its errback ran)."""
        slot = getattr(getattr(self.crawler, "engine", None), "_slot", None)
        busy = getattr(slot, "inprogress", None)
        if busy is None:  # no engine slot (closing), or a Scrapy without it: nothing to wait for
            busy = set()
        keep, done = [], []
        for request in self.popped:
            (keep if request in busy else done).append(request)
        self.popped = keep
        fields = [f for r in done if (f := r.meta.pop(INFLIGHT_META, None))]
        if fields:
            self.server.hdel(self.inflight, *fields)

    def enqueue_request(self, request: Request) -> bool:
        """scrapy-redis's duplicate check and push, in one atomic step with forgetting the
        popped request this one replaces (a redirect or a retry keeps the parent's meta)."""
        parent = request.meta.pop(INFLIGHT_META, None) or ""
        fingerprint = "" if request.dont_filter else self.df.request_fingerprint(request)
        queued = bool(self.server.eval(ENQUEUE, 3, self.df.key, self.queue.key, self.inflight,
                                       fingerprint, self.queue._encode_request(request), parent))
        if queued and self.stats:
            self.stats.inc_value("scheduler/enqueued/redis")
        elif not queued:
            self.df.log(request, self.spider)
        return queued

    # -- pulling work -------------------------------------------------------------------------
    def next_request(self) -> Request | None:
        self.flush_acks()
        self.reclaim()
        request = self.queue.pop()
        if request is not None:
            self.popped.append(request)
            if self.stats:
                self.stats.inc_value("scheduler/dequeued/redis")
            return request
        if self.others_busy():  # more may come: ask the engine again soon
            slot = getattr(getattr(self.crawler, "engine", None), "_slot", None)
            if slot is not None:
                from twisted.internet import reactor  # the installed one (never import it early)

                reactor.callLater(0.2, slot.nextcall.schedule)  # type: ignore[attr-defined]
        return None

    def has_pending_requests(self) -> bool:
        return len(self.queue) > 0 or self.others_busy()

    def others_busy(self) -> bool:
        """Whether any worker (this one included) has requests of this spider in flight."""
        workers = self.server.smembers(WORKERS)
        pipe = self.server.pipeline(transaction=False)
        for worker in workers:
            pipe.hlen(inflight_key(self.spider.name, worker.decode()))
        return any(n for n in pipe.execute())

    def reclaim(self) -> int:
        """Put the in-flight requests of workers whose heartbeat expired back on the queue
        (at most once a second)."""
        now = time.monotonic()
        if now - self.last_reclaim < 1.0:
            return 0
        self.last_reclaim = now
        moved = 0
        for raw in self.server.smembers(WORKERS):
            worker = raw.decode()
            if worker == WORKER_ID or self.server.exists(worker_key(worker, self.spider.name)):
                continue
            n = int(self.server.eval(REQUEUE_INFLIGHT, 2, self.queue.key,
                                     inflight_key(self.spider.name, worker)))
            if n:
                moved += n
                log.warning("worker %s is gone: %d of its %s requests put back on the queue",
                            worker, n, self.spider.name)
                if self.stats:
                    self.stats.inc_value("cchc/frontier/reclaimed", n)
        return moved
