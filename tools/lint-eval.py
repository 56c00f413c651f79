#!/usr/bin/env python3
"""Precision and recall of `wfgen lint` per rule family on the labeled corpus (../shared/corpus/dev),
and a check that no confusion/service-update/health finding fires on ../shared/corpus/general.

Each dev folder NNN/ is a repository: it is linted as a user would, `cd NNN && wfgen lint --format json`.
Counting is at (file, family) level, as the corpus README defines. Usage: lint-eval.py WFGEN [CORPUS_DIR]
"""
import collections
import json
import os
import re
import subprocess
import sys

FAMILIES = ["confusion", "service-update", "secrets", "health", "hygiene"]
NON_ECS_FORBIDDEN = {"confusion", "service-update", "health"}


def rubric_families(rubric_path):
    """rule id -> family, read from RUBRIC.md's '### family — title' sections and '- `rule-id`:' items."""
    mapping, family = {}, None
    with open(rubric_path, encoding="utf-8") as f:
        for line in f:
            heading = re.match(r"^###\s+([a-z-]+)", line)
            if heading:
                family = heading.group(1)
                continue
            item = re.match(r"^- `([a-z0-9-]+)`", line)
            if item and family:
                mapping[item.group(1)] = family
    return mapping


def lint(wfgen, cwd, args):
    proc = subprocess.run([wfgen, "lint", "--format", "json", *args], cwd=cwd, capture_output=True, text=True)
    if proc.returncode not in (0, 1):
        raise RuntimeError(f"wfgen exited {proc.returncode} in {cwd}: {proc.stderr.strip()}")
    return json.loads(proc.stdout or "[]"), proc.returncode


def main():
    if len(sys.argv) < 2:
        print(__doc__)
        return 2
    wfgen = os.path.abspath(sys.argv[1])
    corpus = os.path.abspath(sys.argv[2] if len(sys.argv) > 2 else os.path.join(os.path.dirname(__file__), "..", "..", "shared", "corpus"))
    dev = os.path.join(corpus, "dev")
    if not os.path.isdir(dev):
        print(f"eval: skipped, no labeled corpus at {dev}")
        return 0
    families = rubric_families(os.path.join(dev, "RUBRIC.md"))
    labeled = collections.defaultdict(set)      # file -> families
    files = set()
    with open(os.path.join(dev, "LABELS.tsv"), encoding="utf-8") as f:
        next(f)
        for line in f:
            parts = line.rstrip("\n").split("\t")
            if len(parts) < 2:
                continue
            files.add(parts[0])
            if parts[1] != "none":
                labeled[parts[0]].add(families.get(parts[1], "unknown:" + parts[1]))
    found = collections.defaultdict(set)
    details = collections.defaultdict(list)
    repos = sorted(d for d in os.listdir(dev) if os.path.isdir(os.path.join(dev, d)))
    for repo in repos:
        diagnostics, _ = lint(wfgen, os.path.join(dev, repo), [])
        for d in diagnostics:
            key = f"{repo}/{d['path']}"
            found[key].add(d["family"])
            details[key].append(f"{d['line']}:{d['column']} {d['rule']}")
    files |= set(found)
    print(f"dev corpus: {len(repos)} repositories, {len(files)} labeled or reported files")
    print(f"{'family':<16}{'TP':>4}{'FP':>4}{'FN':>4}  precision  recall")
    ok = True
    for family in FAMILIES:
        tp = sum(1 for f in files if family in found[f] and family in labeled[f])
        fp = sorted(f for f in files if family in found[f] and family not in labeled[f])
        fn = sorted(f for f in files if family not in found[f] and family in labeled[f])
        precision = tp / (tp + len(fp)) if tp + len(fp) else 1.0
        recall = tp / (tp + len(fn)) if tp + len(fn) else 1.0
        meets = precision >= 0.95 and recall >= 0.90
        ok &= meets
        print(f"{family:<16}{tp:>4}{len(fp):>4}{len(fn):>4}  {precision:9.2f}  {recall:6.2f}  {'ok' if meets else 'BELOW TARGET'}")
        for f in fp:
            print(f"    FP {f}: " + ", ".join(x for x in details[f]))
        for f in fn:
            print(f"    FN {f}")
    general = os.path.join(corpus, "general")
    if os.path.isdir(general):
        diagnostics, _ = lint(wfgen, general, ["."])
        count = len({d["path"] for d in diagnostics} | set())
        forbidden = [d for d in diagnostics if d["family"] in NON_ECS_FORBIDDEN]
        total = len([n for n in os.listdir(general) if n.endswith((".yml", ".yaml"))])
        print(f"general corpus: {total} workflows linted, no crash; {len(diagnostics)} findings in {count} files; "
              f"{len(forbidden)} confusion/service-update/health findings")
        for d in forbidden:
            print(f"    {d['path']}:{d['line']}:{d['column']} {d['rule']}: {d['message']}")
        ok &= not forbidden
    print("eval: all targets met" if ok else "eval: some targets missed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
