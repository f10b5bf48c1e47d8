"""What the product says to a customer's message, before anything is stored.

The same composition serves chat (through the responder, which then persists it) and
`cryptodesk ask`. Classifier, entities and policy decide the move; the knowledge base, the
exchange (through the Platform port) and the customer's tickets supply the substance.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from ..brain.choices import Option, chosen
from ..brain.classifier import IntentModel, Prediction
from ..brain.entities import Entities, extract
from ..brain.language import Language
from ..brain.policy import Decision, Move, decide_on
from ..brain.retrieval import Hit
from ..diagnostics import Clues, Diagnosis, diagnose
from ..domain.knowledge import Article
from ..domain.tickets import Category, category_for_intent
from ..i18n import TICKET_STATUS, t
from ..platform import Platform
from ..store.unit_of_work import UnitOfWork
from . import kb_search

SUMMARY_CHARS = 700
WORKFLOW_TEAMS = {
    "security.account_compromised": "security", "security.scam_report": "security",
    "security.2fa_reset": "security", "security.verify_channel": "security",
    "service.dispute": "support", "service.refund_appeal": "support",
}
URGENT = {"security.account_compromised"}
# Workflows whose natural next step is a case the customer can open from the chat.
WORKFLOW_CASES = {
    "service.dispute": "dispute", "service.refund_appeal": "refund",
}


@dataclass(frozen=True)
class Reply:
    language: str
    decision: Decision
    prediction: Prediction
    entities: Entities
    text: str
    diagnosis: Diagnosis | None = None
    article: str | None = None
    options: tuple[dict[str, str], ...] = ()
    handoff_team: str | None = None  # a person must act: queue the conversation here
    case_kind: str | None = None  # a case the customer may open next (they confirm it)
    offer: str | None = None  # an action awaiting the customer's "yes", e.g. freeze_account
    category: Category = Category.SERVICE
    urgent: bool = False
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def is_gap(self) -> bool:
        """Worth showing the knowledge-base team: we could not answer it ourselves."""
        return self.decision.reason in ("low_confidence", "out_of_scope_twice")


@dataclass(frozen=True)
class Offered:
    """The options of the bot's latest "which of these?", in the language it asked in, and
    the question it asked about: once an option is picked, that question is what to answer."""

    options: tuple[Option, ...]
    language: Language
    question: str


@dataclass(frozen=True)
class Context:
    model: IntentModel
    platform: Platform
    now: datetime
    customer_ref: str | None = None
    out_of_scope_before: int = 0
    public_url: str = ""
    offered: Offered | None = None


def clues_from(entities: Entities) -> Clues:
    amount = entities.first("amount")
    try:
        value = Decimal(amount.value) if amount else None
    except InvalidOperation:
        value = None
    def first(kind: str) -> str | None:
        entity = entities.first(kind)
        return entity.value if entity else None
    return Clues(asset=first("asset"), network=first("network"), amount=value,
                 tx_hash=first("tx_hash"), address=first("address"), order_id=first("order_id"))


def _predicted(ctx: Context, text: str) -> tuple[Prediction, str]:
    """The classifier's answer and the text it answers, unless the text picks one of the
    options just offered: then that intent, for the question the options were offered on."""
    if ctx.offered is not None:
        picked = chosen(text, ctx.offered.options)
        if picked is not None:
            prediction = Prediction(picked, 1.0, ctx.offered.language, ((picked, 1.0),))
            return prediction, ctx.offered.question or text
    return ctx.model.predict(text), text


def compose(uow: UnitOfWork, ctx: Context, text: str) -> Reply:
    prediction, text = _predicted(ctx, text)
    language = "zh" if prediction.language in ("zh", "mixed") else "en"
    entities = extract(text)
    decision = decide_on(prediction, out_of_scope_before=ctx.out_of_scope_before)
    base = {"language": language, "decision": decision, "prediction": prediction,
            "entities": entities, "category": category_for_intent(decision.intent)}
    handlers: dict[Move, Callable[..., Reply]] = {
        Move.ANSWER: _answer, Move.CLARIFY: _clarify, Move.DIAGNOSE: _diagnose,
        Move.WORKFLOW: _workflow, Move.HANDOFF: _handoff,
    }
    return handlers[decision.move](uow, ctx, text, base)


def _answer(uow: UnitOfWork, ctx: Context, text: str, base: dict) -> Reply:
    intent, language = base["decision"].intent, base["language"]
    if intent in ("out_of_scope", "chitchat.greeting", "chitchat.thanks"):
        key = {"out_of_scope": "bot.out_of_scope", "chitchat.greeting": "bot.greeting",
               "chitchat.thanks": "bot.thanks"}[intent]
        return Reply(text=t(key, language), **base)
    article = best_article(uow, intent, language, text)
    if article is None:
        return _handoff(uow, ctx, text, base)
    return Reply(text=summarise(article, language, ctx.public_url), article=article.slug, **base)


def _clarify(uow: UnitOfWork, ctx: Context, text: str, base: dict) -> Reply:
    language = base["language"]
    options = []
    for intent in base["decision"].candidates:
        article = best_article(uow, intent, language, text)
        options.append({"intent": intent, "label": article.title if article else intent})
    lines = [t("bot.clarify", language)] + [f"{i}. {o['label']}" for i, o in
                                            enumerate(options, 1)]
    return Reply(text="\n".join(lines), options=tuple(options), **base)


def _diagnose(uow: UnitOfWork, ctx: Context, text: str, base: dict) -> Reply:
    language = base["language"]
    if ctx.customer_ref is None:
        article = best_article(uow, base["decision"].intent, language, text)
        parts = [t("bot.sign_in_needed", language)]
        if article is not None:
            parts.append(summarise(article, language, ctx.public_url))
        return Reply(text="\n\n".join(parts), article=article.slug if article else None, **base)
    diagnosis = diagnose(ctx.platform, base["decision"].intent, ctx.customer_ref,
                         clues_from(base["entities"]), ctx.now)
    return Reply(text=diagnosis.render(language), diagnosis=diagnosis,
                 handoff_team=diagnosis.handoff_team, case_kind=diagnosis.case_kind, **base)


def _workflow(uow: UnitOfWork, ctx: Context, text: str, base: dict) -> Reply:
    intent, language = base["decision"].intent, base["language"]
    if intent == "service.ticket_status" and ctx.customer_ref is not None:
        return Reply(text=_ticket_status(uow, ctx.customer_ref, language), **base)
    article = best_article(uow, intent, language, text)
    summary = summarise(article, language, ctx.public_url) if article else ""
    if intent == "security.account_compromised" and ctx.customer_ref is not None:
        # Stop the damage first: freezing waits only for the customer's confirmation.
        return Reply(text=t("compromise.offer", language), offer="freeze_account", urgent=True,
                     article=article.slug if article else None, **base)
    return Reply(text=summary, article=article.slug if article else None,
                 handoff_team=WORKFLOW_TEAMS.get(intent, "support"), urgent=intent in URGENT,
                 case_kind=WORKFLOW_CASES.get(intent) if ctx.customer_ref else None, **base)


def _handoff(uow: UnitOfWork, ctx: Context, text: str, base: dict) -> Reply:
    return Reply(text="", handoff_team="support", **base)


def _ticket_status(uow: UnitOfWork, ref: str, language: str) -> str:
    customer = uow.customers.by_ref(ref)
    tickets = uow.tickets.for_customer(customer.id, 1, 10).items if customer else []
    active = [x for x in tickets if x.is_active or x.status == "resolved"]
    if not active:
        return t("bot.no_tickets", language)
    lang = "zh" if language == "zh" else "en"
    return "\n".join(t("bot.ticket_line", language, id=x.id, subject=x.subject,
                       status=TICKET_STATUS[str(x.status)][lang]) for x in active)


def best_article(uow: UnitOfWork, intent: str, language: str, text: str) -> Article | None:
    """The published article for this intent in this language that is closest to the text."""
    found = [a for a in uow.knowledge.articles(language=language, intent=intent,
                                               per_page=20).items
             if a.status == "published"]
    if len(found) <= 1:
        return found[0] if found else None
    hits: list[Hit] = kb_search.search(uow, text, language=language, limit=50)
    order = {h.key: i for i, h in enumerate(hits)}
    return min(found, key=lambda a: order.get(a.slug, len(order)))


def summarise(article: Article, language: str, public_url: str) -> str:
    """The title, the opening of the article, and where to read the rest."""
    paragraphs = [p.strip() for p in article.body.split("\n\n") if p.strip()]
    summary, used = [], 0
    for paragraph in paragraphs:
        if used and used + len(paragraph) > SUMMARY_CHARS:
            break
        summary.append(paragraph)
        used += len(paragraph)
    url = f"{public_url.rstrip('/')}/articles/{article.slug}?lang={language}"
    return "\n\n".join([f"**{article.title}**", *summary, t("bot.read_more", language, url=url)])
