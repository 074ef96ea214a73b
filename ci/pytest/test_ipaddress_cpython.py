"""CPython's own Lib/test/test_ipaddress.py, run against netifaces_go.ipaddress.

Each (interpreter, test file) pair runs in a subprocess: netifaces_go.ipaddress
is put into sys.modules['ipaddress'] before the test file is loaded as
test.test_ipaddress, so the real stdlib module is never imported there. The
test files come from the pyenv installs of 3.11 and 3.13 (whichever exist) and
run under the interpreter running pytest.

Every test must pass except the ones listed in SKIPS with the reason; the
expected counts are asserted.

    python ci/pytest/test_ipaddress_cpython.py FILE   # run one file, print JSON
"""
import glob
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
PYTHON_DIR = os.path.join(HERE, "..", "..", "python")

# test id ("Class.method") -> why it cannot pass, per test file. Empty: every
# test of both files passes, including the nine that reach into CPython's
# private internals (testInternals, testIpFromInt, testIpFromPacked, testHash,
# testZeroNetmask, testSummarizing, testNetworkComparison, testIPBases,
# testNetworkElementCaching), because the Python layer keeps CPython's private
# names: _ip, _ALL_ONES, _prefix_from_prefix_string, _get_networks_key,
# _string_from_ip_int, _find_address_range, _count_righthand_zero_bits and the
# cached_property broadcast_address/hostmask. A test that starts failing must
# be fixed or listed here with its reason.
SKIPS = {"3.11": {}, "3.13": {}}


def _test_files():
    found = {}
    for minor in ("3.11", "3.13"):
        paths = sorted(glob.glob(f"/root/.pyenv/versions/{minor}.*/lib/python{minor}/test/test_ipaddress.py"))
        if paths:
            found[minor] = paths[-1]
    return found


def run_file(path, skips):
    """Runs one test file against netifaces_go.ipaddress (in this process)."""
    import importlib.util
    import unittest

    from netifaces_go import ipaddress as candidate

    assert candidate.__name__ == "netifaces_go.ipaddress"
    if os.environ.get("IPADDR_RUNNER_BREAK") == "1":  # proves the runner can fail
        candidate.IPv4Address.__str__ = lambda self: "broken"
    sys.modules["ipaddress"] = candidate
    sys.modules.pop("test.test_ipaddress", None)
    import test  # the interpreter's test package (test.support)
    spec = importlib.util.spec_from_file_location("test.test_ipaddress", path)
    mod = importlib.util.module_from_spec(spec)
    sys.modules["test.test_ipaddress"] = mod
    spec.loader.exec_module(mod)
    assert mod.ipaddress is candidate
    assert test is not None

    suite = unittest.TestSuite()
    skipped = []
    for case in unittest.defaultTestLoader.loadTestsFromModule(mod):
        for t in _flatten(case):
            tid = f"{type(t).__name__}.{t._testMethodName}"
            if tid in skips:
                skipped.append(tid)
            else:
                suite.addTest(t)
    result = unittest.TestResult()
    suite.run(result)
    return {
        "total": suite.countTestCases() + len(skipped),
        "run": result.testsRun,
        "failures": [(str(t), tb[-1500:]) for t, tb in result.failures],
        "errors": [(str(t), tb[-1500:]) for t, tb in result.errors],
        "skipped_by_runner": sorted(skipped),
        "skipped_by_file": [str(t) for t, _ in result.skipped],
    }


def _flatten(suite):
    import unittest
    if isinstance(suite, unittest.TestSuite):
        for s in suite:
            yield from _flatten(s)
    else:
        yield suite


def _run(minor, path, **extra_env):
    env = dict(os.environ, PYTHONPATH=os.path.abspath(PYTHON_DIR), **extra_env)
    # -S: no site hooks, so nothing imports the stdlib ipaddress first.
    r = subprocess.run([sys.executable, "-S", os.path.abspath(__file__), minor, path],
                       env=env, capture_output=True, text=True, timeout=600)
    assert r.returncode == 0, r.stderr[-4000:]
    return json.loads(r.stdout.strip().splitlines()[-1])


if __name__ == "__main__":
    # Before anything imports the stdlib ipaddress (pytest and its plugins may).
    print(json.dumps(run_file(sys.argv[2], SKIPS.get(sys.argv[1], {}))))
    sys.exit(0)

import pytest  # noqa: E402

FILES = _test_files()


@pytest.mark.parametrize("minor", sorted(FILES))
def test_cpython_test_ipaddress(minor):
    res = _run(minor, FILES[minor])
    problems = res["failures"] + res["errors"]
    assert not problems, "\n\n".join(f"{name}\n{tb}" for name, tb in problems)
    assert res["skipped_by_runner"] == sorted(SKIPS[minor])
    # Every test of the file ran and passed, but for the listed ones.
    expected_total = {"3.11": 204, "3.13": 207}[minor]
    assert res["total"] == expected_total
    assert res["run"] == expected_total - len(SKIPS[minor])
    print(f"{os.path.basename(os.path.dirname(os.path.dirname(FILES[minor])))}: "
          f"{res['run']} passed, 0 failed, {len(res['skipped_by_runner'])} skipped")


@pytest.mark.skipif(not FILES, reason="no CPython test_ipaddress.py on this machine")
def test_runner_detects_a_broken_module():
    minor = sorted(FILES)[-1]
    res = _run(minor, FILES[minor], IPADDR_RUNNER_BREAK="1")
    assert len(res["failures"]) + len(res["errors"]) > 10


def test_candidate_is_not_the_stdlib():
    from netifaces_go import ipaddress as candidate
    assert candidate.__name__ == "netifaces_go.ipaddress"
    assert "ipaddress" not in candidate.__dict__.get("__file__", "").split(os.sep)[-1:]

