"""Every rule's embedded examples, as test cases: the suite fails for a rule
without examples, and every fix example is applied and re-linted."""
import pytest

from lintnews.testing import check_example, example_cases, rule_classes


@pytest.mark.parametrize("rule_cls, example", example_cases())
def test_example(rule_cls, example):
    check_example(rule_cls, example)


@pytest.mark.parametrize("rule_cls", rule_classes(), ids=lambda c: c.id)
def test_rule_has_examples_and_docs(rule_cls):
    valid = [e for e in rule_cls.examples if e.valid]
    invalid = [e for e in rule_cls.examples if not e.valid]
    assert valid, f"{rule_cls.id} has no example that must pass"
    assert invalid, f"{rule_cls.id} has no example that must fail"
    assert rule_cls.summary and rule_cls.documentation()
    if rule_cls.category != "engine":
        for section in ("## What it catches", "## Fix safety"):
            assert section in rule_cls.documentation(), f"{rule_cls.id}: doc lacks {section!r}"
