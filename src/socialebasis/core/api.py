"""API conventions (Dutch API Design Rules): problem+json errors, pagination, token auth."""

from django.core.exceptions import PermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404, JsonResponse
from rest_framework import exceptions, status
from rest_framework.pagination import PageNumberPagination
from rest_framework.response import Response
from rest_framework.views import exception_handler

PROBLEM = "application/problem+json"

TITELS = {
    400: "Ongeldige invoer",
    401: "Niet ingelogd",
    403: "Geen toegang",
    404: "Niet gevonden",
    405: "Methode niet toegestaan",
    406: "Formaat niet beschikbaar",
    415: "Formaat van de invoer niet ondersteund",
    429: "Te veel verzoeken",
    500: "Interne fout",
}


def _camel(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(p[:1].upper() + p[1:] for p in rest)


def problem(status_code: int, detail: str, *, instance: str = "", invalid=None, code="") -> dict:
    body = {
        "type": f"https://socialebasis.nl/problemen/{code or status_code}",
        "title": TITELS.get(status_code, "Fout"),
        "status": status_code,
        "detail": detail,
    }
    if instance:
        body["instance"] = instance
    if invalid:
        body["invalidParams"] = invalid
    return body


def _invalid_params(detail, prefix="") -> list[dict]:
    out = []
    if isinstance(detail, dict):
        for key, value in detail.items():
            name = f"{prefix}.{_camel(str(key))}" if prefix else _camel(str(key))
            out.extend(_invalid_params(value, name))
    elif isinstance(detail, list):
        if all(not isinstance(v, (dict, list)) for v in detail):
            for v in detail:
                out.append(
                    {
                        "name": prefix or "nonFieldErrors",
                        "code": getattr(v, "code", "invalid"),
                        "reason": str(v),
                    }
                )
        else:
            for i, v in enumerate(detail):
                out.extend(_invalid_params(v, f"{prefix}[{i}]"))
    else:
        out.append(
            {
                "name": prefix or "nonFieldErrors",
                "code": getattr(detail, "code", "invalid"),
                "reason": str(detail),
            }
        )
    return out


def problem_exception_handler(exc, context):
    if isinstance(exc, DjangoValidationError):
        exc = exceptions.ValidationError(
            exc.message_dict if hasattr(exc, "error_dict") else {"nonFieldErrors": exc.messages}
        )
    elif isinstance(exc, Http404):
        exc = exceptions.NotFound("Dit object bestaat niet of u heeft er geen toegang toe.")
    elif isinstance(exc, PermissionDenied):
        exc = exceptions.PermissionDenied(str(exc) or None)
    response = exception_handler(exc, context)
    request = context.get("request")
    instance = request.get_full_path() if request is not None else ""
    if response is None:
        return None  # unexpected: Django's handler500 answers with problem+json
    if isinstance(exc, exceptions.ValidationError):
        body = problem(
            400,
            "De invoer klopt niet. Zie invalidParams voor wat er mis is.",
            instance=instance,
            invalid=_invalid_params(exc.detail),
            code="ongeldige-invoer",
        )
    else:
        detail = exc.detail if isinstance(exc, exceptions.APIException) else str(exc)
        if isinstance(exc, exceptions.NotAuthenticated):
            detail = "Log in of stuur een geldig token mee (Authorization: Token …)."
        elif isinstance(exc, exceptions.AuthenticationFailed):
            detail = "Het token of de inloggegevens kloppen niet."
        elif isinstance(exc, exceptions.PermissionDenied) and str(detail) == str(
            exceptions.PermissionDenied.default_detail
        ):
            detail = "U heeft geen toegang tot deze gegevens."
        elif isinstance(exc, exceptions.MethodNotAllowed):
            detail = f"De methode {request.method} is hier niet toegestaan."
        body = problem(response.status_code, str(detail), instance=instance)
    response.data = body
    response.content_type = PROBLEM
    return response


def problem_response(request, status_code: int, detail: str) -> JsonResponse:
    return JsonResponse(
        problem(status_code, detail, instance=request.get_full_path()),
        status=status_code,
        content_type=PROBLEM,
    )


class Paginering(PageNumberPagination):
    page_size_query_param = "pageSize"
    max_page_size = 500
    page_query_param = "page"

    def get_paginated_response(self, data):
        return Response(
            {
                "count": self.page.paginator.count,
                "next": self.get_next_link(),
                "previous": self.get_previous_link(),
                "results": data,
            },
            status=status.HTTP_200_OK,
        )
