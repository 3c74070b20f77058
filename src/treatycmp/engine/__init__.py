"""The engine: pure functions over a loaded corpus (compare, coverage, lineage, notes, topics,
reach).

Nothing here reads files or prints."""
