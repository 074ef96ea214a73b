"""pyroute2.netns: named network namespaces (/run/netns), without forking.

create() makes the namespace in Go on a locked OS thread and bind-mounts it
under /run/netns as `ip netns add` does; nothing forks, so it is safe in a
process that has loaded the library (the Go runtime does not survive fork).
"""
from __future__ import annotations

import json
import os
from typing import List, Optional

from .._ffi import api

__all__ = ["create", "remove", "listnetns", "NETNS_RUN_DIR"]

NETNS_RUN_DIR = "/var/run/netns"


def _name(netns: str) -> bytes:
    if not isinstance(netns, (str, bytes)):
        raise TypeError(f"netns must be a name or a path, not {type(netns).__name__}")
    return os.fsencode(netns)


def create(netns: str, libc: object = None) -> None:
    """Creates the named namespace (FileExistsError if it exists)."""
    api.nig_netns_create(_name(netns))


def remove(netns: str, libc: object = None) -> None:
    """Unmounts and deletes the named namespace (FileNotFoundError if missing)."""
    api.nig_netns_remove(_name(netns))


def listnetns(nspath: Optional[str] = None) -> List[str]:
    """Names under /run/netns (or nspath), [] when the directory is missing."""
    if nspath:
        try:
            return os.listdir(nspath)
        except FileNotFoundError:
            return []
    return json.loads(api.nig_netns_list())
