from marsad.core.models.actors import Actor, ActorKind
from marsad.core.models.audit import AuditEntry, AuditHead
from marsad.core.models.claims import Claim, ReviewState
from marsad.core.models.conflicts import Conflict
from marsad.core.models.documents import Document
from marsad.core.models.search import SearchBacklog, SearchEntry, SearchEntryActor
from marsad.core.models.searches import SavedSearch
from marsad.core.models.sources import Reliability, Source, SourceKind
from marsad.core.models.users import ApiToken, User

__all__ = [
    "Actor",
    "ActorKind",
    "ApiToken",
    "AuditEntry",
    "AuditHead",
    "Claim",
    "Conflict",
    "Document",
    "Reliability",
    "ReviewState",
    "SavedSearch",
    "SearchBacklog",
    "SearchEntry",
    "SearchEntryActor",
    "Source",
    "SourceKind",
    "User",
]
