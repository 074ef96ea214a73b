"""The FFI contract: loading, ABI check, errors, threads, fork, shutdown."""
import json
import multiprocessing
import os
import select
import subprocess
import sys
import textwrap
import threading

import pytest

from conftest import ROOT

PYTHON_DIR = os.path.join(ROOT, "python")


def run_python(code, timeout=60, **kw):
    env = dict(os.environ, PYTHONPATH=PYTHON_DIR)
    return subprocess.run([sys.executable, "-c", textwrap.dedent(code)], env=env,
                          capture_output=True, text=True, timeout=timeout, **kw)


def test_api_table_matches_header():
    import build_library
    from netifaces_go import _ffi

    header = {k: v for k, v in build_library.signatures().items() if v is not None}
    assert _ffi.API == header


def test_import_does_not_load_the_library():
    r = run_python("""
        import netifaces_go, netifaces_go._ffi as f
        maps = open('/proc/self/maps').read()
        threads = [l for l in open('/proc/self/status') if l.startswith('Threads:')][0].split()[1]
        print('libnetifaces_go' in maps, threads, f.loaded_library())
    """)
    assert r.returncode == 0, r.stderr
    assert r.stdout.split() == ["False", "1", "None"]


def test_abi_mismatch_names_both_versions(monkeypatch):
    from netifaces_go import _ffi

    monkeypatch.setattr(_ffi, "ABI_VERSION", 99)
    with pytest.raises(ImportError) as e:
        _ffi._Library(_ffi.library_path())
    assert "ABI version 1" in str(e.value) and "ABI version 99" in str(e.value)


def test_missing_library_is_importerror():
    from netifaces_go import _ffi

    with pytest.raises(ImportError, match="cannot load /nonexistent/libnetifaces_go.so"):
        _ffi._Library("/nonexistent/libnetifaces_go.so")


def test_library_from_env_var(tmp_path):
    # A copy of the package without the library finds it through the variable.
    import shutil

    pkg = tmp_path / "netifaces_go"
    shutil.copytree(os.path.join(PYTHON_DIR, "netifaces_go"), pkg,
                    ignore=shutil.ignore_patterns("libnetifaces_go.so", "__pycache__"))
    lib = os.path.join(PYTHON_DIR, "netifaces_go", "libnetifaces_go.so")
    env = dict(os.environ, PYTHONPATH=str(tmp_path), NETIFACES_GO_LIBRARY=lib)
    r = subprocess.run([sys.executable, "-c", "import netifaces_go as n, netifaces_go._ffi as f;"
                        "print(n.library_version(), f.loaded_library())"],
                       env=env, capture_output=True, text=True, timeout=60)
    assert r.returncode == 0, r.stderr
    assert r.stdout.split() == ["0.1.0", lib]


def test_errors_map_to_exceptions():
    from netifaces_go import _errors
    from netifaces_go._ffi import api

    with pytest.raises(ValueError, match="invalid handle 0: 0 is never a valid handle"):
        api.nig_close(0)
    with pytest.raises(ValueError, match="never issued"):
        api.nig_close(2**63)
    e = _errors.exception_for(-19, b'{"code":-19,"errno":19,"kind":"OSError","message":"no such device"}')
    assert isinstance(e, OSError) and e.errno == 19
    e = _errors.exception_for(-17, b'{"code":-17,"errno":17,"kind":"NetlinkError","message":"File exists"}')
    assert isinstance(e, _errors.NetlinkError) and e.code == 17 and e.args == (17, "File exists")
    e = _errors.exception_for(-1005, b"not json")
    assert isinstance(e, _errors.LibraryError) and e.code == -1005
    assert isinstance(_errors.exception_for(-1009, b""), TypeError)


def test_free_refuses_foreign_and_double_free():
    from netifaces_go._ffi import api

    with pytest.raises(ValueError, match="was not returned by this library"):
        api.nig_free(4096)
    assert api.nig_free(None) is None


