"""The one exception type marsad raises for problems a user can fix (bad input, bad resources)."""


class MarsadError(Exception):
    """A one-line, user-facing error: what failed, where, and why.

    Library code raises it; ``cli.py`` catches it in one place and prints ``Error: ...``.
    Bugs are not ``MarsadError`` and keep their traceback.
    """
