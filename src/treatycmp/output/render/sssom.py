"""SSSOM: links and absences as an SSSOM/TSV mapping set (Simple Standard for Sharing Ontology
Mappings).

A YAML metadata block (each line behind ``#``) gives the set's id, version, licence and the CURIE
map of the instrument prefixes; then one tab-separated row per mapping. Relations become SKOS
predicates (equal → exactMatch, subset → broadMatch, superset → narrowMatch, intersects →
relatedMatch) and the exact relation is kept at the head of ``comment``; an absence is a row whose
object is ``sssom:NoTermFound`` in the instrument searched (``object_source``). ``basis`` becomes
``mapping_justification`` (its SEMAPV term); the note or reason goes to ``comment``; status, basis,
source and the evidence of each side go to ``other`` as ``key=value`` pairs (``|`` between them);
the date of the last reading to ``mapping_date``."""

from __future__ import annotations

import yaml

from ...errors import UsageError
from ...models import Basis
from ..textsafe import one_line, visible
from ..views import MappingRow, MappingSet, Report
from .base import Renderer

PREDICATES = {
    "equal": "skos:exactMatch",
    "subset": "skos:broadMatch",
    "superset": "skos:narrowMatch",
    "intersects": "skos:relatedMatch",
    "none": "skos:relatedMatch",
}
NO_TERM = "sssom:NoTermFound"
NAMESPACE = "https://treatycmp.github.io/id/"
"""The project's identifier namespace: ``budapest:2`` expands to ``{NAMESPACE}budapest/2``."""
LICENCES = {"CC-BY-4.0": "https://creativecommons.org/licenses/by/4.0/"}
UNSPECIFIED = "semapv:UnspecifiedMatching"
COLUMNS = (
    "subject_id",
    "subject_label",
    "predicate_id",
    "object_id",
    "object_label",
    "mapping_justification",
    "subject_source",
    "object_source",
    "mapping_date",
    "comment",
    "other",
)


class Sssom(Renderer):
    """The report's mapping rows as SSSOM/TSV (diff, gaps and export answer with mapping rows)."""

    def render(self, report: Report) -> str:
        if report.mappings is None:
            raise UsageError(f"--format sssom is for diff, gaps and export, not {report.command}")
        mappings = report.mappings
        lines = ["\t".join(COLUMNS)] + [
            "\t".join(_cell(v) for v in record(r)) for r in mappings.rows
        ]
        return metadata(mappings) + "\n".join(lines) + "\n"


def metadata(mappings: MappingSet) -> str:
    """The YAML metadata block, every line behind '# '."""
    prefixes = sorted(
        {
            p
            for r in mappings.rows
            for p in (r.subject_source, r.object_source, r.object_id or "")
            if p and ":" not in p
        }
        | {r.subject_id.partition(":")[0] for r in mappings.rows}
        | {r.object_id.partition(":")[0] for r in mappings.rows if r.object_id}
    )
    curie_map = {"tc": NAMESPACE, **{p: f"{NAMESPACE}{p}/" for p in prefixes}}
    version = mappings.data_version
    meta = {
        "curie_map": curie_map,
        "mapping_set_id": f"{NAMESPACE}mappings/{version}",
        "mapping_set_version": version,
        "mapping_set_title": visible(mappings.title),
        "mapping_set_description": "Curated article-by-article relations between cybercrime "
        "treaties (treatycmp).",
        "license": LICENCES.get(
            mappings.licence, mappings.licence or "https://creativecommons.org/licenses/by/4.0/"
        ),
        "mapping_provider": "https://github.com/treatycmp/treatycmp",
    }
    block = yaml.safe_dump(meta, sort_keys=False, allow_unicode=True, width=1000)
    return "".join(f"# {line}\n" for line in block.splitlines())


def record(row: MappingRow) -> tuple[str, ...]:
    """The SSSOM columns of one mapping row, in :data:`COLUMNS` order."""
    justification = Basis(row.basis).semapv if row.basis else UNSPECIFIED
    other = [f"status={row.status}", f"basis={row.basis or 'none'}", f"source={row.source}"]
    if row.evidence:
        sides = (
            ("evidence_from", "evidence_to")
            if row.object_id
            else ("evidence_article", "evidence_absent_in")
        )
        other += [f"{k}={v}" for k, v in zip(sides, row.evidence)]
    return (
        row.subject_id,
        row.subject_label,
        PREDICATES[row.relation],
        row.object_id or NO_TERM,
        row.object_label,
        justification,
        f"tc:{row.subject_source}",
        f"tc:{row.object_source}",
        row.reviewed or "",
        f"{row.relation}: {row.note}" if row.note else row.relation,
        "|".join(v.replace("|", "/") for v in other),
    )


def _cell(value: str) -> str:
    """A TSV cell: tabs and line breaks folded to spaces, control characters made visible."""
    return one_line(value)
