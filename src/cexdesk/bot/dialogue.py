"""The bot's dialogue (pure: no database, no clock, no network).

One customer turn is answered in two phases, so the engine stays pure yet can speak
about the customer's own account:

1. ``lookups_needed(understanding, state, signed_in)`` names what the flow must fetch
   from the exchange back office (a deposit by its tx hash, recent withdrawals, the
   account profile) before the engine can answer;
2. ``respond(understanding, state, articles, facts, signed_in)`` returns the reply and
   the next state.

``Understanding`` is what the flow read from the message: its language, the intent
engine's ranked intents (empty when the engine does not know), the entities, and
whether the customer asks for a person or reports a security emergency. A handoff is
a structured value on the reply (``Handoff``), never a keyword in the text. The state
is JSON-safe (``to_dict`` / ``from_dict``) and stored between turns.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any
from urllib.parse import urlencode

from cexdesk.bot.entities import Entity
from cexdesk.bot.smalltalk import THANKS
from cexdesk.bot.texts import bot_text, recovery_reason

# The intents of cexdesk's own set and what they lead to.
DEPOSIT_INTENTS = frozenset(
    {"deposit_not_credited", "deposit_missing_memo", "deposit_wrong_network"}
)
WITHDRAWAL_INTENTS = frozenset({"withdrawal_pending"})
PROFILE_INTENTS = frozenset({"account_frozen", "kyc_verification"})
ACCOUNT_INTENTS = DEPOSIT_INTENTS | WITHDRAWAL_INTENTS | PROFILE_INTENTS
SECURITY_INTENT = "account_hacked"
HUMAN_INTENT = "talk_to_human"

# The help-centre article that answers each intent (slugs of kb/content).
INTENT_ARTICLES: Mapping[str, str] = {
    "deposit_not_credited": "deposit-not-credited",
    "deposit_missing_memo": "deposit-missing-or-wrong-memo",
    "deposit_wrong_network": "deposit-wrong-network",
    "withdrawal_pending": "withdrawal-pending",
    "reset_2fa": "2fa-reset",
    "kyc_verification": "kyc-levels",
    "p2p_appeal": "p2p-appeal",
    "liquidation": "futures-liquidation",
    "api_keys": "api-keys",
    "fees": "trading-fees",
    "phishing_report": "phishing",
    "account_hacked": "account-hacked",
    "account_frozen": "account-frozen",
}

# Two intents whose confidences are this close are asked about rather than guessed.
CLOSE_MARGIN = 0.15
# A knowledge-base hit counts as an answer from this BM25 score on, when it also leads
# the next hit by KB_LEAD (so a question matching many articles a little is no answer).
KB_MIN_SCORE = 6.0
KB_LEAD = 1.25
UNANSWERED_LIMIT = 2  # unanswered turns in a row before a person takes over
# The intent alone starts the urgent security handoff only this sure; below it, the
# security keywords (``handoff.is_security_emergency``) must say so too, as an intent
# engine trained without out-of-scope examples names its nearest intent for anything.
SECURITY_CONFIDENCE = 0.9
SECURITY_TEAM = "security"

# Reply kinds.
ARTICLE = "article"
CLARIFY = "clarify"
ASK_TX_HASH = "ask_tx_hash"
ASK_SIGN_IN = "ask_sign_in"
ACCOUNT = "account"
UNKNOWN = "unknown"
SMALL_TALK = "small_talk"  # a greeting or thanks answered in kind
HANDOFF = "handoff"
SOLVED = "solved"
SILENT = "silent"

# The replies after which the customer may say "yes, solved" (the widget's button).
SOLVABLE_KINDS = frozenset({ARTICLE, ACCOUNT})

# Handoff reasons.
REASON_BUTTON = "button"
REASON_ASKED = "asked"
REASON_SECURITY = "security_emergency"
REASON_LOW_CONFIDENCE = "low_confidence"
REASON_NOT_SOLVED = "not_solved"
REASON_RISK_HOLD = "risk_hold"
REASON_REVIEW = "needs_review"

# Buttons the customer may press instead of writing.
BUTTON_HUMAN = "human"
BUTTON_SOLVED = "solved"
BUTTON_NOT_SOLVED = "not_solved"
BUTTONS = (BUTTON_HUMAN, BUTTON_SOLVED, BUTTON_NOT_SOLVED)

_CLAIM_CASES = frozenset({"missing_memo", "wrong_memo"})
_NETWORK_CASES = frozenset({"wrong_network"})
_NUMBER = re.compile(r"^\s*(?:#|no\.?\s*)?(\d{1,2})\s*[.)]?\s*$", re.IGNORECASE)
_WORD = re.compile(r"[^\W_]+")


# --- what goes in -----------------------------------------------------------------


@dataclass(frozen=True)
class Understanding:
    """What was read from one customer turn."""

    text: str
    language: str
    intents: tuple[tuple[str, float], ...] = ()  # best first; empty: "I don't know"
    entities: tuple[Entity, ...] = ()
    asks_for_human: bool = False
    security_emergency: bool = False
    button: str | None = None  # a button pressed instead of a message (BUTTONS)
    small_talk: str | None = None  # "greeting" or "thanks" when the message is only that

    @property
    def top_intent(self) -> str | None:
        return self.intents[0][0] if self.intents else None

    @property
    def confidence(self) -> float:
        return self.intents[0][1] if self.intents else 0.0


@dataclass(frozen=True)
class ArticleRef:
    """A help-centre article the flow found: by intent (``slug`` of INTENT_ARTICLES) or
    by search (``score`` is its BM25 score)."""

    slug: str
    title: str
    url: str
    score: float = 0.0
    by_intent: bool = False


@dataclass(frozen=True)
class Lookup:
    """Something the flow fetches from the exchange before the engine answers."""

    kind: str  # "deposit" | "withdrawals" | "profile"
    tx_hash: str | None = None
    chains: tuple[str, ...] = ()  # the chains a deposit's hash may be on (empty: any)


@dataclass(frozen=True)
class DepositFinding:
    """A deposit looked up by its tx hash, with the recovery engine's verdict."""

    tx_hash: str
    # credited | confirming | not_found | misdeposit | claim_filed | other_account
    status: str
    asset: str = ""
    amount: str = ""
    network: str = ""
    time: str = ""  # when it was credited, as the customer should read it
    confirmations: int = 0
    required: int = 0
    case: str | None = None  # recovery.engine.MisdepositCase value
    outcome: str | None = None  # recovery.engine.Outcome value
    reason: str = ""  # why it cannot be recovered (the engine's English prose)
    reason_code: str | None = None  # recovery.engine RecoveryDecision.reason_code
    reason_values: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class WithdrawalFinding:
    id: str
    status: str  # exchange.values.WithdrawalStatus value
    asset: str
    amount: str
    time: str
    tx_hash: str | None = None
    hold_reason: str | None = None


