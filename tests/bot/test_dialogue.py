"""The dialogue engine, pure: every turn shape, no database, no clock."""

from __future__ import annotations

import json

import pytest

from cexdesk.bot import dialogue
from cexdesk.bot.dialogue import (
    ArticleRef,
    BotState,
    DepositFinding,
    Facts,
    Lookup,
    ProfileFinding,
    Understanding,
    WithdrawalFinding,
    lookups_needed,
    respond,
)
from cexdesk.bot.entities import Entity
from cexdesk.bot.texts import bot_text

FEES = ArticleRef("trading-fees", "Trading fees", "/help/en/articles/trading-fees", by_intent=True)
FEES_VI = ArticleRef(
    "trading-fees", "Phí giao dịch", "/help/vi/articles/trading-fees", by_intent=True
)
MEMO = ArticleRef(
    "deposit-missing-or-wrong-memo", "Missing memo", "/help/en/articles/x", by_intent=True
)
FACTS = Facts(claim_url="/help/en/articles/deposit-recovery-claim", sign_in_url="/help/signin")
TX = "a" * 64
TX_ENTITY = Entity("tx_hash", TX, TX, chains=("BTC", "XRP"), start=0, end=64)


def said(
    text: str = "", language: str = "en", *intents: tuple[str, float], **kw: object
) -> Understanding:
    return Understanding(text=text, language=language, intents=tuple(intents), **kw)  # type: ignore[arg-type]


def hit(slug: str, score: float) -> ArticleRef:
    return ArticleRef(slug, slug.replace("-", " ").title(), f"/help/en/articles/{slug}", score)


def turn(
    understanding: Understanding,
    state: BotState | None = None,
    articles: tuple[ArticleRef, ...] = (),
    facts: Facts = FACTS,
    signed_in: bool = True,
) -> tuple[dialogue.BotReply, BotState]:
    return respond(understanding, state or BotState(), articles, facts, signed_in)


# --- knowledge-base answers ---------------------------------------------------------


@pytest.mark.parametrize(("language", "article"), [("en", FEES), ("vi", FEES_VI)])
def test_an_intent_with_an_article_is_answered_with_it_in_the_customers_language(
    language: str, article: ArticleRef
) -> None:
    reply, state = turn(said("fees?", language, ("fees", 0.97)), articles=(article,))
    assert reply.kind == dialogue.ARTICLE and reply.article == article
    assert reply.text.startswith(
        bot_text("article_intro", language, title=article.title, url=article.url)
    )
    assert article.url in reply.text and article.title in reply.text
    assert bot_text("ask_helpful", language) in reply.text
    assert reply.handoff is None and reply.intent == "fees" and reply.confidence == 0.97
    assert state.last_intent == "fees" and state.unanswered == 0 and state.turns == 1


def test_a_confident_search_hit_answers_when_the_engine_does_not_know() -> None:
    best, other = hit("withdrawal-fees", 12.0), hit("trading-fees", 4.0)
    reply, _ = turn(said("how much to withdraw"), articles=(other, best))
    assert reply.kind == dialogue.ARTICLE and reply.article == best


@pytest.mark.parametrize(
    "hits",
    [
        (hit("a", dialogue.KB_MIN_SCORE - 0.1),),  # too weak
        (hit("a", 10.0), hit("b", 9.5)),  # two articles about as good: no answer
        (),
    ],
)
def test_a_weak_or_ambiguous_search_is_no_answer(hits: tuple[ArticleRef, ...]) -> None:
    reply, state = turn(said("blah"), articles=hits)
    assert reply.kind == dialogue.UNKNOWN and reply.text == bot_text("unknown", "en")
    assert state.unanswered == 1 and reply.handoff is None


def test_two_unanswered_turns_in_a_row_hand_off_for_low_confidence() -> None:
    _, state = turn(said("blah"))
    reply, state = turn(said("blah blah"), state)
    assert reply.kind == dialogue.HANDOFF
    assert reply.handoff is not None and reply.handoff.reason == dialogue.REASON_LOW_CONFIDENCE
    assert not reply.handoff.urgent
    assert reply.text == bot_text("handoff_low_confidence", "en")
    assert state.handed_off


