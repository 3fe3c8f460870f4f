from django import template

from socialebasis.koppelen.models import DAG_KORT, Dieet, Taal

register = template.Library()


@register.filter
def dagen(waarden) -> str:
    return ", ".join(DAG_KORT[d] for d in sorted(waarden or []) if 0 <= d <= 6) or "—"


@register.filter
def dieten(waarden) -> str:
    return ", ".join(str(Dieet(d).label) for d in waarden or [] if d in Dieet.values) or "—"


@register.filter
def talen(waarden) -> str:
    return ", ".join(str(Taal(t).label) for t in waarden or [] if t in Taal.values) or "—"
