"""netifaces_go.pyroute2 against pyroute2 (Debian 0.7.2, /usr/bin/python3) and iproute2.

Every comparison runs in throwaway namespaces made here, in this run:
- get_routes() with 10k and 100k routes: time (best of a few, in a warm
  process) and peak RSS (a fresh process doing one get_routes()), against
  pyroute2 and `ip -j route show table all`;
- link('get', index=1) latency;
- 100k route adds through IPRoute.batch() against `ip -batch`;
- event delivery into Python: 100k queued RTM_NEWROUTE events drained by get().
Needs root (namespaces); prints a note and skips otherwise.
"""
import json
import os
import subprocess
import sys
import time
import uuid

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
PYROUTE2_PY = "/usr/bin/python3"
_HAVE_PR2 = False  # set by run()


class Namespace:
    def __init__(self, tag):
        self.name = f"nigbench-{tag}-{os.getpid()}-{uuid.uuid4().hex[:6]}"

    def __enter__(self):
        subprocess.run(["ip", "netns", "add", self.name], check=True)
        for cmd in ("link set lo up", "link add v0 type veth peer name v1", "link set v0 up",
                    "link set v1 up", "addr add 10.0.0.1/24 dev v0"):
            subprocess.run(["ip", "-n", self.name] + cmd.split(), check=True)
        return self

    def __exit__(self, *exc):
        subprocess.run(["ip", "netns", "del", self.name], check=False)

    def batch(self, lines):
        t = time.perf_counter()
        subprocess.run(["ip", "-n", self.name, "-batch", "-"], input="\n".join(lines) + "\n",
                       text=True, check=True, capture_output=True)
        return time.perf_counter() - t


def route_lines(n, prefix=20):
    return [f"route add {prefix}.{i >> 16}.{(i >> 8) & 255}.{i & 255}/32 via 10.0.0.2 dev v0"
            for i in range(n)]


def run_py(ns, code, interpreter=None, ours=True):
    """Runs code in the namespace in a fresh interpreter; returns its JSON output.

    Both sides run under the same interpreter (pyroute2's, /usr/bin/python3, when it
    has pyroute2) so time and peak RSS compare the libraries, not two interpreters'
    start-up (a pyenv interpreter whose site-packages imports more starts ~4 MB
    larger)."""
    env = dict(os.environ)
    if ours:
        env["PYTHONPATH"] = os.path.join(ROOT, "python")
    else:
        env.pop("PYTHONPATH", None)
    if interpreter is None:
        interpreter = PYROUTE2_PY if _HAVE_PR2 else sys.executable
    argv = ["ip", "netns", "exec", ns.name, interpreter, "-c", code]
    r = subprocess.run(argv, capture_output=True, text=True, env=env, timeout=600)
    if r.returncode:
        raise RuntimeError(r.stderr[-2000:])
    return json.loads(r.stdout.strip().splitlines()[-1])


# ru_maxrss survives fork and exec (Linux records the old image's high-water
# mark), so a child of this large bench process would report this process's
# peak. A small launcher forks the measured program instead: its floor is the
# launcher's own few MB.
_LAUNCHER = """
import json, os, sys, time
t = time.perf_counter()
pid = os.fork()
if pid == 0:
    fd = os.open(os.devnull, os.O_WRONLY); os.dup2(fd, 1); os.dup2(fd, 2)
    os.execvp(sys.argv[1], sys.argv[1:])
_, status, ru = os.wait4(pid, 0)
print(json.dumps([time.perf_counter() - t, ru.ru_maxrss * 1024]))
"""


def child_maxrss(argv):
    """Wall time and peak RSS (bytes) of a child process."""
    r = subprocess.run([sys.executable, "-c", _LAUNCHER] + argv, capture_output=True, text=True,
                       timeout=600, check=True)
    return tuple(json.loads(r.stdout))


TIMED_DUMP = """
import json, time, gc, resource
from {mod} import IPRoute
with IPRoute() as ipr:
    best = 1e9; n = 0
    for _ in range({repeat}):
        t = time.perf_counter(); r = ipr.get_routes(); best = min(best, time.perf_counter() - t); n = len(r)
        del r
    t = time.perf_counter(); r = ipr.get_routes(); x = [m.get_attr("RTA_DST") for m in r]
    touch = time.perf_counter() - t
print(json.dumps({{"best": best, "n": n, "touch": touch}}))
"""