def test_an_answer_in_between_resets_the_unanswered_count() -> None:
    _, state = turn(said("blah"))
    _, state = turn(said("fees", "en", ("fees", 0.9)), state, (FEES,))
    assert state.unanswered == 0
    reply, state = turn(said("blah"), state)
    assert reply.kind == dialogue.UNKNOWN and state.unanswered == 1


# --- clarifying questions -----------------------------------------------------------

CLOSE = (("deposit_not_credited", 0.46), ("deposit_wrong_network", 0.40))


def test_two_close_intents_get_a_clarifying_question_with_both_options() -> None:
    reply, state = turn(said("my usdt", "en", *CLOSE))
    assert reply.kind == dialogue.CLARIFY
    options = "\n".join(
        f"{n}. {dialogue.intent_label(name, 'en')}" for n, (name, _) in enumerate(CLOSE, 1)
    )
    assert reply.text == bot_text("clarify", "en", options=options)
    assert state.offered == ("deposit_not_credited", "deposit_wrong_network")


@pytest.mark.parametrize("answer", ["2", " 2. ", "#2"])
def test_the_option_number_picks_the_intent(answer: str) -> None:
    _, state = turn(said("my usdt", "en", *CLOSE), signed_in=False)
    reply, state = turn(said(answer), state, signed_in=False)
    assert reply.intent == "deposit_wrong_network" and state.offered == ()


def test_the_options_words_pick_the_intent() -> None:
    _, state = turn(said("my usdt", "ru", *CLOSE))
    label = bot_text("intent.deposit_wrong_network", "ru")
    reply, _ = turn(said(label.upper(), "ru"), state, signed_in=False)
    assert reply.intent == "deposit_wrong_network"


def test_a_new_question_instead_of_a_choice_is_answered_as_such() -> None:
    _, state = turn(said("my usdt", "en", *CLOSE))
    reply, state = turn(said("fees please", "en", ("fees", 0.99)), state, (FEES,))
    assert reply.kind == dialogue.ARTICLE and reply.intent == "fees" and state.offered == ()


def test_a_number_out_of_range_is_no_choice() -> None:
    _, state = turn(said("my usdt", "en", *CLOSE))
    reply, _ = turn(said("7"), state)
    assert reply.kind == dialogue.UNKNOWN


# --- account questions ----------------------------------------------------------------


def test_account_questions_ask_to_sign_in_when_signed_out_with_the_article() -> None:
    understanding = said("where is my deposit", "en", ("deposit_missing_memo", 0.9))
    assert lookups_needed(understanding, BotState(), signed_in=False) == ()
    reply, _ = turn(understanding, articles=(MEMO,), signed_in=False)
    assert reply.kind == dialogue.ASK_SIGN_IN
    assert bot_text("ask_sign_in", "en", url="/help/signin") in reply.text
    assert MEMO.url in reply.text


def test_a_deposit_question_without_a_hash_asks_for_it_then_looks_it_up() -> None:
    first = said("my deposit is missing", "en", ("deposit_not_credited", 0.95))
    assert lookups_needed(first, BotState(), signed_in=True) == ()
    reply, state = turn(first)
    assert reply.kind == dialogue.ASK_TX_HASH and state.waiting_for == "tx_hash"
    assert reply.text == bot_text("ask_tx_hash", "en")

    second = said(TX, "en", entities=(TX_ENTITY,))  # the engine knows no intent in a hash
    assert lookups_needed(second, state, True) == (
        Lookup("deposit", tx_hash=TX, chains=("BTC", "XRP")),
    )
    credited = DepositFinding(TX, "credited", "BTC", "0.5", "BTC", "2026-11-23 10:00 UTC")
    reply, state = turn(second, state, facts=Facts(deposit=credited))
    assert reply.kind == dialogue.ACCOUNT and reply.intent == "deposit_not_credited"
    assert reply.text == bot_text(
        "deposit_credited", "en", amount="0.5", asset="BTC", time="2026-11-23 10:00 UTC"
    )
    assert state.waiting_for is None and state.entities["tx_hash"]["value"] == TX


