"""Evaluation rules, one concern per module (in the manner of yamllint's rules).

A provision rule is `check(ctx, provision, answer) -> iterable of Finding`;
a submission rule is `check(ctx) -> iterable of Finding`. Order here is the order they run.
"""

from . import (
    admits_gap,
    answers,
    consistency,
    crosschecks,
    definition,
    evidence,
    evidence_placeholder,
    evidence_plan,
    evidence_vague,
    figures,
    governance,
    open_action,
    placeholders,
    policy,
    policy_facts,
    shares,
    timescale,
)

PROVISION_RULES = (
    answers.check,
    evidence.check,
    evidence_placeholder.check,
    evidence_vague.check,
    evidence_plan.check,
    admits_gap.check,
    timescale.check,
    policy.check,
    definition.check,
    governance.check,
    open_action.check,
    shares.check,
    figures.check,
)

SUBMISSION_RULES = (
    answers.check_written,
    crosschecks.check_stated_figures,
    consistency.check,
    crosschecks.check_governance,
    crosschecks.check_case_log,
    policy_facts.check,
    placeholders.check,
)
