"""The `parley` command: serve, migrate, seed, ingest, reextract, extract, eval, bench, synth, openapi."""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

from tqdm import tqdm

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="parley", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)

    serve = commands.add_parser("serve", help="migrate (unless turned off) and serve the API")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8000)
    serve.add_argument("--workers", type=int, default=1)
    serve.set_defaults(run=cmd_serve)

    migrate = commands.add_parser("migrate", help="bring DATABASE_URL to the latest schema")
    migrate.set_defaults(run=cmd_migrate)

    seed = commands.add_parser(
        "seed", help="add the seed registry's missing states, bodies, people and offices to DATABASE_URL"
    )
    seed.set_defaults(run=cmd_seed)

    ingest = commands.add_parser("ingest", help="ingest .json, .jsonl or .txt files into DATABASE_URL")
    ingest.add_argument("paths", nargs="+", type=Path)
    ingest.set_defaults(run=cmd_ingest)

    reextract = commands.add_parser(
        "reextract", help="extract stored articles again with this engine (all, or the ids given)"
    )
    reextract.add_argument("ids", nargs="*", type=int)
    reextract.set_defaults(run=cmd_reextract)

    extract = commands.add_parser(
        "extract", help="print each record with its extracted quotes and positions (eval format)"
    )
    extract.add_argument("--jsonl", type=Path, required=True, help="records {id, text, title?, published_at?}")
    extract.set_defaults(run=cmd_extract)

    evaluate = commands.add_parser("eval", help="extract a gold file and score it")
    evaluate.add_argument("gold", type=Path)
    evaluate.add_argument("--scorer", type=Path, help="score.py (default: ../shared/eval/score.py)")
    evaluate.add_argument("--json", action="store_true", help="print the scorer's JSON")
    evaluate.add_argument("--errors", type=int, metavar="N", default=0,
                          help="then list the N biggest misses: missed, spurious, wrong speaker")
    evaluate.set_defaults(run=cmd_eval)

    bench = commands.add_parser(
        "bench", help="benchmarks: `ingest` (HTTP API), `extract` (engine vs spaCy), `query` (at scale)"
    )
    bench.add_argument("what", choices=["ingest", "extract", "query"])
    bench.add_argument("--jsonl", type=Path, help="ingest/extract: articles {text, title?, published_at?}")
    bench.add_argument("--statements", type=int, default=1_000_000, help="query: corpus size")
    bench.add_argument("--requests", type=int, default=200, help="query: requests per case")
    bench.add_argument("--no-fill", action="store_true", help="query: use --database-url as it is")
    bench.add_argument("--harness", choices=["asgi", "testclient"], default="asgi",
                       help="query: httpx's ASGI client on one event loop (default) or Starlette's TestClient")
    bench.add_argument("--limit", type=int, help="use the first N articles")
    bench.add_argument("--workers", type=int, help="ingest: server processes and clients (1); extract: 2")
    bench.add_argument("--database-url", help="ingest/query: default a fresh SQLite file")
    bench.add_argument("--long-words", type=int, default=20_000, help="extract: words of the long article")
    bench.set_defaults(run=cmd_bench)

    synth = commands.add_parser("synth", help="fill DATABASE_URL (empty, migrated) with a synthetic corpus")
    synth.add_argument("--statements", type=int, default=1_000_000)
    synth.add_argument("--seed", type=int, default=7)
    synth.set_defaults(run=cmd_synth)

    openapi = commands.add_parser("openapi", help="write the OpenAPI document")
    openapi.add_argument("--out", type=Path, default=ROOT / "openapi" / "openapi.json")
    openapi.set_defaults(run=cmd_openapi)

    args = parser.parse_args(argv)
    return int(args.run(args) or 0)


