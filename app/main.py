"""The FastAPI app: settings, database, NLP pipeline loaded once, routers."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from starlette.concurrency import run_in_threadpool

from app import extraction
from app.api import actors, articles, deletions, health, offices, positions, statements, stats, topics, venues
from app.config import Settings, get_settings
from app.db import make_engine, migrate
from app.services.seed import seed_if_new
from app.errors import install_error_handlers
from app.middleware import BodySizeLimit, ETags

log = logging.getLogger("parley")

DESCRIPTION = """Who said what, where and when, from diplomatic news.

POST an article; Parley extracts attributed statements (direct quotes, reported
speech) and negotiation positions, resolves speakers and venues, and answers
queries by actor, venue and date. Errors are `application/problem+json`.
"""


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or get_settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        if settings.migrate_on_start:
            await run_in_threadpool(migrate, settings.database_url)
        app.state.engine = make_engine(settings.database_url)
        if settings.seed_on_start:
            await run_in_threadpool(seed_if_new, app.state.engine)
        nlp = await run_in_threadpool(extraction.load_nlp, settings.spacy_model)
        app.state.extractor = extraction.Extractor(nlp)
        if not settings.api_keys:
            log.warning("PARLEY_API_KEYS is not set: writes are open to anyone who can reach this server")
        yield
        app.state.engine.dispose()

    app = FastAPI(
        title="Parley",
        version=extraction.EXTRACTOR_VERSION,
        description=DESCRIPTION,
        lifespan=lifespan,
    )
    # Read by the `SettingsDep` dependency. Not a dependency override: FastAPI rebuilds
    # every overridden dependency's signature on each request.
    app.state.settings = settings
    install_error_handlers(app)
    app.add_middleware(BodySizeLimit, max_bytes=settings.max_body_bytes)
    app.add_middleware(ETags)
    if settings.cors_origins:
        # Lets a dashboard in a browser call Parley directly; reads only unless a key is sent.
        app.add_middleware(
            CORSMiddleware,
            allow_origins=settings.cors_origins,
            allow_methods=["GET", "POST", "PATCH", "DELETE"],
            allow_headers=["Authorization", "X-API-Key", "Content-Type", "If-None-Match"],
            expose_headers=["ETag", "Link"],
        )
    for module in (articles, statements, positions, topics, actors, venues, offices, stats, deletions, health):
        app.include_router(module.router)
    return app
