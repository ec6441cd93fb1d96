"""The publish gate, tested as a CMS meets it: a real `lintnews serve` process
on 127.0.0.1 (a free port), called with a real HTTP client."""
from __future__ import annotations

import asyncio
import json
import os
import socket
import subprocess
import sys
import time

import httpx
import jsonschema
import pytest

from lintnews import lint_text
from lintnews.api import diagnostics_to_dicts
from test_formats import HTML, HTML_FIXED, MD, MD_FIXED, NINJS, NINJS_FIXED, PY, PY_FIXED

RULES = ["whitespace", "repeated-word", "quote-punctuation", "missing-period"]
CLEAN = ("MADRID (AP) — Spain's parliament approved the budget on Tuesday.\n\n"
         "The vote was 180 to 165, with two abstentions, the speaker said.\n")
DIRTY = ("MADRID (AP) — Spain's parliament approved the the budget on Tuesday.\n\n"
         "“We will house every family.”, the prime minister said.\n\n\n\n"
         "The opposition said it would challenge the vote in the courts before the summer\n")
DIRTY_FIXED = ("MADRID (AP) — Spain's parliament approved the budget on Tuesday.\n\n"
               "“We will house every family,” the prime minister said.\n\n"
               "The opposition said it would challenge the vote in the courts before the summer.\n")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    def __init__(self, *args: str) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        env = {k: v for k, v in os.environ.items() if not k.startswith("LINTNEWS_GATE_")}
        self.proc = subprocess.Popen([sys.executable, "-m", "lintnews", "serve", "--host", "127.0.0.1",
                                      "--port", str(self.port), "--log-level", "warning", *args],
                                     stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=env)
        deadline = time.monotonic() + 30
        while True:
            if self.proc.poll() is not None:
                raise RuntimeError("the gate exited: " + self.proc.stdout.read().decode())
            try:
                if httpx.get(self.url + "/healthz", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline:
                self.stop()
                raise RuntimeError("the gate did not start within 30 s")
            time.sleep(0.1)
        self.client = httpx.Client(base_url=self.url, timeout=30)

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()


@pytest.fixture(scope="module")
def gate():
    server = Server()
    yield server
    server.client.close()
    server.stop()


@pytest.fixture(scope="module")
def strict_gate():
    """Tiny limits, failing closed."""
    server = Server("--time-limit", "0.05", "--max-bytes", "3000000", "--on-error", "block")
    yield server
    server.client.close()
    server.stop()


@pytest.fixture(scope="module")
def openapi(gate):
    return gate.client.get("/openapi.json").json()


def conforms(openapi: dict, name: str, body: dict) -> None:
    schema = {**openapi, "$ref": f"#/components/schemas/{name}"}
    jsonschema.Draft202012Validator(schema).validate(body)


# --------------------------------------------------------------------------- verdicts
def test_health_rules_openapi(gate, openapi):
    r = gate.client.get("/healthz")
    assert r.json()["status"] == "ok"
    conforms(openapi, "Health", r.json())
    rules = gate.client.get("/v1/rules").json()
    conforms(openapi, "Rules", rules)
    assert set(RULES) <= {x["id"] for x in rules["rules"]}
    assert openapi["openapi"].startswith("3.1") and "/v1/check" in openapi["paths"]


def test_clean_story_publishes(gate, openapi):
    r = gate.client.post("/v1/check", json={"story": CLEAN, "select": RULES})
    body = r.json()
    assert r.status_code == 200 and body["verdict"] == "publish" and body["reasons"] == []
    assert r.headers["x-lintnews-verdict"] == "publish"
    conforms(openapi, "CheckResponse", body)


def test_defects_block_with_reasons(gate, openapi):
    r = gate.client.post("/v1/check", json={"story": DIRTY, "select": RULES, "id": "story-42"})
    body = r.json()
    conforms(openapi, "CheckResponse", body)
    assert body["verdict"] == "block" and body["id"] == "story-42"
    assert [d["rule"] for d in body["diagnostics"]] == ["repeated-word", "quote-punctuation", "whitespace",
                                                        "missing-period"]
    assert body["reasons"][0] == 'line 1, column 43: "the" is repeated [repeated-word] (fixable)'
    d = body["diagnostics"][0]
    assert DIRTY[d["start"]:d["end"]] == "the the"
    assert body["summary"]["blocking"] == 4


def test_fail_on_select_ignore(gate):
    post = gate.client.post
    assert post("/v1/check", json={"story": DIRTY, "select": RULES, "fail_on": "error"}).json()["verdict"] == "publish"
    body = post("/v1/check", json={"story": DIRTY, "select": ["repeated-word"]}).json()
    assert [d["rule"] for d in body["diagnostics"]] == ["repeated-word"]
    body = post("/v1/check", json={"story": DIRTY, "select": "whitespace,repeated-word",
                                   "ignore": ["repeated-word"]}).json()
    assert [d["rule"] for d in body["diagnostics"]] == ["whitespace"]


@pytest.mark.parametrize("fmt, story", [("markdown", MD), ("html", HTML), ("ninjs", NINJS), ("python", PY)])
def test_check_each_format(gate, fmt, story):
    body = gate.client.post("/v1/check", json={"story": story, "format": fmt, "select": RULES}).json()
    assert body["format"] == fmt and body["verdict"] == "block"
    # the same diagnostics as the Python API (and so the command line) reports
    assert body["diagnostics"] == diagnostics_to_dicts(story, lint_text(story, format=fmt, select=RULES))


def test_format_from_filename(gate):
    body = gate.client.post("/v1/check", json={"story": HTML, "filename": "body.html", "select": RULES}).json()
    assert body["format"] == "html"


# --------------------------------------------------------------------------- fixes
@pytest.mark.parametrize("fmt, story, fixed", [("text", DIRTY, DIRTY_FIXED), ("markdown", MD, MD_FIXED),
                                               ("html", HTML, HTML_FIXED), ("ninjs", NINJS, NINJS_FIXED),
                                               ("python", PY, PY_FIXED)])
def test_fix_each_format(gate, openapi, fmt, story, fixed):
    r = gate.client.post("/v1/fix", json={"story": story, "format": fmt, "select": RULES})
    body = r.json()
    conforms(openapi, "FixResponse", body)
    assert body["story"] == fixed
    assert body["changed"] is True and body["fixed"] >= 3
    assert body["diagnostics"] == [] and body["verdict"] == "publish"


def test_fix_ninjs_object_comes_back_as_object(gate):
    story = json.loads(NINJS)
    body = gate.client.post("/v1/fix", json={"story": story, "select": RULES}).json()
    assert body["format"] == "ninjs"
    assert body["story"] == json.loads(NINJS_FIXED)


def test_fix_unsafe_flag(gate):
    body = gate.client.post("/v1/fix", json={"story": CLEAN, "unsafe": True, "select": RULES}).json()
    assert body["story"] == CLEAN and body["changed"] is False


# --------------------------------------------------------------------------- bad requests
@pytest.mark.parametrize("content, status, code", [
    (b'{"story": "The the storm."', 400, "malformed_json"),
    (b"", 400, "malformed_json"),
    (b"\xff\xfe", 400, "malformed_json"),
    (b'["story"]', 422, "invalid_request"),
    (b'{"format": "text"}', 422, "invalid_request"),
    (b'{"story": 5}', 422, "invalid_request"),
    (b'{"story": "x", "selcet": ["whitespace"]}', 422, "invalid_request"),
    (b'{"story": "x", "fail_on": "fatal"}', 422, "invalid_request"),
    (b'{"story": "x", "format": "docx"}', 422, "unknown_format"),
    (b'{"story": "x", "select": ["no-such-rule"]}', 422, "unknown_rule"),
    (b'{"story": "x", "ignore": "whitespace,bogus"}', 422, "unknown_rule"),
    (b'{"story": "x", "style": "guardian"}', 422, "invalid_setting"),
    (b'{"story": "{\\"headline\\": ", "format": "ninjs"}', 422, "invalid_story"),
    (b'{"story": {"headline": "x"}, "format": "html"}', 422, "invalid_request"),
])
def test_bad_requests(gate, openapi, content, status, code):
    r = gate.client.post("/v1/check", content=content, headers={"content-type": "application/json"})
    assert r.status_code == status, r.text
    body = r.json()
    conforms(openapi, "Error", body)
    assert body["error"]["code"] == code and body["error"]["message"]


def test_unknown_endpoint_and_method(gate):
    r = gate.client.get("/v2/check")
    assert r.status_code == 404 and r.json()["error"]["code"] == "not_found"
    r = gate.client.get("/v1/check")
    assert r.status_code == 405 and r.json()["error"]["code"] == "method_not_allowed"


def test_body_over_the_limit(strict_gate):
    big = "x" * 3_100_000
    r = strict_gate.client.post("/v1/check", json={"story": big})
    assert r.status_code == 413 and r.json()["error"]["code"] == "too_large"

    def chunks():  # no Content-Length: the limit holds while streaming
        for _ in range(40):
            yield b" " * 100_000

    r = strict_gate.client.post("/v1/check", content=chunks(), headers={"content-type": "application/json"})
    assert r.status_code == 413 and r.json()["error"]["code"] == "too_large"


def test_time_limit_answers_with_the_on_error_policy(strict_gate):
    para = "The council said the budget would pass this week, aides said on Monday.  "
    story = "\n\n".join(para * 8 for _ in range(2500))  # ~1.5 MB of copy
    r = strict_gate.client.post("/v1/check", json={"story": story})
    body = r.json()
    assert r.status_code == 422 and body["error"]["code"] == "time_limit"
    assert body["verdict"] == "block" and body["checked"] is False
    assert r.headers["x-lintnews-verdict"] == "block"
    # the gate is still answering afterwards (the runaway story stopped at its deadline)
    time.sleep(0.5)
    assert strict_gate.client.post("/v1/check", json={"story": CLEAN, "select": RULES}).json()["verdict"] == "publish"


def test_time_limit_fails_open_by_default(gate):
    assert gate.client.get("/healthz").json()["on_error"] == "publish"


# --------------------------------------------------------------------------- a burst
def test_burst_of_concurrent_requests(gate):
    cases = [("/v1/check", {"story": DIRTY, "select": RULES}, "block"),
             ("/v1/check", {"story": CLEAN, "select": RULES}, "publish"),
             ("/v1/fix", {"story": HTML, "format": "html", "select": RULES}, "publish"),
             ("/v1/fix", {"story": MD, "format": "markdown", "select": RULES}, "publish")]
    n = 96

    async def burst():
        limits = httpx.Limits(max_connections=32)
        async with httpx.AsyncClient(base_url=gate.url, timeout=30, limits=limits) as client:
            async def one(i):
                path, payload, verdict = cases[i % len(cases)]
                r = await client.post(path, json=payload)
                return i, r.status_code, r.json()
            return await asyncio.wait_for(asyncio.gather(*(one(i) for i in range(n))), timeout=60)

    t0 = time.monotonic()
    results = asyncio.run(burst())
    assert time.monotonic() - t0 < 60
    assert len(results) == n
    for i, status, body in results:
        path, payload, verdict = cases[i % len(cases)]
        assert status == 200 and body["verdict"] == verdict
        if path == "/v1/fix":
            assert body["story"] == (HTML_FIXED if payload["format"] == "html" else MD_FIXED)
        elif verdict == "block":
            assert [d["rule"] for d in body["diagnostics"]] == ["repeated-word", "quote-punctuation",
                                                                "whitespace", "missing-period"]
