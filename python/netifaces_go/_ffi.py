"""The only module that touches ctypes: loads libnetifaces_go and calls it.

Everything above this module calls ``api.<nig_function>(...)`` with Python ints,
``bytes`` or ``None`` and gets ``bytes``, an ``int`` handle or ``None`` back; a
failure raises the exception chosen by :mod:`netifaces_go._errors`.

Loading is lazy (``import netifaces_go`` costs nothing) and happens once, under a
lock, on the first call. The Go runtime does not survive ``fork()``: in a child
forked after the library was loaded, calls are served by a freshly exec'd helper
process (:mod:`netifaces_go._server`) over a socket pair with the same calls and
results, so ``multiprocessing`` with the fork start method keeps working. A child
forked before the library was loaded simply loads it itself.
"""
from __future__ import annotations

import ctypes
import os
import sys
import threading
from typing import Any, Callable, Dict, Optional, Tuple

from . import _errors

#: ABI version this package was written against (NIG_ABI_VERSION).
ABI_VERSION = 1

#: Environment variable naming the library when the package directory has none.
LIBRARY_ENV = "NETIFACES_GO_LIBRARY"

_LIBNAME = "libnetifaces_go.so"
_SONAME = "libnetifaces_go.so.1"

# Signatures: input kinds, '>', output kind.
#   inputs : b = bytes or None, passed as (const char *, size_t)
#            h = nig_handle (uint64), q = int64, i = int
#   output : o = (char **out, size_t *out_len) -> bytes
#            H = (nig_handle *out) -> int
#            '' = none -> None
API: Dict[str, str] = {
    "nig_debug_stats": ">o",
    "nig_last_error_json": ">o",
    "nig_close": "h>",
    "nig_free": "p>",
    # ipaddr (CPython ipaddress): packed 20-byte records; see include/netifaces_go.h
    "nig_ipaddr_parse": "bip>",
    "nig_ipaddr_parse_many": "bi>o",
    "nig_ipaddr_describe": "bip>",
    "nig_ipaddr_format_many": "bi>o",
    "nig_ipaddr_properties": "b>o",
    "nig_ipaddr_collapse": "b>o",
    "nig_ipaddr_summarize": "b>o",
    "nig_ipset_new": ">H",
    "nig_ipset_update": "hib>",
    "nig_ipset_combine": "hhi>H",
    "nig_ipset_contains": "hb>o",
    "nig_ipset_export": "hi>o",
    "nig_ipset_info": "h>o",
    "nig_prefixtable_new": ">H",
    "nig_prefixtable_insert": "hbb>o",
    "nig_prefixtable_delete": "hb>o",
    "nig_prefixtable_lookup": "hib>o",
    "nig_prefixtable_entries": "h>o",
    # ifenum (netifaces): options JSON as the last bytes input
    "nig_ifenum_interfaces": "b>o",
    "nig_ifenum_ifaddresses": "bb>o",
    "nig_ifenum_allifaddresses": "b>o",
    "nig_ifenum_gateways": "b>o",
    "nig_ifenum_default_gateway": "ib>o",
    "nig_ifenum_interface_details": "bb>o",
    "nig_ifenum_address_families": ">o",
    "nig_ifenum_af_constants": ">o",
    # rtnl (pyroute2): connection/iterator/subscription handles, JSON Lines results
    "nig_rtnl_open": "b>H",
    "nig_rtnl_info": "h>o",
    "nig_rtnl_request": "hb>o",
    "nig_rtnl_dump": "hb>H",
    "nig_rtnl_next": "h>o",
    "nig_rtnl_batch": "hb>o",
    "nig_rtnl_subscribe": "hb>H",
    "nig_rtnl_events": "hi>o",
    "nig_rtnl_get_link": "hqbi>o",
    "nig_rtnl_marshal": "b>o",
    "nig_netns_create": "b>",
    "nig_netns_remove": "b>",
    "nig_netns_list": ">o",
}

