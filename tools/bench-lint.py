#!/usr/bin/env python3
"""Lint throughput of wfgen against actionlint and zizmor on the same >= 2,000 workflows, in one run.

Usage: bench-lint.py WFGEN [PEERS_BIN] [OUT_DIR]
The corpus is built under OUT_DIR (default bench-out/lint): real workflows from ../shared/corpus (general and dev)
replicated to 2,000+ files when that folder exists, else generated variants of the test fixtures.
Prints files/s and MB/s, wall time and peak resident memory per tool, and wfgen's ratios to each peer.
"""
import os
import shutil
import subprocess
import sys
import time

TARGET_FILES = 2000
HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def sources():
    """Workflow texts to replicate: the shared real-world corpus if present, else the repo's own fixtures."""
    texts = []
    shared = os.path.join(ROOT, "..", "shared", "corpus")
    for base in (os.path.join(shared, "general"), os.path.join(shared, "dev")):
        for folder, _, names in os.walk(base):
            for name in sorted(names):
                if name.endswith((".yml", ".yaml")):
                    with open(os.path.join(folder, name), encoding="utf-8", errors="replace") as f:
                        texts.append(f.read())
    origin = "real workflows from ../shared/corpus"
    if not texts:
        origin = "generated variants of Tests/LintTests/Fixtures"
        fixtures = os.path.join(ROOT, "Tests", "LintTests", "Fixtures")
        for folder, _, names in os.walk(fixtures):
            for name in sorted(names):
                if name.endswith((".yml", ".yaml")):
                    with open(os.path.join(folder, name), encoding="utf-8") as f:
                        texts.append(f.read())
    return sorted(texts), origin


def loadable_by(zizmor, texts, scratch):
    """The texts zizmor can load: it aborts a whole run on a workflow it cannot model and skips ones failing its
    schema, so such files are left out for every tool (all tools must see the same files)."""
    if not zizmor:
        return texts
    keep = dict(enumerate(texts))
    for _ in range(50):
        shutil.rmtree(scratch, ignore_errors=True)
        folder = os.path.join(scratch, ".github", "workflows")
        os.makedirs(folder)
        for index, text in keep.items():
            with open(os.path.join(folder, f"s{index:05d}.yml"), "w", encoding="utf-8") as f:
                f.write(text)
        proc = subprocess.run([zizmor, "--offline", "--no-progress", "--format", "plain", folder], cwd=scratch,
                              capture_output=True, text=True)
        bad = set()
        for line in proc.stderr.splitlines():
            for marker in ("failed to validate file://", "failed to load file://"):
                if marker in line:
                    name = line.split(marker, 1)[1].split()[0]
                    bad.add(int(os.path.basename(name)[1:6]))
        if not bad:
            break
        for index in bad:
            keep.pop(index, None)
    shutil.rmtree(scratch, ignore_errors=True)
    return list(keep.values())


def build_corpus(out_dir, zizmor=None):
    texts, origin = sources()
    texts = loadable_by(zizmor, texts, out_dir + "-scratch")
    workflows = os.path.join(out_dir, ".github", "workflows")
    shutil.rmtree(out_dir, ignore_errors=True)
    os.makedirs(workflows)
    count, size, i = 0, 0, 0
    while count < TARGET_FILES:
        text = texts[i % len(texts)]
        copy = i // len(texts)
        # Each replica differs (a comment and a renamed workflow), so no tool can cache by content.
        body = f"# replica {copy} of source {i % len(texts)}\n" + text
        path = os.path.join(workflows, f"w{i:05d}.yml")
        with open(path, "w", encoding="utf-8") as f:
            f.write(body)
        count += 1
        size += len(body.encode("utf-8"))
        i += 1
    return workflows, count, size, origin


def measure(argv, cwd):
    """Wall seconds and peak RSS (MiB) of one child process, via wait4's rusage for that child only."""
    start = time.perf_counter()
    with open(os.devnull, "wb") as devnull:
        proc = subprocess.Popen(argv, cwd=cwd, stdout=devnull, stderr=devnull)
        _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    return wall, usage.ru_maxrss / 1024.0, code


def main():
    if len(sys.argv) < 2:
        print(__doc__)
        return 2
    wfgen = os.path.abspath(sys.argv[1])
    peers = os.path.abspath(sys.argv[2]) if len(sys.argv) > 2 else os.path.join(ROOT, ".venv", "bin")
    out_dir = os.path.abspath(sys.argv[3]) if len(sys.argv) > 3 else os.path.join(ROOT, "bench-out", "lint")
    zizmor_path = os.path.join(peers, "zizmor")
    workflows, count, size, origin = build_corpus(out_dir, zizmor_path if os.access(zizmor_path, os.X_OK) else None)
    files = sorted(os.path.join(workflows, n) for n in os.listdir(workflows))
    print(f"bench-lint: {count} workflows, {size / 1e6:.2f} MB ({origin})")

    tools = [("wfgen lint", [wfgen, "lint", "--format", "json", workflows], [0, 1])]
    actionlint = os.path.join(peers, "actionlint")
    zizmor = os.path.join(peers, "zizmor")
    if os.access(actionlint, os.X_OK):
        tools.append(("actionlint", [actionlint, "-shellcheck=", "-pyflakes=", "-no-color", *files], [0, 1]))
    else:
        print(f"bench-lint: actionlint not in {peers}; skipped (run `make venv`)")
    if os.access(zizmor, os.X_OK):
        tools.append(("zizmor", [zizmor, "--offline", "--no-progress", "--format", "plain", workflows], list(range(0, 20))))
    else:
        print(f"bench-lint: zizmor not in {peers}; skipped (run `make venv`)")

    # Rounds interleave the tools (wfgen, actionlint, zizmor, wfgen, ...) so a load change on a shared machine hits
    # them alike; each tool's best wall time and its peak memory are kept.
    runs = {name: [] for name, _, _ in tools}
    for name, argv, _ in tools:
        measure(argv, out_dir)  # warm the page cache and the tool's own startup
    for _ in range(5):
        for name, argv, _ in tools:
            runs[name].append(measure(argv, out_dir))
    results = {}
    for name, _, ok_codes in tools:
        wall = min(r[0] for r in runs[name])
        rss = max(r[1] for r in runs[name])
        code = runs[name][-1][2]
        if code not in ok_codes:
            print(f"bench-lint: {name} exited {code}; its figures are not comparable")
        results[name] = (wall, rss)
        print(f"{name:<12} wall {wall:7.3f} s  {count / wall:9.0f} files/s  {size / 1e6 / wall:7.2f} MB/s  peak RSS {rss:8.1f} MiB")

    wall, rss = results["wfgen lint"]
    for peer in ("actionlint", "zizmor"):
        if peer in results:
            peer_wall, peer_rss = results[peer]
            time_ratio = wall / peer_wall
            memory_ratio = rss / peer_rss
            time_ok = "meets" if time_ratio <= 0.5 else "MISSES"
            print(f"wfgen/{peer:<10} wall-time ratio {time_ratio:5.2f} ({time_ok} target <= 0.50)   peak-memory ratio {memory_ratio:5.2f}")
    if "actionlint" in results:
        verdict = "meets" if rss <= results["actionlint"][1] else "MISSES"
        print(f"wfgen peak memory {rss:.1f} MiB vs actionlint {results['actionlint'][1]:.1f} MiB: {verdict} target <= actionlint")
    return 0


if __name__ == "__main__":
    sys.exit(main())
