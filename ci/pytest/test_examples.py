"""The README's examples are the files in examples/, and the Python one runs."""
import os
import re
import subprocess
import sys

from conftest import ROOT


def _blocks(lang):
    with open(os.path.join(ROOT, "README.md"), encoding="utf-8") as f:
        return re.findall(r"```%s\n(.*?)```" % lang, f.read(), re.S)


def _read(*parts):
    with open(os.path.join(ROOT, *parts), encoding="utf-8") as f:
        return f.read()


def test_readme_shows_the_example_files():
    assert _read("examples", "python_example.py") in _blocks("python")
    assert _read("examples", "example.c") in _blocks("c")
    assert _read("examples", "go", "main.go") in _blocks("go")


def test_python_example_runs():
    env = dict(os.environ, PYTHONPATH=os.path.join(ROOT, "python"))
    r = subprocess.run([sys.executable, os.path.join(ROOT, "examples", "python_example.py")],
                       env=env, capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    lines = r.stdout.splitlines()
    assert "'lo'" in lines[0]
    assert lines[1] == "[{'addr': '127.0.0.1', 'netmask': '255.0.0.0', 'peer': '127.0.0.1'}]"
    assert lines[3] == "256 True"
    assert lines[4] == "[IPv4Network('192.0.2.0/23')]"
    assert "(1, 'lo')" in lines[5]
