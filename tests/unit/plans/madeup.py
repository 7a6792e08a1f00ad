"""Pieces of made-up plan text shared by the unit tests and the benchmark probes (benchmarks/flattened.py,
benchmarks/probe_timing.py import this module with the checkout's root on sys.path): the pasted rendition of a plan,
the closing block of a province's plan. Plain text functions, no pytest."""

from __future__ import annotations


def paste(text: str, width: int = 78) -> str:
    """As a law-library page copies: each paragraph (line) wrapped at `width` columns, the paragraph breaks lost —
    a paragraph's first line runs on from the last line of the paragraph before it."""
    out = [""]
    for par in text.splitlines():
        words = par.split()
        if not words:
            continue
        lines: list[str] = []
        line: list[str] = []
        for w in words:
            if line and sum(len(x) + 1 for x in line) + len(w) > width:
                lines.append(" ".join(line))
                line = []
            line.append(w)
        lines.append(" ".join(line))
        out[-1] = (out[-1] + " " + lines[0]).strip()
        out.extend(lines[1:])
    return "\n".join(out)


def closing(signer: str) -> str:
    """The end of a province's plan on health, one line each: its recipients ('Nơi nhận:'), then the signature of the
    province's vice chairman `signer` for the committee."""
    return f"Nơi nhận:\n- Bộ Y tế (b/c);\n- Lưu: VT.\nTM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n{signer}\n"
