"""Persoonlijk netwerk: netwerkkaart (ecogram), netwerkmetrieken en gevalideerde vragenlijsten.

Pure core without a database:

- ``instrumenten``: items and scoring of De Jong Gierveld (11 and 6 items), LSNS-6 and EDIZ.
- ``ecogram``: deterministic server-side SVG of a resident's network, with a text alternative
  and table rows.
- ``metrieken``: network metrics (support coverage, dependence, reciprocity, mantelzorg load,
  change between two snapshots), each with a plain Dutch sentence.

The Django app (models, views) is added separately.
"""