@dataclass(frozen=True)
class ProfileFinding:
    frozen: bool
    kyc: str  # exchange.values.KycState value
    locked_until: str | None = None  # a withdrawal lock still in force, formatted


@dataclass(frozen=True)
class Facts:
    """The answers to the lookups, and the links the replies may need."""

    deposit: DepositFinding | None = None
    withdrawals: tuple[WithdrawalFinding, ...] | None = None  # newest first
    profile: ProfileFinding | None = None
    claim_url: str = ""
    sign_in_url: str = ""


# --- state --------------------------------------------------------------------------


@dataclass(frozen=True)
class BotState:
    """What the bot remembers of a conversation between turns (JSON-safe)."""

    # kind -> the latest entity of that kind: {"value", "text", "chains", "asset", "valid"}
    entities: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    last_intent: str | None = None
    offered: tuple[str, ...] = ()  # the intents of a clarifying question still open
    waiting_for: str | None = None  # "tx_hash" while the bot asked for one
    unanswered: int = 0  # unanswered turns in a row
    turns: int = 0
    handed_off: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {
            "entities": {k: dict(v) for k, v in self.entities.items()},
            "last_intent": self.last_intent,
            "offered": list(self.offered),
            "waiting_for": self.waiting_for,
            "unanswered": self.unanswered,
            "turns": self.turns,
            "handed_off": self.handed_off,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any] | None) -> BotState:
        if not data:
            return cls()
        entities = data.get("entities") or {}
        return cls(
            entities={str(k): dict(v) for k, v in entities.items() if isinstance(v, Mapping)},
            last_intent=data.get("last_intent"),
            offered=tuple(str(i) for i in data.get("offered") or ()),
            waiting_for=data.get("waiting_for"),
            unanswered=int(data.get("unanswered") or 0),
            turns=int(data.get("turns") or 0),
            handed_off=bool(data.get("handed_off")),
        )

    def entity(self, kind: str) -> Mapping[str, Any] | None:
        return self.entities.get(kind)


