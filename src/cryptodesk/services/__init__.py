"""Use cases: each opens a unit of work, calls the domain, records events, commits."""
