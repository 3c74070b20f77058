"""Scale: generate synthetic corpora at 10x and 100x the real data and measure load, check, diff, find and memory.

The floor is libyaml alone composing the same two files (``yaml.compose`` with the C loader, no validation):
the target is ``check`` within 1.5x of it at 100x, measured in the same run; ``find`` under 100 ms per query.

100x is 200 instruments x 300 articles (60,000 articles) with 100,000 links; 10x is 20 x 300 with 10,000 links;
1x is the shipped data. Each measurement runs in a fresh process (no cache) so that peak memory is its own.
Each figure is the median of --repeat processes (default 3). Growth exponents are fitted between 10x and 100x
(time ~ size^k; k = 1 is linear). find is the mean of ten queries after one warm-up query; building the search
index (shown apart) includes the first garbage collection after it, which visits every object of the new index
once and would otherwise land in whichever query comes next.
Usage: python bench/scale.py [--scales 1,10,100] [--repeat N] [--keep DIR]
"""

from __future__ import annotations

import argparse
import json
import math
import random
import statistics
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

WORDS = ("access interception interference data system device forgery fraud child material copyright liability "
         "sanction procedure safeguard preservation disclosure traffic production order search seizure collection "
         "content jurisdiction extradition assistance request information network emergency provider subscriber "
         "domain registration video conference joint investigation protection personal confiscation proceeds "
         "laundering witness victim prevention cooperation signature ratification reservation amendment dispute").split()

PROBE = textwrap.dedent('''
    import json, os, resource, sys, time
    os.environ["TREATYCMP_NO_CACHE"] = "1"
    from treatycmp.loader import load, load_with_findings
    from treatycmp.refs import Resolver
    from treatycmp import compare
    from treatycmp.lookup import Index
    task, folder = sys.argv[1], sys.argv[2]
    t = time.perf_counter()
    if task == "compose":
        import yaml
        for name in ("articles.yaml", "mapping.yaml"):
            with open(os.path.join(folder, name), encoding="utf-8") as handle:
                yaml.compose(handle.read(), Loader=yaml.CSafeLoader)
    elif task == "load":
        load(folder)
    elif task == "check":
        corpus, findings = load_with_findings(folder)
        assert not [f for f in findings if f.severity == "error"], findings[:3]
    else:
        corpus = load(folder)
        r = Resolver(corpus)
        a, b = corpus.comparisons[0].from_id, corpus.comparisons[0].to_id
        if task == "diff":
            t = time.perf_counter()
            rows = compare.diff(corpus, r.scope(a), r.scope(b)).rows
        else:
            import gc
            t = time.perf_counter()
            index = Index(corpus)
            gc.collect()  # the first collection after building the index visits all of it: a one-off cost of the build
            build = time.perf_counter() - t
            queries = ["illegal acess", "child material", "emergency disclosure", "joint investigaton", "WHOIS",
                       "Art. 5 i1", "seizure of proceeds", "video conference witness", "data preservation", "copyright"]
            index.find(queries[0])
            t = time.perf_counter()
            for q in queries:
                index.find(q)
            elapsed = (time.perf_counter() - t) / len(queries)
            print(json.dumps({"seconds": elapsed, "build": build,
                              "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
            raise SystemExit
    print(json.dumps({"seconds": time.perf_counter() - t, "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
''')


