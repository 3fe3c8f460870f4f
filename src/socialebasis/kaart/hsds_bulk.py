"""The fast write path of the HSDS import: plan everything in memory, then write set-based.

`hsds_import.importeren` checks every record first (schema and our rules). This module then
1. looks up, per table, which of the ids in the import already exist (a few queries per table);
2. plans every row in memory, in the same order and with the same rules as the record-by-record
   path (`hsds_import.dienst_opslaan` and friends; both take the HSDS → column mapping from
   `hsds_velden`): update or create by id, `hsds_extra` merged,
   nested lists (phones, contacts, schedules, service_at_locations, addresses) replaced when the
   key is present, exceptions of a schedule replaced, categories set, the public point, wijk and
   buurt of a service recomputed (`services.punt_bijwerken`). A record that cannot be planned
   (an unknown location_id, a text too long for its column, an impossible date) is reported as
   file + record + field and none of its rows are written;
3. writes only rows that are new or changed: on PostgreSQL with COPY (new rows straight into the
   table, changed rows through a temporary table and one UPDATE … FROM), on SQLite with
   bulk_create / bulk_update; removals with a few set-based DELETEs.

The search indexes follow by themselves: PostgreSQL's GIN index is on an expression of the row,
SQLite's FTS5 table is kept by triggers (migration 0005). A re-import of the same data writes
nothing. When the database still refuses something, `importeren` rolls this back and runs the
record-by-record path, which names the record.
"""

import json
import time
import uuid
from collections import defaultdict

from django.db import connection

from socialebasis.gebieden.models import Gebied
from socialebasis.kaart import hsds_import as hi
from socialebasis.kaart import hsds_velden as hv
from socialebasis.kaart.models import (
    Adres,
    Contact,
    Dienst,
    DienstOpLocatie,
    Locatie,
    Organisatie,
    Rooster,
    Taxonomie,
    Telefoon,
    Term,
    Uitzondering,
)

STUK = 5000  # ids per look-up query
_WEG = object()

# Nested HSDS keys and the table their objects go to; *_id keys and the table they point at.
GENEST = {
    "organization": Organisatie,
    "locations": Locatie,
    "location": Locatie,
    "addresses": Adres,
    "phones": Telefoon,
    "contacts": Contact,
    "schedules": Rooster,
    "service_at_locations": DienstOpLocatie,
    "service": Dienst,
    "taxonomy_term": Term,
    "taxonomy_detail": Taxonomie,
    "attributes": None,
}
VERWIJZING = {
    "organization_id": Organisatie,
    "location_id": Locatie,
    "service_id": Dienst,
    "taxonomy_term_id": Term,
    "taxonomy_id": Taxonomie,
}
BOVEN = {
    "service": Dienst,
    "organization": Organisatie,
    "location": Locatie,
    "service_at_location": DienstOpLocatie,
    "taxonomy": Taxonomie,
    "taxonomy_term": Term,
}
NAAM_NL = {
    Dienst: "dienst",
    Organisatie: "organisatie",
    Locatie: "locatie",
    Adres: "adres",
    Telefoon: "telefoon",
    Contact: "contact",
    Rooster: "rooster",
    DienstOpLocatie: "dienst op locatie",
    Taxonomie: "taxonomie",
    Term: "categorie",
}
VOLGORDE_SCHRIJVEN = [
    Taxonomie,
    Term,
    Organisatie,
    Locatie,
    Adres,
    Dienst,
    Telefoon,
    Contact,
    Rooster,
    DienstOpLocatie,
]


class Onschrijfbaar(Exception):
    """A record that cannot be written; the message names the field."""


_UUIDS: dict = {}


def _uuid(w) -> uuid.UUID:
    if isinstance(w, uuid.UUID):
        return w
    u = _UUIDS.get(w)
    if u is None:
        if len(_UUIDS) > 2_000_000:
            _UUIDS.clear()
        u = _UUIDS[w] = uuid.UUID(str(w))
    return u


