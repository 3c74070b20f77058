"""Evaluate `treatycmp find` on the look-up queries (tests/data/queries.yaml) and on the questions
(tests/data/questions.yaml): hit@1, hit@3 and time per query (in-process), each set on its own line.

Usage: python bench/find_eval.py [--misses] [--repeat N]
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

import yaml

from treatycmp.loading import load
from treatycmp.names.citations import Resolver
from treatycmp.names.search import Index

DATA = Path(__file__).resolve().parents[1] / "tests" / "data"
SETS = (("queries", DATA / "queries.yaml"), ("questions", DATA / "questions.yaml"))
"""Each evaluation set: its name (also its top-level key) and file."""


def evaluate(index: Index, queries: list[dict]) -> tuple[list[tuple[dict, list[str]]], list[float]]:
    """Run every query; return (query, top ids) pairs and the per-query times in seconds."""
    resolver = Resolver(index.corpus)
    results, times = [], []
    for q in queries:
        within = resolver.scope(q["in"]).members if q.get("in") else None
        start = time.perf_counter()
        hits = index.find(q["query"], within=within, limit=3).hits
        times.append(time.perf_counter() - start)
        results.append((q, [h.article.id for h in hits]))
    return results, times


def report(name: str, index: Index, queries: list[dict], repeat: int, misses: bool) -> None:
    """Print hit@1, hit@3 and time per query of one set (and its misses when asked)."""
    results, _ = evaluate(index, queries)
    hit1 = sum(1 for q, top in results if top[:1] and top[0] in q["expect"])
    hit3 = sum(1 for q, top in results if set(top[:3]) & set(q["expect"]))
    times = [t for _ in range(repeat) for t in evaluate(index, queries)[1]]
    n = len(queries)
    print(
        f"{name:<10} {n:>4}   hit@1 {hit1:>3}/{n} = {100 * hit1 / n:5.1f} %   hit@3 {hit3:>3}/{n} "
        f"= {100 * hit3 / n:5.1f} %   "
        f"median {1000 * statistics.median(times):.2f} ms, p95 "
        f"{1000 * sorted(times)[int(0.95 * len(times))]:.2f} ms"
    )
    if misses:
        for q, top in results:
            if not (top[:1] and top[0] in q["expect"]):
                mark = "MISS@3" if not set(top) & set(q["expect"]) else "miss@1"
                print(f"  {mark} {q['query']!r} in={q.get('in')} expect={q['expect']} got={top}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--misses", action="store_true", help="print the queries that miss at 1")
    parser.add_argument("--repeat", type=int, default=5, help="timing repetitions")
    args = parser.parse_args()
    index = Index(load())
    for name, path in SETS:
        report(
            name,
            index,
            yaml.safe_load(path.read_text(encoding="utf-8"))[name],
            args.repeat,
            args.misses,
        )


if __name__ == "__main__":
    main()
