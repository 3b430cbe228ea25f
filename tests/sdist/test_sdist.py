#!/usr/bin/env python3
# What matrix/sdist/sdist.py reads of a project's build metadata (maturin's
# and setuptools-rust's), how it lays out the wheel's Python files, and the
# Cargo.lock it finds or generates: on synthetic projects, no network.
#
#   test_sdist.py SDIST_PY
import importlib.util
import os
import shutil
import subprocess
import sys
import tempfile
import unittest

spec = importlib.util.spec_from_file_location("sdist", sys.argv.pop(1))
sdist = importlib.util.module_from_spec(spec)
spec.loader.exec_module(sdist)

CARGO = '[package]\nname = "%s"\nversion = "0.1.0"\nedition = "2021"\n%s'


class Project(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.mkdtemp(prefix="test-sdist-")
        self.addCleanup(shutil.rmtree, self.dir)

    def write(self, path, text):
        path = os.path.join(self.dir, path)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w") as f:
            f.write(text)

    def layout(self, p):
        py = os.path.join(self.dir, "out", "python")
        os.makedirs(py)
        so = sdist.python_files(self.dir, p, py)
        files = sorted(os.path.relpath(os.path.join(d, n), py) for d, _, names in os.walk(py) for n in names)
        return so, files

    def test_maturin(self):
        self.write("pyproject.toml", '[build-system]\nbuild-backend = "maturin"\n[tool.maturin]\n'
                   'manifest-path = "crates/py/Cargo.toml"\nmodule-name = "pkg._core"\nfeatures = ["f"]\n'
                   'python-source = "python"\n')
        self.write("crates/py/Cargo.toml", CARGO % ("pkg-py", '[lib]\nname = "_core"\n'))
        self.write("python/pkg/__init__.py", "from ._core import *\n")
        self.write("python/pkg/__pycache__/x.pyc", "")
        p = sdist.project(self.dir)
        self.assertEqual((p["backend"], p["crate"], p["lib"], p["module"], p["features"]),
                         ("maturin", "pkg-py", "_core", "pkg._core", ["f"]))
        self.assertEqual(p["manifest"], os.path.join(self.dir, "crates/py/Cargo.toml"))
        self.assertEqual(self.layout(p), ("pkg/_core", ["pkg/__init__.py"]))

    def test_maturin_pure_rust(self):
        self.write("pyproject.toml", '[build-system]\nbuild-backend = "maturin"\n')
        self.write("Cargo.toml", CARGO % ("my-ext", ""))
        p = sdist.project(self.dir)
        self.assertEqual((p["backend"], p["module"]), ("maturin", "my_ext"))
        so, files = self.layout(p)
        self.assertEqual((so, files), ("my_ext/my_ext", ["my_ext/__init__.py"]))
        with open(os.path.join(self.dir, "out", "python", "my_ext", "__init__.py")) as f:
            self.assertIn("from .my_ext import *", f.read())

    def test_setuptools_rust_pyproject(self):
        self.write("pyproject.toml", '[build-system]\nbuild-backend = "setuptools.build_meta"\n'
                   '[tool.setuptools]\npackage-dir = {"" = "src"}\npackages = ["pkg"]\n'
                   '[[tool.setuptools-rust.ext-modules]]\ntarget = "pkg._rust"\npath = "src/_rust/Cargo.toml"\n'
                   'features = ["py"]\nbinding = "PyO3"\npy-limited-api = "auto"\n')
        self.write("src/_rust/Cargo.toml", CARGO % ("pkg-rust", ""))
        self.write("src/pkg/__init__.py", "from ._rust import f\n")
        self.write("src/pkg/py.typed", "")
        self.write("src/pkg/_rust.cpython-313-x86_64-linux-gnu.so", "")
        p = sdist.project(self.dir)
        self.assertEqual((p["backend"], p["crate"], p["lib"], p["module"], p["features"], p["abi3"]),
                         ("setuptools-rust", "pkg-rust", "pkg_rust", "pkg._rust", ["py"], False))
        self.assertEqual(p["manifest"], os.path.join(self.dir, "src/_rust/Cargo.toml"))
        # No __init__.py is generated, no built file of the source tree shipped.
        self.assertEqual(self.layout(p), ("pkg/_rust", ["pkg/__init__.py", "pkg/py.typed"]))

    def test_setuptools_rust_limited_api(self):
        self.write("pyproject.toml", '[[tool.setuptools-rust.ext-modules]]\ntarget = "m"\n')
        self.write("Cargo.toml", CARGO % ("m", ""))
        self.assertFalse(sdist.project(self.dir)["abi3"])
        self.write("setup.cfg", "[bdist_wheel]\npy_limited_api = cp39\n")
        self.assertTrue(sdist.project(self.dir)["abi3"])
        self.write("pyproject.toml", '[[tool.setuptools-rust.ext-modules]]\ntarget = "m"\npy-limited-api = false\n')
        self.assertFalse(sdist.project(self.dir)["abi3"])

    def test_setuptools_rust_top_level_module(self):
        self.write("pyproject.toml", '[[tool.setuptools-rust.ext-modules]]\ntarget = "fast"\n')
        self.write("Cargo.toml", CARGO % ("fast-rs", ""))
        p = sdist.project(self.dir)
        self.assertEqual((p["manifest"], p["module"]), (os.path.join(self.dir, "Cargo.toml"), "fast"))
        self.assertEqual(self.layout(p), ("fast", []))

    def test_setup_py_read_not_run(self):
        self.write("setup.py", "import pathlib\npathlib.Path('ran').write_text('')\n"
                   "from setuptools import setup\nfrom setuptools_rust import Binding, RustExtension\n"
                   "setup(name='tk', rust_extensions=[RustExtension('tk._tk', 'rust/Cargo.toml', "
                   "binding=Binding.PyO3, debug=False, features=['python'])],\n"
                   "      packages=['tk', 'tk_ext'], zip_safe=False)\n")
        self.write("pyproject.toml", '[build-system]\nbuild-backend = "setuptools.build_meta"\n')
        self.write("rust/Cargo.toml", CARGO % ("tk", ""))
        self.write("tk/__init__.py", "")
        self.write("tk/sub/__init__.py", "")
        self.write("tk_ext/plugin.py", "")
        self.write("tk/resources/a.json", "{}")
        p = sdist.project(self.dir)
        self.assertFalse(os.path.exists(os.path.join(self.dir, "ran")))
        self.assertEqual((p["backend"], p["module"], p["features"], p["packages"]),
                         ("setuptools-rust", "tk._tk", ["python"], ["tk", "tk_ext"]))
        self.assertEqual(p["manifest"], os.path.join(self.dir, "rust/Cargo.toml"))
        # setuptools ships the packages listed and their data, not their unlisted subpackages.
        self.assertEqual(self.layout(p), ("tk/_tk", ["tk/__init__.py", "tk/resources/a.json", "tk_ext/plugin.py"]))

    def test_setup_py_keywords_and_found_packages(self):
        self.write("setup.py", "from setuptools import setup, find_packages\nimport setuptools_rust as r\n"
                   "setup(packages=find_packages(), package_dir={'': 'src'},\n"
                   "      rust_extensions=[r.RustExtension(target='pkg.native', path='native/Cargo.toml')])\n")
        self.write("native/Cargo.toml", CARGO % ("native", ""))
        self.write("src/pkg/__init__.py", "")
        self.write("src/pkg/sub/__init__.py", "")
        p = sdist.project(self.dir)
        self.assertEqual((p["module"], p["packages"], p["package_dir"]), ("pkg.native", None, {"": "src"}))
        self.assertEqual(self.layout(p), ("pkg/native", ["pkg/__init__.py", "pkg/sub/__init__.py"]))

    def test_setup_py_not_literal(self):
        self.write("setup.py", "from setuptools_rust import RustExtension\nNAME = 'a._b'\n"
                   "setup(rust_extensions=[RustExtension(NAME)])\n")
        with self.assertRaisesRegex(sdist.NotBuildable, "target is not a literal .*NAME.*without running it"):
            sdist.project(self.dir)

    def test_setup_py_python2(self):
        self.write("setup.py", "print 'hello'\n")
        with self.assertRaisesRegex(sdist.NotBuildable, "setup.py does not parse as Python 3"):
            sdist.project(self.dir)

    def test_no_rust_metadata(self):
        self.write("pyproject.toml", '[build-system]\nbuild-backend = "setuptools.build_meta"\n')
        self.write("setup.py", "from setuptools import setup\nsetup(name='x')\n")
        with self.assertRaises(sdist.NotBuildable) as e:
            sdist.project(self.dir)
        for what in ("[tool.maturin]", "tool.setuptools-rust.ext-modules", "RustExtension(...) in setup.py",
                     'matrix "path" package'):
            self.assertIn(what, str(e.exception))

    def test_not_buildable_exit(self):
        self.write("proj/setup.py", "from setuptools import setup\nsetup(name='x')\n")
        r = subprocess.run([sys.executable, spec.origin, "fetch", "--store", os.path.join(self.dir, "store"),
                            "--cargo", "cargo", "--path", os.path.join(self.dir, "proj")],
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        self.assertEqual(r.returncode, sdist.EXIT_NOT_BUILDABLE)
        self.assertEqual(r.stdout, "")
        self.assertRegex(r.stderr, r"^sdist: neither maturin .* says how to build a Rust extension of proj: ")
        self.assertNotIn("Traceback", r.stderr)

    def test_missing_manifest_and_binding(self):
        self.write("pyproject.toml", '[[tool.setuptools-rust.ext-modules]]\ntarget = "a.b"\npath = "x/Cargo.toml"\n')
        with self.assertRaisesRegex(sdist.NotBuildable, "x/Cargo.toml \\(setuptools-rust's path of a.b\\)"):
            sdist.project(self.dir)
        self.write("pyproject.toml", '[[tool.setuptools-rust.ext-modules]]\ntarget = "a.b"\nbinding = "Exec"\n')
        self.write("Cargo.toml", CARGO % ("a", ""))
        with self.assertRaisesRegex(sdist.NotBuildable, "binding Exec"):
            sdist.project(self.dir)

    def test_lockfile(self):
        self.write("crates/py/Cargo.toml", CARGO % ("py", ""))
        manifest = os.path.join(self.dir, "crates/py/Cargo.toml")
        self.assertIsNone(sdist.lockfile(self.dir, manifest))
        self.write("Cargo.lock", "")
        self.assertEqual(sdist.lockfile(self.dir, manifest), os.path.join(self.dir, "Cargo.lock"))

    @unittest.skipUnless(shutil.which("cargo"), "no cargo on PATH")
    def test_generate_lock(self):
        self.write("Cargo.toml", CARGO % ("nodeps", ""))
        self.write("src/lib.rs", "")
        lock, rec = sdist.generate_lock("cargo", self.dir, os.path.join(self.dir, "Cargo.toml"), dict(os.environ))
        self.assertEqual(lock, os.path.join(self.dir, "Cargo.lock"))
        self.assertEqual(rec["lock_path"], "Cargo.lock")
        self.assertRegex(rec["lock_generated"], r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$")
        self.assertTrue(rec["lock_cargo"].startswith("cargo "))


if __name__ == "__main__":
    unittest.main(verbosity=1)
