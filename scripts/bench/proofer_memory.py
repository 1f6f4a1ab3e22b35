"""The checker's memory (issue 12): starts a `newsroom-proofer`, asks it to check the 10,498-word
article of the shared corpus (what opening it with checking on does), then 60 versions of the
article with one paragraph edited (what pauses in typing do), and prints the process's PSS and
anonymous memory after the first check and after the rest, and the milliseconds per check (round
trip, the whole text each time, as the app sends it).

    python3 scripts/bench/proofer_memory.py [target/release/newsroom-proofer ...]

Each binary named is measured in turn, so two builds compare in one run.
"""
import json
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT.parent / "shared" / "corpus" / "rust-book-src"
EDITS = 60


def memory(pid: int) -> str:
    fields = {}
    for line in open(f"/proc/{pid}/smaps_rollup"):
        key, _, value = line.partition(":")
        fields[key] = int(value.split()[0]) / 1024 if value.strip().endswith("kB") else None
    return f"PSS {fields['Pss']:.1f} MB (anonymous {fields['Anonymous']:.1f})"


def measure(binary: str, text: str) -> str:
    proofer = subprocess.Popen([binary], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    assert proofer.stdin and proofer.stdout

    def check(request_id: int, body: str) -> None:
        request = {"request": "check", "id": request_id, "language": "en_US", "text": body}
        proofer.stdin.write(json.dumps(request) + "\n")
        proofer.stdin.flush()
        answer = json.loads(proofer.stdout.readline())
        if "Ok" not in answer["result"]:
            sys.exit(f"{binary}: the check failed: {answer['result']}")

    try:
        check(0, text)
        time.sleep(0.5)
        first = memory(proofer.pid)
        at = text.index("Functions can take parameters")
        started = time.monotonic()
        for i in range(1, EDITS + 1):
            check(i, text[:at] + "The desk edits this line again. " * (i % 7 + 1) + text[at:])
        per_check = (time.monotonic() - started) / EDITS * 1000
        time.sleep(0.5)
        return f"after the first check {first}; after {EDITS} more {memory(proofer.pid)}; {per_check:.1f} ms a check"
    finally:
        proofer.stdin.close()
        proofer.wait()


def main() -> None:
    chapters = sorted(CORPUS.glob("ch10-0*.md"))
    if not chapters:
        sys.exit(f"proofer_memory: {CORPUS} is missing; it ships beside the repository in shared/")
    text = "".join(path.read_text() for path in chapters)
    binaries = sys.argv[1:] or [str(ROOT / "target" / "release" / "newsroom-proofer")]
    for binary in binaries:
        print(f"{binary}: {measure(binary, text)}")


if __name__ == "__main__":
    main()
