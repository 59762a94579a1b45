"""What people read beside the JSON: the HTML evidence report, the diff of two versions and the
side-by-side comparison of several contracts.

  terms.py      a summary as flat terms with keys that survive redrafting, and a merit for the customer
  diff.py       two summaries → SummaryDiff (added / removed / changed, better / worse, policy flips)
  compare.py    several summaries → Comparison (rows = terms, columns = contracts)
  report.py     one contract → the report's content; report_html.py draws it; pages.py renders pages
  missing.py    where the tool looked for a required term it did not find
  judged.py     which terms a policy requirement judges
  labels.yaml   the views' words in English and Chinese; keywords.yaml the words that find a term
"""
