"""netifaces_go's top level against the real netifaces 0.11.0: module surface,
constants, argument checking and exception texts. Live calls here only read the
host's own namespace (no root needed); differential tests of results live in
test_netifaces_diff.py."""
import json
import os
import subprocess

import pytest

import netifaces_go as ng
from conftest import ROOT, require_root

SYSTEM_PYTHON = "/usr/bin/python3"


def _real_netifaces_available():
    try:
        r = subprocess.run([SYSTEM_PYTHON, "-c", "import netifaces"], capture_output=True)
    except OSError:
        return False
    return r.returncode == 0


def run_real(code):
    """Runs code under the system Python where Debian's netifaces 0.11.0 lives."""
    if not _real_netifaces_available():
        if os.environ.get("CI") == "true":
            pytest.fail("python3-netifaces missing for /usr/bin/python3 (CI must install it)")
        pytest.skip("python3-netifaces not installed for /usr/bin/python3")
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    r = subprocess.run([SYSTEM_PYTHON, "-c", code], capture_output=True, text=True, env=env, timeout=120)
    assert r.returncode == 0, r.stderr
    return r.stdout


# ---- module surface ------------------------------------------------------------

def test_af_constants_equal_real_netifaces():
    real = json.loads(run_real(
        "import netifaces, json; print(json.dumps({k: getattr(netifaces, k) for k in dir(netifaces) "
        "if k.startswith('AF_')}))"))
    ours = {k: getattr(ng, k) for k in dir(ng) if k.startswith("AF_")}
    assert ours == real
    assert len(ours) == 30
    assert all(type(v) is int for v in ours.values())
    assert ng.AF_LINK == ng.AF_PACKET == 17 and ng.AF_INET6 == 10


def test_address_families_equal_real_netifaces_with_order():
    real = run_real("import netifaces; print(repr(list(netifaces.address_families.items())))")
    assert repr(list(ng.address_families.items())) + "\n" == real
    assert type(ng.address_families) is dict


def test_constants_equal_the_library_tables():
    from netifaces_go._ffi import api
    lib_af = json.loads(api.nig_ifenum_af_constants())
    assert lib_af == {k: getattr(ng, k) for k in lib_af}
    assert list(lib_af) == list(ng._netifaces.AF_NAMES)
    fams = json.loads(api.nig_ifenum_address_families())
    assert [(int(k), v) for k, v in fams.items()] == list(ng.address_families.items())


def test_version_and_surface():
    assert ng.version == "0.11.0" and isinstance(ng.version, str)
    real = set(run_real("import netifaces; print('\\n'.join(k for k in dir(netifaces) "
                        "if not k.startswith('__')))").split())
    missing = real - set(dir(ng))
    assert not missing
    for name in ("interfaces", "ifaddresses", "gateways"):
        assert getattr(ng, name).__name__ == name


def test_docstrings_start_with_netifaces_text():
    real = json.loads(run_real(
        "import netifaces, json; print(json.dumps({n: getattr(netifaces, n).__doc__ "
        "for n in ('interfaces', 'ifaddresses', 'gateways')}))"))
    for name, doc in real.items():
        assert getattr(ng, name).__doc__.startswith(doc), name


def test_import_does_not_load_the_library():
    code = ("import netifaces_go, netifaces_go._ffi as f; assert f._loaded is None; "
            "netifaces_go.AF_INET; netifaces_go.address_families; assert f._loaded is None; "
            "netifaces_go.interfaces(); assert f._loaded is not None; print('ok')")
    env = dict(os.environ, PYTHONPATH=os.path.join(ROOT, "python"))
    r = subprocess.run([SYSTEM_PYTHON, "-c", code], capture_output=True, text=True, env=env)
    assert r.stdout == "ok\n", r.stderr


# ---- argument checking: exactly netifaces' exceptions ------------------------------

# Calls whose outcome does not depend on the host's interfaces.
ERROR_CALLS = [
    "ifaddresses()",
    "ifaddresses('lo', 'x')",
    "ifaddresses('lo', 'x', 'y')",
    "ifaddresses(ifname='lo')",
    "ifaddresses('lo', x=1)",
    "ifaddresses(*[], **{'x': 1})",
    "ifaddresses(None)",
    "ifaddresses(1)",
    "ifaddresses(1.5)",
    "ifaddresses(b'lo')",
    "ifaddresses(bytearray(b'lo'))",
    "ifaddresses(['lo'])",
    "ifaddresses(collections.OrderedDict())",
    "ifaddresses(F())",
    "ifaddresses('nig-nope0')",
    "ifaddresses('')",
    "ifaddresses('LO')",
    "ifaddresses('lo ')",
    "ifaddresses(' lo')",
    "ifaddresses('l\u00e9')",
    "ifaddresses('x' * 16)",
    "ifaddresses('x' * 100000)",
    "ifaddresses('lo\\x00')",
    "ifaddresses('\\x00')",
    "ifaddresses('\\ud800')",
    "ifaddresses('a\\ud800\\x00')",
    "interfaces(1)",
    "interfaces(1, 2)",
    "interfaces(x=1)",
    "interfaces(1, x=1)",
    "gateways(1)",
    "gateways(None, None)",
    "gateways(x=1)",
    "gateways(1, x=1)",
]

