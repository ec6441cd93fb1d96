"""Benchmark the publish gate: a real `lintnews serve` on loopback, a typical
story (a ~700-word wire story as HTML, with a few defects), POST /v1/check at
a few concurrency levels. Prints requests per second and p50/p99 latency.

    python benchmarks/bench_gate.py [--requests 400] [--levels 1,4,16,64] [--workers 1]

Needs httpx (pip install -e '.[test]').
"""
from __future__ import annotations

import argparse
import asyncio
import os
import socket
import subprocess
import sys
import time

import httpx

PARAGRAPHS = [
    "MADRID (AP) — Spain's parliament approved the the national budget on Tuesday after weeks of talks "
    "between the governing coalition and regional parties, ending a standoff that had threatened early elections.",
    "The vote was 180 to 165, with two abstentions. Prime Minister Ana Ruiz called the result  a victory for "
    "stability and said the money would reach hospitals, schools and rail lines before the end of the year.",
    "“We will protect our people and our public services.”, she told lawmakers before the vote.",
    "The opposition Popular Party said it would challenge parts of the budget in the Constitutional Court, "
    "arguing that tax changes for regional governments had been added without the required debate",
    "Economists said the spending plan relied on growth forecasts that were more optimistic than those of the "
    "Bank of Spain and the European Commission, which both expect the economy to slow next year.",
    "Unions welcomed a 4% rise in public sector pay but warned that inflation had already eaten into "
    "wages for three years in a row, and said they would keep pressing for more in talks this autumn.",
    "The budget also includes money for housing, a priority for younger voters who have been priced out "
    "of cities such as Madrid and Barcelona, where rents have risen by more than a third since 2019.",
    "Regional leaders from Catalonia and the Basque Country said their support had been won with promises "
    "of new investment in commuter trains and ports, which the government confirmed on Tuesday.",
    "The European Commission is expected to review the plan in November as part of its annual check of "
    "member states' public finances, officials in Brussels said.",
] * 2


def story_html() -> str:
    return "<article>\n" + "\n".join(f"<p>{p}</p>" for p in PARAGRAPHS) + "\n</article>\n"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start(workers: int) -> tuple[subprocess.Popen, str]:
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    proc = subprocess.Popen([sys.executable, "-m", "lintnews", "serve", "--port", str(port), "--log-level",
                             "warning", "--workers", str(workers)], stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(url + "/healthz", timeout=1).status_code == 200:
                return proc, url
        except httpx.TransportError:
            time.sleep(0.1)
    proc.terminate()
    raise SystemExit("the gate did not start")


async def level(url: str, payload: dict, concurrency: int, total: int) -> tuple[float, list[float]]:
    latencies: list[float] = []
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    async with httpx.AsyncClient(base_url=url, timeout=60, limits=limits) as client:
        for _ in range(min(concurrency, 8)):  # warm-up
            (await client.post("/v1/check", json=payload)).raise_for_status()
        queue = list(range(total))

        async def worker():
            while queue:
                queue.pop()
                t0 = time.perf_counter()
                r = await client.post("/v1/check", json=payload)
                latencies.append(time.perf_counter() - t0)
                assert r.status_code == 200 and r.json()["verdict"] == "block", r.text

        t0 = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(concurrency)))
        return time.perf_counter() - t0, latencies


def pct(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))] * 1000


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--requests", type=int, default=400)
    ap.add_argument("--levels", default="1,4,16,64")
    ap.add_argument("--workers", type=int, default=1)
    args = ap.parse_args()
    payload = {"story": story_html(), "format": "html"}
    words = sum(len(p.split()) for p in PARAGRAPHS)
    proc, url = start(args.workers)
    try:
        print(f"lintnews gate on {url}: {args.workers} worker process(es), {os.cpu_count()} CPUs; "
              f"story: HTML, {words} words, {len(payload['story'])} characters; {args.requests} requests per level")
        print(f"{'concurrency':>11}  {'req/s':>8}  {'p50 ms':>8}  {'p99 ms':>8}")
        for c in (int(x) for x in args.levels.split(",")):
            elapsed, lat = asyncio.run(level(url, payload, c, args.requests))
            print(f"{c:>11}  {len(lat) / elapsed:>8.1f}  {pct(lat, 50):>8.1f}  {pct(lat, 99):>8.1f}")
    finally:
        proc.terminate()
        proc.wait(10)


if __name__ == "__main__":
    main()
