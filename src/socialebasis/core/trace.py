"""Trace context for the audit log (W3C Trace Context, as the Logboek Dataverwerkingen uses).

A request gets one trace id (taken from an incoming `traceparent` header when valid); every audit
row written while handling it shares that trace id and gets its own span id.
"""

import contextvars
import re
import secrets

_trace_id: contextvars.ContextVar[str | None] = contextvars.ContextVar("trace_id", default=None)
_span_id: contextvars.ContextVar[str | None] = contextvars.ContextVar("span_id", default=None)
TRACEPARENT = re.compile(r"^00-([0-9a-f]{32})-([0-9a-f]{16})-[0-9a-f]{2}$")


def new_trace_id() -> str:
    return secrets.token_hex(16)


def new_span_id() -> str:
    return secrets.token_hex(8)


def start(traceparent: str | None = None) -> tuple[contextvars.Token, contextvars.Token]:
    """Begin a trace; returns tokens to hand to `stop`."""
    trace_id, parent = new_trace_id(), None
    if traceparent:
        match = TRACEPARENT.match(traceparent.strip().lower())
        if match and match.group(1) != "0" * 32:
            trace_id, parent = match.group(1), match.group(2)
    return _trace_id.set(trace_id), _span_id.set(parent)


def stop(tokens) -> None:
    _trace_id.reset(tokens[0])
    _span_id.reset(tokens[1])


def current_trace_id() -> str:
    trace_id = _trace_id.get()
    if trace_id is None:
        # Outside a request (management command, task): one trace per process step.
        trace_id = new_trace_id()
        _trace_id.set(trace_id)
    return trace_id


def current_parent_span_id() -> str | None:
    return _span_id.get()
