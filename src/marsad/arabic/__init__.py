"""Extraction from Arabic-language reporting (issue #13).

The same output contract as English (ACLED fields and ``notes`` in English), with every span
indexing the original Arabic text. Entry point: :func:`marsad.arabic.pipeline.extract_arabic`.
"""
