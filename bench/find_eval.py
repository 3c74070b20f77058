"""Evaluate `treatycmp find` on tests/data/queries.yaml: hit@1, hit@3 and time per query (in-process).

Usage: python bench/find_eval.py [--misses] [--repeat N]
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

import yaml

from treatycmp.loader import load
from treatycmp.lookup import Index
from treatycmp.refs import Resolver

QUERIES = Path(__file__).resolve().parents[1] / "tests" / "data" / "queries.yaml"


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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--misses", action="store_true", help="print the queries that miss at 1")
    parser.add_argument("--repeat", type=int, default=5, help="timing repetitions")
    args = parser.parse_args()
    queries = yaml.safe_load(QUERIES.read_text(encoding="utf-8"))["queries"]
    index = Index(load())
    results, _ = evaluate(index, queries)
    hit1 = sum(1 for q, top in results if top[:1] and top[0] in q["expect"])
    hit3 = sum(1 for q, top in results if set(top[:3]) & set(q["expect"]))
    times = [t for _ in range(args.repeat) for t in evaluate(index, queries)[1]]
    n = len(queries)
    print(f"queries: {n}")
    print(f"hit@1:   {hit1}/{n} = {100 * hit1 / n:.1f} %")
    print(f"hit@3:   {hit3}/{n} = {100 * hit3 / n:.1f} %")
    print(f"time:    median {1000 * statistics.median(times):.2f} ms, p95 {1000 * sorted(times)[int(0.95 * len(times))]:.2f} ms per query")
    if args.misses:
        for q, top in results:
            if not (top[:1] and top[0] in q["expect"]):
                mark = "MISS@3" if not set(top) & set(q["expect"]) else "miss@1"
                print(f"  {mark} {q['query']!r} in={q.get('in')} expect={q['expect']} got={top}")


if __name__ == "__main__":
    main()