# Caller-buffer fast path ("into" calls): functions of signature 'bip>' that write
# a fixed-size result into a buffer the caller passes (no allocation, no second
# call to free it). Name -> (buffer size, text result). Used per object by
# netifaces_go.ipaddress.
# A text result (NUL-terminated) comes back as the bytes before the NUL.
INTO: Dict[str, Tuple[int, bool]] = {
    "nig_ipaddr_parse": (32, False),      # nig_ipaddr_parsed
    "nig_ipaddr_describe": (128, True),   # NIG_IPADDR_DESCRIBE_SIZE, text
}

_IN_CTYPES = {
    "b": (ctypes.c_char_p, ctypes.c_size_t),
    "h": (ctypes.c_uint64,),
    "q": (ctypes.c_int64,),
    "i": (ctypes.c_int,),
    "u": (ctypes.c_uint32,),
    "p": (ctypes.c_void_p,),
}
_OUT_CTYPES = {
    "o": (ctypes.POINTER(ctypes.c_void_p), ctypes.POINTER(ctypes.c_size_t)),
    "H": (ctypes.POINTER(ctypes.c_uint64),),
    "": (),
}


def _split(sig: str) -> Tuple[str, str]:
    ins, _, out = sig.partition(">")
    return ins, out


def library_path() -> str:
    """Where the library is loaded from: the package directory first, then
    ``$NETIFACES_GO_LIBRARY``, then the system's ``libnetifaces_go.so.1``."""
    here = os.path.join(os.path.dirname(os.path.abspath(__file__)), _LIBNAME)
    if os.path.exists(here):
        return here
    env = os.environ.get(LIBRARY_ENV)
    if env:
        return env
    return _SONAME


def _generate(name: str, sig: str, raw: bool) -> str:
    """Source of a wrapper specialised to one signature (no per-call loops)."""
    ins, out = _split(sig)
    params = [f"a{i}" for i in range(len(ins))]
    cargs = []
    for p, kind in zip(params, ins):
        if kind == "b":
            cargs += [p, f"(len({p}) if {p} is not None else 0)"]
        else:
            cargs.append(p)
    lines = [f"def {name}({', '.join(params)}):"]
    if out == "o":
        lines += ["    out = _c_void_p(); n = _c_size_t()",
                  f"    rc = _cf({', '.join(cargs + ['_byref(out)', '_byref(n)'])})",
                  "    p = out.value",
                  "    if p:",
                  "        try:",
                  "            data = _string_at(p, n.value)",
                  "        finally:",
                  "            _free(p)",
                  "    else:",
                  "        data = b''"]
        if raw:
            lines.append("    return rc, data")
        else:
            lines += ["    if rc:", "        raise _exception_for(rc, data)", "    return data"]
    elif out == "H":
        lines += ["    h = _c_uint64()",
                  f"    rc = _cf({', '.join(cargs + ['_byref(h)'])})",
                  "    if rc:",
                  "        data = _last_error_json()"]
        if raw:
            lines += ["        return rc, data", "    return 0, h.value"]
        else:
            lines += ["        raise _exception_for(rc, data)", "    return h.value"]
    else:
        lines += [f"    rc = _cf({', '.join(cargs)})",
                  "    if rc:",
                  "        data = _last_error_json()"]
        if raw:
            lines += ["        return rc, data", "    return 0, None"]
        else:
            lines += ["        raise _exception_for(rc, data)", "    return None"]
    return "\n".join(lines) + "\n"


