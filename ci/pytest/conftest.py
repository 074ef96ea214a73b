"""Shared fixtures. Nothing here loads the library at import time: pytest's
faulthandler must be installed before the Go runtime (see shared/spec/cgo-abi.md §2.2)."""
import json
import os
import sys

import pytest

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
VECTORS = os.path.join(ROOT, "ci", "vectors")
if ROOT not in sys.path:
    sys.path.append(ROOT)  # build_library (header parsing) for drift checks


def is_root() -> bool:
    return os.geteuid() == 0


def require_root():
    """Skips for non-root users; under CI=true a skip of a privileged test is a failure."""
    if is_root():
        return
    if os.environ.get("CI") == "true":
        pytest.fail("needs root, and CI=true forbids skipping privileged tests")
    pytest.skip("needs root")


@pytest.fixture(autouse=True)
def no_outstanding_allocations():
    """Every test leaves the library's allocation and handle counters as it found them."""
    from netifaces_go import _ffi

    def stats():
        if _ffi._loaded is None or _ffi._loaded.pid != os.getpid():
            return None
        return json.loads(_ffi.api.nig_debug_stats())

    before = stats()
    yield
    after = stats()
    if after is None:
        return
    base_allocs = before["allocations_outstanding"] if before else 0
    base_handles = before["handles_outstanding"] if before else 0
    assert after["allocations_outstanding"] == base_allocs, after
    assert after["handles_outstanding"] == base_handles, after
