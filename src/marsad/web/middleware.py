"""The desk's outermost layer (plain ASGI): read-only guard, security headers, cache hits.

Why plain ASGI and not ``@app.middleware("http")``: Starlette's ``BaseHTTPMiddleware`` runs
each request through extra tasks and memory streams, and a FastAPI route with sync
dependencies hops into the thread pool several times per request. Under load (issue #12:
50 clients) that overhead, not SQL, bounded the desk at ~100 requests/s. So this layer
answers what it can on its own: refusals, and JSON answers already in the revision cache
(one thread-pool hop to read the store's revision, then the stored bytes). Everything
else goes on to the app, which computes and caches the answer.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from urllib.parse import parse_qsl

from anyio import to_thread
from starlette.datastructures import Headers
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from marsad.web.cache import Body

# A read-only app needs no request body, and no honest URL of it is this long.
MAX_BODY_BYTES = 0
MAX_URL_BYTES = 4096
READ_METHODS = frozenset({"GET", "HEAD"})


def answer_key(path: str, items: list[tuple[str, str]]) -> tuple[Any, ...]:
    """Cache key of a JSON answer: the path and the sorted query parameters.

    The app (``request.query_params``) and this layer (``parse_qsl`` of the raw query, as
    Starlette parses it) build the same key, so a hit here is the app's own answer.
    """
    return ("json", path, tuple(sorted(items)))


def send_body(request: Request, body: Body) -> Response:
    """Send ``body``: 304 when the client holds this ETag, gzip when the client takes it."""
    headers = {"ETag": body.etag, "Cache-Control": "no-cache", "Vary": "Accept-Encoding"}
    if body.etag in request.headers.get("if-none-match", ""):
        return Response(status_code=304, headers=headers)
    if body.gzipped is not None and "gzip" in request.headers.get("accept-encoding", ""):
        return Response(body.gzipped, media_type="application/json",
                        headers={**headers, "Content-Encoding": "gzip"})
    return Response(body.data, media_type="application/json", headers=headers)


class DeskMiddleware:
    """Refuse writes, bodies and huge URLs; add security headers; serve cached answers.

    ``peek(key)`` (blocking: it reads the store's revision) returns the cached answer of
    ``key`` for the store as it is now, or None; ``cached_paths`` are the routes whose
    answers the app caches under ``answer_key``.
    """

    def __init__(self, app: ASGIApp, *, csp: str,
                 peek: Callable[[tuple[Any, ...]], Body | None],
                 cached_paths: frozenset[str]) -> None:
        self.app = app
        self.peek = peek
        self.cached_paths = cached_paths
        self.security = [(b"content-security-policy", csp.encode("latin-1")),
                         (b"x-content-type-options", b"nosniff"),
                         (b"referrer-policy", b"no-referrer"),
                         (b"x-frame-options", b"DENY")]

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def secured(message: Message) -> None:
            if message["type"] == "http.response.start":
                kept = [(name, value) for name, value in message.get("headers", [])
                        if name.lower() not in {item[0] for item in self.security}]
                message = {**message, "headers": kept + self.security}
            await send(message)

        refusal = self._refusal(scope)
        if refusal is not None:
            await refusal(scope, receive, secured)
            return
        if scope["method"] == "GET" and scope["path"] in self.cached_paths:
            items = parse_qsl(scope["query_string"].decode("latin-1"), keep_blank_values=True)
            found = await to_thread.run_sync(self.peek, answer_key(scope["path"], items))
            if found is not None:
                await send_body(Request(scope), found)(scope, receive, secured)
                return
        await self.app(scope, receive, secured)

    @staticmethod
    def _refusal(scope: Scope) -> Response | None:
        headers = Headers(scope=scope)
        if scope["method"] not in READ_METHODS:
            return JSONResponse({"detail": "read-only: use GET"}, 405,
                                headers={"Allow": "GET, HEAD"})
        length = headers.get("content-length") or "0"
        if not length.isdigit() or int(length) > MAX_BODY_BYTES or \
                "transfer-encoding" in headers:
            return JSONResponse({"detail": "request bodies are not accepted"}, 413)
        if len(scope["path"]) + len(scope["query_string"]) > MAX_URL_BYTES:
            return JSONResponse({"detail": f"URL longer than {MAX_URL_BYTES} bytes"}, 414)
        return None
