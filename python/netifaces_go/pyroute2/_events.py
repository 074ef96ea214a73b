"""Event subscriptions: netlink multicast groups received and decoded in Go.

The library reads the group socket on its own thread into a queue (so a
slow Python consumer does not make the kernel drop events) and signals a
poll-able descriptor while events are queued. A kernel-side overflow is
reported in the stream as a message with event "OVERFLOW" and raised here
as pyroute2 does: OSError(ENOBUFS), once, after the events that preceded it.
The library then re-dumps the subscribed object types into the stream
(ordinary RTM_NEW* messages), so a consumer that applies events in order
converges on the kernel's state again.

Events come in the library's "pybatch" format (capi/export_rtnl_evbatch.go):
one marshal.loads per batch gives the message dicts already in pyroute2's
shape, with every name built once per batch, so turning them into message
objects costs a dict copy each; only messages the library lists as "slow"
(nested attribute sets, or no "target" in the header) get more work.
"""
from __future__ import annotations

import errno
import gc
import json
import marshal
import os
from typing import Any, Dict, List, Optional, Tuple

from .._ffi import api
from ._messages import Stats, class_for_event, _nest

_mloads = marshal.loads
_STATS0 = Stats(0, 0, 0)
# Batches above this size are decoded with the cyclic GC paused: they create
# many containers and no cycles.
_GC_PAUSE_BYTES = 1 << 16


class Subscription:
    __slots__ = ("handle", "_fd", "_pending", "pid", "overflows", "_classes")

    def __init__(self, conn: Any, groups: int, rcvbuf: Optional[int] = None,
                 max_queue: Optional[int] = None):
        opts: Dict[str, Any] = {"groups": int(groups), "format": "pybatch"}
        if rcvbuf:
            opts["rcvbuf"] = int(rcvbuf)
        if max_queue:
            opts["max_queue"] = int(max_queue)  # bytes queued in the library before it drops
        self.pid = os.getpid()
        self.handle = 0
        self.handle = api.nig_rtnl_subscribe(conn._h(), json.dumps(opts).encode())
        self._fd = json.loads(api.nig_rtnl_info(self.handle))["fd"]
        # Messages of a batch not returned yet: those from an overflow
        # report on (it is raised by the next get()).
        self._pending: List[Any] = []
        #: event name -> message class
        self._classes: Dict[str, type] = {}
        #: How many overflows get() reported.
        self.overflows = 0

    def fileno(self) -> int:
        return self._fd

    def get(self, timeout: Optional[float] = None) -> Tuple[Any, ...]:
        """The queued events as messages; blocks until one is queued or the
        timeout (seconds) passes."""
        if not self.handle:
            raise ValueError("I/O operation on a closed subscription")
        if self._pending:
            msgs, self._pending = self._pending, []
            return self._until_overflow(msgs, [i for i, m in enumerate(msgs) if m["event"] == "OVERFLOW"])
        ms = -1 if timeout is None else max(0, int(timeout * 1000))
        data = api.nig_rtnl_events(self.handle, ms)
        if not data:
            return ()
        if len(data) < _GC_PAUSE_BYTES or not gc.isenabled():
            msgs, over = self._build(data)
        else:
            gc.disable()
            try:
                msgs, over = self._build(data)
            finally:
                gc.enable()
        if over:
            return self._until_overflow(msgs, over)
        return tuple(msgs)

    def _build(self, data: bytes) -> Tuple[List[Any], List[int]]:
        dicts, slow, over = _mloads(data)
        for i in slow:
            d = dicts[i]
            h = d["header"]
            if "target" not in h:
                h["target"] = "localhost"
            _nest(d["attrs"])
        classes = self._classes
        stats = _STATS0
        out = []
        append = out.append
        for d in dicts:
            d["header"]["stats"] = stats
            try:
                cls = classes[d["event"]]
            except KeyError:
                cls = classes[d["event"]] = class_for_event(d["event"])
            append(cls(d))
        return out, over

    def _until_overflow(self, msgs: List[Any], over: List[int]) -> Tuple[Any, ...]:
        """msgs up to the first overflow report; that report raises
        OSError(ENOBUFS) on the call that reaches it."""
        if not over:
            return tuple(msgs)
        i = over[0]
        if i > 0:
            self._pending = msgs[i:]
            return tuple(msgs[:i])
        self._pending = msgs[1:]
        self.overflows += 1
        raise OSError(errno.ENOBUFS, os.strerror(errno.ENOBUFS))

    def info(self) -> dict:
        """Counters of the library side: events, overflows, resyncs, dropped."""
        return json.loads(api.nig_rtnl_info(self.handle))

    def close(self) -> None:
        h, self.handle = self.handle, 0
        if h and self.pid == os.getpid():
            api.nig_close(h)

    def __del__(self) -> None:
        try:
            self.close()
        except Exception:
            pass
