"""Launches from an LMS by the Rustici launch method, as Moodle's TinCan Launch plugin
(mod_tincanlaunch) does it: the learner's browser opens the content's launch URL with
`endpoint`, `auth`, `actor`, `registration` and `activity_id` in the query string.

Sensi is itself the LRS the LMS reads from, so it keeps the launch's actor and registration
for the module and records the learner's statements under them. Because the LMS then marks
whoever that actor is complete, a launch is evidence and is verified in two steps:

1. `check_launch`, before Sensi knows who the learner is: `auth` must be a live credential
   that may write; a per-launch credential (xapi.credentials) must name this actor,
   registration and activity and must not have launched before; a long-lived client
   credential is refused unless SENSI_XAPI_LAUNCH_REFUSE_CLIENT_CREDENTIALS is off. The result
   is a LaunchTicket that holds no secret, so it can wait in the session while the learner
   signs in.
2. `accept_launch`, for the signed-in learner: the credential is checked again and used up,
   and the LMS actor is bound to this person on first use (ActorBinding); a launch that would
   bind it to someone else is refused. Only then is anything recorded.
"""

import uuid
from dataclasses import asdict, dataclass

from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from . import app_settings, jsonio
from .activities import ActivityRef
from .agents import agent_ifi
from .credentials import authenticate, parse_basic
from .models import ActorBinding, LaunchCredential, LRSClient, Registration
from .recording import Event, record, registration_for
from .validation import check_actor
from .values import StatementInvalid, check_uuid
from .vocabulary import COMPLETED, LAUNCHED

LAUNCH_PARAMS = {"actor", "registration", "activity_id"}


class LaunchInvalid(ValueError):
    """The LMS sent a launch Sensi cannot use (400). `detail` is for the LMS's administrators,
    `explanation` for the learner."""

    status = 400
    explanation = _(
        "The learning platform opened this module with data Sensi cannot use, so your progress "
        "would not be reported back to it."
    )

    def __init__(self, detail: str, explanation=None):
        super().__init__(detail)
        self.detail = detail
        if explanation is not None:
            self.explanation = explanation


class LaunchRefused(LaunchInvalid):
    """The launch's credentials or identity do not hold (403). Nothing is recorded."""

    status = 403
    explanation = _(
        "Sensi could not confirm that this launch link was issued to you for this module, so "
        "it records nothing for it. Please start the module again from your learning platform."
    )


EXPLAIN_BOUND = _(
    "The learning platform's account in this launch link belongs to another person in Sensi. "
    "Sensi records nothing for it. If you opened a link someone sent you, start the module "
    "from your own learning platform account instead."
)
EXPLAIN_CLIENT_CREDENTIAL = _(
    "The learning platform sent its own long-lived password with this launch instead of a "
    "credential for this launch, which Sensi does not accept. Please tell the platform's "
    "administrators (docs/moodle.md: LRS integration “Learning Locker 1”)."
)


@dataclass(frozen=True)
class LaunchTicket:
    """A launch that passed `check_launch`: what the LMS asked for and which credential it
    showed, by id (never the secret)."""

    actor: dict
    actor_ifi: str
    registration: str
    activity_id: str
    credential_id: int | None = None
    client_id: int | None = None

    def as_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict) -> "LaunchTicket":
        return cls(**data)


def is_launch(params) -> bool:
    return set(params) >= LAUNCH_PARAMS


def _launch_actor(raw: str) -> dict:
    try:
        actor = jsonio.loads(raw)
    except jsonio.JSONInvalid as error:
        raise LaunchInvalid(f"actor: {error}") from error
    if not isinstance(actor, dict):
        raise LaunchInvalid("actor: must be a JSON object")
    # TinCan launch clients may send a list of names/identifiers (Rustici's early format).
    for key in ("name", "mbox", "mbox_sha1sum", "openid"):
        if isinstance(actor.get(key), list) and actor[key]:
            actor[key] = actor[key][0]
    if isinstance(actor.get("account"), list) and actor["account"]:
        account = actor["account"][0]
        if not isinstance(account, dict):
            raise LaunchInvalid("actor.account: must be an account object")
        actor["account"] = {
            "homePage": account.get("homePage", account.get("accountServiceHomePage")),
            "name": account.get("name", account.get("accountName")),
        }
    actor.setdefault("objectType", "Agent")
    try:
        check_actor(actor, "actor")
    except StatementInvalid as error:
        raise LaunchInvalid(str(error)) from error
    return actor


def check_launch(*, root: ActivityRef, params) -> LaunchTicket:
    """Everything about a launch that does not depend on the learner; raises LaunchInvalid
    or LaunchRefused. Changes nothing."""
    if params.get("activity_id") != root.iri:
        raise LaunchInvalid(f"activity_id does not name this module ({root.iri})")
    try:
        registration = str(uuid.UUID(check_uuid(params.get("registration"), "registration")))
    except StatementInvalid as error:
        raise LaunchInvalid(str(error)) from error
    actor = _launch_actor(params.get("actor", ""))
    ticket = LaunchTicket(
        actor=actor, actor_ifi=agent_ifi(actor), registration=registration, activity_id=root.iri
    )
    credentials = parse_basic(params.get("auth", ""))
    principal = authenticate(*credentials) if credentials else None
    if principal is None:
        raise LaunchRefused("auth: not a live credential of this LRS")
    if isinstance(principal, LaunchCredential):
        _check_credential(principal, ticket)
        return LaunchTicket(**{**ticket.as_dict(), "credential_id": principal.pk})
    _check_client(principal)
    return LaunchTicket(**{**ticket.as_dict(), "client_id": principal.pk})


