import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def run_cli(*args, input=None, cwd=None, env=None):
    """Run the real command line in a subprocess."""
    import os
    full_env = dict(os.environ)
    full_env.pop("NO_COLOR", None)
    full_env.update(env or {})
    if isinstance(input, str):
        input = input.encode("utf-8")
    proc = subprocess.run([sys.executable, "-m", "lintnews", *map(str, args)], input=input,
                          capture_output=True, cwd=cwd, env=full_env, timeout=120)
    return subprocess.CompletedProcess(proc.args, proc.returncode,
                                       proc.stdout.decode("utf-8"), proc.stderr.decode("utf-8"))


@pytest.fixture
def cli():
    return run_cli


# A story of our own with the defects the first rules catch.
STORY = (
    "Storm floods the north of Peru\n\n"
    "LIMA, Peru (AP) — Heavy rain flooded towns in northern Peru on Monday, officials said.\n\n"
    "“We have lost everything and we need help now.”, said a farmer in Piura.\n\n"
    "The the government declared an emergency in  three regions and sent the army to help\n\n\n\n"
    "Rescuers said more rain was expected on Tuesday.\n"
)
STORY_FIXED = (
    "Storm floods the north of Peru\n\n"
    "LIMA, Peru (AP) — Heavy rain flooded towns in northern Peru on Monday, officials said.\n\n"
    "“We have lost everything and we need help now,” said a farmer in Piura.\n\n"
    "The government declared an emergency in three regions and sent the army to help.\n\n"
    "Rescuers said more rain was expected on Tuesday.\n"
)
FIRST_RULES = "whitespace,repeated-word,quote-punctuation,missing-period"


@pytest.fixture
def story():
    return STORY
