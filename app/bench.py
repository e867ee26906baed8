"""`parley bench ingest`: articles/s through the HTTP API, against the raw parser.

Timings on shared machines are noisy, so the figures that matter are the ratios
measured in one run: the engine against spaCy alone, the API against the engine.
"""

from __future__ import annotations

import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import httpx
from tqdm import tqdm


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _articles(path: Path, limit: int | None) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as handle:
        records = [json.loads(line) for line in handle if line.strip()]
    keep = ("text", "title", "published_at", "url", "source")
    return [{k: r[k] for k in keep if r.get(k) is not None} for r in records[:limit]]


def _serve(database_url: str, port: int, workers: int) -> subprocess.Popen[bytes]:
    env = {**os.environ, "DATABASE_URL": database_url, "PARLEY_API_KEYS": ""}
    command = [sys.executable, "-m", "app.cli", "serve", "--port", str(port), "--workers", str(workers)]
    server = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/readyz").status_code == 200:
                return server
        except httpx.TransportError:
            time.sleep(0.3)
    server.kill()
    raise RuntimeError("the server did not become ready")


def bench_ingest(path: Path, *, limit: int | None, workers: int, database_url: str | None) -> dict[str, Any]:
    from app import extraction
    from app.config import get_settings

    articles = _articles(path, limit)
    words = sum(len(a["text"].split()) for a in articles)
    nlp = extraction.load_nlp(get_settings().spacy_model)
    extractor = extraction.Extractor(nlp)

    start = time.perf_counter()
    for _ in tqdm(nlp.pipe((a["text"] for a in articles), batch_size=16), total=len(articles), desc="spaCy alone"):
        pass
    parse_s = time.perf_counter() - start

    start = time.perf_counter()
    for article in tqdm(articles, desc="engine"):
        extractor.extract(article["text"])
    engine_s = time.perf_counter() - start

    with tempfile.TemporaryDirectory() as tmp:
        url = database_url or f"sqlite:///{Path(tmp) / 'bench.db'}"
        port = _free_port()
        server = _serve(url, port, workers)
        latencies: list[float] = []
        try:
            with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=120) as client:

                def post(article: dict[str, Any]) -> None:
                    t0 = time.perf_counter()
                    response = client.post("/articles", json=article)
                    latencies.append(time.perf_counter() - t0)
                    response.raise_for_status()

                start = time.perf_counter()
                with ThreadPoolExecutor(max_workers=workers) as pool:
                    list(tqdm(pool.map(post, articles), total=len(articles), desc="POST /articles"))
                api_s = time.perf_counter() - start
        finally:
            server.terminate()
            server.wait(timeout=30)

    latencies.sort()
    n = len(articles)
    return {
        "articles": n,
        "words": words,
        "server_workers": workers,
        "spacy_alone_articles_per_s": round(n / parse_s, 2),
        "engine_articles_per_s": round(n / engine_s, 2),
        "api_articles_per_s": round(n / api_s, 2),
        "engine_over_spacy_time": round(engine_s / parse_s, 2),
        "api_over_engine_time": round(api_s * workers / engine_s, 2),
        "api_latency_ms_p50": round(statistics.median(latencies) * 1000, 1),
        "api_latency_ms_p95": round(latencies[int(0.95 * (n - 1))] * 1000, 1),
    }
