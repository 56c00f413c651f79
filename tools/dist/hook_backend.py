"""The build backend of this repository's pyproject.toml, for the `wfgen-lint-wheel` pre-commit hook.

pre-commit installs a `language: python` hook by running `pip install .` in the hook repository. Here that builds a
wheel with no code whose only requirement is the prebuilt `wfgen-cli` of the version in tools/dist/VERSION, so pip
then installs that wheel (from PyPI, or a local folder through PIP_FIND_LINKS) and its `wfgen` command: no Swift
build. The backend is in the repository (PEP 517 backend-path) and needs nothing installed, so `pip install .`
downloads nothing but wfgen-cli.
"""
import os

from make_wheel import DISTRIBUTION, write_wheel

SHIM = "wfgen-pre-commit"
HERE = os.path.dirname(os.path.abspath(__file__))


def _version():
    with open(os.path.join(HERE, "VERSION"), encoding="utf-8") as handle:
        return handle.read().strip()


def get_requires_for_build_wheel(config_settings=None):
    return []


def build_wheel(wheel_directory, config_settings=None, metadata_directory=None):
    version = _version()
    metadata = (
        "Summary: pre-commit's install of the prebuilt wfgen (wfgen-cli) for the wfgen-lint-wheel hook\n"
        f"Requires-Dist: {DISTRIBUTION}=={version}\n"
    )
    return os.path.basename(write_wheel(wheel_directory, SHIM, version, "py3-none-any", metadata, []))


def build_sdist(sdist_directory, config_settings=None):
    # Only pre-commit installs this, from the repository itself; there is nothing to publish as a source archive.
    raise RuntimeError(f"{SHIM} is installed from the repository by pre-commit and has no source distribution")