def cmd_serve(args: argparse.Namespace) -> None:
    import os

    import uvicorn

    from app.config import get_settings
    from app.db import make_engine, migrate
    from app.services.seed import seed_if_new

    # Migrate and seed once, here, before any worker starts: several workers doing it at
    # once race (two `CREATE TABLE`s, two seedings) and the loser fails its startup, which
    # stops the whole server. The workers inherit the switches turned off.
    settings = get_settings()
    if settings.migrate_on_start:
        migrate(settings.database_url)
    if settings.seed_on_start:
        engine = make_engine(settings.database_url)
        seed_if_new(engine)
        engine.dispose()
    os.environ["PARLEY_MIGRATE_ON_START"] = "false"
    os.environ["PARLEY_SEED_ON_START"] = "false"
    get_settings.cache_clear()
    uvicorn.run(
        "app.main:create_app", factory=True, host=args.host, port=args.port, workers=args.workers
    )


def cmd_migrate(_: argparse.Namespace) -> None:
    from app.config import get_settings
    from app.db import migrate

    migrate(get_settings().database_url)


def cmd_seed(_: argparse.Namespace) -> None:
    from sqlmodel import Session

    from app.config import get_settings
    from app.db import make_engine, write_transaction
    from app.services.seed import seed_registry

    engine = make_engine(get_settings().database_url)
    with Session(engine) as session, write_transaction(session):
        report = seed_registry(session)
    print(f"added {report.actors} actors, {report.offices} offices, {report.holders} holders")


def cmd_reextract(args: argparse.Namespace) -> None:
    from sqlmodel import Session, select

    from app import extraction
    from app.config import get_settings
    from app.db import make_engine
    from app.models import Article
    from app.services.ingest import reextract_article

    settings = get_settings()
    extractor = extraction.Extractor(extraction.load_nlp(settings.spacy_model))
    with Session(make_engine(settings.database_url)) as session:
        ids = args.ids or list(session.exec(select(Article.id).order_by(Article.id)))
        for article_id in tqdm(ids, desc="reextract", unit="article"):
            reextract_article(session, article_id, extractor)


def read_records(path: Path) -> Iterator[dict[str, Any]]:
    """Records of a .jsonl file, a .json object or list, or a .txt file as one text."""
    if path.suffix == ".txt":
        yield {"text": path.read_text(encoding="utf-8")}
    elif path.suffix == ".jsonl":
        with path.open(encoding="utf-8") as handle:
            yield from (json.loads(line) for line in handle if line.strip())
    else:
        data = json.loads(path.read_text(encoding="utf-8"))
        yield from data if isinstance(data, list) else [data]


# Fields of an eval record that are not part of an article.
_NOT_ARTICLE = {"id", "dataset", "quotes", "positions"}


def cmd_ingest(args: argparse.Namespace) -> int:
    from pydantic import ValidationError
    from sqlmodel import Session

    from app import extraction
    from app.config import get_settings
    from app.db import make_engine, migrate
    from app.models import ArticleCreate
    from app.services.ingest import ingest_article

    settings = get_settings()
    if settings.migrate_on_start:
        migrate(settings.database_url)
    records = [r for path in args.paths for r in read_records(path)]
    extractor = extraction.Extractor(extraction.load_nlp(settings.spacy_model))
    engine = make_engine(settings.database_url)
    counts = {"created": 0, "duplicate": 0, "invalid": 0}
    with Session(engine) as session:
        for record in tqdm(records, desc="ingest", unit="article", disable=len(records) < 2):
            try:
                data = ArticleCreate.model_validate(
                    {k: v for k, v in record.items() if k not in _NOT_ARTICLE}
                )
            except ValidationError as error:
                counts["invalid"] += 1
                tqdm.write(f"skipped an invalid record: {error.errors()[0]['msg']}", file=sys.stderr)
                continue
            _, created = ingest_article(session, data, extractor)
            counts["created" if created else "duplicate"] += 1
    engine.dispose()
    print(json.dumps(counts))
    return 1 if counts["invalid"] else 0


def _parse_date(value: object) -> date | None:
    try:
        return date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None