def test_a_hash_in_the_question_is_looked_up_at_once() -> None:
    understanding = said(f"deposit {TX} missing", "en", ("deposit_not_credited", 0.9),
                         entities=(TX_ENTITY,))  # fmt: skip
    assert lookups_needed(understanding, BotState(), True)[0].kind == "deposit"


@pytest.mark.parametrize(
    ("finding", "key", "params"),
    [
        (
            DepositFinding(TX, "confirming", "BTC", "1", "BTC", confirmations=1, required=3),
            "deposit_confirming",
            {"amount": "1", "asset": "BTC", "confirmations": "1", "required": "3"},
        ),
        (DepositFinding(TX, "not_found"), "deposit_not_found", {}),
        (DepositFinding(TX, "claim_filed", "XRP", "250"), "deposit_under_review", {}),
        (
            DepositFinding(
                TX, "misdeposit", "XRP", "250", "XRP", case="missing_memo", outcome="awaiting_claim"
            ),
            "deposit_missing_memo_claim",
            {
                "amount": "250",
                "asset": "XRP",
                "url": f"/help/en/recovery/claim?tx={TX}&asset=XRP&network=XRP&amount=250",
            },
        ),
        (
            DepositFinding(
                TX,
                "misdeposit",
                "USDC",
                "1200",
                "BSC",
                case="wrong_network",
                outcome="awaiting_claim",
            ),
            "deposit_wrong_network_claim",
            {
                "amount": "1200",
                "asset": "USDC",
                "network": "BSC",
                "url": f"/help/en/recovery/claim?tx={TX}&asset=USDC&network=BSC&amount=1200",
            },
        ),
        (
            DepositFinding(
                TX,
                "misdeposit",
                "USDT",
                "800",
                "ETH",
                case="contract_address",
                outcome="not_recoverable",
                reason="sent to a contract address",
            ),
            "deposit_not_recoverable",
            {"reason": "sent to a contract address"},
        ),
        (
            DepositFinding(
                TX,
                "misdeposit",
                "USDT",
                "800",
                "ETH",
                case="wrong_network",
                outcome="not_recoverable",
                reason="older than 180 days",
                reason_code="too_old",
                reason_values=(("days", "180"),),
            ),
            "deposit_not_recoverable",
            {"reason": bot_text("recovery.reason.too_old", "en", days="180")},
        ),
    ],
)
def test_deposit_findings_are_answered(
    finding: DepositFinding, key: str, params: dict[str, str]
) -> None:
    facts = Facts(deposit=finding, claim_url=FACTS.claim_url)
    understanding = said("deposit", "en", ("deposit_missing_memo", 0.9), entities=(TX_ENTITY,))
    reply, state = turn(understanding, facts=facts)
    assert reply.kind == dialogue.ACCOUNT and reply.handoff is None
    assert reply.text == bot_text(key, "en", **params)
    assert not state.handed_off


@pytest.mark.parametrize(
    "finding",
    [
        DepositFinding(TX, "other_account"),
        DepositFinding(
            TX,
            "misdeposit",
            "PEPE2",
            "5",
            "ETH",
            case="unsupported_token",
            outcome="awaiting_claim",
        ),
    ],
)
def test_deposits_only_a_person_can_settle_are_handed_off_with_the_hash(
    finding: DepositFinding,
) -> None:
    understanding = said("deposit", "en", ("deposit_not_credited", 0.9), entities=(TX_ENTITY,))
    reply, state = turn(understanding, facts=Facts(deposit=finding))
    assert reply.handoff is not None and reply.handoff.reason == dialogue.REASON_REVIEW
    assert reply.handoff.intent == "deposit_not_credited"
    assert reply.handoff.entities["tx_hash"]["value"] == TX
    assert reply.text == bot_text("deposit_under_review", "en") and state.handed_off


def _withdrawal(status: str, **kw: str) -> WithdrawalFinding:
    return WithdrawalFinding("w1", status, "USDT", "900", "2026-11-23 09:00 UTC", **kw)