class _Library:
    """The library loaded into this process."""

    def __init__(self, path: str):
        self.path = path
        self.pid = os.getpid()
        try:
            self.cdll = ctypes.CDLL(path)  # CDLL releases the GIL during calls
        except OSError as e:
            raise ImportError(f"netifaces_go: cannot load {path}: {e}", path=path) from None
        self.cdll.nig_abi_version.argtypes = []
        self.cdll.nig_abi_version.restype = ctypes.c_int
        found = self.cdll.nig_abi_version()
        if found != ABI_VERSION:
            raise ImportError(
                f"netifaces_go: {path} has ABI version {found}, this package needs "
                f"ABI version {ABI_VERSION}", path=path)
        self.cdll.nig_version.argtypes = []
        self.cdll.nig_version.restype = ctypes.c_char_p  # static string, never freed
        self.version = self.cdll.nig_version().decode()
        self._free = self.cdll.nig_free
        self._free.argtypes = [ctypes.c_void_p]
        self._free.restype = ctypes.c_int
        self.raw: Dict[str, Callable[..., Any]] = {}
        self.checked: Dict[str, Callable[..., Any]] = {}
        for name, sig in API.items():
            cf = getattr(self.cdll, name)
            ins, out = _split(sig)
            argtypes = []
            for k in ins:
                argtypes += _IN_CTYPES[k]
            argtypes += _OUT_CTYPES[out]
            cf.argtypes = argtypes
            cf.restype = ctypes.c_int
            self.raw[name] = self._compile(name, sig, cf, raw=True)
            self.checked[name] = self._compile(name, sig, cf, raw=False)
        self.into: Dict[str, Callable[..., Any]] = {
            name: self._compile_into(name, *shape) for name, shape in INTO.items()}

    def _compile(self, name: str, sig: str, cf: Any, raw: bool) -> Callable[..., Any]:
        ns: Dict[str, Any] = {
            "_cf": cf, "_c_void_p": ctypes.c_void_p, "_c_size_t": ctypes.c_size_t,
            "_c_uint64": ctypes.c_uint64, "_byref": ctypes.byref,
            "_string_at": ctypes.string_at, "_free": self._free,
            "_exception_for": _errors.exception_for,
            "_last_error_json": self._last_error_json,
        }
        exec(_generate(name, sig, raw), ns)  # noqa: S102 - source built above from API
        return ns[name]

    def _compile_into(self, name: str, size: int, text: bool) -> Callable[..., Any]:
        """fn(data: bytes, arg: int) -> (status, buffer bytes | error JSON).

        Called through ctypes.PyDLL (the GIL stays held: the Go side is a short,
        non-blocking computation) with a per-thread buffer, so concurrent threads
        never share one. No argtypes: declared argtypes make ctypes allocate a
        converter object per argument (half the cost of the call), so each
        argument is passed with its exact C type instead: bytes (const char *),
        a c_size_t instance (size_t), a Python int (int), the buffer (void *)."""
        cf = getattr(ctypes.PyDLL(self.path), name)
        cf.restype = ctypes.c_int
        c_size_t = ctypes.c_size_t
        sizes = tuple(c_size_t(i) for i in range(64))  # shared, never written
        local = threading.local()
        last_error_json = self._last_error_json

        def into(data: bytes, arg: int) -> Tuple[int, bytes]:
            if type(data) is not bytes:
                raise TypeError(f"{name}: data must be bytes, not {type(data).__name__}")
            try:
                buf = local.buf
            except AttributeError:
                buf = local.buf = ctypes.create_string_buffer(size)
            n = len(data)
            rc = cf(data, sizes[n] if n < 64 else c_size_t(n), arg, buf)
            if rc:
                return rc, last_error_json()
            return 0, buf.value if text else buf.raw

        into.__name__ = name
        return into

    def _last_error_json(self) -> bytes:
        return self.raw["nig_last_error_json"]()[1]


