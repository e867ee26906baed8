"""Where a statement was made: a body, a named negotiation or a press conference.

`assign_venues` gives each statement its venue, `venue_near` the venue of a stance the
article reports in its own voice. Modules: mentions (venues the text names), talks
(negotiations named by place), settings (press conferences, `told the council`), linking
(a speaker tied to a body or negotiation), assign (the order they are tried in).
"""

from app.extraction.venues.assign import assign_venues, venue_near

__all__ = ["assign_venues", "venue_near"]
