"""Shared test helpers: a throwaway PostgreSQL, a settable clock, story-like factories."""
