"""netifaces_go against the real netifaces 0.11.0 and psutil, in throwaway namespaces.

Both sides run in one process of /usr/bin/python3 (where Debian's python3-netifaces
and python3-psutil live; netifaces_go comes from this tree via sys.path) inside
the namespace, interleaved, best of several runs. Rows:

  * ifaddresses() on every interface at 2 001 links (best of 5 loops, and once
    cold: after 2.5 s idle, when no view is kept) (1 000 veth pairs + lo, one
    IPv4 and one IPv6 address per link, links down; spec §8). A full netifaces
    pass takes 1-2 minutes here, so netifaces' time is extrapolated from a sample
    of calls (every call re-dumps all links and addresses, so its cost does not
    depend on which interface is asked); NIG_BENCH_FULL=1 measures the full pass.
  * allifaddresses() against psutil.net_if_addrs() at 2 001 links.
  * ifaddresses('lo') in a namespace with 4 links.
  * gateways() with 10 000 IPv4 routes (plus defaults in two tables).
Needs root (namespaces); otherwise the module reports a note and no rows.
"""
import json
import os
import subprocess
import uuid

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
SYSTEM_PYTHON = "/usr/bin/python3"
PAIRS = 1000
SAMPLE = 40
ROUTES = 10_000

PRELUDE = """
import json, os, sys, time
sys.path.insert(0, os.environ["NIG_BENCH_PYTHONPATH"])
import netifaces, netifaces_go as ng

def best(fn, repeat, number=1):
    b = float("inf")
    for _ in range(repeat):
        t = time.perf_counter()
        for _ in range(number):
            fn()
        b = min(b, (time.perf_counter() - t) / number)
    return b

def interleaved(fns, repeat, number=1):
    out = [float("inf")] * len(fns)
    for _ in range(repeat):
        for i, fn in enumerate(fns):
            out[i] = min(out[i], best(fn, 1, number))
    return out
"""

BIG = PRELUDE + f"""
import psutil
names = ng.interfaces()
assert names == netifaces.interfaces()
def ours_loop():
    for n in ng.interfaces():
        ng.ifaddresses(n)
ours_loop()  # load the library, warm caches
t_loop, t_all, t_psutil = interleaved([ours_loop, ng.allifaddresses, psutil.net_if_addrs], repeat=5)
t_ng_ifs, t_nf_ifs = interleaved([ng.interfaces, netifaces.interfaces], repeat=3)
# Cold: idle sockets and views are closed 1-2 s after the last call, so this
# pass starts with none (answers come from filtered requests until a view
# pays off; see docs/netifaces.md).
time.sleep(2.5)
t = time.perf_counter()
ours_loop()
t_cold = time.perf_counter() - t
if os.environ.get("NIG_BENCH_FULL") == "1":
    t = time.perf_counter()
    for n in netifaces.interfaces():
        netifaces.ifaddresses(n)
    nf_total, nf_sampled = time.perf_counter() - t, 0
else:
    step = max(1, len(names) // {SAMPLE})
    sample = names[::step][:{SAMPLE}]
    per = []
    for n in sample:
        t = time.perf_counter()
        r = netifaces.ifaddresses(n)
        per.append(time.perf_counter() - t)
        assert r == ng.ifaddresses(n), n
    nf_total, nf_sampled = t_nf_ifs + sum(per) / len(per) * len(names), len(sample)
print(json.dumps(dict(links=len(names), ours_loop=t_loop, ours_cold=t_cold, ours_all=t_all, psutil=t_psutil,
                      nf_total=nf_total, nf_sampled=nf_sampled, ours_ifs=t_ng_ifs, nf_ifs=t_nf_ifs)))
"""

SMALL = PRELUDE + """
assert ng.ifaddresses("lo") == netifaces.ifaddresses("lo")
ours, theirs = interleaved([lambda: ng.ifaddresses("lo"), lambda: netifaces.ifaddresses("lo")],
                           repeat=7, number=2000)
print(json.dumps(dict(links=len(netifaces.interfaces()), ours=ours, netifaces=theirs)))
"""

GATEWAYS = PRELUDE + """
assert ng.gateways() == netifaces.gateways()
ours, theirs = interleaved([ng.gateways, netifaces.gateways], repeat=7, number=20)
print(json.dumps(dict(ours=ours, netifaces=theirs)))
"""


