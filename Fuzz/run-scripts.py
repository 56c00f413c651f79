#!/usr/bin/env python3
"""Writes the `run:` scripts of workflow files as shell-reader seeds: one file per script, named by its hash.

Usage: run-scripts.py OUTPUT_DIR WORKFLOW... — standard library only (a line-based reader of `run:` values:
block scalars by indentation, one-line values as written), good enough for seeds.
"""
import hashlib
import os
import re
import sys

RUN = re.compile(r'^(\s*)(?:-\s+)?run:\s*(.*)$')


def scripts(lines):
    i = 0
    while i < len(lines):
        match = RUN.match(lines[i])
        i += 1
        if not match:
            continue
        value = match.group(2).strip()
        if value[:1] in ('|', '>'):
            block = []
            while i < len(lines) and (not lines[i].strip() or len(lines[i]) - len(lines[i].lstrip()) > len(match.group(1))):
                block.append(lines[i])
                i += 1
            indent = min((len(l) - len(l.lstrip()) for l in block if l.strip()), default=0)
            yield '\n'.join(l[indent:] for l in block).strip('\n') + '\n'
        elif value:
            yield value.strip('\'"') + '\n'


def main():
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    for path in sys.argv[2:]:
        with open(path, encoding='utf-8', errors='replace') as handle:
            for script in scripts(handle.read().splitlines()):
                data = script.encode('utf-8')
                with open(os.path.join(out, hashlib.sha1(data).hexdigest()), 'wb') as seed:
                    seed.write(data)


if __name__ == '__main__':
    main()
