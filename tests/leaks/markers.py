"""Marker records for the leak matrix: one record of every releasable model for each marking,
each carrying a token of its own (letters and digits, so it survives escaping and Arabic
pages) in a field that pages and the API show. A token found where its marking does not reach
is a leak, whichever record showed it."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from marsad.access.services import (
    create_corridor,
    create_crossing,
    protect_corridor,
    record_access_incident,
    record_consignment,
    record_status,
)
from marsad.ceasefire.models import DailyReport
from marsad.ceasefire.services import (
    create_agreement,
    create_clause,
    create_phase,
    record_figure,
    record_incident,
    record_violation,
)
from marsad.coalition.services import (
    create_invitation,
    record_caveat,
    record_membership,
    record_pledge,
)
from marsad.coalition.services import record_status as invitation_step
from marsad.core.models import Conflict
from marsad.core.services import gate
from marsad.core.services.actors import create_actor, create_source
from marsad.core.services.base import SystemUser
from marsad.core.services.claims import record_claim
from marsad.core.services.documents import submit_document
from marsad.governance.services import record_charter_action, record_instrument
from marsad.intake.workflow import comment as intake_comment
from marsad.mandate.services import (
    assign,
    create_limit,
    create_requirement,
    create_task,
    record_force_action,
)
from marsad.plan import selectors as plans
from marsad.plan.services import create_plan, create_provision, record_precondition, record_score
from marsad.programs.services import create_course, record_cohort, record_indicator
from marsad.reports.models import IssuedReport
from marsad.statements.services import record_statement

SYSTEM = SystemUser("system:leak-matrix")

#: (name, marking, nations): every kind of marking, and nations that overlap and do not.
MARKINGS = (
    ("public", "public", ()),
    ("force", "force", ()),
    ("ita", "nations", ("ITA",)),
    ("itafra", "nations", ("ITA", "FRA")),
    ("fra", "nations", ("FRA",)),
    ("internal", "internal", ()),
    ("unmarked", "", ()),
)


@dataclass
class Markers:
    """The tokens, with the marking each stands for, and the records by model and marking."""

    tokens: dict[str, tuple[str, str, tuple[str, ...]]] = field(default_factory=dict)
    records: dict[str, dict[str, Any]] = field(default_factory=dict)

    def token(self, model: str, name: str, marking: str, nations: tuple[str, ...]) -> str:
        made = f"LKM{model.upper()}{name.upper()}X"
        self.tokens[made] = (f"{model}:{name}", marking, nations)
        return made

    def keep(self, model: str, name: str, record: Any) -> Any:
        self.records.setdefault(model, {})[name] = record
        return record


def _world(m: Markers, name: str, marking: str, nations: tuple[str, ...]) -> None:
    """Every model's marker for one marking."""
    mark = {"marking": marking, "releasable_to": list(nations)}

    def t(model: str) -> str:
        return m.token(model, name, marking, nations)

    def key(model: str) -> str:
        return f"LKM-{model}-{name}".upper()

    actor = m.keep(
        "actor",
        name,
        create_actor(
            by=SYSTEM,
            key=key("actor"),
            kind="organization",
            name_ar=t("actor"),
            name_en=t("actor"),
            **mark,
        ),
    )
    source = m.keep(
        "source",
        name,
        create_source(
            by=SYSTEM,
            key=key("source"),
            name_ar=t("source"),
            name_en=t("source"),
            kind="media",
            reliability="C",
            **mark,
        ),
    )
    document, _ = submit_document(
        by=SYSTEM,
        title=t("document"),
        text=f"{t('document')} نص الوثيقة {name}",
        source=source,
        published="2026-02-02",
        **mark,
    )
    m.keep("document", name, document)
    claim = m.keep(
        "claim",
        name,
        record_claim(
            by=SYSTEM,
            document=document,
            data={
                "type": "attack",
                "actor": [actor.key],
                "attributes": {"means": "air"},
                "when": {"date": "2026-02-02", "precision": "day"},
                "where": {"pcode": "PS0265", "text": t("claim")},
                "attribution": {"source_kind": "media", "source": source.key},
                "evidence": [{"start": 0, "end": len(t("document"))}],
                **mark,
            },
        ),
    )
    claims = {"claims": [claim.pk]}
    m.keep("claimcomment", name, intake_comment(by=SYSTEM, claim=claim, text=t("claimcomment")))
    accord = create_actor(
        by=SYSTEM,
        key=key("accord"),
        kind="agreement",
        name_ar=t("accord"),
        name_en=t("accord"),
        **mark,
    )
    agreement = m.keep(
        "agreement",
        name,
        create_agreement(
            by=SYSTEM,
            actor_key=accord,
            effective="2025-10-10",
            summary_en=t("agreement"),
            summary_ar=t("agreement"),
            **claims,
            **mark,
        ),
    )
    phase = m.keep(
        "phase",
        name,
        create_phase(
            by=SYSTEM,
            agreement=agreement,
            number=1,
            name_ar=t("phase"),
            name_en=t("phase"),
            starts="2025-10-10",
            **claims,
            **mark,
        ),
    )
    m.keep(
        "clause",
        name,
        create_clause(
            by=SYSTEM,
            agreement=agreement,
            ref=key("clause"),
            text_ar=t("clause"),
            text_en=t("clause"),
            phase=phase,
            **claims,
            **mark,
        ),
    )
    incident = m.keep(
        "incident",
        name,
        record_incident(
            by=SYSTEM,
            event_date="2026-02-02",
            event_type="Battles",
            sub_event_type="Armed clash",
            actor1_ref=actor,
            place="PS0265",
            location=t("incident"),
            description_en=t("incident"),
            description_ar=t("incident"),
            fatalities=3,
            **claims,
            **mark,
        ),
    )
    m.keep(
        "figure",
        name,
        record_figure(
            by=SYSTEM,
            source=source,
            reported_on="2026-02-02",
            incident=incident,
            killed=2,
            wording=t("figure"),
            **claims,
            **mark,
        ),
    )
    m.keep(
        "violation",
        name,
        record_violation(
            by=SYSTEM,
            incident=incident,
            agreement=agreement,
            accused=actor,
            note_en=t("violation"),
            note_ar=t("violation"),
            **claims,
            **mark,
        ),
    )
    daily = DailyReport(
        source=source,
        report_date="2026-02-02",
        report_source=f"V{name[:6]}",
        via=t("daily"),
        ext_killed=1,
        ext_injured=1,
        ext_killed_cum=1,
        ext_injured_cum=1,
        marking=marking,
        releasable_to=f"|{'|'.join(nations)}|" if nations else "",
    )
    gate.store_batch(DailyReport, [daily], by=SYSTEM, ids=lambda r: name, detail={})
    m.keep("daily", name, daily)
    invitation = m.keep(
        "invitation",
        name,
        create_invitation(
            by=SYSTEM,
            inviter="USA",
            invitee=actor,
            body="ISF",
            role="member",
            on="2026-01-19",
            note=t("invitation"),
            **claims,
            **mark,
        ),
    )
    m.keep(
        "step",
        name,
        invitation_step(
            by=SYSTEM,
            invitation=invitation,
            state="under_consideration",
            on="2026-01-24",
            note=t("step"),
            **claims,
            **mark,
        ),
    )
    membership = record_membership(
        by=SYSTEM,
        member=actor,
        body="BOP",
        role="observer",
        since="2026-01-22",
        **claims,
        **mark,
    )
    m.keep("membership", name, membership)
    pledge = m.keep(
        "pledge",
        name,
        record_pledge(
            by=SYSTEM,
            nation=actor,
            body="ISF",
            kind="funding",
            quantity=10,
            conditions=t("pledge"),
            **claims,
            **mark,
        ),
    )
    m.keep(
        "caveat",
        name,
        record_caveat(
            by=SYSTEM,
            nation=actor,
            kind="no_combat",
            text_ar=t("caveat"),
            text_en=t("caveat"),
            **claims,
            **mark,
        ),
    )
    m.keep(
        "instrument",
        name,
        record_instrument(
            by=SYSTEM,
            actor_key=accord,
            kind="agreement",
            summary_en=t("instrument"),
            summary_ar=t("instrument"),
            **claims,
            **mark,
        ),
    )
    m.keep(
        "charter",
        name,
        record_charter_action(
            by=SYSTEM,
            charter=accord,
            actor_key=actor,
            action="signed",
            text_en=t("charter"),
            text_ar=t("charter"),
            **claims,
            **mark,
        ),
    )
    plan_actor = create_actor(
        by=SYSTEM, key=key("plan"), kind="plan", name_ar=t("plan"), name_en=t("plan"), **mark
    )
    m.keep(
        "plan",
        name,
        create_plan(by=SYSTEM, actor_key=plan_actor, announced="2025-09-29", **claims, **mark),
    )
    # Points of the main plan, which pages and the API show (101 and up).
    main = plans.main_plan(SYSTEM)
    number = 101 + 2 * [n for n, _m, _r in MARKINGS].index(name)
    first = m.keep(
        "provision",
        name,
        create_provision(
            by=SYSTEM,
            plan=main,
            number=number,
            summary_ar=t("provision"),
            summary_en=t("provision"),
            category="security",
            responsible=[actor],
            **claims,
            **mark,
        ),
    )
    second = create_provision(
        by=SYSTEM,
        plan=main,
        number=number + 1,
        summary_ar=t("provision"),
        summary_en=t("provision"),
        category="governance",
        depends_on=[number],
        **claims,
        **mark,
    )
    m.keep(
        "score",
        name,
        record_score(
            by=SYSTEM,
            provision=first,
            score=1,
            on="2026-01-20",
            note_en=t("score"),
            note_ar=t("score"),
            **claims,
            **mark,
        ),
    )
    statement = m.keep(
        "statement",
        name,
        record_statement(
            by=SYSTEM,
            speaker=actor,
            topic="plan",
            on="2026-01-21",
            stance="reject",
            quote=t("statement"),
            quote_language="en",
            **claims,
            **mark,
        ),
    )
    m.keep(
        "precondition",
        name,
        record_precondition(
            by=SYSTEM,
            party=actor,
            provision=first,
            after=second,
            statement=statement,
            text_en=t("precondition"),
            text_ar=t("precondition"),
            **claims,
            **mark,
        ),
    )
    crossing = m.keep(
        "crossing",
        name,
        create_crossing(
            by=SYSTEM,
            key=key("crossing"),
            kind="land",
            name_ar=t("crossing"),
            name_en=t("crossing"),
            latitude="31.30",
            longitude="34.30",
            **claims,
            **mark,
        ),
    )
    corridor = m.keep(
        "corridor",
        name,
        create_corridor(
            by=SYSTEM,
            key=key("corridor"),
            crossing=crossing,
            name_ar=t("corridor"),
            name_en=t("corridor"),
            route={"type": "LineString", "coordinates": [[34.30, 31.30], [34.35, 31.40]]},
            **claims,
            **mark,
        ),
    )
    m.keep(
        "status",
        name,
        record_status(
            by=SYSTEM,
            crossing=crossing,
            state="open",
            on="2026-01-10",
            reason_en=t("status"),
            reason_ar=t("status"),
            **claims,
            **mark,
        ),
    )
    m.keep(
        "consignment",
        name,
        record_consignment(
            by=SYSTEM,
            key=key("consignment"),
            day="2026-01-12",
            crossing=crossing,
            category="food",
            trucks=7,
            description=t("consignment"),
            **claims,
            **mark,
        ),
    )
    m.keep(
        "accessincident",
        name,
        record_access_incident(
            by=SYSTEM,
            day="2026-01-13",
            category="denial_of_needs",
            crossing=crossing,
            description_en=t("accessincident"),
            description_ar=t("accessincident"),
            **claims,
            **mark,
        ),
    )
    force = create_actor(
        by=SYSTEM,
        key=key("force"),
        kind="force",
        name_ar=t("force"),
        name_en=t("force"),
        **mark,
    )
    task = m.keep(
        "task",
        name,
        create_task(
            by=SYSTEM,
            force=force,
            code="ceasefire",
            name_ar=t("task"),
            name_en=t("task"),
            **claims,
            **mark,
        ),
    )
    m.keep(
        "protection",
        name,
        protect_corridor(
            by=SYSTEM,
            task=task,
            corridor=corridor,
            note_en=t("protection"),
            note_ar=t("protection"),
            **claims,
            **mark,
        ),
    )
    m.keep(
        "limit",
        name,
        create_limit(
            by=SYSTEM,
            force=force,
            kind="no_direct_combat",
            text_ar=t("limit"),
            text_en=t("limit"),
            **claims,
            **mark,
        ),
    )
    requirement = m.keep(
        "requirement",
        name,
        create_requirement(
            by=SYSTEM,
            task=task,
            capability="funding",
            quantity=5,
            note_en=t("requirement"),
            note_ar=t("requirement"),
            **claims,
            **mark,
        ),
    )
    m.keep(
        "assignment",
        name,
        assign(by=SYSTEM, pledge=pledge, requirement=requirement, quantity=2, **claims, **mark),
    )
    m.keep(
        "forceaction",
        name,
        record_force_action(
            by=SYSTEM,
            force=force,
            on="2026-01-30",
            description_en=t("forceaction"),
            description_ar=t("forceaction"),
            **claims,
            **mark,
        ),
    )
    course = m.keep(
        "course",
        name,
        create_course(
            by=SYSTEM,
            name_ar=t("course"),
            name_en=t("course"),
            location="PS0265",
            **claims,
            **mark,
        ),
    )
    m.keep(
        "cohort",
        name,
        record_cohort(
            by=SYSTEM,
            course=course,
            name_ar=t("cohort"),
            name_en=t("cohort"),
            enrolled=10,
            **claims,
            **mark,
        ),
    )
    m.keep(
        "indicator",
        name,
        record_indicator(
            by=SYSTEM,
            pcode="PS0265",
            kind="water",
            value="30",
            measured_on="2026-01-31",
            source=source,
            note_en=t("indicator"),
            note_ar=t("indicator"),
            **claims,
            **mark,
        ),
    )
    conflict = Conflict(
        model="core.Claim",
        record_id=str(claim.pk),
        other_model="core.Claim",
        other_id=str(claim.pk),
        field="test",
        reason=t("conflict"),
    )
    m.keep("conflict", name, gate.store(conflict, by=SYSTEM, **mark))
    # An issued report: its issuer (a system job's name, which every reader of the record reads)
    # and its bytes carry the token.
    report = IssuedReport(
        day="2026-01-31",
        audience="public",
        language="en",
        format="html",
        content=f"<p>{t('issuedreport')}</p>".encode(),
        sha256="0" * 64,
        size=1,
        issued_by=f"system:{t('issuedreport')}",
    )
    m.keep("issuedreport", name, gate.store(report, by=SYSTEM, **mark))


def make_markers() -> Markers:
    markers = Markers()
    for name, marking, nations in MARKINGS:
        _world(markers, name, marking, nations)
    return markers


def unused(markers: Markers) -> list[str]:
    """Models whose markers hold no record (a model added to Marsad and missing here)."""
    return [model for model, found in markers.records.items() if len(found) != len(MARKINGS)]


#: Models whose text no page or API shows yet (an agreement's summary beside the main one's, a
#: clause's text): their markers are still checked wherever their tokens appear.
NOT_SHOWN = frozenset({"agreement", "clause"})

__all__ = ["MARKINGS", "NOT_SHOWN", "Markers", "make_markers", "unused"]
