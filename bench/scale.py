"""Scale: generate synthetic corpora at 10x and 100x the real data and measure check, load, diff,
find and memory.

The floor is libyaml's event parse of the same files: ``yaml.parse`` with the C loader over every
data file that ``check`` reads, every event consumed, nothing built. It runs in the same rounds as
the tasks, and each time is also given as a multiple of it (the median of each round's ratio).
libyaml's compose (its node graph, the floor of 0.2.0) is shown beside it. Targets at 100x: a cold
``check`` at most 2.5x the event parse and under 500 MB; a warm ``check`` (a second run, its
findings read back from the content-keyed cache) at most 0.2x; ``find`` under 100 ms a query.

``check`` is the ``treatycmp --data DIR check`` command, cold with an empty cache folder, then warm
on the cache the cold run wrote; it, the event parse and compose are fresh processes timed from
outside, from start to exit. load, diff and find are timed inside a fresh process without cache:
find is the mean of ten queries after one warm-up query, and building its index (shown apart)
includes the first garbage collection after it, which visits every object of the new index once and
would otherwise land in whichever query comes next. Peak memory is each process's own maximum
resident set. Every figure is the median of --repeat rounds (default 3). Growth exponents are fitted
between 10x and 100x (time ~ size^k; k = 1 is linear).

100x is 200 instruments x 300 articles (60,000 articles) with 100,000 links; 10x is 20 x 300 with
10,000 links; 1x is the shipped data. Each synthetic folder is layered over the shipped data, as
``--data`` does. Its rows carry a basis and evidence, so check finds nothing in them; --bare-rows
leaves those out, as data before 0.3 did, and check then reports (and prints) a warning for every
row. Usage: python bench/scale.py [--scales 1,10,100] [--repeat N] [--keep DIR] [--bare-rows]"""

from __future__ import annotations

import argparse
import json
import math
import os
import random
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

WORDS = (
    "access interception interference data system device forgery fraud child material copyright "
    "liability "
    "sanction procedure safeguard preservation disclosure traffic production order search seizure "
    "collection "
    "content jurisdiction extradition assistance request information network emergency provider "
    "subscriber "
    "domain registration video conference joint investigation protection personal confiscation "
    "proceeds "
    "laundering witness victim prevention cooperation signature ratification reservation amendment "
    "dispute"
).split()

FLOOR = textwrap.dedent("""
    import sys, yaml
    for path in sys.argv[2:]:
        with open(path, encoding="utf-8") as handle:
            text = handle.read()
        if sys.argv[1] == "events":
            for _ in yaml.parse(text, Loader=yaml.CSafeLoader):
                pass
        else:
            yaml.compose(text, Loader=yaml.CSafeLoader)
""")
"""libyaml alone over the files named: its event parse (the floor) or its compose."""

PROBE = textwrap.dedent("""
    import json, os, sys, time
    os.environ["TREATYCMP_NO_CACHE"] = "1"
    from treatycmp.loading import load
    from treatycmp.names.citations import Resolver
    from treatycmp.engine import compare
    from treatycmp.names.search import Index
    task, folder = sys.argv[1], sys.argv[2]
    t = time.perf_counter()
    corpus = load(folder)
    if task == "load":
        print(json.dumps({"seconds": time.perf_counter() - t}))
        raise SystemExit
    r = Resolver(corpus)
    a, b = corpus.comparisons[0].from_id, corpus.comparisons[0].to_id
    if task == "diff":
        t = time.perf_counter()
        rows = compare.diff(corpus, r.scope(a), r.scope(b)).rows
        print(json.dumps({"seconds": time.perf_counter() - t}))
        raise SystemExit
    import gc
    t = time.perf_counter()
    index = Index(corpus)
    # the first collection after building the index visits all of it: a one-off cost of the build
    gc.collect()
    build = time.perf_counter() - t
    queries = ["illegal acess", "child material", "emergency disclosure", "joint investigaton",
               "WHOIS", "Art. 5 i1", "seizure of proceeds", "video conference witness",
               "data preservation", "copyright"]
    index.find(queries[0])
    t = time.perf_counter()
    for q in queries:
        index.find(q)
    print(json.dumps({"seconds": (time.perf_counter() - t) / len(queries), "build": build}))
""")
"""load, diff and find timed inside one fresh process without cache."""