# --- what comes out ---------------------------------------------------------------


@dataclass(frozen=True)
class Handoff:
    """The conversation goes to a person: why, how urgently, to whom, with what."""

    reason: str
    urgent: bool = False
    team: str | None = None  # a team kind ("security"); None: routing decides
    intent: str | None = None
    entities: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)


@dataclass(frozen=True)
class BotReply:
    kind: str
    text: str
    intent: str | None = None
    confidence: float = 0.0
    article: ArticleRef | None = None
    handoff: Handoff | None = None
    contained: bool = False  # the customer said it solved their question

    @property
    def answered(self) -> bool:
        return self.kind in (ARTICLE, ACCOUNT, SOLVED)


# --- the two phases -------------------------------------------------------------


def lookups_needed(
    understanding: Understanding, state: BotState, signed_in: bool
) -> tuple[Lookup, ...]:
    """What the flow must fetch from the exchange before ``respond`` can answer."""
    if not signed_in or state.handed_off:
        return ()
    plan = _plan(understanding, state)
    if plan.handoff is not None or plan.intent is None or plan.clarify:
        return ()
    return _lookups_for(plan.intent, plan.state)


def respond(
    understanding: Understanding,
    state: BotState,
    articles: Sequence[ArticleRef],
    facts: Facts,
    signed_in: bool,
) -> tuple[BotReply, BotState]:
    """The reply to one turn and the state after it."""
    language = understanding.language
    if state.handed_off:
        return BotReply(SILENT, ""), state
    if understanding.button == BUTTON_SOLVED:
        # Solved: the context is forgotten, so a later question starts afresh.
        return BotReply(SOLVED, bot_text("solved_thanks", language), contained=True), BotState()
    if understanding.small_talk is not None:
        # "Hi" or "thanks" alone asks nothing: answered in kind, not counted as unanswered.
        key = "you_are_welcome" if understanding.small_talk == THANKS else "greeting"
        return BotReply(SMALL_TALK, bot_text(key, language)), replace(state, offered=())
    plan = _plan(understanding, state)
    state = plan.state
    if plan.handoff is not None:
        return _handoff(plan.handoff, state, language, understanding)
    if plan.clarify:
        options = plan.clarify
        reply = BotReply(
            CLARIFY,
            bot_text("clarify", language, options=_options(options, language)),
            intent=options[0],
            confidence=understanding.confidence,
        )
        return reply, replace(state, offered=options, waiting_for=None)

    intent = plan.intent
    confidence = plan.confidence
    by_intent = _article_for(intent, articles)
    searched = _confident_hit(articles)
    warning = _address_warning(understanding, language)

    if intent in ACCOUNT_INTENTS:
        account = _account_answer(intent, state, facts, signed_in, language, by_intent)
        if account is not None:
            reply, state = account
            reply = replace(reply, intent=intent, confidence=confidence)
            if warning:
                reply = replace(reply, text=f"{warning}\n\n{reply.text}")
            if reply.handoff is not None:
                handoff = replace(reply.handoff, intent=intent, entities=state.entities)
                reply = replace(reply, handoff=handoff)
                state = replace(state, handed_off=True)
            return reply, _answered(state, intent, reply)

    article = by_intent or searched
    if article is not None:
        text = bot_text("article_intro", language, title=article.title, url=article.url)
        text = f"{text}\n\n{bot_text('ask_helpful', language)}"
        if warning:
            text = f"{warning}\n\n{text}"
        reply = BotReply(ARTICLE, text, intent=intent, confidence=confidence, article=article)
        return reply, _answered(state, intent, reply)

    # Nothing to say: once is a question back, twice in a row a person takes over.
    unanswered = state.unanswered + 1
    state = replace(state, unanswered=unanswered, offered=(), turns=state.turns + 1)
    if unanswered >= UNANSWERED_LIMIT:
        handoff = Handoff(REASON_LOW_CONFIDENCE, intent=intent or state.last_intent)
        return _handoff(handoff, state, language, understanding, count_turn=False)
    text = bot_text("unknown", language)
    if warning:
        text = f"{warning}\n\n{text}"
    return BotReply(UNKNOWN, text, intent=intent, confidence=confidence), state