def _met_ids(qs, kolom: str, ids):
    """qs restricted to kolom in ids, in chunks; on PostgreSQL one array parameter per chunk
    (a list of thousands of %s placeholders costs more to build than to run)."""
    if connection.vendor == "postgresql":
        qn = connection.ops.quote_name
        kol = qn(qs.model._meta.get_field(kolom).column)
        tabel = qn(qs.model._meta.db_table)
        for stuk in _stukken(ids, 50_000):
            yield qs.extra(where=[f"{tabel}.{kol} = ANY(%s::uuid[])"], params=[stuk])
    else:
        for stuk in _stukken(ids, 900):
            yield qs.filter(**{f"{kolom}__in": stuk})


def _tupels(qs, velden):
    """qs.values_list(*velden) as plain tuples. On PostgreSQL straight from the cursor (psycopg
    already gives UUIDs, dates and numbers; only JSON text is parsed): Django's per-value
    converters cost more than the query for 100,000 rows."""
    if connection.vendor != "postgresql":
        return list(qs.values_list(*velden))
    json_kol = [
        i
        for i, v in enumerate(velden)
        if qs.model._meta.get_field(v).get_internal_type() == "JSONField"
    ]
    sql, params = qs.values_list(*velden).query.sql_with_params()
    with connection.cursor() as c:
        c.execute(sql, params)
        rijen = c.fetchall()
    if json_kol:
        rijen = [list(r) for r in rijen]
        for r in rijen:
            for i in json_kol:
                if isinstance(r[i], str):
                    r[i] = json.loads(r[i])
    return [tuple(r) for r in rijen]


def _stukken(reeks, n=STUK):
    reeks = list(reeks)
    for i in range(0, len(reeks), n):
        yield reeks[i : i + n]


