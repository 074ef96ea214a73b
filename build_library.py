#!/usr/bin/env python3
"""The one recipe that builds libnetifaces_go (used by the Makefile and setup.py).

    python3 build_library.py OUT_DIR [--python-copy DIR]

Builds OUT_DIR/libnetifaces_go.so.1 (SONAME libnetifaces_go.so.1, exports limited
to the nig_* functions declared in include/netifaces_go.h by a generated linker
version script) and the symlink OUT_DIR/libnetifaces_go.so. With --python-copy,
also copies the library to DIR/libnetifaces_go.so (a real file, for the Python
package). Needs only a Go toolchain with cgo and a C compiler.
"""
import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.abspath(__file__))
HEADER = os.path.join(ROOT, "include", "netifaces_go.h")
SONAME = "libnetifaces_go.so.1"
VERSION_NODE = "NETIFACES_GO_1"


def api_functions(header=HEADER):
    """The nig_* function names declared in the public header, in order."""
    with open(header, encoding="utf-8") as f:
        text = re.sub(r"/\*.*?\*/", "", f.read(), flags=re.S)
    names = re.findall(r"\b(nig_[a-z0-9_]+)\s*\(", text)
    return list(dict.fromkeys(names))


# Parameter patterns of the ABI's calling conventions, and their signature letters
# (the same letters as python/netifaces_go/_ffi.py's API table).
_PARAM_KINDS = [
    (re.compile(r"^const char \*\w+, size_t \w+"), "b"),
    (re.compile(r"^const uint8_t \*\w+, size_t \w+"), "b"),
    (re.compile(r"^char \*\*\w+, size_t \*\w+"), ">o"),
    (re.compile(r"^uint8_t \*\*\w+, size_t \*\w+"), ">o"),
    (re.compile(r"^nig_handle \*\w+"), ">H"),
    (re.compile(r"^nig_handle \w+"), "h"),
    (re.compile(r"^int64_t \w+"), "q"),
    (re.compile(r"^uint32_t \w+"), "u"),
    (re.compile(r"^int \w+"), "i"),
    (re.compile(r"^void \*\w+"), "p"),
]


def signatures(header=HEADER):
    """{name: signature} for every `int nig_x(...)` whose parameters follow the
    ABI conventions; functions of other shapes map to None."""
    with open(header, encoding="utf-8") as f:
        text = re.sub(r"/\*.*?\*/", "", f.read(), flags=re.S)
    sigs = {}
    for ret, name, params in re.findall(r"([\w ]+?\*?)\s*\b(nig_[a-z0-9_]+)\s*\(([^)]*)\)\s*;", text):
        params = " ".join(params.split())
        if ret.strip() != "int" or params == "void":
            sigs[name] = None
            continue
        sig, rest = "", params
        while rest:
            for pat, kind in _PARAM_KINDS:
                m = pat.match(rest)
                if m:
                    sig += kind
                    rest = rest[m.end():].lstrip(", ")
                    break
            else:
                sig = None
                break
        if sig is not None and ">" not in sig:
            sig += ">"
        sigs[name] = sig
    return sigs


def version_script(names):
    body = "".join(f"    {n};\n" for n in names)
    return f"{VERSION_NODE} {{\n  global:\n{body}  local: *;\n}};\n"


def build(out_dir, python_copy=None):
    out_dir = os.path.abspath(out_dir)
    os.makedirs(out_dir, exist_ok=True)
    target = os.path.join(out_dir, SONAME)
    # The external linker runs in a temp dir: the map needs an absolute path, and
    # one without spaces because -extldflags is split on white space.
    tmp = tempfile.mkdtemp(prefix="nig-build-")
    try:
        mapfile = os.path.join(tmp, "netifaces_go.map")
        with open(mapfile, "w") as f:
            f.write(version_script(api_functions()))
        ldflags = f"-extldflags '-Wl,-soname,{SONAME} -Wl,--version-script={mapfile}'"
        built = os.path.join(out_dir, f".{SONAME}.tmp{os.getpid()}")
        cmd = ["go", "build", "-buildmode=c-shared", "-trimpath", "-buildvcs=false",
               "-ldflags", ldflags, "-o", built]
        if os.path.isdir(os.path.join(ROOT, "vendor")):
            cmd.append("-mod=vendor")  # sdists build offline from vendored modules
        cmd.append("./capi")
        env = dict(os.environ, CGO_ENABLED="1")
        subprocess.run(cmd, cwd=ROOT, env=env, check=True)
        os.replace(built, target)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    # Never ship cgo's generated header: include/netifaces_go.h is the contract.
    for h in os.listdir(out_dir):
        if h.endswith(".h") and h.startswith((".libnetifaces_go", "libnetifaces_go")):
            os.remove(os.path.join(out_dir, h))
    link = os.path.join(out_dir, "libnetifaces_go.so")
    if os.path.lexists(link):
        os.remove(link)
    os.symlink(SONAME, link)
    if python_copy:
        # Copy then rename: processes that have the old library mapped keep their
        # (unlinked) inode instead of seeing it rewritten under them.
        os.makedirs(python_copy, exist_ok=True)
        dest = os.path.join(os.path.abspath(python_copy), "libnetifaces_go.so")
        tmp_dest = dest + f".tmp{os.getpid()}"
        shutil.copyfile(target, tmp_dest)
        os.replace(tmp_dest, dest)
    return target


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("out_dir")
    p.add_argument("--python-copy", metavar="DIR")
    p.add_argument("--print-exports", action="store_true",
                   help="print the nig_* names from the header and exit")
    p.add_argument("--print-signatures", action="store_true",
                   help="print 'name signature' for each conventional function and exit")
    a = p.parse_args(argv)
    if a.print_signatures:
        for name, sig in signatures().items():
            if sig is not None:
                print(name, sig)
        return 0
    if a.print_exports:
        print("\n".join(api_functions()))
        return 0
    build(a.out_dir, a.python_copy)
    return 0


if __name__ == "__main__":
    sys.exit(main())
