"""The demo support organisation (teams and agents) and its customers, as plain data."""

from __future__ import annotations

from dataclasses import dataclass

from cexdesk.core.auth import Role

DEMO_EMAIL_DOMAIN = "demo.cexdesk.dev"
# The one row whose presence means "the demo data is loaded" (it is created first
# inside the same transaction as everything else, so it is there only if all of it is).
MARKER_TEAM = "demo-supervisors"


@dataclass(frozen=True)
class DemoTeam:
    slug: str
    name: str
    kind: str  # tier1 | tier2 | expert | vip | security | qa | supervisors
    description: str


TEAMS: tuple[DemoTeam, ...] = (
    DemoTeam(MARKER_TEAM, "Supervisors", "supervisors", "Shift leads: queues, SLAs, approvals"),
    DemoTeam("t1-europe", "Tier 1 · Europe", "tier1", "English, German, French, Italian, Polish"),
    DemoTeam("t1-cis", "Tier 1 · CIS", "tier1", "Russian and Ukrainian"),
    DemoTeam("t1-greater-china", "Tier 1 · Greater China", "tier1", "Simplified and Traditional"),
    DemoTeam("t1-sea", "Tier 1 · South-East Asia", "tier1", "Vietnamese and Indonesian"),
    DemoTeam("t1-mena-turkey", "Tier 1 · MENA & Türkiye", "tier1", "Arabic and Turkish"),
    DemoTeam("t1-latam", "Tier 1 · LatAm & Iberia", "tier1", "Spanish and Brazilian Portuguese"),
    DemoTeam("t2-engineers", "Tier 2 · Support engineers", "tier2", "On-chain and account cases"),
    DemoTeam("vip", "VIP desk", "vip", "Dedicated managers for VIP 3+ and institutions"),
    DemoTeam("security", "Security operations", "security", "Compromises, holds, scam reports"),
    DemoTeam("expert-product", "Experts · Product", "expert", "Product owners for feedback"),
    DemoTeam("expert-tech", "Experts · Engineering", "expert", "Matching engine, wallets, API"),
    DemoTeam("expert-legal", "Experts · Legal & compliance", "expert", "Complaints, LE requests"),
    DemoTeam("qa", "Quality assurance", "qa", "Sampling, scorecards, calibration"),
)

ALL = (
    "account", "kyc", "deposit", "withdrawal", "p2p", "trading", "api", "fees",
    "earn-promotions", "security", "compliance", "product-feedback",
)  # fmt: skip
T1 = ("account", "kyc", "deposit", "withdrawal", "p2p", "trading", "fees", "earn-promotions")


@dataclass(frozen=True)
class DemoAgent:
    key: str  # the local part of the email
    name: str
    role: Role
    tier: int
    languages: tuple[str, ...]
    categories: tuple[str, ...]
    teams: tuple[str, ...]
    featured: bool = False  # printed by `serve --demo` as a login to try

    @property
    def email(self) -> str:
        return f"{self.key}@{DEMO_EMAIL_DOMAIN}"


