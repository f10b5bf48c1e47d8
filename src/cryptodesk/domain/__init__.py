"""The support desk's vocabulary and rules as plain Python: no web, no SQL."""
