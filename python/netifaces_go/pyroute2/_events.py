"""Event subscriptions: netlink multicast groups received and decoded in Go.

The library reads the group socket on its own thread into a queue (so a
slow Python consumer does not make the kernel drop events) and signals a
poll-able descriptor while events are queued. A kernel-side overflow is
reported in the stream as a message with event "OVERFLOW" and raised here
as pyroute2 does: OSError(ENOBUFS), once, after the events that preceded it.
The library then re-dumps the subscribed object types into the stream
(ordinary RTM_NEW* messages), so a consumer that applies events in order
converges on the kernel's state again.
"""
from __future__ import annotations

import errno
import json
import os
from typing import Any, List, Optional

from .._ffi import api
from ._messages import event_of



class Subscription:
    __slots__ = ("handle", "_fd", "_pending", "pid", "overflows", "_conn_split")

    def __init__(self, conn: Any, groups: int, rcvbuf: Optional[int] = None):
        opts = {"groups": int(groups)}
        if rcvbuf:
            opts["rcvbuf"] = int(rcvbuf)
        self.pid = os.getpid()
        self._conn_split = conn.split
        self.handle = 0
        self.handle = api.nig_rtnl_subscribe(conn._h(), json.dumps(opts).encode())
        self._fd = json.loads(api.nig_rtnl_info(self.handle))["fd"]
        self._pending: List[bytes] = []
        #: How many overflows get() reported.
        self.overflows = 0

    def fileno(self) -> int:
        return self._fd

    def get(self, timeout: Optional[float] = None) -> List[bytes]:
        """Queued events, undecoded (the connection's format); blocks until one is queued or the
        timeout (seconds) passes."""
        if not self.handle:
            raise ValueError("I/O operation on a closed subscription")
        lines = self._pending
        self._pending = []
        if not lines:
            ms = -1 if timeout is None else max(0, int(timeout * 1000))
            lines = self._conn_split(api.nig_rtnl_events(self.handle, ms))
        for i, line in enumerate(lines):
            if event_of(line) == "OVERFLOW":
                if i > 0:
                    self._pending = lines[i:]
                    return lines[:i]
                self._pending = lines[1:]
                self.overflows += 1
                raise OSError(errno.ENOBUFS, os.strerror(errno.ENOBUFS))
        return lines

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
