"""SQLModel tables. UUID keys made on the laptop, UTC instants, tombstones for user data.

Every row carries `updated_at`, `updated_by` (the laptop's id) and `hlc` (a hybrid logical
clock stamp) so that stores from several laptops can be merged later.
"""

from __future__ import annotations

import datetime as dt
import uuid

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from sendtui.domain.clock import utc_now
from sendtui.domain.matching import plain_spelling


def new_id() -> str:
    return str(uuid.uuid4())


LIVE = "deleted_at IS NULL"


def live_unique(name: str, *columns) -> sa.Index:
    """A unique index over the rows that are not tombstones (a natural key: see
    `store/keys.py`); `columns` are names or SQL expressions such as "upper(code)"."""
    parts = [c if c.isidentifier() else sa.text(c) for c in columns]
    return sa.Index(name, *parts, unique=True, sqlite_where=sa.text(LIVE),
                    postgresql_where=sa.text(LIVE))


class UTCDateTime(sa.types.TypeDecorator):
    """An aware UTC instant, stored as naive UTC; naive input is refused."""

    impl = sa.DateTime
    cache_ok = True

    def process_bind_param(self, value, dialect):
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime: instants must be timezone-aware")
        return value.astimezone(dt.timezone.utc).replace(tzinfo=None)

    def process_result_value(self, value, dialect):
        return value.replace(tzinfo=dt.timezone.utc) if value is not None else None


def instant(nullable: bool = False, **kw):
    return Field(sa_type=UTCDateTime, nullable=nullable, **kw)


class Tracked(SQLModel):
    id: str = Field(default_factory=new_id, primary_key=True, max_length=36)
    updated_at: dt.datetime = instant(default_factory=utc_now)
    updated_by: str = Field(default="", max_length=36)
    hlc: str = Field(default="", max_length=40)
    deleted_at: dt.datetime | None = instant(nullable=True, default=None)


class OfInspection(Tracked):
    """A row that belongs to one inspection."""

    inspection_id: str = Field(foreign_key="inspection.id", index=True)


class StoreInfo(SQLModel, table=True):
    __tablename__ = "store_info"
    key: str = Field(primary_key=True)
    value: str


class Inspection(Tracked, table=True):
    __tablename__ = "inspection"
    local_area: str = Field(index=True)
    framework: str
    notified: dt.date
    published: dt.date | None = None
    last_opened_at: dt.datetime | None = instant(nullable=True, default=None)
    rules: str = "{}"  # JSON: the coordinator's planning rules (hours, travel assumptions)
    retention_months: int | None = None  # erase the evidence this long after final feedback
    outcome: str = Field(default="{}", sa_column_kwargs={"server_default": "{}"})  # JSON
    template: str = Field(default="", sa_column_kwargs={"server_default": ""})  # JSON; "": the
    # framework's own outcome labels and intervals (domain.outcomes.with_edits)


class KeyDateRow(OfInspection, table=True):
    __tablename__ = "key_date"
    __table_args__ = (live_unique("ix_key_date_key_live", "inspection_id", "key"),)
    key: str
    label: str
    date: dt.date
    end: dt.date | None = None
    rule: str = ""
    edited: bool = False  # set by hand: never recomputed over


class Setting(OfInspection, table=True):
    __tablename__ = "setting"
    __table_args__ = (sa.UniqueConstraint("inspection_id", "urn"),)
    urn: str | None = None  # None for manual early years entries (not in GIAS)
    name: str
    kind: str
    gias_type: str = ""
    phase: str = ""
    status: str = "Open"
    la_name: str = ""
    address: str = ""
    postcode: str = ""
    easting: int | None = None
    northing: int | None = None
    is_specialist: bool = False
    out_of_area: bool = False
    shortlisted: bool = False
    visited: bool = False
    phone: str = ""
    head: str = ""  # the head or manager, as GIAS names them: the host of a visit
    is_base: bool = False  # the inspection's base room (one per inspection)
    # how easting/northing were found for a place added by hand: "typed", "postcode" (where
    # a GIAS establishment stands), "sector" (the sector's centroid); "" from GIAS or unknown
    located_by: str = ""


class PostcodePoint(SQLModel, table=True):
    """Where the establishments of the imported GIAS file stand, per postcode and per
    postcode sector ("WD2 3"): how a place typed by postcode is put on the map offline."""

    __tablename__ = "postcode_point"
    inspection_id: str = Field(foreign_key="inspection.id", primary_key=True, max_length=36)
    code: str = Field(primary_key=True, max_length=8)
    easting: int
    northing: int
    establishments: int


class Person(OfInspection, table=True):
    __tablename__ = "person"
    __table_args__ = (live_unique("ix_person_name_live", "inspection_id", "lower(name)"),)
    name: str
    role: str = ""
    organisation: str = ""
    email: str = ""
    phone: str = ""
    is_team: bool = False


class Availability(Tracked, table=True):
    __tablename__ = "availability"
    person_id: str = Field(foreign_key="person.id", index=True)
    start: dt.datetime = instant()
    end: dt.datetime = instant()
    reason: str = ""


class Event(OfInspection, table=True):
    __tablename__ = "event"
    kind: str
    title: str
    start: dt.datetime = instant(index=True)
    end: dt.datetime = instant()
    setting_id: str | None = Field(default=None, foreign_key="setting.id")
    audience: str | None = None
    location: str = ""
    notes: str = ""
    status: str = "planned"
    sequence: int = 0