FRESH_DUMP = """
import json, resource
from {mod} import IPRoute
with IPRoute() as ipr:
    n = len(ipr.get_routes())
# VmHWM is this image's own high-water mark (ru_maxrss would include the
# parent's, carried over fork and exec).
hwm = [int(l.split()[1]) for l in open("/proc/self/status") if l.startswith("VmHWM:")][0]
print(json.dumps({{"n": n, "maxrss": hwm * 1024}}))
"""

LINK_GET = """
import json, time
from {mod} import IPRoute
with IPRoute() as ipr:
    for _ in range(200): ipr.link("get", index=1)
    best = best_read = 1e9
    for _ in range(3):
        t = time.perf_counter()
        for _ in range({n}): ipr.link("get", index=1)
        best = min(best, (time.perf_counter() - t) / {n})
        t = time.perf_counter()
        for _ in range({n}): ipr.link("get", index=1)[0]["index"]
        best_read = min(best_read, (time.perf_counter() - t) / {n})
print(json.dumps({{"get": best, "get_read": best_read}}))
"""

BATCH = """
import json, time
from netifaces_go.pyroute2 import IPRoute
n = {n}
calls = [("route", "add", {{"dst": "21.%d.%d.%d/32" % (i >> 16, (i >> 8) & 255, i & 255), "gateway": "10.0.0.2"}})
         for i in range(n)]
with IPRoute() as ipr:
    t = time.perf_counter()
    res = ipr.batch(calls, acks=False)
    dt = time.perf_counter() - t
    failed = sum(r is not None for r in res)
print(json.dumps({{"time": dt, "failed": failed}}))
"""

EVENTS = """
import json, time, subprocess, sys
from netifaces_go.pyroute2 import IPRoute
n = {n}
with IPRoute() as ipr:
    ipr.bind(0x40)  # RTMGRP_IPV4_ROUTE
    lines = ["route add 22.%d.%d.%d/32 via 10.0.0.2 dev v0" % (i >> 16, (i >> 8) & 255, i & 255) for i in range(n)]
    t0 = time.perf_counter()
    subprocess.run(["ip", "-batch", "-"], input="\\n".join(lines) + "\\n", text=True, check=True)
    produced = time.perf_counter() - t0
    # wait until the library queued the burst, then time the drain into Python
    deadline = time.monotonic() + 60
    while ipr._events.info()["events"] < n and time.monotonic() < deadline:
        time.sleep(0.05)
    info = ipr._events.info()
    got = 0; decoded = 0; overflows = 0
    t = time.perf_counter()
    while got < n:
        try:
            msgs = ipr.get(timeout=2)
        except OSError:
            overflows += 1
            continue
        if not msgs:
            break
        got += len(msgs)
    drain = time.perf_counter() - t
    # the same again, decoding every event (reads 'event' and RTA_DST)
    subprocess.run(["ip", "-batch", "-"], input="\\n".join(l.replace("add", "del", 1) for l in lines) + "\\n",
                   text=True, check=True)
    while ipr._events.info()["events"] < 2 * n and time.monotonic() < deadline + 60:
        time.sleep(0.05)
    t = time.perf_counter()
    while decoded < n:
        msgs = ipr.get(timeout=2)
        if not msgs:
            break
        for m in msgs:
            if m["event"] == "RTM_DELROUTE" and m.get_attr("RTA_DST"):
                decoded += 1
    drain_decoded = time.perf_counter() - t
    info = ipr._events.info()
print(json.dumps({{"produced": produced, "got": got, "drain": drain, "decoded": decoded,
                  "drain_decoded": drain_decoded, "overflows": overflows, "info": info}}))
"""