A = Role
AGENTS: tuple[DemoAgent, ...] = (
    DemoAgent("ada", "Ada Lindqvist", A.ADMIN, 2, ("en", "de"), ALL, (MARKER_TEAM,), True),
    DemoAgent("sam", "Sam Okafor", A.SUPERVISOR, 2, ("en", "fr"), ALL, (MARKER_TEAM,), True),
    DemoAgent("mei", "Mei Chen", A.SUPERVISOR, 2, ("zh-Hans", "zh-Hant", "en"), ALL,
              (MARKER_TEAM,)),
    DemoAgent("tom", "Tom Nguyen", A.AGENT, 1, ("vi", "en"), T1, ("t1-sea",), True),
    DemoAgent("putri", "Putri Wulandari", A.AGENT, 1, ("id", "en"), T1, ("t1-sea",)),
    DemoAgent("wei", "Wei Zhang", A.AGENT, 1, ("zh-Hans", "en"), T1, ("t1-greater-china",)),
    DemoAgent("yuting", "Lin Yu-Ting", A.AGENT, 1, ("zh-Hant", "zh-Hans", "en"), T1,
              ("t1-greater-china",)),
    DemoAgent("olena", "Olena Kovalenko", A.AGENT, 1, ("uk", "ru", "en"), T1, ("t1-cis",)),
    DemoAgent("dmitri", "Dmitri Volkov", A.AGENT, 1, ("ru", "en"), T1, ("t1-cis",)),
    DemoAgent("emre", "Emre Yılmaz", A.AGENT, 1, ("tr", "en"), T1, ("t1-mena-turkey",)),
    DemoAgent("layla", "Layla Haddad", A.AGENT, 1, ("ar", "fr", "en"), T1, ("t1-mena-turkey",)),
    DemoAgent("lucia", "Lucía Fernández", A.AGENT, 1, ("es", "en"), T1, ("t1-latam",)),
    DemoAgent("rafael", "Rafael Souza", A.AGENT, 1, ("pt-BR", "es", "en"), T1, ("t1-latam",)),
    DemoAgent("jonas", "Jonas Weber", A.AGENT, 1, ("de", "en"), T1, ("t1-europe",)),
    DemoAgent("giulia", "Giulia Rossi", A.AGENT, 1, ("it", "fr", "en"), T1, ("t1-europe",)),
    DemoAgent("kasia", "Katarzyna Nowak", A.AGENT, 1, ("pl", "uk", "en"), T1, ("t1-europe",)),
    DemoAgent("erin", "Erin Walsh", A.ENGINEER, 2, ("en", "zh-Hans"),
              ("deposit", "withdrawal", "api", "trading", "account"), ("t2-engineers",), True),
    DemoAgent("arjun", "Arjun Mehta", A.ENGINEER, 2, ("en", "id"),
              ("deposit", "withdrawal", "api", "p2p"), ("t2-engineers",)),
    DemoAgent("vera", "Vera Sokolova", A.VIP_AGENT, 2, ("en", "ru", "uk"), ALL, ("vip",), True),
    DemoAgent("hao", "Chen Hao", A.VIP_AGENT, 2, ("en", "zh-Hans", "zh-Hant"), ALL, ("vip",)),
    DemoAgent("seth", "Seth Morgan", A.SECURITY, 2, ("en", "ru", "es"),
              ("security", "withdrawal", "account"), ("security",), True),
    DemoAgent("quinn", "Quinn Adeyemi", A.QA, 2, ("en", "es", "pt-BR"), ALL, ("qa",), True),
    DemoAgent("priya", "Priya Raman", A.EXPERT, 3, ("en",), ("product-feedback", "trading"),
              ("expert-product",)),
    DemoAgent("marco", "Marco Bianchi", A.EXPERT, 3, ("en", "it"),
              ("api", "trading", "deposit", "withdrawal"), ("expert-tech",)),
    DemoAgent("fatima", "Fatima Zahra", A.EXPERT, 3, ("en", "ar", "fr"),
              ("compliance", "security"), ("expert-legal",)),
)  # fmt: skip

# Which tier-1 team serves which customer language.
TEAM_FOR_LANGUAGE = {
    "en": "t1-europe", "de": "t1-europe", "fr": "t1-europe", "it": "t1-europe",
    "pl": "t1-europe", "ru": "t1-cis", "uk": "t1-cis", "zh-Hans": "t1-greater-china",
    "zh-Hant": "t1-greater-china", "vi": "t1-sea", "id": "t1-sea", "tr": "t1-mena-turkey",
    "ar": "t1-mena-turkey", "es": "t1-latam", "pt-BR": "t1-latam",
}  # fmt: skip