def generate(
    folder: Path | str, instruments: int, per: int, links: int, *, seed: int = 7, bare: bool = False
) -> dict[str, int]:
    """Write a synthetic but valid data set: every comparison complete, every row sourced, with its
    basis and evidence (*bare*: without them, so that check warns about every row)."""
    rng = random.Random(seed)
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    out = ['meta:\n  data_version: "synthetic"\ninstruments:\n']
    for i in range(instruments):
        out.append(
            f'  - id: "i{i}"\n    name: "Synthetic instrument {i}"\n    short: "S{i}"\n    number: '
            f'"SYN {i}"\n'
            f'    aliases: ["syn{i}", "synthetic {i}"]\n    article_count: {per}\n    sources: '
            f'["generated"]\n    articles:\n'
        )
        for n in range(1, per + 1):
            title = " ".join(rng.sample(WORDS, 3)).capitalize()
            summary = " ".join(rng.choices(WORDS, k=25)).capitalize() + "."
            kws = ", ".join(f'"{w}"' for w in rng.sample(WORDS, 5))
            out.append(
                f'      - num: "{n}"\n        title: "{title}"\n        chapter: '
                f'"{1 + (n - 1) // 50} — Part {1 + (n - 1) // 50}"\n'
                f'        summary: "{summary}"\n        keywords: [{kws}]\n        source: '
                f'"generated"\n'
            )
    (folder / "articles.yaml").write_text("".join(out), encoding="utf-8")
    pairs = [(i, i + 1) for i in range(0, instruments - 1, 2)]
    per_pair = max(1, links // max(1, len(pairs)))
    link_prov = "" if bare else ', basis: analysis, evidence: {from: "summary", to: "summary"}'
    absence_prov = (
        "" if bare else ', basis: analysis, evidence: {article: "summary", absent_in: "summaries"}'
    )
    mapping = (
        ["comparisons:\n"]
        + [f'  - {{from: "i{a}", to: "i{b}"}}\n' for a, b in pairs]
        + ["links:\n"]
    )
    absences = ["absences:\n"]
    count = 0
    relations = ["equal", "subset", "superset", "intersects"]
    for a, b in pairs:
        linked = set()
        for k in range(per_pair):
            x, y = 1 + k % per, 1 + (k * 7 + k // per) % per
            rel = relations[k % 4]
            note = "" if rel == "equal" else ', note: "differs"'
            mapping.append(
                f'  - {{from: "i{a}:{x}", to: "i{b}:{y}", relation: {rel}{note}, source: '
                f"analysis{link_prov}}}\n"
            )
            linked.add(x)
            count += 1
        for x in range(1, per + 1):
            if x not in linked:
                absences.append(
                    f'  - {{article: "i{a}:{x}", absent_in: "i{b}", reason: "none", source: '
                    f"analysis{absence_prov}}}\n"
                )
    (folder / "mapping.yaml").write_text("".join(mapping + absences), encoding="utf-8")
    return {"instruments": instruments, "articles": instruments * per, "links": count}


def shipped_size() -> dict[str, int]:
    """Instruments, articles and links of the shipped data."""
    from treatycmp.loading import load

    corpus = load(shipped=True)
    return {
        "instruments": len(corpus.instruments),
        "articles": sum(len(i.articles) for i in corpus.instruments),
        "links": len(corpus.links),
    }


def in_child(function: str, *args: object, **kwargs: object) -> dict[str, int]:
    """*function* of this module run in a child process, so that this one stays small: a child's
    peak memory counts the memory of the process it was started from."""
    code = (
        f"import json, sys; sys.path.insert(0, {str(Path(__file__).parent)!r}); import scale; "
        f"print(json.dumps(scale.{function}(*json.loads(sys.argv[1]), **json.loads(sys.argv[2]))))"
    )
    printed = subprocess.run(
        [sys.executable, "-c", code, json.dumps(args), json.dumps(kwargs)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return json.loads(printed)  # type: ignore[no-any-return]


def run(
    argv: list[str], env: dict[str, str] | None = None, capture: bool = False
) -> dict[str, float]:
    """Wall time from start to exit and peak resident memory of one fresh process (with what it
    printed, as JSON)."""
    start = time.perf_counter()
    proc = subprocess.Popen(
        argv, env=env, text=True, stdout=subprocess.PIPE if capture else subprocess.DEVNULL
    )
    printed = proc.stdout.read() if proc.stdout else ""
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode not in (0, 1):  # check exits 1 on findings
        raise SystemExit(f"{argv[2:]} failed with exit code {proc.returncode}")
    out = {
        "seconds": seconds,
        "rss_mb": usage.ru_maxrss / (2**20 if sys.platform == "darwin" else 2**10),
    }
    if capture:
        out.update(json.loads(printed.strip().splitlines()[-1]))
    return out


def data_files(folder: Path) -> list[str]:
    """Every data file that check reads with *folder* as --data (the shipped ones first)."""
    from treatycmp.loading.datafiles import DATA_FILES, locate

    return [
        str(layer.path(name))
        for layer in locate(folder).layers
        for name in DATA_FILES
        if layer.has(name)
    ]


def one_round(folder: Path, files: list[str]) -> dict[str, dict[str, float]]:
    """Every task once, each in a fresh process; check cold in an empty cache folder, then warm."""
    py = sys.executable
    with tempfile.TemporaryDirectory(prefix="treatycmp-scale-cache-") as cache:
        env = dict(os.environ, TREATYCMP_CACHE_DIR=cache)
        env.pop("TREATYCMP_NO_CACHE", None)
        check = [py, "-m", "treatycmp", "--data", str(folder), "check"]
        results = {
            "events": run([py, "-c", FLOOR, "events", *files]),
            "compose": run([py, "-c", FLOOR, "compose", *files]),
            "check cold": run(check, env),
            "check warm": run(check, env),
        }
    for task in ("load", "diff", "find"):
        results[task] = run([py, "-c", PROBE, task, str(folder)], capture=True)
    return results


def medians(rounds: list[dict[str, dict[str, float]]]) -> dict[str, dict[str, float]]:
    """Per task: the median time, the median of its ratio to the event parse of the same round, the
    largest peak."""
    out = {}
    for task in rounds[0]:
        out[task] = {
            "seconds": statistics.median(r[task]["seconds"] for r in rounds),
            "ratio": statistics.median(r[task]["seconds"] / r["events"]["seconds"] for r in rounds),
            "rss_mb": max(r[task]["rss_mb"] for r in rounds),
        }
        if "build" in rounds[0][task]:
            out[task]["build"] = statistics.median(r[task]["build"] for r in rounds)
    return out


def table(results: dict[str, dict[str, float]]) -> str:
    """One line a task: its time, its multiple of the event parse (whole processes only) and its
    peak memory."""
    lines = [f"  {'task':11} {'median':>9} {'x events':>9} {'peak':>8}"]
    for task, r in results.items():
        inside = task in ("load", "diff", "find")
        seconds = r["seconds"]
        time_text = f"{1000 * seconds:6.1f} ms" if seconds < 1 else f"{seconds:6.2f} s "
        ratio = "" if inside else f"{r['ratio']:9.2f}"
        note = (
            " (in process"
            + (f"; index build {r['build']:.1f} s, per query" if "build" in r else "")
            + ")"
            if inside
            else ""
        )
        lines.append(f"  {task:11} {time_text:>9} {ratio:>9} {r['rss_mb']:5.0f} MB{note}")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--scales", default="1,10,100")
    parser.add_argument("--keep", help="write the synthetic data under this folder and keep it")
    parser.add_argument(
        "--repeat", type=int, default=3, help="rounds of every task (the median is shown)"
    )
    parser.add_argument(
        "--bare-rows", action="store_true", help="synthetic rows without basis and evidence"
    )
    args = parser.parse_args()
    from treatycmp.loading.datafiles import packaged_data_dir

    root = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="treatycmp-scale-"))
    rows = []
    for scale in (int(s) for s in args.scales.split(",")):
        if scale == 1:
            folder, size = packaged_data_dir(), in_child("shipped_size")
        else:
            folder = root / f"x{scale}"
            size = in_child(
                "generate", str(folder), 2 * scale, 300, 1000 * scale, bare=args.bare_rows
            )
        files = data_files(folder)
        results = medians([one_round(folder, files) for _ in range(args.repeat)])
        rows.append((scale, size, results))
        megabytes = sum(Path(f).stat().st_size for f in files) / 1e6
        print(
            f"{scale}x: {size['instruments']} instruments, {size['articles']:,} articles, "
            f"{size['links']:,} links; "
            f"{megabytes:.1f} MB of YAML in {len(files)} files\n{table(results)}",
            flush=True,
        )
    big = [r for r in rows if r[0] >= 10]
    if len(big) >= 2:
        (_, z1, r1), (_, z2, r2) = big[0], big[-1]
        ratio = math.log(z2["articles"] + z2["links"]) - math.log(z1["articles"] + z1["links"])
        exps = {
            t: math.log(r2[t]["seconds"] / r1[t]["seconds"]) / ratio for t in r1 if t != "compose"
        }
        exps["index build"] = math.log(r2["find"]["build"] / r1["find"]["build"]) / ratio
        print(
            "growth exponents (10x -> 100x): " + ", ".join(f"{t} {k:.2f}" for t, k in exps.items())
        )


if __name__ == "__main__":
    main()
