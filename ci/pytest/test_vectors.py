"""The shared vectors (ci/vectors/abi_*.json), through the Python FFI layer."""
import glob
import json
import os

import pytest

from conftest import VECTORS, require_root


def _cases():
    for path in sorted(glob.glob(os.path.join(VECTORS, "abi_*.json"))):
        with open(path, encoding="utf-8") as f:
            for case in json.load(f):
                yield pytest.param(case, id=f"{os.path.basename(path)}:{case['name']}")


def _arg(value):
    if value is None or isinstance(value, int):
        return value
    if isinstance(value, str):
        return value.encode()
    if "hex" in value:
        return bytes.fromhex(value["hex"])
    if "repeat" in value:
        return value["repeat"].encode() * value["times"]
    if "ptr" in value:
        return value["ptr"]
    raise AssertionError(f"undecodable input {value!r}")


@pytest.mark.parametrize("case", list(_cases()))
def test_vector(case):
    from netifaces_go import _ffi

    if case.get("root"):
        require_root()
    rc, data = _ffi.serve_raw(case["fn"], tuple(_arg(v) for v in case["in"]))
    assert rc == case.get("rc", 0), data
    if "out_hex" in case:
        assert data.hex() == case["out_hex"]
        return
    got = json.loads(data) if isinstance(data, bytes) and data else data
    if rc != 0 and "error" in case:
        for k, v in case["error"].items():
            assert got[k] == v, (k, got)
    if "out" in case:
        assert json.dumps(got) == json.dumps(case["out"])  # key order matters
    for k, v in case.get("out_subset", {}).items():
        assert got[k] == v, (k, got)
