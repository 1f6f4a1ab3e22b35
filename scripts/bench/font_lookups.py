"""How many font lookups a launch makes, and for which families (issue 12); bench_app.py's `fonts`.

WebKitGTK asks fontconfig for each family of a font stack, once per size, weight and style the
page draws, until one is present; each lookup runs fontconfig's whole configuration (~1.3 ms on
these machines). A lookup of a family the machine lacks is pure cost. fc_lookups.c, preloaded into
the app and inherited by WebKit's processes, writes each FcFontMatch call down; this counts them
per process and, for the web process, per family asked. Unlike timings, the counts do not depend on
how busy the machine is.
"""

from __future__ import annotations

import collections
import subprocess
from pathlib import Path

SHIM = Path(__file__).with_name("fc_lookups.c")
# Generic families: fontconfig answers them with a face of another name, which is no miss. Any
# other family answered with another face is one the machine lacks (or has only under an alias,
# like a metric-compatible substitute, which WebKit may take).
# (`system-ui` is not one here: WebKitGTK takes it only when fontconfig's alias names a face present.)
GENERIC = {"serif", "sans-serif", "monospace", "cursive", "fantasy", "emoji", "math"}


def build_shim(work: Path) -> Path:
    out = work / "fc_lookups.so"
    subprocess.run(["cc", "-O2", "-shared", "-fPIC", "-o", str(out), str(SHIM), "-ldl"], check=True)
    return out


def read_lookups(folder: Path) -> dict[str, list[tuple[float, str, str]]]:
    """Per program (the file name's part after the pid): (ms, family asked, family answered)."""
    by_program: dict[str, list[tuple[float, str, str]]] = collections.defaultdict(list)
    for f in sorted(folder.glob("*.tsv")):
        program = f.stem.split("-", 1)[1]
        for line in f.read_text(errors="replace").splitlines():
            parts = line.split("\t")
            if len(parts) == 5:
                by_program[program].append((float(parts[0]), parts[1], parts[4]))
    return by_program


def summarize(lookups: list[tuple[float, str, str]]) -> dict:
    asked = collections.Counter(family for _, family, _ in lookups)
    missed = collections.Counter(family for _, family, got in lookups
                                 if family.lower() not in GENERIC and family.lower() != got.lower())
    span = (max(t for t, _, _ in lookups) - min(t for t, _, _ in lookups)) if lookups else 0.0
    return {"lookups": len(lookups), "missed": sum(missed.values()), "span_ms": span,
            "asked": dict(asked.most_common()), "missed_families": dict(missed.most_common())}


def lookups_of_launches(cmd: list[str], env: dict[str, str], work: Path, runs: int, seconds: float = 5) -> list[dict]:
    """One warm-up launch, then `runs` launches with the shim; prints each and returns them."""
    shim = build_shim(work)
    subprocess.run(["timeout", "4", *cmd], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    out = []
    for i in range(runs):
        folder = work / f"fc-lookups-{i}"
        folder.mkdir()
        subprocess.run(["timeout", str(seconds), *cmd], env={**env, "LD_PRELOAD": str(shim), "FC_LOOKUPS_DIR": str(folder)},
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        got = {program: summarize(lookups) for program, lookups in read_lookups(folder).items()}
        out.append(got)
        parts = ", ".join(f"{program} {s['lookups']} ({s['missed']} answered with another face)" for program, s in got.items())
        print(f"  run {i + 1}, first {seconds:.0f} s: {parts or 'no lookups written (was the shim loaded?)'}")
        web = next((s for program, s in got.items() if program.startswith("WebKitWeb")), None)
        if web:
            asked = ", ".join(f"{family} {n}" for family, n in web["asked"].items())
            print(f"    web process, asked per family: {asked}")
            print(f"    web process, first to last lookup: {web['span_ms']:.0f} ms")
    return out
