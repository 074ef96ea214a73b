"""Packaging for netifaces_go: a ctypes package shipping libnetifaces_go.so.

``pip install --no-build-isolation .`` builds the Go library with the same recipe as
``make`` (build_library.py; needs only a Go toolchain with cgo on PATH) and ships it
inside the package. The wheel is ``py3-none-<platform>``: ctypes has no CPython ABI
dependency. ``python setup.py sdist`` vendors the Go modules into the sdist so it
builds without the Go module proxy.
"""
import os
import shutil
import subprocess
import sys

from setuptools import setup
from setuptools.command.build_py import build_py
from setuptools.command.develop import develop
from setuptools.command.sdist import sdist
from setuptools.dist import Distribution

ROOT = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, ROOT)
import build_library  # noqa: E402


def _version():
    with open(os.path.join(ROOT, "include", "netifaces_go.h"), encoding="utf-8") as f:
        for line in f:
            if line.startswith("#define NIG_VERSION_STRING"):
                return line.split('"')[1]
    raise RuntimeError("NIG_VERSION_STRING not found in include/netifaces_go.h")


def _build_into(package_dir):
    """Builds the library and places it as package_dir/libnetifaces_go.so."""
    out = os.path.join(ROOT, "build", "setup-lib")
    build_library.build(out, python_copy=os.path.abspath(package_dir))
    include = os.path.join(os.path.abspath(package_dir), "include")
    os.makedirs(include, exist_ok=True)
    shutil.copyfile(os.path.join(ROOT, "include", "netifaces_go.h"),
                    os.path.join(include, "netifaces_go.h"))


class BuildPy(build_py):
    def run(self):
        super().run()
        if getattr(self, "editable_mode", False):
            _build_into(os.path.join(ROOT, "python", "netifaces_go"))
        else:
            _build_into(os.path.join(os.path.abspath(self.build_lib), "netifaces_go"))


class Develop(develop):
    def run(self):
        _build_into(os.path.join(ROOT, "python", "netifaces_go"))
        super().run()


class SdistVendored(sdist):
    """An sdist with vendor/ so `go build -mod=vendor` needs no network."""

    def make_release_tree(self, base_dir, files):
        super().make_release_tree(base_dir, files)
        subprocess.run(["go", "mod", "vendor", "-o", os.path.join(os.path.abspath(base_dir), "vendor")],
                       cwd=ROOT, check=True)


class PlatformDistribution(Distribution):
    def has_ext_modules(self):
        return True  # platlib + a platform tag: the package carries a native library


cmdclass = {"build_py": BuildPy, "develop": Develop, "sdist": SdistVendored}
try:
    from wheel.bdist_wheel import bdist_wheel

    class BdistWheel(bdist_wheel):
        def get_tag(self):
            _, _, plat = super().get_tag()
            return "py3", "none", plat

    cmdclass["bdist_wheel"] = BdistWheel
except ImportError:  # no wheel package: sdist/develop still work
    pass

setup(
    name="netifaces_go",
    version=_version(),
    description="netifaces, ipaddress and pyroute2 compatible APIs over one Go core",
    long_description=open(os.path.join(ROOT, "README.md"), encoding="utf-8").read(),
    long_description_content_type="text/markdown",
    license="MIT",
    python_requires=">=3.9",
    package_dir={"": "python"},
    packages=["netifaces_go"],
    package_data={"netifaces_go": ["py.typed"]},
    zip_safe=False,
    distclass=PlatformDistribution,
    cmdclass=cmdclass,
    classifiers=[
        "Programming Language :: Python :: 3",
        "Operating System :: POSIX :: Linux",
        "Topic :: System :: Networking",
    ],
)
