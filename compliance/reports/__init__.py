"""Compliance reports for the CISO, Datenschutzbeauftragte and Ressort-ISB.

`access.open_report` checks the scope and writes the access log; `selectors` aggregate in
SQL; `suppression` withholds small groups; `views`, `csv_export`, `pdf_report` and the
`compliance_report` command present the result. See docs/compliance-reports.md.
"""
