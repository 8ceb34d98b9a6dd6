"""Judging a submission: evaluation, findings and the rules, one module per concern."""
