#!/usr/bin/env python3
"""Build examples/directory.xlsx from examples/directory.yaml (the YAML is the file people edit in git).

Usage: .venv/bin/python scripts/build_example_directory.py [SRC.yaml] [DEST.xlsx]
"""

from __future__ import annotations

import sys
from pathlib import Path

from dondoc.directory.export import write_directory
from dondoc.directory.files import read_directory

ROOT = Path(__file__).resolve().parents[1]


def main(argv: list[str]) -> int:
    src = Path(argv[1]) if len(argv) > 1 else ROOT / "examples" / "directory.yaml"
    dest = Path(argv[2]) if len(argv) > 2 else ROOT / "examples" / "directory.xlsx"
    data = read_directory(src)
    write_directory(data, dest, fmt="xlsx")
    again = read_directory(dest)
    if again.plain() != data.plain():
        print(f"{dest}: does not read back as {src}", file=sys.stderr)
        return 1
    counts = ", ".join(f"{len(rows)} {sheet}" for sheet, rows in data.rows.items())
    print(f"{dest}: {counts}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
