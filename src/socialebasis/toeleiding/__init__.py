"""Toeleiding en verwijzing (capability 4 of PRODUCT.md). See docs/toeleiding.md.

For now: which services of the sociale kaart a resident was referred to or uses
(``Voorzieninggebruik``), so they appear on the resident's netwerkkaart next to the personal
network and the volunteers (``netwerkbron``). The closed-loop referral with the Wmo order of
solutions will grow here.

``models`` (Voorzieninggebruik), ``services`` (all writes and audited reads), ``toegang``
(access rules), ``netwerkbron`` (provider for netwerk.bronnen), ``views``/``urls`` (screens,
included on the netwerk pages), ``api`` (/api/v1/voorzieningen-gebruik), ``demo``.
"""
