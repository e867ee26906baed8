"""Tables and their API schemas (the SQLModel Base / table / Create / Public family)."""

from __future__ import annotations

import datetime as dt
import re
from datetime import date, datetime, timezone
from typing import Generic, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, field_validator
from pydantic import Field as PydanticField
from sqlalchemy import Column, ForeignKey, Index, Integer, LargeBinary, Text, UniqueConstraint, event
from sqlmodel import Field, SQLModel

# Set before any table is declared so every constraint has a stable name that
# Alembic can drop and SQLite batch mode can recreate.
SQLModel.metadata.naming_convention = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

StatementKind = Literal["direct", "indirect", "mixed"]
ActorKind = Literal["person", "state", "organisation", "group"]
VenueKind = Literal["body", "talks", "conference", "press_conference"]
PositionType = Literal[
    "demand", "reject", "propose", "agree", "support", "criticize", "threaten", "deny", "intend"
]


def utcnow() -> datetime:
    return datetime.now(timezone.utc)


class Tracked(SQLModel):
    """`updated_at` on every row downstream stores sync from (`updated_since`)."""

    updated_at: datetime = Field(default_factory=utcnow, sa_column_kwargs={"onupdate": utcnow})


def _fk(target: str, *, nullable: bool, ondelete: str) -> Column:  # type: ignore[type-arg]
    return Column(Integer, ForeignKey(target, ondelete=ondelete), nullable=nullable)


# --- articles -------------------------------------------------------------


class ArticleBase(SQLModel):
    url: str | None = Field(default=None, max_length=2048)
    title: str | None = Field(default=None, max_length=1000)
    source: str | None = Field(default=None, max_length=200)
    published_at: date | None = None


class ArticleCreate(ArticleBase):
    """What a scraper posts. Only `text` is required."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "url": "https://example.org/news/talks-resume",
                    "title": "Talks resume in Geneva",
                    "published_at": "2016-12-10",
                    "source": "Example News",
                    "text": 'The UN envoy Maria Olsen said on Friday that the talks would resume. '
                    '"We are ready," she told reporters in Geneva.',
                }
            ]
        },
    )

    text: str = Field(min_length=1)

    @field_validator("published_at", mode="before")
    @classmethod
    def _date_of_timestamp(cls, value: object) -> object:
        # Scrapers often send a full timestamp; the publication day is what counts.
        if isinstance(value, str) and len(value) > 10 and value[10] in "T ":
            try:
                return datetime.fromisoformat(value.replace("Z", "+00:00")).date()
            except ValueError:
                return value
        return value

    @field_validator("text")
    @classmethod
    def _clean_text(cls, text: str) -> str:
        # PostgreSQL text rejects NUL; strip it on the way in for both stores.
        text = text.replace("\x00", "")
        if not text.strip():
            raise ValueError("text is empty")
        return text


class Article(ArticleBase, Tracked, table=True):
    __table_args__ = (
        UniqueConstraint("url"),
        UniqueConstraint("content_hash"),
        Index("ix_article_published_at", "published_at"),
        Index("ix_article_updated_at_id", "updated_at", "id"),
    )

    id: int | None = Field(default=None, primary_key=True)
    text: str = Field(sa_column=Column(Text, nullable=False))
    content_hash: str = Field(max_length=64)
    ingested_at: datetime = Field(default_factory=utcnow)
    extractor_version: str = Field(max_length=40)


class ArticleRef(BaseModel):
    id: int
    url: str | None
    title: str | None
    source: str | None
    published_at: date | None


# --- actors and venues ----------------------------------------------------


class Actor(Tracked, table=True):
    __table_args__ = (
        UniqueConstraint("name_key"),
        Index("ix_actor_updated_at_id", "updated_at", "id"),
    )

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(max_length=300)
    # Case-, accent- and punctuation-folded name: what lookups compare.
    name_key: str = Field(max_length=300)
    # Its last word, indexed: `de Mistura` finds `Staffan de Mistura` through `mistura`
    # without scanning every name (kept in step by the listeners below).
    last_word: str | None = Field(default=None, max_length=300, index=True)
    kind: str = Field(max_length=30)
    country: str | None = Field(default=None, max_length=3)  # ISO 3166 alpha-3
    wikidata_id: str | None = Field(default=None, max_length=20)
    # Set when a curator merged this actor into another: its id then redirects there.
    merged_into_id: int | None = Field(sa_column=_fk("actor.id", nullable=True, ondelete="SET NULL"))


ActorKindAll = Literal[
    "person", "state", "organisation", "international_organisation", "armed_group",
    "political_group", "group", "media",
]


class ActorUpdate(SQLModel):
    """A curator's changes; fields left out stay as they are."""

    model_config = ConfigDict(extra="forbid", json_schema_extra={
        "examples": [{"name": "Staffan de Mistura", "kind": "person", "country": "ITA", "wikidata_id": "Q349577"}]
    })

    name: str | None = Field(default=None, min_length=1, max_length=300)
    kind: ActorKindAll | None = None
    country: str | None = Field(default=None, description="ISO 3166 alpha-3, e.g. NOR")
    wikidata_id: str | None = Field(default=None, description="Q-number, e.g. Q349577")

    @field_validator("wikidata_id")
    @classmethod
    def _q_number(cls, value: str | None) -> str | None:
        if value is not None and not re.fullmatch(r"Q[1-9][0-9]*", value):
            raise ValueError("a Wikidata id is Q followed by digits, e.g. Q349577")
        return value


