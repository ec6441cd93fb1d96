"""lintnews: a text-quality linter for machine-translated news wire copy.

The rule API (what a rules file imports)::

    from lintnews import Rule, Finding, Fix, Edit, Severity, Applicability, Valid, Invalid

The Python API (what a CMS plugin calls)::

    from lintnews import lint_text, fix_text
"""
from __future__ import annotations

from .api import fix_text, lint_text
from .document import Document, Quote, Sentence, Span, Token
from .model import Applicability, Diagnostic, Edit, Example, Fix, Invalid, Severity, Valid
from .rule import Finding, Rule, RuleContext

__version__ = "0.1.0"

__all__ = [
    "Applicability", "Diagnostic", "Document", "Edit", "Example", "Finding", "Fix", "Invalid",
    "Quote", "Rule", "RuleContext", "Sentence", "Severity", "Span", "Token", "Valid",
    "fix_text", "lint_text", "__version__",
]
