"""Score extractions against hand-annotated gold relations.

>>> from kgraph.evaluation import load_gold, score            # doctest: +SKIP
>>> report = score(load_gold("tests/gold/sentences.jsonl"), extractions)
>>> report.overall.f1                                        # doctest: +SKIP
0.93
"""

from kgraph.evaluation.gold import GoldDocument, GoldRelation, load_gold
from kgraph.evaluation.score import Counts, Miss, Report, score

__all__ = ["Counts", "GoldDocument", "GoldRelation", "Miss", "Report", "load_gold", "score"]