class AliasCreate(SQLModel):
    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [{"alias": "the UN envoy for Syria"}]})

    alias: str = Field(min_length=1, max_length=300)


class MergeRequest(SQLModel):
    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [{"into_id": 12}]})

    into_id: int


class ActorAlias(SQLModel, table=True):
    __tablename__ = "actor_alias"
    __table_args__ = (
        UniqueConstraint("actor_id", "alias_key", name="uq_actor_alias_actor_id_alias_key"),
        Index("ix_actor_alias_alias_key", "alias_key"),
    )

    id: int | None = Field(default=None, primary_key=True)
    actor_id: int = Field(sa_column=_fk("actor.id", nullable=False, ondelete="CASCADE"))
    alias: str = Field(max_length=300)
    alias_key: str = Field(max_length=300)
    last_word: str | None = Field(default=None, max_length=300, index=True)


def last_word(key: str) -> str:
    """`staffan de mistura` -> `mistura`."""
    return key.rsplit(" ", 1)[-1]


@event.listens_for(Actor, "before_insert")
@event.listens_for(Actor, "before_update")
def _actor_last_word(mapper: object, connection: object, actor: Actor) -> None:
    actor.last_word = last_word(actor.name_key)


@event.listens_for(ActorAlias, "before_insert")
def _alias_last_word(mapper: object, connection: object, alias: ActorAlias) -> None:
    alias.last_word = last_word(alias.alias_key)


class Venue(SQLModel, table=True):
    __table_args__ = (UniqueConstraint("name_key"),)

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(max_length=300)
    name_key: str = Field(max_length=300)
    kind: str = Field(max_length=20)
    place: str | None = Field(default=None, max_length=200)
    # Set when a curator merged this venue into another, as for actors.
    merged_into_id: int | None = Field(sa_column=_fk("venue.id", nullable=True, ondelete="SET NULL"))


class VenueUpdate(SQLModel):
    """A curator's changes to a venue; fields left out stay as they are."""

    model_config = ConfigDict(extra="forbid", json_schema_extra={
        "examples": [{"name": "Geneva talks", "kind": "talks", "place": "Geneva"}]
    })

    name: str | None = Field(default=None, min_length=1, max_length=300)
    kind: VenueKind | None = None
    place: str | None = Field(default=None, max_length=200)


class VenueAlias(SQLModel, table=True):
    __tablename__ = "venue_alias"
    __table_args__ = (
        UniqueConstraint("venue_id", "alias_key", name="uq_venue_alias_venue_id_alias_key"),
        Index("ix_venue_alias_alias_key", "alias_key"),
    )

    id: int | None = Field(default=None, primary_key=True)
    venue_id: int = Field(sa_column=_fk("venue.id", nullable=False, ondelete="CASCADE"))
    alias: str = Field(max_length=300)
    alias_key: str = Field(max_length=300)


class Office(Tracked, table=True):
    """A post whose holder changes: `UN Special Envoy for Syria`, `Foreign Minister of Russia`.
    A statement by `the UN envoy` resolves to whoever held it on the statement's date."""

    __table_args__ = (UniqueConstraint("title_key"),)

    id: int | None = Field(default=None, primary_key=True)
    title: str = Field(max_length=300)
    title_key: str = Field(max_length=300)
    country: str | None = Field(default=None, max_length=3)
    # Folded words, space-separated, of which an article must mention one before a
    # generic alias (`the UN envoy`) may resolve to this office.
    scope: str | None = Field(default=None, max_length=300)