def _check_credential(credential: LaunchCredential, ticket: LaunchTicket) -> None:
    if not credential.is_live(timezone.now()):
        raise LaunchRefused("auth: the launch credential has expired")
    if not credential.can_write:
        raise LaunchRefused("auth: the launch credential may not write")
    if credential.launched_at is not None:
        raise LaunchRefused("auth: the launch credential was used for a launch already")
    if credential.actor_ifi != ticket.actor_ifi:
        raise LaunchRefused("actor: is not the actor the launch credential was issued for")
    if credential.registration is not None and str(credential.registration) != ticket.registration:
        raise LaunchRefused("registration: is not the one the launch credential was issued for")
    if not credential.covers_activity(ticket.activity_id):
        raise LaunchRefused("activity_id: the launch credential was issued for another activity")


def _check_client(client: LRSClient) -> None:
    if app_settings.SENSI_XAPI_LAUNCH_REFUSE_CLIENT_CREDENTIALS:
        raise LaunchRefused(
            "auth: a long-lived client credential; request a launch credential "
            "(LRS integration: Learning Locker 1)",
            EXPLAIN_CLIENT_CREDENTIAL,
        )
    if not client.can_write:
        raise LaunchRefused("auth: the client credential may not write")


def binding_conflict(*, user, ticket: LaunchTicket) -> bool:
    """Whether the ticket's LMS actor belongs to someone else: bound to another person, or an
    e-mail actor with another person's address in Sensi."""
    bound = ActorBinding.objects.filter(actor_ifi=ticket.actor_ifi).values_list("user", flat=True)
    if bound.exists():
        return user.pk not in bound
    mbox = ticket.actor.get("mbox", "")
    if mbox.lower().startswith("mailto:"):
        others = get_user_model().objects.filter(email__iexact=mbox[len("mailto:") :])
        return others.exclude(pk=user.pk).exists()
    return False


def needs_binding(*, ticket: LaunchTicket) -> bool:
    """The ticket's LMS actor is not bound to anyone yet."""
    return not ActorBinding.objects.filter(actor_ifi=ticket.actor_ifi).exists()


@transaction.atomic
def accept_launch(
    *, user, root: ActivityRef, ticket: LaunchTicket, language: str, completed: bool
) -> Registration:
    """Use up the launch's credential, bind its LMS actor to `user` (on first use), remember
    actor and registration for this learner and module, and record `launched`. If the learner
    `completed` the module already, record `completed` for this launch too, so that the LMS's
    completion check sees it. Raises LaunchRefused, leaving everything as it was."""
    if ticket.activity_id != root.iri:
        raise LaunchInvalid(f"activity_id does not name this module ({root.iri})")
    _use_up(ticket)
    _bind(user=user, ticket=ticket)
    registration = registration_for(user=user, root=root)
    registration.launch_actor = ticket.actor
    registration.registration = uuid.UUID(ticket.registration)
    registration.launched_at = timezone.now()
    registration.save(update_fields=["launch_actor", "registration", "launched_at"])
    events = [Event(LAUNCHED, root)]
    if completed:
        events.append(Event(COMPLETED, root, result={"completion": True}))
    record(user=user, root=root, language=language, events=events)
    return registration


def _use_up(ticket: LaunchTicket) -> None:
    """Check the credential again (time has passed while the learner signed in) and mark a
    launch credential used, under a row lock so that two tabs cannot both launch with it."""
    if ticket.credential_id is not None:
        credential = (
            LaunchCredential.objects.select_for_update()
            .select_related("client")
            .filter(pk=ticket.credential_id)
            .first()
        )
        if credential is None:
            raise LaunchRefused("auth: the launch credential no longer exists")
        _check_credential(credential, ticket)
        credential.launched_at = timezone.now()
        credential.save(update_fields=["launched_at"])
        return
    client = LRSClient.objects.filter(pk=ticket.client_id, revoked_at__isnull=True).first()
    if client is None:
        raise LaunchRefused("auth: the client credential was revoked")
    _check_client(client)


def _bind(*, user, ticket: LaunchTicket) -> None:
    if binding_conflict(user=user, ticket=ticket):
        raise LaunchRefused("actor: belongs to another person in Sensi", EXPLAIN_BOUND)
    try:
        with transaction.atomic():
            binding, _created = ActorBinding.objects.get_or_create(
                actor_ifi=ticket.actor_ifi, defaults={"user": user, "actor": ticket.actor}
            )
    except IntegrityError as error:  # bound by a concurrent launch a moment ago
        raise LaunchRefused("actor: belongs to another person in Sensi", EXPLAIN_BOUND) from error
    if binding.user_id != user.pk:
        raise LaunchRefused("actor: belongs to another person in Sensi", EXPLAIN_BOUND)