def run(report):
    if os.geteuid() != 0:
        report.note("bench_pyroute2: needs root for namespaces; skipped")
        return
    global _HAVE_PR2
    have_pr2 = _HAVE_PR2 = subprocess.run([PYROUTE2_PY, "-c", "import pyroute2"],
                                          capture_output=True).returncode == 0
    if not have_pr2:
        report.note("bench_pyroute2: pyroute2 is not installed for /usr/bin/python3; anchors skipped")
    ours_mod, pr2_mod = "netifaces_go.pyroute2", "pyroute2"

    for n, repeat_pr2 in ((10_000, 2), (100_000, 1)):
        with Namespace(f"dump{n}") as ns:
            ns.batch(route_lines(n))
            ours = run_py(ns, TIMED_DUMP.format(mod=ours_mod, repeat=5))
            mem = run_py(ns, FRESH_DUMP.format(mod=ours_mod))
            ipj = min(child_maxrss(["ip", "-n", ns.name, "-j", "route", "show", "table", "all"])[0]
                      for _ in range(3))
            ipj_rss = child_maxrss(["ip", "-n", ns.name, "-j", "route", "show", "table", "all"])[1]
            k = f"{n // 1000}k"
            report.note(f"{k} routes: dumped {ours['n']} messages")
            if have_pr2:
                pr2 = run_py(ns, TIMED_DUMP.format(mod=pr2_mod, repeat=repeat_pr2), PYROUTE2_PY, ours=False)
                pr2_mem = run_py(ns, FRESH_DUMP.format(mod=pr2_mod), PYROUTE2_PY, ours=False)
                report.row(f"get_routes() {k} routes", ours["best"], "pyroute2 0.7.2", pr2["best"], goal=1 / 20)
                report.row(f"get_routes() {k} + read RTA_DST of each", ours["best"] + ours["touch"],
                           "pyroute2 0.7.2 (same)", pr2["best"] + pr2["touch"])
                report.row(f"get_routes() {k} peak RSS (fresh process)", mem["maxrss"] / 2**20,
                           "pyroute2 0.7.2 peak RSS", pr2_mem["maxrss"] / 2**20, goal=1 / 3, unit="MB")
            report.row(f"get_routes() {k} routes", ours["best"], "ip -j route show table all", ipj, goal=2)
            report.note(f"ip -j route peak RSS {ipj_rss / 2**20:.1f} MB")

    with Namespace("link") as ns:
        ours = run_py(ns, LINK_GET.format(mod=ours_mod, n=5000))
        if have_pr2:
            pr2 = run_py(ns, LINK_GET.format(mod=pr2_mod, n=2000), PYROUTE2_PY, ours=False)
            report.row("link('get', index=1)", ours["get"], "pyroute2 0.7.2", pr2["get"], goal=25 / 146)
            report.row("link('get', index=1)[0]['index'] (decoded)", ours["get_read"],
                       "pyroute2 0.7.2 (same)", pr2["get_read"], goal=25 / 146)
        report.row("link('get', index=1) absolute", ours["get"], "goal 25 us", 25e-6, goal=1)
        report.row("link('get', index=1) decoded, absolute", ours["get_read"], "goal 25 us", 25e-6, goal=1)

    n = 100_000
    with Namespace("batch") as ns:
        res = run_py(ns, BATCH.format(n=n))
        assert res["failed"] == 0, res
    with Namespace("ipbatch") as ns:
        ip_time = ns.batch(route_lines(n, prefix=21))
    report.row("100k route adds: IPRoute.batch()", res["time"], "ip -batch", ip_time)

    with Namespace("events") as ns:
        ev = run_py(ns, EVENTS.format(n=n))
    lost = n - ev["got"]
    report.note(f"events: {ev['got']}/{n} delivered, {lost} lost, {ev['overflows']} overflows, "
                f"producer (ip -batch) {ev['produced']:.2f}s, library {ev['info']}")
    rate = ev["got"] / ev["drain"] if ev["drain"] else float("inf")
    rate_dec = ev["decoded"] / ev["drain_decoded"] if ev["drain_decoded"] else float("inf")
    report.row("event delivery into Python, s per event", 1 / rate, "goal 100k events/s", 1e-5, goal=1)
    report.row("event delivery + decode each, s per event", 1 / rate_dec, "goal 100k events/s", 1e-5, goal=1)
    report.note(f"event rates: {rate:,.0f}/s delivered, {rate_dec:,.0f}/s delivered and decoded; lost {lost}")