class OfficeAlias(SQLModel, table=True):
    __tablename__ = "office_alias"
    __table_args__ = (
        UniqueConstraint("office_id", "alias_key", name="uq_office_alias_office_id_alias_key"),
        Index("ix_office_alias_alias_key", "alias_key"),
    )

    id: int | None = Field(default=None, primary_key=True)
    office_id: int = Field(sa_column=_fk("office.id", nullable=False, ondelete="CASCADE"))
    alias: str = Field(max_length=300)
    alias_key: str = Field(max_length=300)
    generic: bool = False


class OfficeHolder(SQLModel, table=True):
    __tablename__ = "office_holder"
    __table_args__ = (Index("ix_office_holder_office_id", "office_id"),)

    id: int | None = Field(default=None, primary_key=True)
    office_id: int = Field(sa_column=_fk("office.id", nullable=False, ondelete="CASCADE"))
    actor_id: int = Field(sa_column=_fk("actor.id", nullable=False, ondelete="CASCADE"))
    start_on: date
    end_on: date | None = None


class HolderCreate(SQLModel):
    model_config = ConfigDict(extra="forbid", json_schema_extra={
        "examples": [{"actor_id": 12, "start_on": "2019-01-07", "end_on": None}]
    })

    actor_id: int
    start_on: date
    end_on: date | None = None


class ActorRef(BaseModel):
    id: int
    name: str
    kind: str


class VenueRef(BaseModel):
    id: int
    name: str
    kind: str
    place: str | None


class ActorPublic(ActorRef):
    country: str | None
    wikidata_id: str | None
    aliases: list[str]
    statement_count: int


class VenueCount(SQLModel):
    id: int
    name: str
    statement_count: int


class ActorDetail(ActorPublic):
    position_count: int
    first_date: dt.date | None
    last_date: dt.date | None
    top_venues: list[VenueCount]


class VenuePublic(VenueRef):
    aliases: list[str]
    statement_count: int


class HolderPublic(SQLModel):
    id: int
    actor: ActorRef
    start_on: dt.date
    end_on: dt.date | None


class OfficePublic(SQLModel):
    id: int
    title: str
    country: str | None
    aliases: list[str]
    holders: list[HolderPublic]


# --- statements and positions ---------------------------------------------


class Statement(Tracked, table=True):
    __table_args__ = (
        Index("ix_statement_updated_at_id", "updated_at", "id"),
        Index("ix_statement_group_id", "group_id"),
        Index("ix_statement_actor_id_id", "actor_id", "id"),
        Index("ix_statement_actor_id_said_on", "actor_id", "said_on"),
        Index("ix_statement_venue_id_id", "venue_id", "id"),
        Index("ix_statement_said_on_id", "said_on", "id"),
        Index("ix_statement_article_id", "article_id"),
    )

    id: int | None = Field(default=None, primary_key=True)
    article_id: int = Field(sa_column=_fk("article.id", nullable=False, ondelete="CASCADE"))
    actor_id: int | None = Field(sa_column=_fk("actor.id", nullable=True, ondelete="SET NULL"))
    venue_id: int | None = Field(sa_column=_fk("venue.id", nullable=True, ondelete="SET NULL"))
    kind: str = Field(max_length=10)
    content: str = Field(sa_column=Column(Text, nullable=False))
    content_start: int
    content_end: int
    speaker_mention: str | None = Field(default=None, max_length=1000)
    speaker_start: int | None = None
    speaker_end: int | None = None
    # How the speaker mention became the actor (see ResolutionPublic).
    resolution_method: str | None = Field(default=None, max_length=20)
    resolution_matched: str | None = Field(default=None, max_length=300)
    resolution_confidence: float | None = None
    cue: str | None = Field(default=None, max_length=200)
    said_on: date | None = None
    confidence: float
    # The same words of the same actor reported by several outlets share a group:
    # the id of the first stored of them (see services/grouping.py).
    group_id: int | None = None


