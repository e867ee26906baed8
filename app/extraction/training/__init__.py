"""Offline statistics over annotated corpora that produce the extractor's data files.

Nothing here runs at extraction time; each module is a `python -m` command whose
output is committed under `app/extraction/data/`.
"""
