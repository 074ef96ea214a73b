"""Throwaway network namespaces for privileged tests.

Everything a test creates (links, addresses, routes) lives in a namespace made
here and deleted afterwards; nothing touches the host's own interfaces. Use::

    with Netns() as ns:
        ns.ip("link add v0 type veth peer name v1")
        out = ns.python("import netifaces; print(netifaces.interfaces())",
                        interpreter="/usr/bin/python3")
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import uuid
from typing import List, Optional

from conftest import ROOT, require_root


class Netns:
    def __init__(self, prefix: str = "nigtest"):
        require_root()
        self.name = f"{prefix}-{os.getpid()}-{uuid.uuid4().hex[:8]}"
        self.path = f"/run/netns/{self.name}"

    def __enter__(self) -> "Netns":
        subprocess.run(["ip", "netns", "add", self.name], check=True)
        self.ip("link set lo up")
        return self

    def __exit__(self, *exc) -> None:
        subprocess.run(["ip", "netns", "del", self.name], check=False)

    def ip(self, args: str, check: bool = True) -> str:
        """Runs `ip -n NAME ARGS` and returns stdout."""
        r = subprocess.run(["ip", "-n", self.name] + args.split(), capture_output=True, text=True)
        if check and r.returncode != 0:
            raise RuntimeError(f"ip -n {self.name} {args}: {r.stderr.strip()}")
        return r.stdout

    def ip_batch(self, lines: List[str]) -> None:
        """Feeds many commands to one `ip -n NAME -batch -`."""
        r = subprocess.run(["ip", "-n", self.name, "-batch", "-"], input="\n".join(lines) + "\n",
                           capture_output=True, text=True)
        if r.returncode != 0:
            raise RuntimeError(f"ip -batch in {self.name}: {r.stderr.strip()[:2000]}")

    def ip_json(self, args: str):
        return json.loads(self.ip("-j " + args) or "null")

    def run(self, argv: List[str], timeout: float = 300, env: Optional[dict] = None) -> subprocess.CompletedProcess:
        """Runs argv inside the namespace (`ip netns exec`)."""
        return subprocess.run(["ip", "netns", "exec", self.name] + argv, capture_output=True,
                              text=True, timeout=timeout, env=env)

    def python(self, code: str, interpreter: Optional[str] = None, timeout: float = 300,
               with_package: bool = True) -> str:
        """Runs Python code inside the namespace and returns its stdout.
        with_package puts this tree's python/ on PYTHONPATH (netifaces_go)."""
        env = dict(os.environ)
        if with_package:
            env["PYTHONPATH"] = os.path.join(ROOT, "python")
        else:
            env.pop("PYTHONPATH", None)
        r = self.run([interpreter or sys.executable, "-c", code], timeout=timeout, env=env)
        if r.returncode != 0:
            raise RuntimeError(f"python in {self.name} failed: {r.stderr.strip()[-3000:]}")
        return r.stdout