NOT_LOCKED = ProfileFinding(frozen=False, kyc="verified")


@pytest.mark.parametrize(
    ("withdrawals", "profile", "key", "params"),
    [
        ((), NOT_LOCKED, "withdrawal_none", {}),
        ((_withdrawal("cancelled"),), NOT_LOCKED, "withdrawal_none", {}),
        (
            (_withdrawal("requested"),),
            NOT_LOCKED,
            "withdrawal_processing",
            {"amount": "900", "asset": "USDT", "time": "2026-11-23 09:00 UTC"},
        ),
        (
            (_withdrawal("broadcast", tx_hash="0xabc"), _withdrawal("held")),
            NOT_LOCKED,
            "withdrawal_sent",
            {"amount": "900", "asset": "USDT", "tx_hash": "0xabc"},
        ),
        (
            (_withdrawal("requested"),),
            ProfileFinding(False, "verified", locked_until="2026-11-24 08:00 UTC"),
            "withdrawal_security_lock",
            {"until": "2026-11-24 08:00 UTC"},
        ),
    ],
)
def test_withdrawal_answers(
    withdrawals: tuple[WithdrawalFinding, ...],
    profile: ProfileFinding,
    key: str,
    params: dict[str, str],
) -> None:
    understanding = said("where is my withdrawal", "en", ("withdrawal_pending", 0.9))
    assert lookups_needed(understanding, BotState(), True) == (
        Lookup("withdrawals"),
        Lookup("profile"),
    )
    reply, _ = turn(understanding, facts=Facts(withdrawals=withdrawals, profile=profile))
    assert reply.kind == dialogue.ACCOUNT and reply.text == bot_text(key, "en", **params)


def test_a_risk_hold_is_explained_and_handed_to_a_person() -> None:
    understanding = said("withdrawal stuck", "de", ("withdrawal_pending", 0.9))
    facts = Facts(withdrawals=(_withdrawal("held"),), profile=NOT_LOCKED)
    reply, state = turn(understanding, facts=facts)
    assert reply.text == bot_text("withdrawal_risk_hold", "de")
    assert reply.handoff is not None and reply.handoff.reason == dialogue.REASON_RISK_HOLD
    assert state.handed_off


@pytest.mark.parametrize(
    ("frozen", "key"), [(True, "account_frozen"), (False, "account_not_frozen")]
)
def test_account_freeze(frozen: bool, key: str) -> None:
    understanding = said("is my account frozen", "tr", ("account_frozen", 0.9))
    assert lookups_needed(understanding, BotState(), True) == (Lookup("profile"),)
    reply, _ = turn(understanding, facts=Facts(profile=ProfileFinding(frozen, "verified")))
    assert reply.kind == dialogue.ACCOUNT and reply.text == bot_text(key, "tr")


@pytest.mark.parametrize("kyc", ["none", "pending", "verified", "rejected"])
def test_kyc_state_is_named_in_the_customers_language(kyc: str) -> None:
    understanding = said("kyc?", "pt-BR", ("kyc_verification", 0.9))
    reply, _ = turn(understanding, facts=Facts(profile=ProfileFinding(False, kyc)))
    assert reply.text == bot_text("kyc_state", "pt-BR", state=bot_text(f"kyc.{kyc}", "pt-BR"))


def test_without_the_accounts_facts_the_article_answers() -> None:
    reply, _ = turn(said("kyc?", "en", ("kyc_verification", 0.9)),
                    articles=(ArticleRef("kyc-levels", "KYC", "/k", by_intent=True),))  # fmt: skip
    assert reply.kind == dialogue.ARTICLE


def test_a_mistyped_address_is_pointed_out() -> None:
    bad = Entity("address", "0xAbC", "0xabc", chains=("ETH",), valid=False)
    reply, _ = turn(said("fees 0xAbC", "en", ("fees", 0.9), entities=(bad,)), articles=(FEES,))
    assert reply.text.startswith(bot_text("address_checksum_invalid", "en", address="0xAbC"))
    assert reply.kind == dialogue.ARTICLE