PRELUDE = """
import collections, json
class F: pass
class S(str): pass
def outcome(expr):
    try:
        r = eval(expr)
    except BaseException as e:
        return [type(e).__name__, str(e)]
    return ['ok', type(r).__name__]
"""


def real_outcomes(calls):
    code = PRELUDE + "from netifaces import *\nprint(json.dumps([outcome(c) for c in %r]))" % (calls,)
    return json.loads(run_real(code))


def our_outcomes(calls):
    ns = {}
    exec(PRELUDE + "from netifaces_go import *\n", ns)
    return [ns["outcome"](c) for c in calls]


def test_errors_equal_real_netifaces():
    real = real_outcomes(ERROR_CALLS)
    ours = our_outcomes(ERROR_CALLS)
    for call, r, o in zip(ERROR_CALLS, real, ours):
        assert o == r, call
    # The texts the spec records (§7), so a change on either side is visible.
    got = dict(zip(ERROR_CALLS, ours))
    assert got["ifaddresses()"] == ["TypeError", "function takes exactly 1 argument (0 given)"]
    assert got["ifaddresses(ifname='lo')"] == ["TypeError", "ifaddresses() takes no keyword arguments"]
    assert got["ifaddresses(collections.OrderedDict())"] == [
        "TypeError", "argument 1 must be str, not collections.OrderedDict"]
    assert got["ifaddresses('nig-nope0')"] == ["ValueError", "You must specify a valid interface name."]
    assert got["ifaddresses('lo\\x00')"] == ["ValueError", "embedded null character"]
    assert got["interfaces(1)"] == ["TypeError", "netifaces.interfaces() takes no arguments (1 given)"]
    assert got["gateways(x=1)"] == ["TypeError", "netifaces.gateways() takes no keyword arguments"]


def test_successful_calls_return_netifaces_types():
    calls = ["interfaces()", "ifaddresses('lo')", "ifaddresses(S('lo'))", "gateways()"]
    assert our_outcomes(calls) == real_outcomes(calls)


def test_netns_keyword_does_not_change_positional_misuse():
    # Every misuse netifaces rejects is rejected the same way with netns= added.
    cases = {
        "ifaddresses(netns=None)": "ifaddresses()",
        "ifaddresses('lo', 'x', netns=None)": "ifaddresses('lo', 'x')",
        "ifaddresses(1, netns=None)": "ifaddresses(1)",
        "ifaddresses(ifname='lo', netns=None)": "ifaddresses(ifname='lo')",
        "ifaddresses('nig-nope0', netns=None)": "ifaddresses('nig-nope0')",
        "interfaces(1, netns=None)": "interfaces(1)",
        "interfaces(x=1, netns=None)": "interfaces(x=1)",
        "gateways(1, netns=None)": "gateways(1)",
        "gateways(x=1, netns=None)": "gateways(x=1)",
    }
    ours = our_outcomes(list(cases))
    real = real_outcomes(list(cases.values()))
    for call, o, r in zip(cases, ours, real):
        assert o == r, call


def test_results_are_new_objects():
    assert ng.ifaddresses("lo") is not ng.ifaddresses("lo")
    assert ng.ifaddresses("lo") == ng.ifaddresses("lo")
    assert ng.interfaces() is not ng.interfaces()
    assert ng.gateways() is not ng.gateways()


def test_loopback_shape():
    lo = ng.ifaddresses("lo")
    assert lo[ng.AF_LINK] == [{"addr": "00:00:00:00:00:00", "peer": "00:00:00:00:00:00"}]
    assert list(lo)[0] == 17
    assert "lo" in ng.interfaces()
    g = ng.gateways()
    assert list(g)[0] == "default"
    for k, v in g.items():
        if k == "default":
            assert all(type(f) is int and type(t) is tuple and len(t) == 2 for f, t in v.items())
        else:
            assert type(k) is int and all(type(t) is tuple and len(t) == 3 for t in v)


# ---- netns= ----------------------------------------------------------------------

