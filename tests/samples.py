"""Small articles written for these tests (invented people, real kinds of constructions)."""

from __future__ import annotations

ENVOY_ARTICLE = {
    "url": "https://news.example.org/2019/03/caucasus-talks",
    "title": "Envoy sees progress as talks in Tbilisi resume",
    "published_at": "2019-03-15",
    "source": "Example Wire",
    "text": (
        "The UN special envoy for the Caucasus, Ingrid Halvorsen, said on Thursday that both "
        "delegations would return to the table next week.\n\n"
        "\u201cWe have no time to lose,\u201d Halvorsen told reporters in Vienna. She added that "
        "the ceasefire along the river was holding.\n\n"
        "Meanwhile, at talks in Tbilisi, the opposition rejected the new map, and Georgia "
        "insisted that all armed units must withdraw before any vote.\n\n"
        "At the UN General Assembly, Canada presented a draft resolution that demands "
        "unhindered aid access to the valley."
    ),
}

SECOND_ARTICLE = {
    "url": "https://news.example.org/2019/04/envoy-briefing",
    "title": "Envoy briefs council",
    "published_at": "2019-04-02",
    "source": "Example Wire",
    "text": (
        "Ingrid Halvorsen told the Security Council on Monday that the ceasefire was fragile. "
        "\u201cThe next two weeks will decide everything,\u201d Halvorsen said."
    ),
}
