"""Start a throwaway PostgreSQL server on loopback (tests and ``marsad bench``).

Why here and not in a test helper: the benchmark and the store tests both need a real,
disposable server, and a developer may want one to try the PostgreSQL backend. It uses
Debian's binaries (``/usr/lib/postgresql/*/bin``); nothing is installed. The server runs
as an unprivileged user (PostgreSQL refuses root) with a data directory that is deleted
on exit, trusts only loopback connections and listens on a free port.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

BINARIES_GLOB = "/usr/lib/postgresql/*/bin"
SERVER_USER = "postgres"
START_TIMEOUT_S = 60


def find_binaries() -> Path | None:
    """Return the newest installed PostgreSQL ``bin`` folder, or None when absent."""
    found = sorted(Path("/").glob(BINARIES_GLOB.lstrip("/")),
                   key=lambda path: _version_key(path.parent.name))
    found = [path for path in found if (path / "initdb").is_file() and
             (path / "pg_ctl").is_file()]
    return found[-1] if found else None


def missing_reason() -> str | None:
    """Say why a server cannot be started here, or None when it can."""
    if find_binaries() is None:
        return ("PostgreSQL binaries not found under /usr/lib/postgresql/*/bin "
                "(apt-get install postgresql)")
    if os.geteuid() == 0 and shutil.which("runuser") is None:
        return "running as root without runuser: cannot start PostgreSQL as another user"
    return None


@contextmanager
def temporary_postgres(database: str = "marsad") -> Iterator[str]:
    """Run a PostgreSQL server for the duration of the block; yield its SQLAlchemy URL."""
    reason = missing_reason()
    if reason:
        raise RuntimeError(reason)
    binaries = find_binaries()
    assert binaries is not None
    folder = Path(tempfile.mkdtemp(prefix="marsad-pg-"))
    data, sockets = folder / "data", folder / "run"
    sockets.mkdir()
    port = _free_port()
    user = SERVER_USER if os.geteuid() == 0 else None
    if user:
        shutil.chown(folder, user)
        shutil.chown(sockets, user)
    folder.chmod(0o700)
    try:
        _run(user, [str(binaries / "initdb"), "-D", str(data), "-U", "marsad",
                    "--auth=trust", "-E", "UTF8", "--no-sync"])
        options = (f"-c listen_addresses=127.0.0.1 -p {port} -k {sockets} "
                   "-c fsync=off -c full_page_writes=off")
        _run(user, [str(binaries / "pg_ctl"), "-D", str(data), "-o", options, "-w",
                    "-t", str(START_TIMEOUT_S), "-l", str(folder / "server.log"), "start"])
        try:
            _run(user, [str(binaries / "createdb"), "-h", "127.0.0.1", "-p", str(port),
                        "-U", "marsad", database] if (binaries / "createdb").is_file()
                 else [str(binaries / "psql"), "-h", "127.0.0.1", "-p", str(port),
                       "-U", "marsad", "-c", f"CREATE DATABASE {database}", "postgres"])
            yield f"postgresql+psycopg://marsad@127.0.0.1:{port}/{database}"
        finally:
            _run(user, [str(binaries / "pg_ctl"), "-D", str(data), "-m", "immediate", "-w",
                        "stop"])
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _run(user: str | None, command: list[str]) -> None:
    full = ["runuser", "-u", user, "--", *command] if user else command
    done = subprocess.run(full, capture_output=True, text=True, check=False, cwd="/")
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(command[:1])} failed: {done.stderr.strip()[-500:]}")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _version_key(name: str) -> tuple[int, ...]:
    return tuple(int(part) for part in name.split(".") if part.isdigit())