class EventPerson(Tracked, table=True):
    __tablename__ = "event_person"
    __table_args__ = (live_unique("ix_event_person_pair_live", "event_id", "person_id"),)
    event_id: str = Field(foreign_key="event.id", index=True)
    person_id: str = Field(foreign_key="person.id", index=True)


class LineOfEnquiry(OfInspection, table=True):
    __tablename__ = "line_of_enquiry"
    __table_args__ = (live_unique("ix_line_of_enquiry_code_live", "inspection_id",
                                  "upper(code)"),)
    code: str
    title: str
    strand: str = ""
    is_bespoke: bool = False
    position: int = 0


class Evidence(OfInspection, table=True):
    __tablename__ = "evidence"
    __table_args__ = (
        sa.Index("ix_evidence_inspection_at", "inspection_id", "at"),
        sa.Index("ix_evidence_counts", "inspection_id", "deleted_at", "line_id", "source"),
        sa.Index("ix_evidence_case_ref", "inspection_id", "case_ref",
                 sqlite_where=sa.text("case_ref IS NOT NULL"),
                 postgresql_where=sa.text("case_ref IS NOT NULL")),
    )
    line_id: str = Field(foreign_key="line_of_enquiry.id", index=True)
    source: str
    text: str
    at: dt.datetime = instant()
    setting_id: str | None = Field(default=None, foreign_key="setting.id")
    event_id: str | None = Field(default=None, foreign_key="event.id")
    case_ref: str | None = None  # sensitive: redacted in lists and exports by default
    judgement: str | None = None
    author: str = ""
    # captured against a tracked child or sampled case; no foreign key (added to an existing
    # table by op.add_column, which SQLite cannot give one)
    tracked_child_id: str | None = Field(default=None, index=True)
    # the text as the search also reads it (Łukasz as Lukasz): set on every write, below
    text_plain: str = Field(default="", sa_column_kwargs={"server_default": ""})


@sa.event.listens_for(Evidence, "before_insert")
@sa.event.listens_for(Evidence, "before_update")
def _spell_plainly(mapper, connection, entry: Evidence) -> None:
    entry.text_plain = plain_spelling(entry.text)


class Finding(OfInspection, table=True):
    """A statement against a line of enquiry, backed by evidence entries (FindingEvidence)."""

    __tablename__ = "finding"
    line_id: str = Field(foreign_key="line_of_enquiry.id", index=True)
    text: str  # content: erased and purged with the evidence
    polarity: str  # a judgement slug: strength, development, concern
    created_at: dt.datetime = instant(default_factory=utc_now)  # the order under a line


class FindingEvidence(OfInspection, table=True):
    """An evidence entry backing a finding; detaching makes it a tombstone."""

    __tablename__ = "finding_evidence"
    finding_id: str = Field(foreign_key="finding.id", index=True)
    evidence_id: str = Field(foreign_key="evidence.id", index=True)


class EvidenceDraft(OfInspection, table=True):
    """The capture box as last typed (JSON of its fields), until saved or thrown away."""

    __tablename__ = "evidence_draft"
    fields: str = "{}"


class ProtectedName(OfInspection, table=True):
    """A child's or parent's name marked sensitive: exports and warnings use its pseudonym."""

    __tablename__ = "protected_name"
    __table_args__ = (
        live_unique("ix_protected_name_name_live", "inspection_id", "lower(name)"),
        live_unique("ix_protected_name_pseudonym_live", "inspection_id", "lower(pseudonym)"),
    )
    name: str
    pseudonym: str
    is_child: bool = Field(default=True, sa_column_kwargs={"server_default": sa.true()})
    # also redact the first name on its own ("Poppy was out of school")
    match_first_name: bool = Field(default=True, sa_column_kwargs={"server_default": sa.true()})
    # a tracked child's or sampled case's identity: here only, never in `tracked_child`
    case_ref: str | None = None  # redacted like the evidence's case references
    born: dt.date | None = None


class AuditEntry(OfInspection, table=True):
    """Identities left the store: who (the laptop), when (updated_at), what and where to."""

    __tablename__ = "audit"
    action: str
    detail: str = ""


class EvidenceVersion(Tracked, table=True):
    __tablename__ = "evidence_version"
    evidence_id: str = Field(foreign_key="evidence.id", index=True)
    text: str
    saved_at: dt.datetime = instant(default_factory=utc_now)
    note: str = ""  # what else this version changed, e.g. "line b5 → b3" (never a case ref)
    # a text that lost to one written on another laptop unseen: to settle (store/conflicts.py)
    conflict: bool = Field(default=False, sa_column_kwargs={"server_default": sa.false()})


# The trackers' tables (issue 15) and the store's bookkeeping (the undo log, erasures, field
# clocks, aliases) live beside: this module stays readable; `m.Action`, `m.Change` etc.
from sendtui.store.ledger_models import (  # noqa: E402
    Alias,
    Change,
    DeviceRow,
    Erasure,
    FieldClock,
)
from sendtui.store.tracker_models import (  # noqa: E402
    Action,
    InfoRequest,
    PlanVersion,
    ReportBack,
    TrackedChild,
    Weakness,
)

__all__ = ["Action", "Alias", "Change", "DeviceRow", "Erasure", "FieldClock", "InfoRequest",
           "PlanVersion", "ReportBack", "TrackedChild", "Weakness"]
