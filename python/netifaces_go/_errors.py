"""Exceptions raised by netifaces_go, and the one mapping from library status to them.

Every failure of a library call arrives as a status code plus an error object
``{"code", "errno", "kind", "message"}`` (see include/netifaces_go.h). ``kind`` names
the Python exception class; kernel and OS errors keep their errno.
"""
from __future__ import annotations

import errno as _errno
import json
import os
from typing import Callable, Dict

# Library status codes (NIG_E* in include/netifaces_go.h).
NIG_OK = 0
NIG_ERR_BASE = -1000
NIG_EINVAL = -1000
NIG_EJSON = -1001
NIG_EHANDLE = -1002
NIG_EUNSUPPORTED = -1003
NIG_ETOOBIG = -1004
NIG_EINTERNAL = -1005
NIG_EFORK = -1006
NIG_ENOTFOUND = -1007
NIG_EVALUE = -1008
NIG_ETYPE = -1009


class LibraryError(RuntimeError):
    """An internal failure of the library (a recovered panic, a fork misuse)."""

    def __init__(self, code: int, message: str):
        super().__init__(message)
        self.code = code


class UnsupportedError(OSError):
    """The operation is not supported on this platform or kernel."""


class NetlinkError(Exception):
    """A kernel netlink error, shaped like pyroute2's: ``args == (code, msg)``."""

    def __init__(self, code: int, msg: str | None = None):
        msg = msg or os.strerror(code)
        super().__init__(code, msg)
        self.code = code


class AddressValueError(ValueError):
    """A value error related to the address."""


class NetmaskValueError(ValueError):
    """A value error related to the netmask."""


_KINDS: Dict[str, Callable[[int, int, str], BaseException]] = {
    "ValueError": lambda code, en, msg: ValueError(msg),
    "TypeError": lambda code, en, msg: TypeError(msg),
    "KeyError": lambda code, en, msg: KeyError(msg),
    "AddressValueError": lambda code, en, msg: AddressValueError(msg),
    "NetmaskValueError": lambda code, en, msg: NetmaskValueError(msg),
    "NetlinkError": lambda code, en, msg: NetlinkError(en, msg),
    "RuntimeError": lambda code, en, msg: LibraryError(code, msg),
}


def register_kind(kind: str, factory: Callable[[int, int, str], BaseException]) -> None:
    """Lets a compatibility module map an error kind to its own exception class."""
    _KINDS[kind] = factory


def exception_for(code: int, payload: bytes) -> BaseException:
    """Builds the exception for a failed call from its status and error object."""
    try:
        info = json.loads(payload) if payload else {}
    except ValueError:
        info = {}
    message = info.get("message") or f"netifaces_go: status {code}"
    kind = info.get("kind", "")
    en = info.get("errno") or (-code if NIG_ERR_BASE < code < 0 else 0)
    factory = _KINDS.get(kind)
    if factory is not None:
        return factory(code, en, message)
    if en:
        return OSError(en, message if message != os.strerror(en) else os.strerror(en))
    if code == NIG_EUNSUPPORTED:
        return UnsupportedError(_errno.EOPNOTSUPP, message)
    if code == NIG_ENOTFOUND:
        return KeyError(message)
    if code in (NIG_EINVAL, NIG_EJSON, NIG_EHANDLE, NIG_ETOOBIG, NIG_EVALUE):
        return ValueError(message)
    if code == NIG_ETYPE:
        return TypeError(message)
    return LibraryError(code, message)


__all__ = [
    "LibraryError", "UnsupportedError", "NetlinkError", "AddressValueError",
    "NetmaskValueError", "exception_for", "register_kind",
]