@pytest.mark.parametrize("netns, exc, text", [
    (1.5, TypeError, "not float"),
    (True, TypeError, "not bool"),
    ([1], TypeError, "not list"),
    (-1, ValueError, "-1 is not a valid file descriptor"),
    (0, ValueError, "0 is not a valid file descriptor"),
    (2 ** 40, ValueError, "is not a valid file descriptor"),
    ("", ValueError, "netns must not be empty"),
    ("a\x00b", ValueError, "netns must not contain NUL"),
])
def test_netns_argument_errors(netns, exc, text):
    for call in (lambda: ng.interfaces(netns=netns), lambda: ng.ifaddresses("lo", netns=netns),
                 lambda: ng.gateways(netns=netns), lambda: ng.allifaddresses(netns=netns),
                 lambda: ng.interface_details("lo", netns=netns),
                 lambda: ng.default_gateway(ng.AF_INET, netns=netns)):
        with pytest.raises(exc, match=text):
            call()


def test_unknown_netns_is_file_not_found():
    for call in (lambda n: ng.interfaces(netns=n), lambda n: ng.ifaddresses("lo", netns=n),
                 lambda n: ng.gateways(netns=n), lambda n: ng.allifaddresses(netns=n),
                 lambda n: ng.interface_details(netns=n), lambda n: ng.default_gateway(netns=n)):
        with pytest.raises(FileNotFoundError) as ei:
            call("nig-no-such-netns-0")
        assert ei.value.errno == 2
        assert "/run/netns/nig-no-such-netns-0" in str(ei.value)
        with pytest.raises(FileNotFoundError):
            call(b"/nonexistent/nig/netns")


def test_netns_of_this_process_by_path_fd_and_file():
    require_root()  # entering a namespace (even our own) needs CAP_SYS_ADMIN
    ref = ng.interfaces()
    assert ng.interfaces(netns="/proc/self/ns/net") == ref
    assert ng.interfaces(netns=os.fsencode("/proc/self/ns/net")) == ref
    import pathlib
    assert ng.ifaddresses("lo", netns=pathlib.Path("/proc/self/ns/net")) == ng.ifaddresses("lo")
    fd = os.open("/proc/self/ns/net", os.O_RDONLY)
    try:
        assert ng.interfaces(netns=fd) == ref
        assert ng.gateways(netns=fd) == ng.gateways()
    finally:
        os.close(fd)
    with open("/proc/self/ns/net", "rb") as f:
        assert ng.allifaddresses(netns=f)["lo"] == ng.ifaddresses("lo")


def test_netns_not_a_namespace_is_einval():
    with pytest.raises(OSError) as ei:
        ng.interfaces(netns="/etc/hostname")
    assert ei.value.errno in (22, 1)  # EINVAL; EPERM without CAP_SYS_ADMIN


# ---- extensions --------------------------------------------------------------------

def test_allifaddresses_matches_ifaddresses_loop():
    all_ = ng.allifaddresses()
    assert list(all_) == ng.interfaces()
    for name, addrs in all_.items():
        assert addrs == ng.ifaddresses(name), name


def test_interface_details():
    lo = ng.interface_details("lo")
    assert lo["name"] == "lo" and lo["type_name"] == "loopback" and lo["index"] >= 1
    assert lo["address"] == "00:00:00:00:00:00"
    assert ng.interface_details(b"lo")["index"] == lo["index"]
    every = ng.interface_details()
    names = [d["name"] for d in every]
    assert "lo" in names
    assert names == ng.interfaces()[:len(names)]  # links first, in dump order
    with pytest.raises(ValueError, match="^You must specify a valid interface name.$"):
        ng.interface_details("nig-nope0")
    with pytest.raises(ValueError, match="embedded null"):
        ng.interface_details("lo\x00")
    with pytest.raises(TypeError, match="not int"):
        ng.interface_details(1)


def test_default_gateway_arguments():
    with pytest.raises(ValueError, match=r"^unsupported address family 3 \(want 2 or 10\)$"):
        ng.default_gateway(3)
    with pytest.raises(ValueError, match="unsupported address family"):
        ng.default_gateway(2 ** 40)
    with pytest.raises(TypeError):
        ng.default_gateway("2")
    with pytest.raises(TypeError):
        ng.default_gateway(True)
    for fam in (ng.AF_INET, ng.AF_INET6):
        r = ng.default_gateway(fam)
        assert r is None or (r["family"] == fam and r["table"] == 254)
    assert ng.default_gateway() == ng.default_gateway(ng.AF_INET)
    import socket
    assert ng.default_gateway(socket.AF_INET6) == ng.default_gateway(ng.AF_INET6)


def test_str_subclass_encode_is_not_consulted():
    class Weird(str):
        def encode(self, *a, **k):
            return b"nope0"
    assert ng.ifaddresses(Weird("lo")) == ng.ifaddresses("lo")
