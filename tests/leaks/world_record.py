"""The leak matrix's records of the shared record, the ceasefire, the coalition and governance,
one of each for one marking."""

from __future__ import annotations

from typing import Any

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
from marsad.core.services import gate
from marsad.core.services.actors import create_actor, create_source
from marsad.core.services.claims import record_claim
from marsad.core.services.documents import submit_document
from marsad.governance.services import record_charter_action, record_instrument
from marsad.intake.workflow import comment as intake_comment

from .marked import SYSTEM, One


def core(w: One) -> tuple[Any, Any, Any]:
    """The actor, source, document and claim every other record names."""
    actor = w.keep(
        "actor",
        create_actor(
            by=SYSTEM,
            key=w.key("actor"),
            kind="organization",
            name_ar=w.t("actor"),
            name_en=w.t("actor"),
            **w.mark,
        ),
    )
    source = w.keep(
        "source",
        create_source(
            by=SYSTEM,
            key=w.key("source"),
            name_ar=w.t("source"),
            name_en=w.t("source"),
            kind="media",
            reliability="C",
            **w.mark,
        ),
    )
    document, _ = submit_document(
        by=SYSTEM,
        title=w.t("document"),
        text=f"{w.t('document')} نص الوثيقة {w.name}",
        source=source,
        published="2026-02-02",
        **w.mark,
    )
    w.keep("document", document)
    claim = w.keep(
        "claim",
        record_claim(
            by=SYSTEM,
            document=document,
            data={
                "type": "attack",
                "actor": [actor.key],
                "attributes": {"means": "air"},
                "when": {"date": "2026-02-02", "precision": "day"},
                "where": {"pcode": "PS0265", "text": w.t("claim")},
                "attribution": {"source_kind": "media", "source": source.key},
                "evidence": [{"start": 0, "end": len(w.t("document"))}],
                **w.mark,
            },
        ),
    )
    w.claims = {"claims": [claim.pk]}
    w.keep("claimcomment", intake_comment(by=SYSTEM, claim=claim, text=w.t("claimcomment")))
    return actor, source, claim


def ceasefire(w: One, actor: Any, source: Any) -> Any:
    """The agreement (its actor returned), phase, clause, incident, figure, violation and day."""
    accord = create_actor(
        by=SYSTEM,
        key=w.key("accord"),
        kind="agreement",
        name_ar=w.t("accord"),
        name_en=w.t("accord"),
        **w.mark,
    )
    agreement = w.keep(
        "agreement",
        create_agreement(
            by=SYSTEM,
            actor_key=accord,
            effective="2025-10-10",
            summary_en=w.t("agreement"),
            summary_ar=w.t("agreement"),
            **w.claims,
            **w.mark,
        ),
    )
    phase = w.keep(
        "phase",
        create_phase(
            by=SYSTEM,
            agreement=agreement,
            number=1,
            name_ar=w.t("phase"),
            name_en=w.t("phase"),
            starts="2025-10-10",
            **w.claims,
            **w.mark,
        ),
    )
    w.keep(
        "clause",
        create_clause(
            by=SYSTEM,
            agreement=agreement,
            ref=w.key("clause"),
            text_ar=w.t("clause"),
            text_en=w.t("clause"),
            phase=phase,
            **w.claims,
            **w.mark,
        ),
    )
    incident = w.keep(
        "incident",
        record_incident(
            by=SYSTEM,
            event_date="2026-02-02",
            event_type="Battles",
            sub_event_type="Armed clash",
            actor1_ref=actor,
            place="PS0265",
            location=w.t("incident"),
            description_en=w.t("incident"),
            description_ar=w.t("incident"),
            fatalities=3,
            **w.claims,
            **w.mark,
        ),
    )
    w.keep(
        "figure",
        record_figure(
            by=SYSTEM,
            source=source,
            reported_on="2026-02-02",
            incident=incident,
            killed=2,
            wording=w.t("figure"),
            **w.claims,
            **w.mark,
        ),
    )
    w.keep(
        "violation",
        record_violation(
            by=SYSTEM,
            incident=incident,
            agreement=agreement,
            accused=actor,
            note_en=w.t("violation"),
            note_ar=w.t("violation"),
            **w.claims,
            **w.mark,
        ),
    )
    daily = DailyReport(
        source=source,
        report_date="2026-02-02",
        report_source=f"V{w.name[:6]}",
        via=w.t("daily"),
        ext_killed=1,
        ext_injured=1,
        ext_killed_cum=1,
        ext_injured_cum=1,
        marking=w.marking,
        releasable_to=f"|{'|'.join(w.nations)}|" if w.nations else "",
    )
    gate.store_batch(DailyReport, [daily], by=SYSTEM, ids=lambda r: w.name, detail={})
    w.keep("daily", daily)
    return accord


def coalition(w: One, actor: Any) -> Any:
    """An invitation and its step, a membership, a pledge (returned) and a caveat."""
    invitation = w.keep(
        "invitation",
        create_invitation(
            by=SYSTEM,
            inviter="USA",
            invitee=actor,
            body="ISF",
            role="member",
            on="2026-01-19",
            note=w.t("invitation"),
            **w.claims,
            **w.mark,
        ),
    )
    w.keep(
        "step",
        invitation_step(
            by=SYSTEM,
            invitation=invitation,
            state="under_consideration",
            on="2026-01-24",
            note=w.t("step"),
            **w.claims,
            **w.mark,
        ),
    )
    membership = record_membership(
        by=SYSTEM,
        member=actor,
        body="BOP",
        role="observer",
        since="2026-01-22",
        **w.claims,
        **w.mark,
    )
    w.keep("membership", membership)
    pledge = w.keep(
        "pledge",
        record_pledge(
            by=SYSTEM,
            nation=actor,
            body="ISF",
            kind="funding",
            quantity=10,
            conditions=w.t("pledge"),
            **w.claims,
            **w.mark,
        ),
    )
    w.keep(
        "caveat",
        record_caveat(
            by=SYSTEM,
            nation=actor,
            kind="no_combat",
            text_ar=w.t("caveat"),
            text_en=w.t("caveat"),
            **w.claims,
            **w.mark,
        ),
    )
    return pledge


def governance(w: One, actor: Any, accord: Any) -> None:
    """An instrument and a charter action on the agreement."""
    w.keep(
        "instrument",
        record_instrument(
            by=SYSTEM,
            actor_key=accord,
            kind="agreement",
            summary_en=w.t("instrument"),
            summary_ar=w.t("instrument"),
            **w.claims,
            **w.mark,
        ),
    )
    w.keep(
        "charter",
        record_charter_action(
            by=SYSTEM,
            charter=accord,
            actor_key=actor,
            action="signed",
            text_en=w.t("charter"),
            text_ar=w.t("charter"),
            **w.claims,
            **w.mark,
        ),
    )