class Position(Tracked, table=True):
    __table_args__ = (
        Index("ix_position_updated_at_id", "updated_at", "id"),
        Index("ix_position_actor_id_id", "actor_id", "id"),
        Index("ix_position_type_id", "type", "id"),
        Index("ix_position_said_on_id", "said_on", "id"),
        Index("ix_position_article_id", "article_id"),
        Index("ix_position_topic_id_id", "topic_id", "id"),
    )

    id: int | None = Field(default=None, primary_key=True)
    article_id: int = Field(sa_column=_fk("article.id", nullable=False, ondelete="CASCADE"))
    statement_id: int | None = Field(
        sa_column=_fk("statement.id", nullable=True, ondelete="CASCADE")
    )
    actor_id: int | None = Field(sa_column=_fk("actor.id", nullable=True, ondelete="SET NULL"))
    target_id: int | None = Field(sa_column=_fk("actor.id", nullable=True, ondelete="SET NULL"))
    venue_id: int | None = Field(sa_column=_fk("venue.id", nullable=True, ondelete="SET NULL"))
    type: str = Field(max_length=20)
    content: str = Field(sa_column=Column(Text, nullable=False))
    content_start: int
    content_end: int
    said_on: date | None = None
    confidence: float
    # PLOVER-style context (see extraction.types.Position) and how firmly it is held.
    negated: bool = Field(default=False, sa_column_kwargs={"server_default": "0"})
    hypothetical: bool = Field(default=False, sa_column_kwargs={"server_default": "0"})
    future: bool = Field(default=False, sa_column_kwargs={"server_default": "0"})
    historical: bool = Field(default=False, sa_column_kwargs={"server_default": "0"})
    certainty: float = Field(default=1.0, sa_column_kwargs={"server_default": "1"})
    topic_id: int | None = Field(sa_column=_fk("topic.id", nullable=True, ondelete="SET NULL"))


class ActorMonth(SQLModel, table=True):
    """Statements per actor and month (dated statements with an actor), kept in step with
    the statement rows (services/aggregates.py): a year's top speakers are summed from
    these rows instead of counted from every statement."""

    __tablename__ = "actor_month"
    __table_args__ = (Index("ix_actor_month_month", "month", "actor_id", "statements"),)

    actor_id: int = Field(sa_column=Column(Integer, ForeignKey("actor.id", ondelete="CASCADE"), primary_key=True))
    month: date = Field(primary_key=True)
    statements: int


class PositionParty(SQLModel, table=True):
    """Every holder (`actor`) and addressee (`target`) of a position: `the US and France
    accused Russia` is one position with two actors and one target. Position.actor_id
    and target_id keep the first of each for simple joins."""

    __tablename__ = "position_party"
    __table_args__ = (Index("ix_position_party_actor_id_role", "actor_id", "role", "position_id"),)

    position_id: int = Field(sa_column=Column(Integer, ForeignKey("position.id", ondelete="CASCADE"), primary_key=True))
    role: str = Field(max_length=10, primary_key=True)
    actor_id: int = Field(sa_column=Column(Integer, ForeignKey("actor.id", ondelete="CASCADE"), primary_key=True))
    ordinal: int = 0


class Topic(Tracked, table=True):
    """The matter positions are about (`evacuation of fighters from the city`), grouped
    across articles by their contents' embeddings and shared words."""

    __table_args__ = (Index("ix_topic_updated_at_id", "updated_at", "id"),)

    id: int | None = Field(default=None, primary_key=True)
    label: str = Field(max_length=200)
    # {term: how many member positions use it}, JSON.
    terms: str = Field(sa_column=Column(Text, nullable=False))
    # The members' mean embedding, float32 little-endian (extraction.topics.vector_to_bytes).
    centroid: bytes = Field(sa_column=Column(LargeBinary, nullable=False))
    size: int = 0
    model: str = Field(max_length=60)


class Deletion(SQLModel, table=True):
    """A tombstone: what was deleted and when, so syncing clients can drop it too."""

    __table_args__ = (Index("ix_deletion_deleted_at_id", "deleted_at", "id"),)

    id: int | None = Field(default=None, primary_key=True)
    resource: str = Field(max_length=20)
    resource_id: int
    deleted_at: datetime = Field(default_factory=utcnow)


class DeletionPublic(SQLModel):
    id: int
    resource: Literal["article", "statement", "position"]
    resource_id: int
    deleted_at: datetime


class SpanPublic(BaseModel):
    start: int
    end: int


