"""Who is calling and what each role may do: the one place permissions are decided."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from cexdesk.core.errors import Forbidden


class Role(StrEnum):
    CUSTOMER = "customer"
    AGENT = "agent"  # tier 1
    ENGINEER = "engineer"  # tier 2
    EXPERT = "expert"  # product / tech / legal
    VIP_AGENT = "vip_agent"
    QA = "qa"
    SECURITY = "security"
    SUPERVISOR = "supervisor"
    ADMIN = "admin"


class Perm(StrEnum):
    TICKETS_READ_ALL = "tickets:read_all"
    TICKETS_WRITE = "tickets:write"
    TICKETS_ASSIGN_OTHERS = "tickets:assign_others"
    TICKETS_READ_INTERNAL = "tickets:read_internal"
    CUSTOMERS_READ = "customers:read"
    CUSTOMERS_WRITE = "customers:write"
    AGENTS_READ = "agents:read"
    AGENTS_MANAGE = "agents:manage"
    TEAMS_MANAGE = "teams:manage"
    AUDIT_READ = "audit:read"
    OUTBOX_MANAGE = "outbox:manage"
    MONEY_MOVE = "money:move"
    SECURITY_CASES = "security:cases"
    QA_REVIEW = "qa:review"
    TOKENS_MANAGE = "tokens:manage"
    SLA_MANAGE = "sla:manage"
    MACROS_MANAGE = "macros:manage"
    KB_MANAGE = "kb:manage"


_STAFF_BASE = {
    Perm.TICKETS_READ_ALL,
    Perm.TICKETS_WRITE,
    Perm.TICKETS_READ_INTERNAL,
    Perm.CUSTOMERS_READ,
    Perm.AGENTS_READ,
}

ROLE_PERMISSIONS: dict[Role, frozenset[Perm]] = {
    Role.CUSTOMER: frozenset(),
    Role.AGENT: frozenset(_STAFF_BASE),
    Role.ENGINEER: frozenset(_STAFF_BASE | {Perm.CUSTOMERS_WRITE}),
    Role.EXPERT: frozenset(_STAFF_BASE),
    Role.VIP_AGENT: frozenset(_STAFF_BASE | {Perm.CUSTOMERS_WRITE}),
    Role.QA: frozenset(
        {
            Perm.TICKETS_READ_ALL,
            Perm.TICKETS_READ_INTERNAL,
            Perm.CUSTOMERS_READ,
            Perm.AGENTS_READ,
            Perm.QA_REVIEW,
        }
    ),
    Role.SECURITY: frozenset(
        _STAFF_BASE | {Perm.CUSTOMERS_WRITE, Perm.SECURITY_CASES, Perm.AUDIT_READ, Perm.MONEY_MOVE}
    ),
    Role.SUPERVISOR: frozenset(
        _STAFF_BASE
        | {
            Perm.CUSTOMERS_WRITE,
            Perm.TICKETS_ASSIGN_OTHERS,
            Perm.AGENTS_MANAGE,
            Perm.AUDIT_READ,
            Perm.MONEY_MOVE,
            Perm.QA_REVIEW,
            Perm.SLA_MANAGE,
            Perm.MACROS_MANAGE,
            Perm.KB_MANAGE,
        }
    ),
    Role.ADMIN: frozenset(set(Perm)),
}

# Roles that must present a TOTP code at sign-in: they can change others' work or move money.
TOTP_REQUIRED = frozenset({Role.SUPERVISOR, Role.ADMIN, Role.SECURITY})


def totp_required(role: Role) -> bool:
    return role in TOTP_REQUIRED or Perm.MONEY_MOVE in ROLE_PERMISSIONS[role]


@dataclass(frozen=True)
class Principal:
    """The caller of a request: a staff member, an integration token or an end user."""

    kind: str  # agent | customer | integration
    id: int
    role: Role
    display_name: str = ""
    scopes: frozenset[str] = field(default_factory=frozenset)  # integration tokens only
    via_cookie: bool = False

    @property
    def is_customer(self) -> bool:
        return self.role is Role.CUSTOMER

    @property
    def is_staff(self) -> bool:
        return not self.is_customer

    def can(self, perm: Perm) -> bool:
        if perm not in ROLE_PERMISSIONS[self.role]:
            return False
        # An integration token is limited further to the scopes it was issued with.
        return self.kind != "integration" or perm.value in self.scopes

    def require(self, perm: Perm) -> None:
        if not self.can(perm):
            raise Forbidden(f"your role ({self.role}) lacks the permission {perm.value}")