def cmd_extract(args: argparse.Namespace) -> None:
    _extract_jsonl(args.jsonl, sys.stdout)


def _extract_jsonl(path: Path, out: Any) -> None:
    from app import extraction
    from app.config import get_settings

    records = list(read_records(path))
    extractor = extraction.Extractor(extraction.load_nlp(get_settings().spacy_model))
    items = ((r["text"], _parse_date(r.get("published_at"))) for r in records)
    results = extractor.extract_many(items)
    for record, result in tqdm(
        zip(records, results), total=len(records), desc="extract", unit="article", file=sys.stderr
    ):
        line = extraction.to_eval_record(
            str(record.get("id", "")),
            record["text"],
            result,
            title=record.get("title"),
            published_at=record.get("published_at"),
        )
        out.write(json.dumps(line, ensure_ascii=False) + "\n")


def _default_scorer() -> Path | None:
    for base in (Path.cwd(), ROOT):
        candidate = base.parent / "shared" / "eval" / "score.py"
        if candidate.is_file():
            return candidate
    return None


def cmd_eval(args: argparse.Namespace) -> int:
    scorer = args.scorer or _default_scorer()
    if scorer is None or not scorer.is_file():
        print("parley eval: no scorer found; pass --scorer PATH/TO/score.py", file=sys.stderr)
        return 2
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", encoding="utf-8") as predictions:
        _extract_jsonl(args.gold, predictions)
        predictions.flush()
        command = [sys.executable, str(scorer), str(args.gold), predictions.name]
        status = subprocess.call(command + (["--json"] if args.json else []))
        if args.errors:
            _print_misses(args.gold, Path(predictions.name), args.errors)
        return status


def _print_misses(gold_path: Path, predictions_path: Path, n: int) -> None:
    from app.evaluation import misses

    gold = list(read_records(gold_path))
    predicted = {str(r["id"]): r for r in read_records(predictions_path)}
    found = misses(gold, predicted)
    counts = {k: sum(m.kind == k for m in found) for k in ("missed", "spurious", "wrong speaker")}
    print(f"\n{min(n, len(found))} biggest of {len(found)} misses ({', '.join(f'{v} {k}' for k, v in counts.items())}):")
    for miss in found[:n]:
        print(f"- {miss.kind} [{miss.record_id}] {miss.text}")


def cmd_bench(args: argparse.Namespace) -> None:
    from app.bench import bench_extract, bench_ingest, bench_query

    if args.what == "query":
        result = bench_query(statements=args.statements, requests=args.requests,
                             database_url=args.database_url, fill=not args.no_fill, harness=args.harness)
        plans = result.pop("plans")
        print(json.dumps(result, indent=2, default=str))
        for name, plan in plans.items():
            print(f"\n-- plan: {name}\n{plan}")
        return
    if args.jsonl is None:
        raise SystemExit("parley bench ingest|extract needs --jsonl FILE")
    if args.what == "ingest":
        result = bench_ingest(
            args.jsonl, limit=args.limit, workers=args.workers or 1, database_url=args.database_url
        )
    else:
        result = bench_extract(
            args.jsonl, limit=args.limit, workers=args.workers or 2, long_words=args.long_words
        )
    print(json.dumps(result, indent=2))


def cmd_synth(args: argparse.Namespace) -> int:
    from app.config import get_settings
    from app.db import make_engine, migrate
    from app.synth import NotEmpty, synthesize

    url = get_settings().database_url
    migrate(url)
    engine = make_engine(url)
    try:
        print(json.dumps(synthesize(engine, statements=args.statements, seed=args.seed)))
    except NotEmpty as error:
        print(f"parley synth: {error}", file=sys.stderr)
        return 2
    finally:
        engine.dispose()
    return 0


def cmd_openapi(args: argparse.Namespace) -> None:
    from app.main import create_app

    document = create_app().openapi()
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(document, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {args.out}")


if __name__ == "__main__":
    sys.exit(main())
