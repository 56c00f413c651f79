#!/usr/bin/env python3
"""make test-dist: the packages `make dist` wrote, installed and run the way a user without Swift runs them.

Each test names what it proves. The lint comparison runs the wheel's `wfgen` and a build from source (`swift build
--product wfgen-cli`: debug, Swift runtime and libyaml shared) on the same workflows — this repository's lint
fixtures, its own workflows and, when present, ../shared/corpus/general — and requires byte-identical JSON and the
same exit status. The .deb test needs root (CI has it) and skips without; the pre-commit test needs the peers' venv.

Usage: test_dist.py   (environment: DIST_DIR (default dist/), WFGEN_PEERS_BIN (the venv's bin, for pre-commit),
SWIFT, WFGEN_HOOK_BUDGET: CPU seconds for the hook's first install, default 15)
"""
import glob
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
import unittest
import zipfile

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
DIST = os.path.abspath(os.environ.get("DIST_DIR", os.path.join(ROOT, "dist")))
VERSION = open(os.path.join(ROOT, "tools", "dist", "VERSION"), encoding="utf-8").read().strip()
CORPUS = os.path.abspath(os.path.join(ROOT, "..", "shared", "corpus", "general"))
# Libraries a self-contained wfgen must not load: the Swift runtime and its core libraries, and libyaml.
BUNDLED = re.compile(r"libswift|libFoundation|libdispatch|libBlocksRuntime|lib_FoundationICU|libicu|libyaml")


def run(command, **options):
    return subprocess.run(command, capture_output=True, text=True, **options)


def only(pattern):
    """The one artifact in dist/ matching `pattern`."""
    matches = glob.glob(os.path.join(DIST, pattern))
    if len(matches) != 1:
        raise AssertionError(f"expected one {pattern} in {DIST} (run make dist), found {matches}")
    return matches[0]


def glibc_versions(binary):
    dynamic = run(["objdump", "-T", binary], check=True).stdout
    return {(int(a), int(b)) for a, b in re.findall(r"\bGLIBC_(\d+)\.(\d+)", dynamic)}


def lint_cases():
    """(name, working directory, paths) for every lint comparison."""
    cases = []
    for fixture in sorted(glob.glob(os.path.join(ROOT, "Tests", "LintTests", "Fixtures", "*", "*"))):
        if os.path.isdir(fixture):
            cases.append((os.path.relpath(fixture, ROOT), fixture, ["."]))
    cases.append(("this repository", ROOT, [".github/workflows", "generated", "action.yml"]))
    if os.path.isdir(CORPUS):
        files = sorted(name for name in os.listdir(CORPUS) if name.endswith((".yml", ".yaml")))
        cases.append(("../shared/corpus/general", CORPUS, files))
    return cases


class Venv:
    """A fresh virtual environment with the wheel installed from dist/ only (no index)."""
    _made = None

    @classmethod
    def get(cls):
        if cls._made is None:
            folder = tempfile.mkdtemp(prefix="wfgen-dist-venv-")
            subprocess.run([sys.executable, "-m", "venv", folder], check=True)
            install = run([os.path.join(folder, "bin", "python"), "-m", "pip", "install", "--no-index",
                           "--disable-pip-version-check", "--find-links", DIST, f"wfgen-cli=={VERSION}"])
            if install.returncode != 0:
                raise AssertionError(f"pip install failed:\n{install.stdout}{install.stderr}")
            cls._made = folder
        return cls._made