# --- handoffs ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "understanding",
    [
        said("someone took my money", "en", security_emergency=True),
        said("hacked", "en", ("account_hacked", 0.99)),
        # An emergency outranks a request for a person and any pending question.
        said("hacked, human now", "en", ("account_hacked", 0.9), asks_for_human=True),
    ],
)
def test_security_emergencies_go_to_the_security_team_urgently(
    understanding: Understanding,
) -> None:
    state = BotState(waiting_for="tx_hash", last_intent="deposit_not_credited",
                     entities={"uid": {"value": "123"}})  # fmt: skip
    assert lookups_needed(understanding, state, True) == ()
    reply, state = turn(understanding, state)
    handoff = reply.handoff
    assert handoff is not None and handoff.urgent and handoff.team == dialogue.SECURITY_TEAM
    assert handoff.reason == dialogue.REASON_SECURITY and handoff.intent == "account_hacked"
    assert handoff.entities == {"uid": {"value": "123"}}
    assert reply.text == bot_text("handoff_security", "en")
    assert state.handed_off and state.waiting_for is None


@pytest.mark.parametrize(
    "understanding",
    [said("人工", "zh-Hans", asks_for_human=True), said("human", "en", ("talk_to_human", 0.99))],
)
def test_asking_for_a_person_hands_off_at_once(understanding: Understanding) -> None:
    _, state = turn(said("my usdt", "en", *CLOSE))
    reply, state = turn(understanding, state)
    assert reply.handoff is not None and reply.handoff.reason == dialogue.REASON_ASKED
    assert not reply.handoff.urgent and reply.handoff.team is None
    assert reply.text == bot_text("handoff_connecting", understanding.language)
    assert state.handed_off


def test_the_human_button_hands_off_with_what_was_collected() -> None:
    _, state = turn(said("deposit", "en", ("deposit_not_credited", 0.9)))
    _, state = turn(said(TX, entities=(TX_ENTITY,)), state,
                    facts=Facts(deposit=DepositFinding(TX, "not_found")))  # fmt: skip
    reply, state = turn(said(button=dialogue.BUTTON_HUMAN), state)
    assert reply.handoff is not None and reply.handoff.reason == dialogue.REASON_BUTTON
    assert reply.handoff.intent == "deposit_not_credited"
    assert reply.handoff.entities["tx_hash"]["value"] == TX


def test_not_solved_hands_off() -> None:
    reply, _ = turn(said(button=dialogue.BUTTON_NOT_SOLVED), BotState(last_intent="fees"))
    assert reply.handoff is not None and reply.handoff.reason == dialogue.REASON_NOT_SOLVED


def test_solved_ends_contained_and_forgets_the_context() -> None:
    _, state = turn(said("deposit", "en", ("deposit_not_credited", 0.9), entities=(TX_ENTITY,)),
                    facts=Facts(deposit=DepositFinding(TX, "not_found")))  # fmt: skip
    assert state.entities
    reply, state = turn(said(button=dialogue.BUTTON_SOLVED, language="vi"), state)
    assert reply.kind == dialogue.SOLVED and reply.contained and reply.handoff is None
    assert reply.text == bot_text("solved_thanks", "vi")
    assert state == BotState()


def test_after_a_handoff_the_bot_is_silent() -> None:
    reply, state = turn(said("fees", "en", ("fees", 0.99)), BotState(handed_off=True), (FEES,))
    assert reply.kind == dialogue.SILENT and reply.text == "" and state.handed_off
    assert lookups_needed(said("withdrawal", "en", ("withdrawal_pending", 0.9)), state, True) == ()


def test_the_state_survives_json() -> None:
    _, state = turn(said("deposit", "en", ("deposit_not_credited", 0.9), entities=(TX_ENTITY,)),
                    facts=Facts(deposit=DepositFinding(TX, "not_found")))  # fmt: skip
    _, state = turn(said("x", "en", *CLOSE), state)
    again = BotState.from_dict(json.loads(json.dumps(state.to_dict())))
    assert again == state
    assert BotState.from_dict(None) == BotState() == BotState.from_dict({})
