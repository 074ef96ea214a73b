"""Helper process serving library calls for a child forked after the library was loaded.

Started by :class:`netifaces_go._ffi._Remote` as ``python -m netifaces_go._server FD``
(fork + exec, which the Go runtime survives). It loads the library afresh and
answers ``(name, args)`` frames with ``(status, payload)`` frames on the inherited
socket until the socket closes. Frames are a 4-byte big-endian length and a
:mod:`marshal` payload (both ends are the same interpreter binary).
"""
from __future__ import annotations

import marshal
import signal
import socket
import struct
import sys
from typing import Any, BinaryIO

_HEADER = struct.Struct(">I")
_MAX_FRAME = 1 << 30


def write_frame(w: BinaryIO, value: Any) -> None:
    data = marshal.dumps(value)
    w.write(_HEADER.pack(len(data)))
    w.write(data)
    w.flush()


def _read_exact(r: BinaryIO, n: int) -> bytes:
    data = r.read(n)
    if data is None or len(data) != n:
        raise EOFError("netifaces_go helper: connection closed")
    return data


def read_frame(r: BinaryIO) -> Any:
    (n,) = _HEADER.unpack(_read_exact(r, _HEADER.size))
    if n > _MAX_FRAME:
        raise ValueError(f"netifaces_go helper: frame of {n} bytes")
    return marshal.loads(_read_exact(r, n))


def main(argv: list) -> int:
    # Ctrl-C goes to the whole foreground process group; the client handles it.
    # This process ends when the client's end of the socket closes.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    from netifaces_go import _ffi

    sock = socket.socket(fileno=int(argv[1]))
    reader, writer = sock.makefile("rb"), sock.makefile("wb")
    while True:
        try:
            name, args = read_frame(reader)
        except (EOFError, ValueError):
            return 0
        try:
            reply = _ffi.serve_raw(name, tuple(args))
        except Exception as e:  # a load failure: report it to the client
            msg = f"netifaces_go helper: {type(e).__name__}: {e}"
            reply = (-1005, ('{"code":-1005,"errno":0,"kind":"RuntimeError","message":%s}'
                             % _json_str(msg)).encode())
        try:
            write_frame(writer, reply)
        except OSError:
            return 0


def _json_str(s: str) -> str:
    import json
    return json.dumps(s)


if __name__ == "__main__":
    sys.exit(main(sys.argv))