class DistributionTests(unittest.TestCase):
    @classmethod
    def tearDownClass(cls):
        if Venv._made:
            shutil.rmtree(Venv._made, ignore_errors=True)

    def tarball_binary(self, folder):
        tarball = only(f"wfgen-{VERSION}-*.tar.gz")
        subprocess.run(["tar", "-xzf", tarball, "-C", folder], check=True)
        name = os.path.basename(tarball)[: -len(".tar.gz")]
        return os.path.join(folder, name, "wfgen")

    def test_every_artifact_matches_its_sha256_file(self):
        sums = glob.glob(os.path.join(DIST, "*.sha256"))
        self.assertGreaterEqual(len(sums), 3 if sys.platform.startswith("linux") else 2)
        for checksum in sums:
            with self.subTest(checksum=os.path.basename(checksum)):
                result = run(["sha256sum", "--check", "--strict", os.path.basename(checksum)], cwd=DIST)
                self.assertEqual(result.returncode, 0, result.stdout + result.stderr)

    def test_tarball_binary_needs_neither_swift_nor_libyaml(self):
        with tempfile.TemporaryDirectory() as folder:
            binary = self.tarball_binary(folder)
            ldd = run(["ldd", binary], check=True).stdout
            print(f"\nldd {os.path.basename(binary)} (tarball):\n{ldd}", file=sys.stderr)
            self.assertIsNone(BUNDLED.search(ldd), ldd)
            self.assertIn("libc.so.6", ldd)
            self.assertEqual(run([binary, "rules"]).returncode, 0)
            with open(os.path.join(os.path.dirname(binary), "wfgen.1"), encoding="utf-8") as page:
                self.assertTrue(page.read().startswith(".TH WFGEN 1"))

    def test_wheel_tag_is_the_newest_glibc_the_binary_needs(self):
        wheel = only(f"wfgen_cli-{VERSION}-py3-none-*.whl")
        tag = re.search(r"-py3-none-(.+)\.whl$", wheel).group(1)
        with zipfile.ZipFile(wheel) as archive, tempfile.TemporaryDirectory() as folder:
            binary = archive.extract(f"wfgen_cli-{VERSION}.data/scripts/wfgen", folder)
            self.assertEqual(archive.getinfo(f"wfgen_cli-{VERSION}.data/scripts/wfgen").external_attr >> 16 & 0o111, 0o111)
            self.assertIn(f"Tag: py3-none-{tag}\n", archive.read(f"wfgen_cli-{VERSION}.dist-info/WHEEL").decode())
            needed = max(glibc_versions(binary))
        machine = {"x86_64": "x86_64", "aarch64": "aarch64"}[os.uname().machine]
        self.assertEqual(tag, f"manylinux_{needed[0]}_{needed[1]}_{machine}")
        print(f"\nwheel tag: {tag}", file=sys.stderr)

    def test_wheel_installs_a_wfgen_that_lints_like_the_source_build(self):
        swift = os.environ.get("SWIFT", "swift")
        built = run([swift, "build", "--product", "wfgen-cli"], cwd=ROOT)
        self.assertEqual(built.returncode, 0, built.stdout + built.stderr)
        source = os.path.join(run([swift, "build", "--show-bin-path"], cwd=ROOT, check=True).stdout.strip(), "wfgen-cli")
        installed = os.path.join(Venv.get(), "bin", "wfgen")
        ldd = run(["ldd", installed], check=True).stdout
        self.assertIsNone(BUNDLED.search(ldd), ldd)
        self.assertIsNotNone(re.search(r"libyaml|libswiftCore", run(["ldd", source], check=True).stdout),
                             "the source build should be the shared-library build it is compared with")
        findings = 0
        for name, directory, paths in lint_cases():
            with self.subTest(case=name):
                expected = run([source, "lint", "--format", "json", "--", *paths], cwd=directory)
                actual = run([installed, "lint", "--format", "json", "--", *paths], cwd=directory)
                self.assertEqual(actual.returncode, expected.returncode, actual.stderr)
                self.assertEqual(actual.stdout, expected.stdout)
                self.assertEqual(actual.stderr, expected.stderr)
                findings += actual.stdout.count('"rule" :')
        self.assertGreater(findings, 0, "the comparison must include workflows with findings")
        print(f"\nlint --format json identical on {len(lint_cases())} runs ({', '.join(c[0] for c in lint_cases()[-2:])}"
              f" among them), {findings} findings", file=sys.stderr)

    def test_deb_holds_the_binary_and_its_manual(self):
        deb = only(f"wfgen_*.deb")
        contents = run(["dpkg-deb", "--contents", deb], check=True).stdout
        self.assertRegex(contents, r"-rwxr-xr-x root/root .* \./usr/bin/wfgen\n")
        self.assertRegex(contents, r"root/root .* \./usr/share/man/man1/wfgen\.1\.gz\n")
        control = run(["dpkg-deb", "--field", deb, "Package", "Depends"], check=True).stdout
        self.assertIn("Package: wfgen", control)
        self.assertRegex(control, r"Depends: libc6 \(>= 2\.\d+\)")
        self.assertNotIn("libyaml", control)

    @unittest.skipUnless(hasattr(os, "geteuid") and os.geteuid() == 0 and shutil.which("dpkg"),
                         "dpkg -i needs root (CI runs as root); skipped")
    def test_deb_installs_runs_and_removes_cleanly(self):
        if run(["dpkg", "-s", "wfgen"]).returncode == 0:
            self.skipTest("a wfgen package is already installed here; not replacing it")
        deb = only("wfgen_*.deb")
        installed = run(["dpkg", "-i", deb])
        try:
            self.assertEqual(installed.returncode, 0, installed.stdout + installed.stderr)
            self.assertEqual(run(["/usr/bin/wfgen", "--help"]).returncode, 0)
            broken = os.path.join(ROOT, "Tests", "LintTests", "Fixtures", "err", "cross-file-task-definition")
            lint = run(["/usr/bin/wfgen", "lint", "."], cwd=broken)
            self.assertEqual(lint.returncode, 1, lint.stdout + lint.stderr)
            self.assertTrue(os.path.isfile("/usr/share/man/man1/wfgen.1.gz"))
        finally:
            removed = run(["dpkg", "-r", "wfgen"])
        self.assertEqual(removed.returncode, 0, removed.stdout + removed.stderr)
        self.assertFalse(os.path.exists("/usr/bin/wfgen"))
        self.assertFalse(os.path.exists("/usr/share/man/man1/wfgen.1.gz"))
        self.assertNotEqual(run(["dpkg", "-s", "wfgen"]).returncode, 0, "dpkg still lists wfgen")

    @unittest.skipUnless(os.environ.get("WFGEN_PEERS_BIN"), "needs the venv's pre-commit (make test-dist sets WFGEN_PEERS_BIN)")
    def test_pre_commit_installs_the_wheel_hook_in_seconds_and_it_fails_a_broken_workflow(self):
        pre_commit = os.path.join(os.environ["WFGEN_PEERS_BIN"], "pre-commit")
        repo, rev, _ = run([os.path.join(ROOT, "tools", "pre-commit-hook-repo.sh"), ROOT], check=True).stdout.split()
        with tempfile.TemporaryDirectory() as home, tempfile.TemporaryDirectory() as user:
            fixture = os.path.join(ROOT, "Tests", "LintTests", "Fixtures", "err", "cross-file-task-definition")
            shutil.copytree(fixture, user, dirs_exist_ok=True)
            with open(os.path.join(user, ".pre-commit-config.yaml"), "w", encoding="utf-8") as config:
                config.write(f"repos:\n  - repo: {repo}\n    rev: {rev}\n    hooks:\n      - id: wfgen-lint-wheel\n")
            run(["git", "init", "--quiet"], cwd=user, check=True)
            run(["git", "add", "-A"], cwd=user, check=True)
            # The wheel comes from dist/ only: PIP_FIND_LINKS is how a user points pip at a folder of wheels.
            env = dict(os.environ, PRE_COMMIT_HOME=home, PIP_FIND_LINKS=DIST, PIP_NO_INDEX="1",
                       PIP_DISABLE_PIP_VERSION_CHECK="1")
            start, before = time.monotonic(), resource.getrusage(resource.RUSAGE_CHILDREN)
            first = run([pre_commit, "run", "wfgen-lint-wheel", "--all-files"], cwd=user, env=env)
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            seconds = time.monotonic() - start
            cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
            print(f"\npre-commit first run of wfgen-lint-wheel (install + lint): {seconds:.1f} s, {cpu:.1f} s CPU",
                  file=sys.stderr)
            self.assertEqual(first.returncode, 1, first.stdout + first.stderr)
            self.assertIn("wfgen lint", first.stdout)
            self.assertIn("Failed", first.stdout)
            self.assertIn(".github/workflows/deploy.yml", first.stdout)
            # The budget is on CPU time, which other work on a shared machine does not stretch (wall time here went
            # from 7 to 35 s with the load); the wall-clock bound only catches a hang or a compile.
            self.assertLess(cpu, float(os.environ.get("WFGEN_HOOK_BUDGET", "15")))
            self.assertLess(seconds, 90)
            environments = glob.glob(os.path.join(home, "repo*", "py_env-*", "bin", "wfgen"))
            self.assertEqual(len(environments), 1, "the hook runs the wheel's wfgen in pre-commit's environment")
            self.assertFalse(glob.glob(os.path.join(home, "repo*", ".build")), "nothing was compiled")

            # The same hook passes once the workflow is fixed (proof that the failure was the findings).
            clean = os.path.join(ROOT, "Tests", "LintTests", "Fixtures", "ok", "canonical-pipeline")
            shutil.rmtree(os.path.join(user, ".github"))
            for leftover in glob.glob(os.path.join(user, "*")):
                shutil.rmtree(leftover) if os.path.isdir(leftover) else os.remove(leftover)
            shutil.copytree(clean, user, dirs_exist_ok=True)
            run(["git", "add", "-A"], cwd=user, check=True)
            second = run([pre_commit, "run", "wfgen-lint-wheel", "--all-files"], cwd=user, env=env)
            self.assertEqual(second.returncode, 0, second.stdout + second.stderr)
            self.assertIn("Passed", second.stdout)


if __name__ == "__main__":
    unittest.main(verbosity=2)
