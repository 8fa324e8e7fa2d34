"""Facts about event types that both the extractor and the warehouse's SQL need, kept apart from
the extractor (which loads spaCy) so the warehouse can read them without it.

An event of a symmetric type is done together: "Iran and Russia signed an agreement" and
"Russia signed an agreement with Iran" report one signing, whichever side the sentence puts
first. The extractor reads coordinated subjects of these types as doing it with one another, and
the marts group their reports on the unordered pair of actors (``fct_event_reports``, through
the ``symmetric_event(event_type)`` macro the warehouse creates from this set).
"""

SYMMETRIC_TYPES = frozenset({"meet", "sign", "negotiate", "cooperate", "agree", "merger", "settle"})


def symmetric_event_macro() -> str:
    """The SQL that (re)creates ``symmetric_event(event_type)``: true for the types above."""
    listed = ", ".join(f"'{kind}'" for kind in sorted(SYMMETRIC_TYPES))
    return f"CREATE OR REPLACE MACRO symmetric_event(event_type) AS event_type IN ({listed})"