class Plan:
    def __init__(self, gemeente_id=None):
        self.gemeente_id = gemeente_id
        self.bestaand = defaultdict(dict)  # model → {pk: row as in the database}
        self.rijen = defaultdict(dict)  # model → {pk: row to write}
        self.lijsten = {}  # (model, fk attname, parent pk) → [child pks]: replaces the children
        self.termen = {}  # dienst pk → [term pks]
        self.uitzonderingen = {}  # rooster pk → [rows]
        self.paren = {}  # (dienst pk, locatie pk) → the one service_at_location pk for it
        self.punt = {}  # dienst pks whose point, wijk and buurt are recomputed
        self.gebieden = {}  # CBS code → (id, niveau)
        self._terug = []
        self._standaarden = {}
        self.geschreven = {}
        self._lengtes = {
            m: {
                f.attname: f.max_length
                for f in m._meta.concrete_fields
                if getattr(f, "max_length", None) and f.get_internal_type() != "UUIDField"
            }
            for m in VOLGORDE_SCHRIJVEN
        }

    # --- 1. what exists already ---------------------------------------------------------------

    def _verzamel(self, obj, model, ids, codes):
        if not isinstance(obj, dict):
            return
        if model is not None and obj.get("id") is not None:
            ids[model].add(obj["id"])
        if model is Locatie and hv.gebied_code(obj) is not None:
            codes.add(hv.gebied_code(obj))
        for k, v in obj.items():
            if k in VERWIJZING and isinstance(v, str):
                ids[VERWIJZING[k]].add(v)
            elif k in GENEST:
                for kind in v if isinstance(v, list) else [v]:
                    self._verzamel(kind, GENEST[k], ids, codes)

    def laden(self, records) -> None:
        ids, codes = defaultdict(set), set()
        for rec in records:
            self._verzamel(rec.data, BOVEN[rec.soort], ids, codes)
        for model, ruw in ids.items():
            if not model.objects.exists():
                continue  # a first import into empty tables looks nothing up
            pks = set()
            for w in ruw:
                try:
                    pks.add(_uuid(w))
                except ValueError:
                    continue  # reported when the record is planned
            velden = [f.attname for f in model._meta.concrete_fields]
            for qs in _met_ids(model.objects.all(), "id", pks):
                for waarden in _tupels(qs, velden):
                    rij = dict(zip(velden, waarden, strict=True))
                    self.bestaand[model][rij["id"]] = rij
        for stuk in _stukken(codes):
            for g in Gebied.objects.filter(code__in=stuk).values("id", "code", "niveau"):
                self.gebieden[g["code"]] = (g["id"], g["niveau"])

    # --- 2. planning, with an undo log per record ------------------------------------------

    def _zet(self, d: dict, sleutel, waarde) -> None:
        self._terug.append((d, sleutel, d.get(sleutel, _WEG)))
        d[sleutel] = waarde

    def record(self, rec) -> None:
        """Plan one checked record; on a problem undo its rows and raise Onschrijfbaar."""
        begin = len(self._terug)
        try:
            {
                "taxonomy": self.taxonomie,
                "taxonomy_term": self.term,
                "organization": self.organisatie,
                "location": self.locatie,
                "service": self.dienst,
                "service_at_location": self.dienst_op_locatie,
            }[rec.soort](rec.data)
        except Exception as e:
            while len(self._terug) > begin:
                d, sleutel, oud = self._terug.pop()
                if oud is _WEG:
                    d.pop(sleutel, None)
                else:
                    d[sleutel] = oud
            if isinstance(e, Onschrijfbaar):
                raise Onschrijfbaar(f"{rec.plek()}, {e}") from None
            raise Onschrijfbaar(f"{rec.plek()}: kan niet worden opgeslagen ({e})") from e
        self._terug.clear()  # records are planned one after another

    def _standaard(self, model):
        """Defaults of a new row: constants once, callables (now, dict, list) per row."""
        if model not in self._standaarden:
            vast, opvragen = {}, []
            for f in model._meta.concrete_fields:
                if f.primary_key:
                    vast[f.attname] = None  # always given
                elif f.has_default() and callable(f.default):
                    opvragen.append((f.attname, f.default))
                else:
                    vast[f.attname] = f.get_default()
            self._standaarden[model] = (vast, opvragen)
        return self._standaarden[model]

    def bekend(self, model, pk) -> bool:
        return pk in self.rijen[model] or pk in self.bestaand[model]

    def huidig(self, model, pk) -> dict | None:
        return self.rijen[model].get(pk) or self.bestaand[model].get(pk)

    def _upsert(self, model, nieuw: hv.Rij) -> uuid.UUID:
        """Plan the row of `nieuw` (hsds_velden) by id; unmapped keys go to hsds_extra."""
        pk = _uuid(nieuw.id)
        velden = nieuw.velden
        oud = self.huidig(model, pk)
        if oud is None:
            vast, opvragen = self._standaard(model)
            rij = dict(vast)
            for naam, f in opvragen:
                rij[naam] = f()
            rij["id"] = pk
        else:
            rij = dict(oud)
        rij.update(velden)
        rij["hsds_extra"] = hv.extra(
            oud["hsds_extra"] if oud else {}, nieuw.data, nieuw.gebruikt | {"id"}
        )
        lengtes = self._lengtes[model]
        for veld, w in velden.items():
            n = lengtes.get(veld)
            if n is not None and isinstance(w, str) and len(w) > n:
                raise Onschrijfbaar(
                    f"veld {hv.HSDS_VELD.get(veld, veld)} ({NAAM_NL[model]} {pk}): "
                    f"is langer dan {n} tekens"
                )
        self._zet(self.rijen[model], pk, rij)
        return pk

    def _lijst(self, model, fk: str, ouder, ids) -> None:
        self._zet(self.lijsten, (model, fk, ouder), [_uuid(i) for i in ids])

    def taxonomie(self, d: dict):
        return self._upsert(Taxonomie, hv.taxonomie(d))

    def term(self, d: dict):
        tax = None
        detail = hv.taxonomie_detail(d)
        if detail is not None:
            tax = self.taxonomie(detail)
        elif d.get("taxonomy_id") and self.bekend(Taxonomie, _uuid(d["taxonomy_id"])):
            tax = _uuid(d["taxonomy_id"])
        return self._upsert(Term, hv.term(d, tax))

    def organisatie(self, d: dict):
        org = self._upsert(Organisatie, hv.organisatie(d))
        for loc in hv.organisatie_locaties(d):
            self.locatie(loc, organisatie=org)
        return org

    def locatie(self, d: dict, organisatie=None):
        code = hv.gebied_code(d)
        gebied = self.gebieden.get(code) if code is not None else None
        loc = self._upsert(Locatie, hv.locatie(d, gebied, organisatie))
        adressen = hv.adressen(d, loc)
        if adressen is not None:
            for a in adressen:
                self._upsert(Adres, a)
            self._lijst(Adres, "locatie_id", loc, [a.id for a in adressen])
        return loc

    def rooster(self, s: dict, dienst):
        r = self._upsert(Rooster, hv.rooster(s, dienst))
        uitzonderingen = hv.uitzonderingen(s, r)
        if uitzonderingen is not None:
            per_datum = {}
            for rij in uitzonderingen:
                if len(rij["reden"]) > 250:
                    raise Onschrijfbaar(f"veld schedules/exceptions/reason ({r}): te lang")
                per_datum[rij["datum"]] = rij
            self._zet(self.uitzonderingen, r, list(per_datum.values()))
        return r

    def dienst(self, d: dict, gemeente=_WEG):
        org = None
        genest, org_id = hv.dienst_organisatie(d)
        if genest is not None:
            org = self.organisatie(genest)
        elif org_id and self.bekend(Organisatie, _uuid(org_id)):
            org = _uuid(org_id)
        rij = hv.dienst(d, org)
        pk = _uuid(d["id"])
        gemeente_id = self.gemeente_id if gemeente is _WEG else gemeente
        oud = self.huidig(Dienst, pk)
        rij.velden.update(
            hv.dienst_eigenaar(oud is None, oud["gemeente_id"] if oud else None, gemeente_id)
        )
        self._upsert(Dienst, rij)
        for model, kinderen in ((Telefoon, hv.telefoons), (Contact, hv.contacten)):
            rijen = kinderen(d, pk)
            if rijen is not None:
                for kind in rijen:
                    self._upsert(model, kind)
                self._lijst(model, "dienst_id", pk, [kind.id for kind in rijen])
        if "schedules" in d:
            for s in d["schedules"]:
                self.rooster(s, pk)
            self._lijst(Rooster, "dienst_id", pk, [s["id"] for s in d["schedules"]])
        if "service_at_locations" in d:
            for x in d["service_at_locations"]:
                self.dienst_op_locatie(x, pk)
            self._lijst(
                DienstOpLocatie, "dienst_id", pk, [x["id"] for x in d["service_at_locations"]]
            )
            self._zet(self.punt, pk, True)
        verwijzingen = hv.dienst_termen(d)
        if verwijzingen is not None:
            termen = []
            for t, term_id in verwijzingen:
                if t is not None:
                    termen.append(self.term(t))
                elif self.bekend(Term, _uuid(term_id)):
                    termen.append(_uuid(term_id))
            self._zet(self.termen, pk, list(dict.fromkeys(termen)))
        return pk

    def dienst_op_locatie(self, x: dict, dienst=None):
        los = dienst is None  # a top-level service_at_location record
        if dienst is None:
            if isinstance(x.get("service"), dict):
                dienst = self.dienst(x["service"], gemeente=None)
            elif self.bekend(Dienst, _uuid(x["service_id"])):
                dienst = _uuid(x["service_id"])
            else:
                raise Onschrijfbaar(f"veld service_id: dienst {x['service_id']} bestaat niet")
        if isinstance(x.get("location"), dict):
            loc = self.locatie(x["location"])
        elif x.get("location_id") and self.bekend(Locatie, _uuid(x["location_id"])):
            loc = _uuid(x["location_id"])
        else:
            raise Onschrijfbaar(f"veld location_id: locatie {x.get('location_id')} bestaat niet")
        pk = self._upsert(DienstOpLocatie, hv.dienst_op_locatie(x, dienst, loc))
        self._zet(self.paren, (dienst, loc), pk)
        if los:
            self._zet(self.punt, dienst, True)
        return dienst

    # --- 3. settle lists, points and categories; then write -------------------------------

    def _db_kinderen(self, model, fk: str, ouders) -> list[tuple]:
        uit = []
        for qs in _met_ids(model.objects.all(), fk, ouders):
            uit += _tupels(qs, ["id", fk])
        return uit

    def _weg_te_halen(self) -> dict:
        """Children to delete per model: not in a replaced list, or a second link of the same
        service and location. Planned rows that end up outside their list are dropped."""
        weg = defaultdict(set)
        per_model = defaultdict(dict)  # (model, fk) → {ouder: set(ids)}
        for (model, fk, ouder), ids in self.lijsten.items():
            per_model[(model, fk)][ouder] = set(ids)
        for (model, fk), lijsten in per_model.items():
            gepland = self.rijen[model]
            for pk, rij in list(gepland.items()):
                ids = lijsten.get(rij[fk])
                if ids is not None and pk not in ids:
                    del gepland[pk]
                    if pk in self.bestaand[model]:
                        weg[model].add(pk)
            bestaande_ouders = [o for o in lijsten if self.bestaand_ouder(model, fk, o)]
            for pk, ouder in self._db_kinderen(model, fk, bestaande_ouders):
                verhuisd = pk in gepland and gepland[pk][fk] != ouder
                if pk not in lijsten[ouder] and not verhuisd:
                    weg[model].add(pk)
        # one link per service and location (the last one named wins)
        gepland = self.rijen[DienstOpLocatie]
        for pk, rij in list(gepland.items()):
            if self.paren.get((rij["dienst_id"], rij["locatie_id"]), pk) != pk:
                del gepland[pk]
                if pk in self.bestaand[DienstOpLocatie]:
                    weg[DienstOpLocatie].add(pk)
        diensten = {d for d, _ in self.paren if d in self.bestaand[Dienst]}
        for qs in _met_ids(DienstOpLocatie.objects.all(), "dienst_id", diensten):
            for pk, d, loc in _tupels(qs, ["id", "dienst_id", "locatie_id"]):
                winnaar = self.paren.get((d, loc))
                if winnaar is not None and winnaar != pk and pk not in gepland:
                    weg[DienstOpLocatie].add(pk)
        return weg

    def bestaand_ouder(self, model, fk, ouder) -> bool:
        ouder_model = {"dienst_id": Dienst, "locatie_id": Locatie}[fk]
        return ouder in self.bestaand[ouder_model]

    def _punten(self, weg: dict) -> None:
        """Public point, wijk and buurt of each service in self.punt, from its first location
        with a point (like services.punt_bijwerken), over the planned and remaining links."""
        if not self.punt:
            return
        links = defaultdict(list)  # dienst → [locatie pk]
        for rij in self.rijen[DienstOpLocatie].values():
            if rij["dienst_id"] in self.punt:
                links[rij["dienst_id"]].append(rij["locatie_id"])
        bestaande = [d for d in self.punt if d in self.bestaand[Dienst]]
        for qs in _met_ids(DienstOpLocatie.objects.all(), "dienst_id", bestaande):
            for pk, d, loc in _tupels(qs, ["id", "dienst_id", "locatie_id"]):
                if pk not in weg[DienstOpLocatie] and pk not in self.rijen[DienstOpLocatie]:
                    links[d].append(loc)
        ontbreekt = {
            loc
            for locs in links.values()
            for loc in locs
            if loc not in self.rijen[Locatie] and loc not in self.bestaand[Locatie]
        }
        velden = [f.attname for f in Locatie._meta.concrete_fields]
        for qs in _met_ids(Locatie.objects.all(), "id", ontbreekt):
            for waarden in _tupels(qs, velden):
                self.bestaand[Locatie][waarden[0]] = dict(zip(velden, waarden, strict=True))
        gebied_ids = set()
        for locs in links.values():
            for loc in locs:
                rij = self.huidig(Locatie, loc)
                gebied_ids.update({rij["wijk_id"], rij["buurt_id"]} - {None})
        gebieden = {}
        for stuk in _stukken(gebied_ids):
            for g in Gebied.objects.filter(pk__in=stuk).values(
                "id", "punt_lat", "punt_lon", "ouder_id"
            ):
                gebieden[g["id"]] = g
        for d in self.punt:
            punt, wijk_id, buurt_id = None, None, None
            for loc_pk in links.get(d, []):
                loc = self.huidig(Locatie, loc_pk)
                buurt = gebieden.get(loc["buurt_id"])
                if loc["vertrouwelijk"]:
                    g = gebieden.get(loc["wijk_id"]) if loc["wijk_id"] else buurt
                    punt = (
                        (g["punt_lat"], g["punt_lon"]) if g and g["punt_lat"] is not None else None
                    )
                else:
                    punt = None if loc["lat"] is None else (loc["lat"], loc["lon"])
                wijk_id = loc["wijk_id"] or (buurt["ouder_id"] if buurt else None)
                buurt_id = None if loc["vertrouwelijk"] else loc["buurt_id"]
                if punt:
                    break
            lat, lon = punt if punt else (None, None)
            rij = self.huidig(Dienst, d)
            nieuw = {"punt_lat": lat, "punt_lon": lon, "wijk_id": wijk_id, "buurt_id": buurt_id}
            if any(rij[k] != v for k, v in nieuw.items()):
                self.rijen[Dienst][d] = {**rij, **nieuw}

    def schrijven(self) -> None:
        weg = self._weg_te_halen()
        self._punten(weg)
        # removals first: a unique (service, location) pair may be taken over by another id
        for model in (DienstOpLocatie, Telefoon, Contact, Rooster, Adres):
            for stuk in _stukken(weg.get(model, ())):
                model.objects.filter(pk__in=stuk).delete()
        for model in VOLGORDE_SCHRIJVEN:
            nieuw, gewijzigd = [], []
            for pk, rij in self.rijen[model].items():
                oud = self.bestaand[model].get(pk)
                if oud is None:
                    nieuw.append(rij)
                elif rij != oud:
                    gewijzigd.append(rij)
            _invoegen(model, nieuw, termen=self.termen if model is Dienst else None)
            _bijwerken(model, gewijzigd)
            if nieuw or gewijzigd:
                self.geschreven[model._meta.db_table] = (len(nieuw), len(gewijzigd))
        self._uitzonderingen()
        self._termen()

    def _uitzonderingen(self) -> None:
        """Replace the exceptions of a schedule when they differ from what is stored."""
        velden = ["rooster_id", "datum", "vervalt", "nieuwe_datum", "nieuwe_begintijd", "reden"]
        oud = defaultdict(set)
        bestaande = [r for r in self.uitzonderingen if r in self.bestaand[Rooster]]
        for qs in _met_ids(Uitzondering.objects.all(), "rooster_id", bestaande):
            for rij in _tupels(qs, velden):
                oud[rij[0]].add(rij)
        anders, rijen = [], []
        for r, lijst in self.uitzonderingen.items():
            if r not in self.rijen[Rooster] and r not in self.bestaand[Rooster]:
                continue  # the schedule itself was dropped
            if {tuple(u[v] for v in velden) for u in lijst} == oud.get(r, set()):
                continue
            anders.append(r)
            rijen += lijst
        for stuk in _stukken([r for r in anders if r in oud]):
            Uitzondering.objects.filter(rooster_id__in=stuk).delete()
        _invoegen(Uitzondering, rijen, met_pk=False)

    def _termen(self) -> None:
        Koppel = Dienst.termen.through
        oud = defaultdict(dict)  # dienst → {term: koppel id}
        bestaande = [d for d in self.termen if d in self.bestaand[Dienst]]
        for qs in _met_ids(Koppel.objects.all(), "dienst_id", bestaande):
            for kid, d, t in _tupels(qs, ["id", "dienst_id", "term_id"]):
                oud[d][t] = kid
        weg, erbij = [], []
        for d, termen in self.termen.items():
            if d not in self.rijen[Dienst] and d not in self.bestaand[Dienst]:
                continue
            weg += [kid for t, kid in oud[d].items() if t not in termen]
            erbij += [{"dienst_id": d, "term_id": t} for t in termen if t not in oud[d]]
        for stuk in _stukken(weg):
            Koppel.objects.filter(pk__in=stuk).delete()
        _invoegen(Koppel, erbij, met_pk=False)


