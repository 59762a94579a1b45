"""The formats of `slaextract check`: each renders a CheckReport (base.py) as text, JSON, SARIF,
JUnit XML or GitHub annotations."""
