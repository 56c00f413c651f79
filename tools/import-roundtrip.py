#!/usr/bin/env python3
"""The property of `wfgen import` (issue 15): import -> compile the Swift with wfgen -> render gives the same data.

Usage: import-roundtrip.py WFGEN_CHECKOUT CORPUS_DIR REPORT.md [SCRATCH_DIR]

Builds a scratch Swift package that depends on the checkout by path: `import-all` turns every workflow and
task-definition JSON of the corpus into Swift (and renders the typed value in-process, to tell printer bugs
from model bugs); `render-all` compiles all that Swift, calls Compiler.compile for each definition and writes
the files. The originals and the rendered files are then compared as data (PyYAML with YAML 1.2 core scalars,
json), after the normalisations GitHub itself applies (see `normalise_workflow`).
"""
import json, os, re, resource, subprocess, sys, time, glob, shutil

import yaml

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from import_roundtrip_scratch import IMPORT_ALL, PACKAGE  # noqa: E402  (the scratch package's Swift)


class Core12Loader(yaml.SafeLoader):
    """YAML 1.2 core schema scalars, as GitHub and wfgen read them (no yes/no/on/off, no sexagesimal)."""


Core12Loader.yaml_implicit_resolvers = {}
for tag, regexp, first in [
    ("tag:yaml.org,2002:bool", r"^(?:true|True|TRUE|false|False|FALSE)$", list("tTfF")),
    ("tag:yaml.org,2002:int", r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$", list("-+0123456789")),
    ("tag:yaml.org,2002:float",
     r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$",
     list("-+0123456789.")),
    ("tag:yaml.org,2002:null", r"^(?:~|null|Null|NULL|)$", ["~", "n", "N", ""]),
]:
    Core12Loader.add_implicit_resolver(tag, re.compile(regexp), first)


def construct_int(loader, node):
    text = loader.construct_scalar(node)
    if text.startswith("0o"):
        return int(text[2:], 8)
    if text.startswith("0x"):
        return int(text[2:], 16)
    return int(text)


Core12Loader.add_constructor("tag:yaml.org,2002:int", construct_int)


def load(text):
    return yaml.load(text, Loader=Core12Loader)


def as_string(value):
    """An env/with value as GitHub passes it: booleans and numbers become their text."""
    if value is True:
        return "true"
    if value is False:
        return "false"
    if value is None:
        return ""
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() and abs(value) < 1e15 else repr(value)
    if isinstance(value, int):
        return str(value)
    return value


def listify(value):
    return value if isinstance(value, list) else [value]


def strings_map(value):
    if isinstance(value, dict):
        return {k: as_string(v) for k, v in value.items()}
    return value


FILTER_KEYS = {"branches", "branches-ignore", "tags", "tags-ignore", "paths", "paths-ignore", "types", "workflows"}


def normalise_workflow(doc):
    """The forms GitHub treats as equal: scalar `on`/`needs`/`runs-on`/filters vs one-element lists, an event's
    null vs {}, env/with values vs their string form."""
    if not isinstance(doc, dict):
        return doc
    doc = dict(doc)
    on = doc.get("on")
    if isinstance(on, str):
        on = {on: None}
    elif isinstance(on, list):
        on = {event: None for event in on}
    if isinstance(on, dict):
        fixed = {}
        for event, value in on.items():
            if value == {}:
                value = None
            if isinstance(value, dict):
                value = {k: (listify(v) if k in FILTER_KEYS else v) for k, v in value.items()}
            fixed[event] = value
        on = fixed
    doc["on"] = on
    if "env" in doc:
        doc["env"] = strings_map(doc["env"])
    jobs = doc.get("jobs")
    if isinstance(jobs, dict):
        doc["jobs"] = {name: normalise_job(job) for name, job in jobs.items()}
    return doc


def normalise_job(job):
    if not isinstance(job, dict):
        return job
    job = dict(job)
    if "needs" in job:
        job["needs"] = listify(job["needs"])
    if "runs-on" in job:
        runs_on = job["runs-on"]
        if isinstance(runs_on, dict) and "labels" in runs_on:
            runs_on = dict(runs_on, labels=listify(runs_on["labels"]))
        job["runs-on"] = listify(runs_on) if not isinstance(runs_on, dict) else runs_on
    for key in ("env", "with"):
        if key in job:
            job[key] = strings_map(job[key])
    for holder in ([job.get("container")] + list((job.get("services") or {}).values())
                   if isinstance(job.get("services") or {}, dict) else [job.get("container")]):
        if isinstance(holder, dict) and "env" in holder:
            holder["env"] = strings_map(holder["env"])
    if isinstance(job.get("steps"), list):
        steps = []
        for step in job["steps"]:
            if isinstance(step, dict):
                step = dict(step)
                for key in ("env", "with"):
                    if key in step:
                        step[key] = strings_map(step[key])
            steps.append(step)
        job["steps"] = steps
    return job


def first_difference(a, b, path="$"):
    if type(a) != type(b):
        return f"{path}: {short(a)} != {short(b)}"
    if isinstance(a, dict):
        for key in list(a) + [k for k in b if k not in a]:
            if key not in b:
                return f"{path}.{key}: missing after round trip"
            if key not in a:
                return f"{path}.{key}: added by round trip"
            found = first_difference(a[key], b[key], f"{path}.{key}")
            if found:
                return found
        return None
    if isinstance(a, list):
        if len(a) != len(b):
            return f"{path}: {len(a)} items != {len(b)} items"
        for index, (x, y) in enumerate(zip(a, b)):
            found = first_difference(x, y, f"{path}[{index}]")
            if found:
                return found
        return None
    return None if a == b else f"{path}: {short(a)} != {short(b)}"


def short(value):
    text = json.dumps(value, default=str)
    return text if len(text) < 80 else text[:77] + "..."


def repository_path(corpus, path):
    """The file's path inside its repository: dev/NNN/<path>, or .github/workflows/<name> for general."""
    rel = os.path.relpath(path, corpus).split(os.sep)
    if rel[0] == "dev":
        return "/".join(rel[2:])
    return ".github/workflows/" + rel[-1]


def main():
    checkout, corpus, report = sys.argv[1], sys.argv[2], sys.argv[3]
    scratch = sys.argv[4] if len(sys.argv) > 4 else "/tmp/wfgen-import-roundtrip"
    checkout = os.path.abspath(checkout)
    files = []
    for path in sorted(glob.glob(os.path.join(corpus, "general", "*.yml")) + glob.glob(os.path.join(corpus, "general", "*.yaml"))):
        files.append(("workflow", "general", path))
    for path in sorted(glob.glob(os.path.join(corpus, "dev", "*", ".github", "workflows", "*.y*ml"))):
        files.append(("workflow", "dev", path))
    for path in sorted(glob.glob(os.path.join(corpus, "dev", "**", "*.json"), recursive=True)):
        try:
            with open(path, encoding="utf-8") as handle:
                data = json.load(handle)
        except (ValueError, UnicodeDecodeError):
            data = None
        if isinstance(data, dict) and "containerDefinitions" in data:
            files.append(("taskdef", "dev-json", path))
    only = os.environ.get("WFGEN_RT_ONLY")
    if only:
        files = [f for f in files if f[1] == only]
    entries = [(kind, corpus_name, f"{'w' if kind == 'workflow' else 't'}{index:04d}", path)
               for index, (kind, corpus_name, path) in enumerate(files)]

    for sub in ("Sources/import-all", "Sources/render-all", "in-process", "rendered"):
        shutil.rmtree(os.path.join(scratch, sub), ignore_errors=True)
        os.makedirs(os.path.join(scratch, sub), exist_ok=True)
    with open(os.path.join(scratch, "Package.swift"), "w") as handle:
        # SwiftPM names a path dependency after its directory.
        identity = json.dumps(os.path.basename(checkout.rstrip("/")).lower())
        handle.write(PACKAGE.replace("{checkout}", json.dumps(checkout)).replace("{identity}", identity))
    with open(os.path.join(scratch, "Sources/import-all/main.swift"), "w") as handle:
        handle.write(IMPORT_ALL)
    with open(os.path.join(scratch, "Sources/render-all/main.swift"), "w") as handle:
        handle.write("import Foundation\nprint(\"placeholder\")\n")
    list_path = os.path.join(scratch, "files.tsv")
    with open(list_path, "w") as handle:
        handle.writelines(f"{kind}\t{symbol}\t{os.path.abspath(path)}\t{repository_path(corpus, path)}\n"
                          for kind, _, symbol, path in entries)

    extra = os.environ.get("WFGEN_RT_SWIFTFLAGS", "").split()

    def swift(*args):
        return subprocess.run(["swift", *args, "--package-path", scratch, *extra], capture_output=True, text=True)

    started = time.time()
    built = swift("build", "--product", "import-all")
    if built.returncode != 0:
        sys.exit("import-all did not build:\n" + built.stdout[-4000:] + built.stderr[-4000:])
    bin_dir = swift("build", "--show-bin-path").stdout.strip()
    import_started = time.time()
    run = subprocess.run([os.path.join(bin_dir, "import-all"), list_path, os.path.join(scratch, "Sources/render-all"),
                          os.path.join(scratch, "in-process")], capture_output=True, text=True)
    import_seconds = time.time() - import_started
    records = {}
    for line in run.stdout.splitlines():
        record = json.loads(line)
        records[record["symbol"]] = record
    crashed = run.returncode != 0
    if crashed:
        print("import-all exited with", run.returncode, run.stderr[-2000:], file=sys.stderr)

    imported = [e for e in entries if records.get(e[2], {}).get("status") == "imported"]
    main_lines = ["import Foundation", "import Workflow", "import ECS", "import Generate", "",
                  "let out = CommandLine.arguments[1]",
                  "func write(_ symbol: String, _ definitions: Definitions) {",
                  "    do {",
                  "        let compilation = try Compiler.compile(definitions, packageRoot: \"/\")",
                  "        let warnings = compilation.warnings.count",
                  "        for file in compilation.files where file.kind == .workflow {",
                  "            try file.contents.write(toFile: out + \"/\" + symbol, atomically: false, encoding: .utf8)",
                  "        }",
                  "        print(symbol, \"ok\", warnings)",
                  "    } catch {",
                  "        print(symbol, \"error\", \"\\(error)\".split(separator: \"\\n\").first ?? \"\")",
                  "    }",
                  "}",
                  "func writeTaskDefinition(_ symbol: String, _ file: TaskDefinitionFile) {",
                  "    let errors = file.diagnostics.filter { $0.severity == .error }",
                  "    if let first = errors.first { print(symbol, \"error\", first.message); return }",
                  "    do { try file.json.text.write(toFile: out + \"/\" + symbol, atomically: false, encoding: .utf8) } catch { print(symbol, \"error\", error) }",
                  "    print(symbol, \"ok\", file.diagnostics.count)",
                  "}"]
    for kind, _, symbol, _ in imported:
        if kind == "workflow":
            main_lines.append(f"write({json.dumps(symbol)}, Definitions(workflows: [{symbol}()]))")
        else:
            main_lines.append(f"writeTaskDefinition({json.dumps(symbol)}, {symbol}())")
    with open(os.path.join(scratch, "Sources/render-all/main.swift"), "w") as handle:
        handle.write("\n".join(main_lines) + "\n")
    build_started = time.time()
    cpu_before = resource.getrusage(resource.RUSAGE_CHILDREN)
    built = swift("build", "--product", "render-all")
    build_seconds = time.time() - build_started
    cpu_after = resource.getrusage(resource.RUSAGE_CHILDREN)
    build_cpu = (cpu_after.ru_utime - cpu_before.ru_utime) + (cpu_after.ru_stime - cpu_before.ru_stime)
    load_average = os.getloadavg()[0]
    build_errors = {}
    if built.returncode != 0:
        for match in re.finditer(r"Sources/render-all/(\w+)\.swift:(\d+):(\d+): error: (.*)", built.stdout + built.stderr):
            build_errors.setdefault(match.group(1), f"line {match.group(2)}: {match.group(4)}")
        sys.exit("render-all did not build:\n" + "\n".join(f"{k}: {v}" for k, v in sorted(build_errors.items())[:40])
                 + "\n" + (built.stdout + built.stderr)[-3000:])
    rendered_dir = os.path.join(scratch, "rendered")
    render = subprocess.run([os.path.join(bin_dir, "render-all"), rendered_dir], capture_output=True, text=True)
    compile_status = {}
    for line in render.stdout.splitlines():
        parts = line.split(" ", 2)
        compile_status[parts[0]] = parts[1:]
    total_seconds = time.time() - started

    results = {"general": [], "dev": [], "dev-json": []}
    warnings = 0
    for kind, corpus_name, symbol, path in entries:
        record = records.get(symbol)
        rel = os.path.relpath(path, corpus)
        if record is None:
            results[corpus_name].append((rel, "crash", "import-all died before this file"))
            continue
        if record["status"] == "error":
            results[corpus_name].append((rel, "not imported", record["error"]))
            continue
        status = compile_status.get(symbol, ["missing"])
        if status[0] != "ok":
            results[corpus_name].append((rel, "compile error", " ".join(status[1:])))
            continue
        warnings += int(status[1]) if len(status) > 1 and status[1].isdigit() else 0
        with open(path, encoding="utf-8") as handle:
            original_text = handle.read()
        with open(os.path.join(rendered_dir, symbol), encoding="utf-8") as handle:
            rendered_text = handle.read()
        with open(os.path.join(scratch, "in-process", symbol), encoding="utf-8") as handle:
            in_process_text = handle.read()
        if kind == "workflow":
            original, rendered = normalise_workflow(load(original_text)), normalise_workflow(load(rendered_text))
            in_process = normalise_workflow(load(in_process_text))
        else:
            original, rendered, in_process = json.loads(original_text), json.loads(rendered_text), json.loads(in_process_text)
        notes = record.get("notes", [])
        if rendered == original:
            results[corpus_name].append((rel, "equal", "; ".join(notes)))
        elif in_process != rendered:
            results[corpus_name].append((rel, "differs", "Swift printer: " + (first_difference(in_process, rendered) or "?")))
        else:
            results[corpus_name].append((rel, "differs", first_difference(original, rendered) or "?"))

    lines = ["# `wfgen import` round trip", "",
             f"Measured by `tools/import-roundtrip.py` (`make import-roundtrip`) on {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}.",
             "Property: import -> Swift -> `Compiler.compile` -> render gives the same data as the original "
             "(comments, key order, quoting, header aside; GitHub's equal forms normalised).", "",
             f"- import of {len(entries)} files (in one process): {import_seconds:.1f} s; "
             f"build of all imported Swift (debug): {build_seconds:.1f} s wall, {build_cpu:.0f} s CPU "
             f"(load average {load_average:.1f} on {os.cpu_count()} cores at the end); whole run {total_seconds:.1f} s",
             f"- import-all crashed: {'YES' if crashed else 'no'}; generation warnings (opt-outs, escape hatches): {warnings}", ""]
    summary = []
    for corpus_name in ("general", "dev", "dev-json"):
        rows = results[corpus_name]
        equal = sum(1 for r in rows if r[1] == "equal")
        hatches = sum(1 for r in rows if r[1] == "equal" and r[2])
        crashes = sum(1 for r in rows if r[1] == "crash")
        pct = 100.0 * equal / len(rows) if rows else 0.0
        summary.append(f"{corpus_name}: {equal}/{len(rows)} equal ({pct:.1f}%), {crashes} crashes, {hatches} equal files use an escape hatch")
        lines.append(f"## {corpus_name}: {equal}/{len(rows)} equal ({pct:.1f}%), {crashes} crashes")
        lines.append("")
        for rel, status, why in rows:
            if status != "equal":
                lines.append(f"- `{rel}` — {status}: {why}")
        escape = [(rel, why) for rel, status, why in rows if status == "equal" and why]
        if escape:
            lines.append("")
            lines.append(f"Equal through an escape hatch ({len(escape)}):")
            for rel, why in escape:
                lines.append(f"- `{rel}` — {why}")
        lines.append("")
    with open(report, "w") as handle:
        handle.write("\n".join(lines))
    print("\n".join(summary))
    print(f"import {import_seconds:.1f} s, build {build_seconds:.1f} s wall / {build_cpu:.0f} s CPU (load {load_average:.1f}), "
          f"total {total_seconds:.1f} s; report: {report}")


if __name__ == "__main__":
    main()