class _Remote:
    """Calls served by a helper process; used in a child forked after loading."""

    def __init__(self, path: str):
        import socket
        import subprocess

        self.pid = os.getpid()
        self.path = path
        self.lock = threading.Lock()
        parent, child = socket.socketpair()
        pkg_parent = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
        env = dict(os.environ)
        env["PYTHONPATH"] = pkg_parent + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
        env[LIBRARY_ENV] = path
        try:
            self.proc = subprocess.Popen(
                [sys.executable, "-m", "netifaces_go._server", str(child.fileno())],
                pass_fds=[child.fileno()], env=env, stdin=subprocess.DEVNULL,
                close_fds=True)
        except OSError as e:
            raise _errors.LibraryError(
                _errors.NIG_EFORK,
                "netifaces_go: this process was forked after the library was loaded and "
                f"the helper process could not be started ({e}); use the 'spawn' or "
                "'forkserver' multiprocessing start method") from None
        finally:
            child.close()
        self.sock = parent
        self.reader = parent.makefile("rb")
        self.writer = parent.makefile("wb")

    def call(self, name: str, args: tuple) -> Tuple[int, Any]:
        from . import _server
        with self.lock:
            try:
                _server.write_frame(self.writer, (name, args))
                reply = _server.read_frame(self.reader)
            except (OSError, EOFError, ValueError) as e:
                raise _errors.LibraryError(
                    _errors.NIG_EFORK, f"netifaces_go: helper process failed: {e}") from None
        return reply

    def into(self, name: str) -> Callable[..., Any]:
        call = self.call

        def remote_into(data: bytes, arg: int) -> Tuple[int, bytes]:
            return call(name + _INTO_SUFFIX, (data, arg))

        remote_into.__name__ = name
        return remote_into

    def wrapper(self, name: str, sig: str) -> Callable[..., Any]:
        _, out = _split(sig)
        call = self.call
        exception_for = _errors.exception_for

        def remote(*args: Any) -> Any:
            rc, data = call(name, args)
            if rc:
                raise exception_for(rc, data)
            return data

        remote.__name__ = name
        return remote


class _API:
    """``api.nig_x(...)``: the checked wrappers, bound on first use.

    Attributes are filled lazily and dropped in a forked child, so callers must
    always go through ``api.<name>`` and never keep a wrapper across calls."""

    def __getattr__(self, name: str) -> Callable[..., Any]:
        sig = API.get(name)
        if sig is None:
            raise AttributeError(name)
        backend = _backend()
        fn = backend.checked[name] if isinstance(backend, _Library) else backend.wrapper(name, sig)
        setattr(self, name, fn)
        return fn


api = _API()


class _Into:
    """``fast.nig_x(data, arg) -> (status, payload)``: the INTO calls, bound on first
    use and dropped in a forked child like ``api``'s (never keep one across calls)."""

    def __getattr__(self, name: str) -> Callable[..., Any]:
        if name not in INTO:
            raise AttributeError(name)
        backend = _backend()
        fn = backend.into[name] if isinstance(backend, _Library) else backend.into(name)
        setattr(self, name, fn)
        return fn


fast = _Into()
_INTO_SUFFIX = "#into"
_lock = threading.Lock()
_loaded: Optional[_Library] = None
_remote: Optional[_Remote] = None


def _backend() -> Any:
    global _loaded, _remote
    with _lock:
        if _loaded is not None and _loaded.pid == os.getpid():
            return _loaded
        if _loaded is None:
            _loaded = _Library(library_path())
            return _loaded
        # A child forked after the library was loaded: never enter the Go runtime here.
        if _remote is None or _remote.pid != os.getpid():
            _remote = _Remote(_loaded.path)
        return _remote


def _after_fork_in_child() -> None:
    global _remote
    # The lock may have been held by another thread at fork time.
    globals()["_lock"] = threading.Lock()
    _remote = None
    api.__dict__.clear()
    fast.__dict__.clear()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_after_fork_in_child)


def loaded_library() -> Optional[str]:
    """Path of the library loaded in this process tree, or None if not loaded yet."""
    return _loaded.path if _loaded is not None else None


def library_version() -> str:
    """Version of the loaded library (loads it)."""
    backend = _backend()
    if isinstance(backend, _Library):
        return backend.version
    return _loaded.version if _loaded is not None else ""


def serve_raw(name: str, args: tuple) -> Tuple[int, Any]:
    """Used by the helper process: one call, returning (status, payload)."""
    backend = _backend()
    if name.endswith(_INTO_SUFFIX) and name[:-len(_INTO_SUFFIX)] in INTO:
        return backend.into[name[:-len(_INTO_SUFFIX)]](*args)
    fn = backend.raw.get(name)
    if fn is None:
        return _errors.NIG_EINVAL, b'{"code":-1000,"errno":0,"kind":"ValueError","message":"unknown function"}'
    return fn(*args)