class ResolutionPublic(BaseModel):
    """How the speaker mention became the actor: `He` -> pronoun, `De Mistura` -> surname,
    `Moscow` -> alias, `the UN envoy` -> title (named in the article) or office (the
    holder on the statement's date)."""

    method: str = PydanticField(description="name | alias | surname | pronoun | title | office | group | description",
                                examples=["office"])
    matched: str | None = PydanticField(description="The words it was resolved from", examples=["the UN envoy"])
    confidence: float


class StatementPublic(BaseModel):
    id: int
    kind: StatementKind
    content: str
    span: SpanPublic
    speaker: ActorRef | None
    speaker_mention: str | None
    speaker_span: SpanPublic | None
    resolution: ResolutionPublic | None
    cue: str | None
    venue: VenueRef | None
    date: dt.date | None
    confidence: float
    updated_at: datetime
    article: ArticleRef
    group_id: int | None
    # Only with group=true: every article that reported it, and the first date it was.
    sources: list[ArticleRef] | None = None
    first_reported: dt.date | None = None


class EventCodes(BaseModel):
    """The position's type in the CAMEO and PLOVER event ontologies."""

    cameo: str
    cameo_alternatives: list[str]
    plover: str | None
    context: str | None
    quad_class: Literal["verbal_cooperation", "verbal_conflict"]


class TopicRef(BaseModel):
    id: int
    label: str


class PositionPublic(BaseModel):
    id: int
    type: PositionType
    content: str
    span: SpanPublic
    # The first holder and addressee; `actors` and `targets` list every one.
    actor: ActorRef | None
    target: ActorRef | None
    actors: list[ActorRef] = []
    targets: list[ActorRef] = []
    venue: VenueRef | None
    date: dt.date | None
    confidence: float
    certainty: float = PydanticField(description="How firmly the text says it is held: hedges "
                                     "(`seems to`, `may`) lower it", ge=0, le=1)
    negated: bool
    hypothetical: bool
    future: bool
    historical: bool
    topic: TopicRef | None
    polarity: Literal["positive", "negative"] = PydanticField(
        description="positive: the actor moves towards the other side (agree, support, propose, intend); "
        "negative: against it (demand, reject, criticize, threaten, deny). A negated stance "
        "(`did not reject`) turns it.", examples=["negative"])
    statement_id: int | None
    codes: EventCodes
    updated_at: datetime
    article: ArticleRef


class PositionDetail(PositionPublic):
    """A position with its evidence: the sentence it stands in, and where."""

    evidence: str
    evidence_span: SpanPublic


class TopicPublic(SQLModel):
    id: int
    label: str
    position_count: int
    actor_count: int
    first_date: dt.date | None
    last_date: dt.date | None
    terms: list[str]
    updated_at: datetime


class TopicActor(SQLModel):
    actor: ActorRef
    position_count: int
    types: list[PositionType]
    latest_type: PositionType
    latest_date: dt.date | None


class TopicDetail(TopicPublic):
    actors: list[TopicActor]


class TimelineEntry(SQLModel):
    position_id: int
    date: dt.date | None
    type: PositionType
    content: str
    certainty: float
    negated: bool
    hypothetical: bool
    future: bool
    historical: bool
    article_id: int
    # Set where this position differs from the actor's previous one on the topic.
    changed: bool
    change: str | None = PydanticField(description="What changed", examples=["demand -> agree"])


class TimelineActor(SQLModel):
    actor: ActorRef
    positions: list[TimelineEntry]


class TopicTimeline(SQLModel):
    topic: TopicPublic
    actors: list[TimelineActor]


class ArticlePublic(ArticleBase):
    id: int
    content_hash: str
    ingested_at: datetime
    updated_at: datetime
    extractor_version: str
    statement_count: int
    position_count: int


class ArticleDetail(ArticlePublic):
    text: str
    statements: list[StatementPublic]
    positions: list[PositionPublic]


class BatchItemResult(SQLModel):
    index: int
    status: int
    article: ArticlePublic | None = None
    error: dict[str, object] | None = None


class BatchResult(SQLModel):
    items: list[BatchItemResult]


T = TypeVar("T")


class Page(BaseModel, Generic[T]):
    items: list[T]
    next_cursor: str | None


class FilteredPage(Page[T], Generic[T]):
    # Which actors an `actor=` name matched: a name may match several people.
    matched_actors: list[ActorRef] | None = None