def generate(folder: Path, instruments: int, per: int, links: int, seed: int = 7) -> dict[str, int]:
    """Write a synthetic but valid data set: every comparison complete, every link sourced."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    out = ["meta:\n  data_version: \"synthetic\"\ninstruments:\n"]
    for i in range(instruments):
        out.append(f'  - id: "i{i}"\n    name: "Synthetic instrument {i}"\n    short: "S{i}"\n    number: "SYN {i}"\n'
                   f'    aliases: ["syn{i}", "synthetic {i}"]\n    article_count: {per}\n    sources: ["generated"]\n    articles:\n')
        for n in range(1, per + 1):
            title = " ".join(rng.sample(WORDS, 3)).capitalize()
            summary = " ".join(rng.choices(WORDS, k=25)).capitalize() + "."
            kws = ", ".join(f'"{w}"' for w in rng.sample(WORDS, 5))
            out.append(f'      - num: "{n}"\n        title: "{title}"\n        chapter: "{1 + (n - 1) // 50} — Part {1 + (n - 1) // 50}"\n'
                       f'        summary: "{summary}"\n        keywords: [{kws}]\n        source: "generated"\n')
    (folder / "articles.yaml").write_text("".join(out), encoding="utf-8")
    pairs = [(i, i + 1) for i in range(0, instruments - 1, 2)]
    per_pair = max(1, links // max(1, len(pairs)))
    mapping = ["comparisons:\n"] + [f'  - {{from: "i{a}", to: "i{b}"}}\n' for a, b in pairs] + ["links:\n"]
    absences = ["absences:\n"]
    count = 0
    relations = ["equal", "subset", "superset", "intersects"]
    for a, b in pairs:
        linked = set()
        for k in range(per_pair):
            x, y = 1 + k % per, 1 + (k * 7 + k // per) % per
            rel = relations[k % 4]
            note = "" if rel == "equal" else ', note: "differs"'
            mapping.append(f'  - {{from: "i{a}:{x}", to: "i{b}:{y}", relation: {rel}{note}, source: analysis}}\n')
            linked.add(x)
            count += 1
        for x in range(1, per + 1):
            if x not in linked:
                absences.append(f'  - {{article: "i{a}:{x}", absent_in: "i{b}", reason: "none", source: analysis}}\n')
    (folder / "mapping.yaml").write_text("".join(mapping + absences), encoding="utf-8")
    return {"instruments": instruments, "articles": instruments * per, "links": count}


def shipped_size() -> dict[str, int]:
    """Instruments, articles and links of the shipped data."""
    from treatycmp.loader import load

    corpus = load(shipped=True)
    return {"instruments": len(corpus.instruments), "articles": sum(len(i.articles) for i in corpus.instruments),
            "links": len(corpus.links)}


def probe(task: str, folder: Path, repeat: int = 1) -> dict[str, float]:
    """Median time (and the largest peak memory) of *repeat* fresh processes running *task*."""
    runs = []
    for _ in range(repeat):
        proc = subprocess.run([sys.executable, "-c", PROBE, task, str(folder)], capture_output=True, text=True, check=True)
        runs.append(json.loads(proc.stdout.strip().splitlines()[-1]))
    out = {"seconds": statistics.median(r["seconds"] for r in runs), "rss_mb": max(r["rss_mb"] for r in runs)}
    if "build" in runs[0]:
        out["build"] = statistics.median(r["build"] for r in runs)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--scales", default="1,10,100")
    parser.add_argument("--keep", help="write the synthetic data under this folder and keep it")
    parser.add_argument("--repeat", type=int, default=3, help="processes per measurement (the median is shown)")
    args = parser.parse_args()
    from treatycmp.resources import packaged_data_dir

    root = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="treatycmp-scale-"))
    rows = []
    for scale in (int(s) for s in args.scales.split(",")):
        if scale == 1:
            folder, size = packaged_data_dir(), shipped_size()
        else:
            folder = root / f"x{scale}"
            size = generate(folder, 2 * scale, 300, 1000 * scale)
        results = {task: probe(task, folder, args.repeat) for task in ("compose", "load", "check", "diff", "find")}
        rows.append((scale, size, results))
        print(f"{scale:>4}x  {size['instruments']:>4} instruments {size['articles']:>6} articles {size['links']:>6} links | "
              + " | ".join(f"{t} {1000 * r['seconds']:8.1f} ms" for t, r in results.items())
              + f" | check/compose {results['check']['seconds'] / results['compose']['seconds']:4.2f}"
              + f" | index build {results['find']['build']:5.1f} s"
              + f" | peak {max(r['rss_mb'] for r in results.values()):6.0f} MB", flush=True)
    big = [r for r in rows if r[0] >= 10]
    if len(big) >= 2:
        (_, z1, r1), (_, z2, r2) = big[0], big[-1]
        ratio = math.log(z2["articles"] + z2["links"]) - math.log(z1["articles"] + z1["links"])
        exps = {t: math.log(r2[t]["seconds"] / r1[t]["seconds"]) / ratio for t in r1 if t != "compose"}
        exps["index build"] = math.log(r2["find"]["build"] / r1["find"]["build"]) / ratio
        print("growth exponents (10x -> 100x): " + ", ".join(f"{t} {k:.2f}" for t, k in exps.items()))


if __name__ == "__main__":
    main()
