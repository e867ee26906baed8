"""A small annotated set written for the regression test (invented people and places).

Each article lists its quotes as (content, kind, speaker): content is the exact text
of the span, found in the article by search, so the set stays readable.
"""

from __future__ import annotations

from typing import Any

ARTICLES: list[tuple[str, list[tuple[str, str, str]]]] = [
    (
        "The Nordanian foreign minister, Elsa Varg, said on Monday that her government would "
        "reopen the northern crossing. \u201cWe cannot keep families apart any longer,\u201d Varg "
        "told reporters in Tallberg. She added that observers would be welcome.",
        [
            ("her government would reopen the northern crossing", "indirect", "Elsa Varg"),
            ("We cannot keep families apart any longer", "direct", "Elsa Varg"),
            ("observers would be welcome", "indirect", "Elsa Varg"),
        ],
    ),
    (
        "Talks in Brevik stalled again on Thursday. The rebel delegation rejected the proposed "
        "map, and its chief negotiator, Tomas Ekdal, warned that \u201cthe truce will not survive "
        "another week of this.\u201d According to the mediator, Anna Lind, both sides have agreed "
        "to meet again on Saturday.",
        [
            ("the truce will not survive another week of this.", "direct", "Tomas Ekdal"),
            ("both sides have agreed to meet again on Saturday", "indirect", "Anna Lind"),
        ],
    ),
    (
        "\u201cWe came here to listen,\u201d the envoy said, \u201cbut we will not wait forever.\u201d "
        "The envoy, Pieter Maas, urged the parties to release all detainees before the vote. "
        "Maas said the council would review the mission in March.",
        [
            ("We came here to listen,", "direct", "Pieter Maas"),
            ("but we will not wait forever.", "direct", "Pieter Maas"),
            ("the parties to release all detainees before the vote", "indirect", "Pieter Maas"),
            ("the council would review the mission in March", "indirect", "Pieter Maas"),
        ],
    ),
    (
        "Ostland called for an immediate ceasefire along the coast. Its ambassador to the UN, "
        "Mira Sandoval, told the Security Council that the shelling of the port was "
        "\u201ca deliberate attack on civilians.\u201d",
        [
            ("an immediate ceasefire along the coast", "indirect", "Ostland"),
            ("the shelling of the port was \u201ca deliberate attack on civilians.\u201d", "mixed", "Mira Sandoval"),
        ],
    ),
    (
        "VARNA - The Varanian government said in a statement on Sunday that it was studying the offer, "
        "but insisted on a full withdrawal of foreign troops.\n\n"
        "The state news agency quoted Dara Navabi, the foreign minister, as saying that patience was "
        "running out. \u201cWe will not wait for ever,\u201d Navabi continued. \u201cThe border stays closed.\u201d\n\n"
        "According to his spokesman, Aron Lindqvist, Navabi will travel to Ostland on Monday. The "
        "Ostlandic envoy, Ines Kahl, told the council via video link that the talks could resume next week.",
        [
            ("it was studying the offer", "indirect", "Varanian government"),
            ("a full withdrawal of foreign troops", "indirect", "Varanian government"),
            ("patience was running out", "indirect", "Dara Navabi"),
            ("We will not wait for ever,", "direct", "Dara Navabi"),
            ("The border stays closed.", "direct", "Dara Navabi"),
            ("Navabi will travel to Ostland on Monday", "indirect", "Aron Lindqvist"),
            ("the talks could resume next week", "indirect", "Ines Kahl"),
        ],
    ),
]


def records() -> list[dict[str, Any]]:
    """The set in the eval record format (offsets found by search)."""
    out = []
    for n, (text, quotes) in enumerate(ARTICLES):
        spans = []
        for content, kind, speaker in quotes:
            start = text.index(content)
            spans.append({"kind": kind, "content": [start, start + len(content)], "speaker": speaker})
        out.append({"id": f"mini-{n}", "text": text, "quotes": spans, "positions": []})
    return out