# --- planning a turn ----------------------------------------------------------------


@dataclass(frozen=True)
class _Plan:
    state: BotState
    intent: str | None = None
    confidence: float = 0.0
    clarify: tuple[str, ...] = ()
    handoff: Handoff | None = None


def _plan(understanding: Understanding, state: BotState) -> _Plan:
    """Which intent this turn is about, or that it needs a question or a person."""
    state = _remember(state, understanding.entities)
    top = understanding.top_intent
    if understanding.button == BUTTON_HUMAN:
        return _Plan(state, handoff=Handoff(REASON_BUTTON, intent=state.last_intent))
    sure_security = top == SECURITY_INTENT and understanding.confidence >= SECURITY_CONFIDENCE
    if understanding.security_emergency or sure_security:
        security = Handoff(REASON_SECURITY, urgent=True, team=SECURITY_TEAM, intent=SECURITY_INTENT)
        return _Plan(state, handoff=security)
    if understanding.asks_for_human or top == HUMAN_INTENT:
        return _Plan(state, handoff=Handoff(REASON_ASKED, intent=state.last_intent))
    if understanding.button == BUTTON_NOT_SOLVED:
        return _Plan(state, handoff=Handoff(REASON_NOT_SOLVED, intent=state.last_intent))

    if state.offered:
        chosen = _chosen(understanding, state.offered)
        state = replace(state, offered=())
        if chosen is not None:
            return _Plan(state, chosen, understanding.confidence)

    has_hash = "tx_hash" in {e.kind for e in understanding.entities}
    if state.waiting_for == "tx_hash" and has_hash and state.last_intent in DEPOSIT_INTENTS:
        # The hash the bot asked for: the deposit question goes on.
        return _Plan(replace(state, waiting_for=None), state.last_intent, understanding.confidence)

    if top is None:
        if has_hash and state.last_intent in DEPOSIT_INTENTS:
            return _Plan(state, state.last_intent, 0.0)
        return _Plan(state)
    intents = understanding.intents
    if len(intents) > 1 and intents[0][1] - intents[1][1] < CLOSE_MARGIN:
        first, second = intents[0][0], intents[1][0]
        if {first, second} - {HUMAN_INTENT, SECURITY_INTENT} == {first, second}:
            return _Plan(state, clarify=(first, second))
    return _Plan(state, top, understanding.confidence)


def _remember(state: BotState, entities: Sequence[Entity]) -> BotState:
    if not entities:
        return state
    kept = {k: dict(v) for k, v in state.entities.items()}
    for entity in entities:
        kept[entity.kind] = {
            "value": str(entity.value),
            "text": entity.text,
            "chains": list(entity.chains or ()),
            "asset": entity.asset,
            "valid": entity.valid,
        }
    return replace(state, entities=kept)


def _chosen(understanding: Understanding, offered: Sequence[str]) -> str | None:
    """The option a customer picked: its number, its label's words, or the intent."""
    number = _NUMBER.match(understanding.text)
    if number:
        index = int(number.group(1)) - 1
        return offered[index] if 0 <= index < len(offered) else None
    said = understanding.text.casefold()
    said_words = set(_WORD.findall(said))
    best: tuple[float, str] | None = None
    for option in offered:
        label = intent_label(option, understanding.language).casefold()
        if label and label in said:
            return option
        words = set(_WORD.findall(label))
        if words:
            share = len(words & said_words) / len(words)
            if share >= 0.5 and (best is None or share > best[0]):
                best = (share, option)
    if best is not None:
        return best[1]
    top = understanding.top_intent
    return top if top in offered else None