# Given and family names per language, combined by the seeded generator.
NAMES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "en": (("James", "Emily", "Noah", "Olivia", "Liam", "Grace"),
           ("Smith", "Carter", "Hughes", "Bennett", "Reid", "Foster")),
    "zh-Hans": (("伟", "芳", "磊", "静", "洋", "婷"), ("王", "李", "张", "刘", "陈", "杨")),
    "zh-Hant": (("志明", "淑芬", "家豪", "怡君", "冠宇", "雅婷"),
                ("陳", "林", "黃", "張", "李", "吳")),
    "ru": (("Алексей", "Мария", "Иван", "Ольга", "Сергей", "Анна"),
           ("Иванов", "Смирнова", "Кузнецов", "Попова", "Соколов", "Лебедева")),
    "uk": (("Андрій", "Оксана", "Тарас", "Ірина", "Богдан", "Наталія"),
           ("Шевченко", "Бондаренко", "Ткаченко", "Мельник", "Кравченко", "Коваль")),
    "vi": (("Minh", "Lan", "Huy", "Thảo", "Tuấn", "Ngọc"),
           ("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ")),
    "id": (("Budi", "Siti", "Agus", "Dewi", "Rizky", "Ayu"),
           ("Santoso", "Wijaya", "Saputra", "Lestari", "Pratama", "Hidayat")),
    "tr": (("Mehmet", "Ayşe", "Mustafa", "Zeynep", "Burak", "Elif"),
           ("Yılmaz", "Kaya", "Demir", "Çelik", "Şahin", "Aydın")),
    "es": (("Carlos", "Lucía", "Javier", "Sofía", "Diego", "Valentina"),
           ("García", "Martínez", "López", "Sánchez", "Romero", "Torres")),
    "pt-BR": (("João", "Ana", "Pedro", "Beatriz", "Lucas", "Camila"),
              ("Silva", "Santos", "Oliveira", "Souza", "Pereira", "Costa")),
    "fr": (("Louis", "Camille", "Hugo", "Chloé", "Jules", "Léa"),
           ("Martin", "Bernard", "Dubois", "Lefèvre", "Moreau", "Laurent")),
    "de": (("Lukas", "Anna", "Felix", "Lea", "Jonas", "Marie"),
           ("Müller", "Schmidt", "Schneider", "Fischer", "Becker", "Hoffmann")),
    "it": (("Marco", "Giulia", "Luca", "Chiara", "Matteo", "Sara"),
           ("Rossi", "Russo", "Ferrari", "Esposito", "Romano", "Ricci")),
    "pl": (("Piotr", "Anna", "Tomasz", "Katarzyna", "Michał", "Magdalena"),
           ("Kowalski", "Nowak", "Wiśniewska", "Wójcik", "Kamiński", "Lewandowska")),
    "ar": (("محمد", "فاطمة", "أحمد", "مريم", "عمر", "نور"),
           ("العتيبي", "الحربي", "الزهراني", "القحطاني", "الشمري", "المصري")),
}  # fmt: skip

# Where customers of each language tend to live (ISO 3166 alpha-2).
REGIONS: dict[str, tuple[str, ...]] = {
    "en": ("GB", "US", "NG", "AU", "IN"), "zh-Hans": ("SG", "MY", "CN"),
    "zh-Hant": ("TW", "HK"), "ru": ("KZ", "AM", "GE"), "uk": ("UA", "PL"),
    "vi": ("VN",), "id": ("ID",), "tr": ("TR",), "es": ("AR", "MX", "CO", "ES"),
    "pt-BR": ("BR",), "fr": ("FR", "BE", "CI"), "de": ("DE", "AT", "CH"),
    "it": ("IT",), "pl": ("PL",), "ar": ("AE", "SA", "EG", "MA"),
}  # fmt: skip

# How many demo customers speak each language (roughly an exchange's user mix).
LANGUAGE_WEIGHTS: dict[str, int] = {
    "en": 22, "zh-Hans": 10, "zh-Hant": 5, "ru": 9, "uk": 4, "vi": 9, "id": 6, "tr": 7,
    "es": 7, "pt-BR": 6, "fr": 4, "de": 4, "it": 3, "pl": 3, "ar": 5,
}  # fmt: skip

KYC_STATES = (("verified", 70), ("pending", 12), ("failed", 6), ("none", 12))
# VIP tier 0 is a regular user; 1-5 are the exchange's VIP levels.
VIP_TIERS = ((0, 80), (1, 7), (2, 5), (3, 4), (4, 2), (5, 2))
