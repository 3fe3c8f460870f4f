"""Persoonlijk netwerk: netwerkkaart (ecogram), netwerkmetrieken, gevalideerde vragenlijsten en
het netwerkplan. See docs/netwerk.md.

Pure core without a database:

- ``instrumenten``: items and scoring of De Jong Gierveld (11 and 6 items), LSNS-6 and EDIZ.
- ``ecogram``: deterministic server-side SVG of a resident's network, with a text alternative
  and table rows.
- ``metrieken``: network metrics (support coverage, dependence, reciprocity, mantelzorg load,
  change between two snapshots), each with a plain Dutch sentence.
- ``grafiek``: SVG line chart of questionnaire scores over time.

Django app: ``models`` (members, snapshots, questionnaires, plan, scoring settings), ``services``
(all writes and audited reads), ``toegang`` (access rules), ``views``/``urls`` (screens),
``api`` (/api/v1/), ``pdf`` (printable plan), ``bronnen`` (members from other apps on the map),
``demo``.
"""
