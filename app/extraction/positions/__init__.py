"""Negotiation positions (demand, reject, propose, ...) from statements and narrative.

Three sources, one position per stance word:
- the statement's own cue (`urged X to Y` -> demand Y, `welcomed X` -> support X): statements;
- stance words inside reported content (`we are trying to reopen the crossing` -> intend,
  `talks should resume` -> demand, `the new quota is far too low` -> reject): content,
  judgements;
- narrative clauses outside any statement (`Ostland seems to insist that ...`,
  `a draft presented by Belmar`, `Ostland and Arden blocked it`): narrative, documents.
The lexicon lives in data/stances.json (stances); holders says who holds a stance and whom
it addresses (one ActorRef per party), spans where its content starts and ends, and context
how the words around the stance word qualify it (negated, hypothetical, future, historical,
certainty; hedges in data/stance_context.json).
"""

from app.extraction.positions.extract import extract_positions

__all__ = ["extract_positions"]
