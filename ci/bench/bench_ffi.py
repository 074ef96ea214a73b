"""Per-call cost of the FFI layer: trivial exports from Python, in-process and
through the helper process a forked child uses."""
import ctypes
import json
import os

from run import best_of

N = 200_000


def run(report):
    from netifaces_go import _ffi
    from netifaces_go._ffi import api

    api.nig_free(None)  # load
    lib = _ffi._loaded.cdll
    libc = ctypes.CDLL(None)
    libc.abs.argtypes = [ctypes.c_int]
    libc.abs.restype = ctypes.c_int

    def noop():
        pass

    def loop(fn, *args):
        def body():
            for _ in range(N):
                fn(*args)
        return best_of(body, repeat=5) / N

    t_noop = loop(noop)
    t_abs = loop(libc.abs, -3)
    t_abi = loop(lib.nig_abi_version)
    t_free = loop(api.nig_free, None)
    t_stats = best_of(lambda: [api.nig_debug_stats() for _ in range(20_000)]) / 20_000
    report.row("ctypes -> nig_abi_version (trivial Go export)", t_abi, "ctypes -> libc abs()", t_abs)
    report.row("api.nig_free(None) (wrapper + guarded export)", t_free, "Python no-op function", t_noop)
    report.row("api.nig_debug_stats() (JSON result, freed)", t_stats, "ctypes -> libc abs()", t_abs)

    # A child forked after load is served by the helper process.
    r, w = os.pipe()
    pid = os.fork()
    if pid == 0:
        import time
        t0 = time.perf_counter()
        api.nig_free(None)
        start = time.perf_counter() - t0
        per = best_of(lambda: [api.nig_free(None) for _ in range(2000)], repeat=3) / 2000
        os.write(w, json.dumps([start, per]).encode())
        os._exit(0)
    os.close(w)
    start, per = json.loads(os.read(r, 4096))
    os.waitpid(pid, 0)
    report.row("forked child: first call (starts helper process)", start, "in-process trivial call", t_free)
    report.row("forked child: per call via helper process", per, "in-process trivial call", t_free)
