"""What every new customer message goes through before it is stored. Pure.

1. redaction: seed phrases, private keys and card numbers are masked (the original is
   never stored, so no agent can ever see it);
2. language, for a new conversation (the customer's profile breaks ties);
3. classification into the taxonomy, complaint and risk flags, and the priority.
SLA policy and routing follow from the stored ticket (``sla`` and ``routing`` handlers).
"""

from __future__ import annotations

from dataclasses import dataclass

from cexdesk.intake.classify import Classification, classify
from cexdesk.intake.language import Detected, detect
from cexdesk.intake.redaction import redact


@dataclass(frozen=True)
class Examined:
    subject: str | None
    body: str
    secrets: frozenset[str]  # kinds masked: seed_phrase, private_key, card_number
    language: Detected | None
    classification: Classification

    @property
    def flags(self) -> list[str]:
        c = self.classification
        named = {
            "security_emergency": c.emergency,
            "complaint": c.complaint,
            "manager_request": c.manager_request,
            "strongly_negative": c.strongly_negative,
            "secret_shared": bool(self.secrets),
        }
        return [name for name, raised in named.items() if raised]


def examine(
    body: str,
    *,
    subject: str | None = None,
    profile_language: str | None = None,
    vip_tier: int = 0,
    detect_language: bool = True,
) -> Examined:
    """Redact, detect and classify one message (and the subject of a new conversation)."""
    redacted_body = redact(body)
    redacted_subject = redact(subject) if subject is not None else None
    secrets = redacted_body.kinds | (redacted_subject.kinds if redacted_subject else frozenset())
    text = (
        f"{redacted_subject.text}\n{redacted_body.text}" if redacted_subject else redacted_body.text
    )
    return Examined(
        subject=redacted_subject.text if redacted_subject else None,
        body=redacted_body.text,
        secrets=secrets,
        language=detect(text, profile_language) if detect_language else None,
        classification=classify(text, vip_tier=vip_tier),
    )


def warm_up() -> None:
    """Load the language model and build the classifier's and redaction's tables now
    (about a second), so that the first customer's message does not wait for them."""
    examine("warm up: deposit not credited", subject="warm up", profile_language="en")
