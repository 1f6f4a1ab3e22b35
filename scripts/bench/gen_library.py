"""Writes 10,000 small generated articles as Markdown files with front matter, for the benchmark
scripts to import with the CLI (the same library every time: the random generator is seeded).

    python3 scripts/bench/gen_library.py OUT_DIR [--statuses]

--statuses gives the articles mixed workflow statuses (and a date to the published ones), as the
app benchmark's library list shows them; without it every article is a draft.
"""

import pathlib
import random
import sys


def main() -> None:
    out = pathlib.Path(sys.argv[1])
    out.mkdir()
    with_statuses = "--statuses" in sys.argv[2:]
    rng = random.Random(3)
    words = ("council budget vote harbour school strike rail storm museum court election market "
             "hospital bridge river festival mayor police energy housing").split()
    sections = ["News", "Politics", "Economy", "Culture", "Sport", "World"]
    statuses = ["draft", "editing", "ready", "published"]
    for i in range(10_000):
        headline = " ".join(rng.choice(words) for _ in range(6)).capitalize() + f" {i}"
        status = rng.choice(statuses) if with_statuses else "draft"
        date = f"date: 2026-01-{1 + i % 28:02}\n" if status == "published" else ""
        body = "\n\n".join(" ".join(rng.choice(words) for _ in range(40)) + "." for _ in range(3))
        (out / f"a{i:05}.md").write_text(
            f"---\ntitle: \"{headline}\"\nsection: {rng.choice(sections)}\nstatus: {status}\n{date}---\n\n{body}\n")


if __name__ == "__main__":
    main()