def intent_label(intent: str, language: str) -> str:
    """What an intent is called in a clarifying question (its name if it has no label)."""
    try:
        return bot_text(f"intent.{intent}", language)
    except KeyError:
        return intent.replace("_", " ")


def _options(options: Sequence[str], language: str) -> str:
    labels = [f"{n}. {intent_label(o, language)}" for n, o in enumerate(options, 1)]
    return "\n".join(labels)


def _lookups_for(intent: str, state: BotState) -> tuple[Lookup, ...]:
    if intent in DEPOSIT_INTENTS:
        found = state.entity("tx_hash")
        if found is None:
            return ()
        chains = tuple(str(c) for c in found.get("chains") or ())
        return (Lookup("deposit", tx_hash=str(found["value"]), chains=chains),)
    if intent in WITHDRAWAL_INTENTS:
        return (Lookup("withdrawals"), Lookup("profile"))
    if intent in PROFILE_INTENTS:
        return (Lookup("profile"),)
    return ()


# --- answers ------------------------------------------------------------------------


def _article_for(intent: str | None, articles: Sequence[ArticleRef]) -> ArticleRef | None:
    if intent is None:
        return None
    slug = INTENT_ARTICLES.get(intent)
    return next((a for a in articles if a.by_intent and a.slug == slug), None)


def _confident_hit(articles: Sequence[ArticleRef]) -> ArticleRef | None:
    hits = sorted((a for a in articles if not a.by_intent), key=lambda a: -a.score)
    if not hits or hits[0].score < KB_MIN_SCORE:
        return None
    if len(hits) > 1 and hits[0].score < KB_LEAD * hits[1].score:
        return None
    return hits[0]


def _address_warning(understanding: Understanding, language: str) -> str:
    for entity in understanding.entities:
        if entity.kind == "address" and entity.valid is False:
            return bot_text("address_checksum_invalid", language, address=entity.text)
    return ""


def _account_answer(
    intent: str,
    state: BotState,
    facts: Facts,
    signed_in: bool,
    language: str,
    article: ArticleRef | None,
) -> tuple[BotReply, BotState] | None:
    """An answer from the customer's own account, or a question that leads to one."""
    if not signed_in:
        text = bot_text("ask_sign_in", language, url=facts.sign_in_url)
        if article is not None:
            intro = bot_text("article_intro", language, title=article.title, url=article.url)
            text = f"{intro}\n\n{text}"
        return BotReply(ASK_SIGN_IN, text, article=article), state
    if intent in DEPOSIT_INTENTS:
        if state.entity("tx_hash") is None:
            reply = BotReply(ASK_TX_HASH, bot_text("ask_tx_hash", language), article=article)
            return reply, replace(state, waiting_for="tx_hash")
        if facts.deposit is None:
            return None
        return _deposit_answer(facts.deposit, facts, language), replace(state, waiting_for=None)
    if intent in WITHDRAWAL_INTENTS:
        if facts.withdrawals is None or facts.profile is None:
            return None
        return _withdrawal_answer(facts.withdrawals, facts.profile, language), state
    if facts.profile is None:
        return None
    if intent == "account_frozen":
        key = "account_frozen" if facts.profile.frozen else "account_not_frozen"
        return BotReply(ACCOUNT, bot_text(key, language), article=article), state
    kyc = bot_text(f"kyc.{facts.profile.kyc}", language)
    return BotReply(ACCOUNT, bot_text("kyc_state", language, state=kyc), article=article), state