# --- set-based writes ---------------------------------------------------------------------------


def _kolommen(model, met_pk=True):
    return [f for f in model._meta.concrete_fields if met_pk or not f.primary_key]


def _copy(tabel: str, velden, rijen, extra: tuple[str, dict] | None = None) -> None:
    """COPY rows into `tabel`. `extra` = (column, {id: value}): one more column that is not a
    model field (kaart_dienst.term_ids, migration 0007)."""
    qn = connection.ops.quote_name
    kolommen = ", ".join([qn(f.column) for f in velden] + ([qn(extra[0])] if extra else []))
    namen = [f.attname for f in velden]
    json_namen = {f.attname for f in velden if f.get_internal_type() == "JSONField"}
    with connection.cursor() as c:
        with c.cursor.copy(f"COPY {qn(tabel)} ({kolommen}) FROM STDIN") as kopie:
            for rij in rijen:
                waarden = [rij[n] for n in namen]
                if json_namen:
                    waarden = [
                        json.dumps(w, ensure_ascii=False)
                        if n in json_namen and w is not None
                        else w
                        for n, w in zip(namen, waarden, strict=True)
                    ]
                if extra:
                    waarden.append(extra[1].get(rij["id"], []))
                kopie.write_row(waarden)


def _sorteersleutel(model) -> str:
    """Rows go in sorted by their parent (or their own id): the foreign-key checks at commit and
    the index inserts then walk the indexes in order instead of at random (UUIDs), which keeps
    them in PostgreSQL's buffer cache once the tables outgrow it."""
    for f in model._meta.concrete_fields:
        if f.attname in ("dienst_id", "locatie_id", "rooster_id") and not f.primary_key:
            return f.attname
    return "id"


