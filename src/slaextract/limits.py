"""Bounds every stage shares."""

# Seconds one regex may run on one piece of text before it is abandoned (the `regex` package's
# timeout). Rules are checked to be free of catastrophic backtracking; this is the backstop.
REGEX_TIMEOUT = 0.5