def _deposit_answer(found: DepositFinding, facts: Facts, language: str) -> BotReply:
    amount, asset = found.amount, found.asset
    if found.status == "credited":
        text = bot_text("deposit_credited", language, amount=amount, asset=asset, time=found.time)
        return BotReply(ACCOUNT, text)
    if found.status == "confirming":
        seen, required = str(found.confirmations), str(found.required)
        text = bot_text("deposit_confirming", language, amount=amount, asset=asset,
                        confirmations=seen, required=required)  # fmt: skip
        return BotReply(ACCOUNT, text)
    if found.status == "not_found":
        return BotReply(ACCOUNT, bot_text("deposit_not_found", language))
    if found.status == "claim_filed":
        return BotReply(ACCOUNT, bot_text("deposit_under_review", language))
    if found.status == "misdeposit":
        if found.outcome == "not_recoverable":
            reason = recovery_reason(
                found.reason_code, language, found.reason, dict(found.reason_values)
            )
            text = bot_text("deposit_not_recoverable", language, reason=reason)
            return BotReply(ACCOUNT, text)
        if found.outcome == "awaiting_claim" and found.case in _CLAIM_CASES:
            text = bot_text("deposit_missing_memo_claim", language, amount=amount, asset=asset,
                            url=claim_form_url(facts.claim_url, found))  # fmt: skip
            return BotReply(ACCOUNT, text)
        if found.outcome == "awaiting_claim" and found.case in _NETWORK_CASES:
            text = bot_text("deposit_wrong_network_claim", language, amount=amount, asset=asset,
                            network=found.network,
                            url=claim_form_url(facts.claim_url, found))  # fmt: skip
            return BotReply(ACCOUNT, text)
    # Any other case (another account's record, a case recovered only by hand, small
    # deposits waiting for more): a person looks at it.
    return BotReply(
        HANDOFF, bot_text("deposit_under_review", language), handoff=Handoff(REASON_REVIEW)
    )


CLAIM_ARTICLE = "/articles/deposit-recovery-claim"
CLAIM_FORM = "/recovery/claim"


def claim_form_url(claim_url: str, found: DepositFinding) -> str:
    """The help centre's claim form with the deposit's facts filled in.

    ``claim_url`` is the help-centre article about claims (``/help/<lang>/articles/
    deposit-recovery-claim``, as the flow builds it); the form sits beside it at
    ``/help/<lang>/recovery/claim``. The sending address is left for the customer.
    """
    if not claim_url.endswith(CLAIM_ARTICLE):
        return claim_url
    query = urlencode(
        {"tx": found.tx_hash, "asset": found.asset, "network": found.network,
         "amount": found.amount}
    )  # fmt: skip
    return f"{claim_url.removesuffix(CLAIM_ARTICLE)}{CLAIM_FORM}?{query}"


def _withdrawal_answer(
    withdrawals: Sequence[WithdrawalFinding], profile: ProfileFinding, language: str
) -> BotReply:
    if profile.locked_until is not None:
        text = bot_text("withdrawal_security_lock", language, until=profile.locked_until)
        return BotReply(ACCOUNT, text)
    latest = next((w for w in withdrawals if w.status != "cancelled"), None)
    if latest is None:
        return BotReply(ACCOUNT, bot_text("withdrawal_none", language))
    if latest.status == "held":
        text = bot_text("withdrawal_risk_hold", language)
        return BotReply(HANDOFF, text, handoff=Handoff(REASON_RISK_HOLD))
    if latest.status == "broadcast":
        text = bot_text("withdrawal_sent", language, amount=latest.amount, asset=latest.asset,
                        tx_hash=latest.tx_hash or "")  # fmt: skip
        return BotReply(ACCOUNT, text)
    text = bot_text("withdrawal_processing", language, amount=latest.amount, asset=latest.asset,
                    time=latest.time)  # fmt: skip
    return BotReply(ACCOUNT, text)


def _answered(state: BotState, intent: str | None, reply: BotReply) -> BotState:
    return replace(
        state,
        last_intent=intent or state.last_intent,
        unanswered=0,
        offered=(),
        turns=state.turns + 1,
        waiting_for=state.waiting_for if reply.kind == ASK_TX_HASH else None,
    )


def _handoff(
    handoff: Handoff,
    state: BotState,
    language: str,
    understanding: Understanding,
    *,
    count_turn: bool = True,
) -> tuple[BotReply, BotState]:
    key = {
        REASON_SECURITY: "handoff_security",
        REASON_LOW_CONFIDENCE: "handoff_low_confidence",
    }.get(handoff.reason, "handoff_connecting")
    handoff = replace(handoff, entities=state.entities)
    reply = BotReply(
        HANDOFF,
        bot_text(key, language),
        intent=handoff.intent,
        confidence=understanding.confidence,
        handoff=handoff,
    )
    turns = state.turns + 1 if count_turn else state.turns
    return reply, replace(state, handed_off=True, offered=(), waiting_for=None, turns=turns)