def _invoegen(model, rijen: list[dict], met_pk=True, termen: dict | None = None) -> None:
    """`termen` (services only): {service id: [term ids]}. On PostgreSQL the category-id array
    of migration 0007 is written in the same COPY, so the link table's triggers find nothing to
    change (they would otherwise update every new service once more)."""
    if not rijen:
        return
    velden = _kolommen(model, met_pk)
    if connection.vendor == "postgresql":
        sleutel = _sorteersleutel(model)
        if sleutel in rijen[0]:
            rijen = sorted(rijen, key=lambda r: r[sleutel].int if r[sleutel] else 0)
        extra = None
        if termen is not None:
            # sorted as PostgreSQL sorts uuids (bytewise = by integer value), like the trigger
            extra = ("term_ids", {d: sorted(t, key=lambda u: u.int) for d, t in termen.items()})
        _copy(model._meta.db_table, velden, rijen, extra)
        return
    model.objects.bulk_create(
        [model(**{f.attname: r[f.attname] for f in velden}) for r in rijen], batch_size=500
    )


def _bijwerken(model, rijen: list[dict]) -> None:
    if not rijen:
        return
    velden = _kolommen(model)
    if connection.vendor == "postgresql":
        qn = connection.ops.quote_name
        tabel = qn(model._meta.db_table)
        with connection.cursor() as c:
            c.execute(f"CREATE TEMP TABLE sb_import_rijen (LIKE {tabel}) ON COMMIT DROP")
        _copy("sb_import_rijen", velden, rijen)
        zet = ", ".join(f"{qn(f.column)} = s.{qn(f.column)}" for f in velden if not f.primary_key)
        with connection.cursor() as c:
            c.execute(f"UPDATE {tabel} t SET {zet} FROM sb_import_rijen s WHERE t.id = s.id")
            c.execute("DROP TABLE sb_import_rijen")
        return
    model.objects.bulk_update(
        [model(**{f.attname: r[f.attname] for f in velden}) for r in rijen],
        [f.name for f in velden if not f.primary_key],
        batch_size=200,
    )


def importeren(records, res, *, overslaan: bool, gemeente_id=None) -> None:
    """Plan and write the checked `records` (in hsds_import.VOLGORDE); fills res."""
    begin = time.perf_counter()
    plan = Plan(gemeente_id)
    plan.laden(records)
    res.duur["opzoeken"] = time.perf_counter() - begin
    fouten = []
    for soort in hi.VOLGORDE:
        for rec in records:
            if rec.soort != soort:
                continue
            try:
                plan.record(rec)
            except Onschrijfbaar as f:
                fouten.append(str(f))
                continue
            res.aantallen[soort] = res.aantallen.get(soort, 0) + 1
    if fouten and not overslaan:
        raise hi.ImportFout(fouten)
    res.fouten.extend(fouten)
    res.overgeslagen += len(fouten)
    res.duur["plannen"] = time.perf_counter() - begin - res.duur["opzoeken"]
    plan.schrijven()
    res.geschreven = plan.geschreven
    res.duur["schrijven"] = time.perf_counter() - begin - res.duur["opzoeken"] - res.duur["plannen"]
    from socialebasis.kaart.services import thesaurus_vergeten

    thesaurus_vergeten()  # categories may have been written with COPY (no signals)
