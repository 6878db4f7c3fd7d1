import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from readouts.embed import FakeEmbedder, get_embedder
from readouts.errors import ConfigError


def test_embed_fake_is_deterministic_and_normalised():
    e = FakeEmbedder()
    a = e.encode(["the two sides agreed", "the two sides agreed", "a different sentence"])
    assert a.shape == (3, e.dim)
    assert np.allclose(np.linalg.norm(a, axis=1), 1.0)
    assert np.allclose(a[0], a[1]) and not np.allclose(a[0], a[2])


def test_embed_real_encoder_is_multilingual(use_embedder):
    vecs = use_embedder.encode(
        [
            "NATO does not regard China as an adversary",
            "北约不视中国为对手",
            "The price of grain rose sharply last year",
        ]
    )
    assert vecs.shape == (3, 512)
    assert vecs[0] @ vecs[1] > vecs[0] @ vecs[2] + 0.2


def test_embed_cache_keeps_order(use_embedder):
    texts = ["b sentence here", "a sentence here", "b sentence here"]
    first = use_embedder.encode(texts)
    again = use_embedder.encode(list(reversed(texts)))
    assert np.allclose(first[0], again[2]) and np.allclose(first[1], again[1])


def test_embed_registry_rejects_unknown_names():
    with pytest.raises(ConfigError, match="unknown embedder"):
        get_embedder("bert.v9")


def test_embed_batch_size_below_one_still_encodes_every_text(use_embedder):
    texts = ["A batch size of zero is read as one.", "每个句子都要编码。"]
    use_embedder.clear_cache()
    small = use_embedder.encode(texts, batch_size=0)
    use_embedder.clear_cache()
    normal = use_embedder.encode(texts)
    np.testing.assert_allclose(small, normal, atol=1e-5)
    assert np.allclose(np.linalg.norm(small, axis=1), 1.0, atol=1e-4)


_TEXTS = st.text(
    alphabet=st.sampled_from(
        list("abcdefghijklmnopqrstuvwxyz ABCXYZ  ,.;:'\"-—()$%0123456789\t\n")
        + list("中国美方双方表示愿同一道推动關係發展，。！？「」")
        + list("éüñçÉ①ｆｕ")
    ),
    max_size=80,
)


@settings(max_examples=300, deadline=None)
@given(text=_TEXTS)
def test_embed_word_by_word_tokenizer_cuts_as_the_package_does(use_embedder, text):
    """The encoder is given a tokenizer that remembers each word's pieces; it must cut any
    text exactly as the package's own tokenizer does."""
    from readouts.embed import _WordPieces

    backend = use_embedder._load()._model
    assert isinstance(backend.sp, _WordPieces)
    plain = backend.sp._tokenizer
    assert backend.sp.encode(text) == plain.encode(text, out_type=int)
    assert backend.sp.encode([text, text + " again"]) == plain.encode(
        [text, text + " again"], out_type=int
    )
