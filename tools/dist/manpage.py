#!/usr/bin/env python3
"""Writes wfgen(1) from the binary's own `--help` texts, so the manual the .deb installs says what the binary does.

One section per subcommand, each holding that subcommand's `--help` verbatim (preformatted). The subcommands are the
ones `wfgen --help` lists under SUBCOMMANDS.

Usage: manpage.py BINARY VERSION   (writes the page to standard output)
"""
import re
import subprocess
import sys


def help_text(binary, *command):
    return subprocess.run([binary, *command, "--help"], check=True, capture_output=True, text=True).stdout


def subcommands(top_help):
    """Names listed under SUBCOMMANDS: in `wfgen --help`."""
    names, listing = [], False
    for line in top_help.splitlines():
        if line.startswith("SUBCOMMANDS:"):
            listing = True
        elif listing and line and not line[0].isspace():
            break
        elif listing and (match := re.match(r"\s+([a-z][a-z0-9-]*)\b", line)):
            names.append(match.group(1))
    return names


def roff_verbatim(text):
    """Text set as is: backslashes escaped, lines starting with a control character protected."""
    lines = []
    for line in text.rstrip("\n").splitlines():
        line = line.replace("\\", "\\e")
        lines.append("\\&" + line if line.startswith((".", "'")) else line)
    return ".nf\n" + "\n".join(lines) + "\n.fi\n"


def page(binary, version):
    top = help_text(binary)
    out = [
        f'.TH WFGEN 1 "" "wfgen {version}" "User Commands"\n',
        ".SH NAME\nwfgen \\- lint GitHub Actions workflows and ECS task definitions for container deploys to AWS\n",
        ".SH SYNOPSIS\n.B wfgen\n.I subcommand\n[\\fIoptions\\fR]\n",
        ".SH DESCRIPTION\n",
        roff_verbatim(top),
    ]
    for name in subcommands(top):
        out.append(f".SH {name.upper()}\n")
        out.append(roff_verbatim(help_text(binary, name)))
    out.append(".SH EXIT STATUS\n0 no finding (lint) or no drift (check); 1 findings or drift; "
               "2 usage, definition or input error; 3 internal error.\n")
    return "".join(out)


def main(argv):
    if len(argv) != 3:
        raise SystemExit(f"usage: {argv[0]} BINARY VERSION")
    sys.stdout.write(page(argv[1], argv[2]))


if __name__ == "__main__":
    main(sys.argv)