class _Netns:
    def __init__(self, tag):
        self.name = f"nigbench-{tag}-{os.getpid()}-{uuid.uuid4().hex[:6]}"

    def __enter__(self):
        subprocess.run(["ip", "netns", "add", self.name], check=True)
        self.batch(["link set lo up"])
        return self

    def __exit__(self, *exc):
        subprocess.run(["ip", "netns", "del", self.name], check=False)

    def batch(self, lines):
        r = subprocess.run(["ip", "-n", self.name, "-batch", "-"], input="\n".join(lines) + "\n",
                           capture_output=True, text=True)
        if r.returncode != 0:
            raise RuntimeError(f"ip -batch in {self.name}: {r.stderr.strip()[:2000]}")

    def python(self, code, timeout=900):
        env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
        env["NIG_BENCH_PYTHONPATH"] = _package_copy()
        r = subprocess.run(["ip", "netns", "exec", self.name, SYSTEM_PYTHON, "-c", code],
                           capture_output=True, text=True, env=env, timeout=timeout)
        if r.returncode != 0:
            raise RuntimeError(f"bench script failed in {self.name} (exit status {r.returncode}): "
                               f"{r.stderr.strip()[-3000:]}")
        return json.loads(r.stdout.strip().splitlines()[-1])


_copy_dir = None


def _package_copy():
    """A private copy of python/netifaces_go: a rebuild of the tree's library
    while a bench process has it mapped would crash that process."""
    global _copy_dir
    if _copy_dir is None:
        import atexit
        import shutil
        import tempfile
        _copy_dir = tempfile.mkdtemp(prefix="nigbench-py-")
        atexit.register(shutil.rmtree, _copy_dir, True)
        shutil.copytree(os.path.join(ROOT, "python", "netifaces_go"),
                        os.path.join(_copy_dir, "netifaces_go"),
                        ignore=shutil.ignore_patterns("__pycache__"))
    return _copy_dir


def _missing_anchors():
    r = subprocess.run([SYSTEM_PYTHON, "-c", "import netifaces, psutil"], capture_output=True, text=True)
    return r.stderr.strip().splitlines()[-1] if r.returncode else None


def run(report):
    if os.geteuid() != 0:
        report.note("bench_netifaces: needs root to create network namespaces; skipped")
        return
    missing = _missing_anchors()
    if missing:
        report.note(f"bench_netifaces: anchors unavailable under {SYSTEM_PYTHON}: {missing}; skipped")
        return

    with _Netns("small") as ns:
        ns.batch(["link add v0 type veth peer name v1", "link add br0 type bridge",
                  "link set v0 up", "link set v1 up", "addr add 192.168.10.1/24 brd + dev v0",
                  "addr add 2001:db8:1::1/64 dev v0 nodad"])
        small = ns.python(SMALL)
        report.row(f"ifaddresses('lo'), {small['links']}-link netns", small["ours"],
                   "netifaces.ifaddresses('lo')", small["netifaces"], goal=1.0)

        routes = [f"route add 10.{i // 256}.{i % 256}.0/24 via 192.168.10.{2 + i % 250} dev v0"
                  for i in range(ROUTES)]
        routes += ["route add default via 192.168.10.254 dev v0 metric 100",
                   "route add default via 192.168.10.253 dev v0 table 100 metric 50",
                   "route add default via 2001:db8:1::fe dev v0"]
        ns.batch(routes)
        gw = ns.python(GATEWAYS)
        report.row(f"gateways(), {ROUTES // 1000}k routes", gw["ours"], "netifaces.gateways()",
                   gw["netifaces"])

    with _Netns("big") as ns:
        lines = [f"link add a{i} type veth peer name b{i}" for i in range(PAIRS)]
        for i in range(PAIRS):
            lines.append(f"addr add 10.{i // 250}.{i % 250}.1/24 brd + dev a{i}")
            lines.append(f"addr add 2001:db8:{i:x}::1/64 dev a{i} nodad")
            lines.append(f"addr add 10.{4 + i // 250}.{i % 250}.1/24 brd + dev b{i}")
            lines.append(f"addr add 2001:db8:1{i:03x}::1/64 dev b{i} nodad")
        ns.batch(lines)
        big = ns.python(BIG)
        links = big["links"]
        how = ("full pass" if not big["nf_sampled"] else
               f"extrapolated from {big['nf_sampled']} calls")
        report.row(f"ifaddresses() of every interface, {links} links", big["ours_loop"],
                   f"netifaces ({how})", big["nf_total"], goal=0.001)
        report.row(f"ifaddresses() of every interface, {links} links, cold", big["ours_cold"],
                   f"netifaces ({how})", big["nf_total"], goal=0.001)
        report.row(f"allifaddresses(), {links} links", big["ours_all"], "psutil.net_if_addrs()",
                   big["psutil"], goal=1.0)
        report.row(f"allifaddresses(), {links} links", big["ours_all"], "netifaces loop (as above)",
                   big["nf_total"])
        report.row(f"interfaces(), {links} links", big["ours_ifs"], "netifaces.interfaces()",
                   big["nf_ifs"])
        if big["nf_sampled"]:
            report.note(f"netifaces' full pass was not run: {big['nf_sampled']} of {links} "
                        "ifaddresses() calls were timed and scaled (NIG_BENCH_FULL=1 runs it all)")