def test_many_threads():
    """8 threads x 20k calls, results and per-thread errors correct."""
    from netifaces_go._ffi import api

    errors = []

    def work(i):
        try:
            for n in range(20_000):
                if n % 4:
                    assert json.loads(api.nig_debug_stats())["abi_version"] == 1
                else:
                    try:
                        api.nig_close(1_000_000 + i)
                    except ValueError as e:
                        assert str(e) == f"invalid handle {1_000_000 + i}: never issued"
                    else:
                        raise AssertionError("close of a bogus handle succeeded")
        except BaseException as e:  # pragma: no cover - reported below
            errors.append(e)

    threads = [threading.Thread(target=work, args=(i,)) for i in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    assert not any(t.is_alive() for t in threads)
    assert errors == []


def _worker(n):
    from netifaces_go._ffi import api

    total = 0
    for _ in range(100):
        total += json.loads(api.nig_debug_stats())["abi_version"]
        try:
            api.nig_close(0)
        except ValueError as e:
            assert "never a valid handle" in str(e)
    return n, total, os.getpid()


def test_multiprocessing_fork_after_load():
    """8 forked workers x 100 calls each: correct, nothing hangs."""
    from netifaces_go._ffi import api

    api.nig_debug_stats()  # the parent has loaded and used the Go runtime
    ctx = multiprocessing.get_context("fork")
    with ctx.Pool(8) as pool:
        results = pool.map_async(_worker, range(8)).get(timeout=120)
    assert sorted(r[0] for r in results) == list(range(8))
    assert all(r[1] == 100 for r in results)
    assert all(r[2] != os.getpid() for r in results)


def _in_forked_child(fn, timeout=60):
    """Runs fn() in an os.fork() child; returns what it wrote, or fails on a hang."""
    r, w = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - child
        os.close(r)
        try:
            out = fn()
            os.write(w, json.dumps(["ok", out]).encode())
        except BaseException as e:
            os.write(w, json.dumps(["err", f"{type(e).__name__}: {e}"]).encode())
        os._exit(0)
    os.close(w)
    ready, _, _ = select.select([r], [], [], timeout)
    if not ready:
        os.kill(pid, 9)
        os.waitpid(pid, 0)
        pytest.fail("forked child hung")
    data = os.read(r, 1 << 20)
    os.close(r)
    os.waitpid(pid, 0)
    return json.loads(data)


def test_os_fork_child_and_grandchild():
    from netifaces_go._ffi import api

    api.nig_debug_stats()

    def child():
        first = json.loads(api.nig_debug_stats())["abi_version"]
        try:
            api.nig_close(0)
        except ValueError as e:
            err = str(e)
        grand = _in_forked_child(lambda: json.loads(api.nig_debug_stats())["abi_version"])
        return [first, err, grand]

    status, out = _in_forked_child(child)
    assert status == "ok", out
    assert out == [1, "invalid handle 0: 0 is never a valid handle", ["ok", 1]]


def test_fork_before_load_child_loads_itself():
    r = run_python("""
        import json, os
        from netifaces_go import _ffi
        pid = os.fork()
        if pid == 0:
            v = json.loads(_ffi.api.nig_debug_stats())["abi_version"]
            os._exit(0 if v == 1 and _ffi._remote is None else 3)
        _, status = os.waitpid(pid, 0)
        print(os.waitstatus_to_exitcode(status) if hasattr(os, "waitstatus_to_exitcode") else status >> 8)
    """)
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip() == "0"


def test_library_writes_nothing_with_stdout_closed():
    r = run_python("""
        import os
        from netifaces_go._ffi import api
        os.close(1)
        for _ in range(1000):
            api.nig_debug_stats()
            try:
                api.nig_close(0)
            except ValueError:
                pass
    """)
    assert r.returncode == 0 and r.stderr == "", r.stderr


def test_exit_while_threads_are_calling():
    """Interpreter shutdown with daemon threads inside the library: clean exit."""
    r = run_python("""
        import threading
        from netifaces_go._ffi import api
        def spin():
            while True:
                api.nig_debug_stats()
        for _ in range(4):
            threading.Thread(target=spin, daemon=True).start()
        import time; time.sleep(0.3)
        import atexit; atexit.register(lambda: api.nig_debug_stats())
    """, timeout=60)
    assert r.returncode == 0, r.stderr
