"""Evaluation rules, one concern per module (in the manner of yamllint's rules).

A provision rule is `check(ctx, provision, answer) -> iterable of Finding`;
a submission rule is `check(ctx) -> iterable of Finding`. Order here is the order they run.
"""

from . import (
    answers,
    crosschecks,
    definition,
    evidence,
    governance,
    placeholders,
    policy,
    shares,
    timescale,
)

PROVISION_RULES = (
    answers.check,
    evidence.check,
    timescale.check,
    policy.check,
    definition.check,
    governance.check,
    shares.check,
)

SUBMISSION_RULES = (
    answers.check_written,
    crosschecks.check_stated_figures,
    crosschecks.check_governance,
    crosschecks.check_case_log,
    placeholders.check,
)
