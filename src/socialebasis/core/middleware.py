"""Request-wide concerns: trace context and the headers the Dutch API Design Rules ask for."""

from socialebasis import API_VERSION
from socialebasis.core import trace


class ApiHeadersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        tokens = trace.start(request.headers.get("traceparent"))
        try:
            response = self.get_response(request)
        finally:
            trace.stop(tokens)
        response.headers.setdefault(
            "Content-Security-Policy",
            "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
            "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'",
        )
        if request.path.startswith("/api/"):
            response.headers["API-Version"] = API_VERSION
            response.headers.setdefault("Cache-Control", "no-store")
        elif getattr(getattr(request, "user", None), "is_authenticated", False):
            # Pages with personal data must not be kept by browsers or proxies.
            response.headers.setdefault("Cache-Control", "no-store")
        return response


class NederlandsEerstMiddleware:
    """Dutch unless the user chose English with the language switch (cookie).

    The browser's Accept-Language is ignored on purpose: many Dutch residents run an English
    browser, and the platform's text is written Dutch-first at B1 level (docs/adr/0005).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.META.pop("HTTP_ACCEPT_LANGUAGE", None)
        return self.get_response(request)
