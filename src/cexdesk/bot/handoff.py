"""Whether a message asks for a person, and whether it reports a security emergency.

Pure: no database, clock or network; patterns compiled once at import.

Both work on a folded text (case-folded, accents and Arabic hamza marks removed, "đ",
"ł" and "ı" read as "d", "l" and "i"), so "Nhân viên", "nhan vien" and "NHÂN VIÊN" are
one phrase. The patterns of all 15 languages always apply: customers mix languages,
and language detection on three words is a guess.

Asking for a person. Short messages (up to 8 words, a Han character counting as half a
word) are taken at their word: "agent", "客服", "оператор please", "live chat?" ask for
one, unless they tell of someone ("the agent told me to send BTC", "有人冒充客服").
Longer messages need the request itself: an explicit phrase ("talk to a human", "转人工",
"соедините с оператором"), a hand-over to someone ("connect me with someone who can
help", "mettez-moi avec quelqu'un", "帮我接一个能解决问题的人"), "a person, not a
robot", "is anyone real here?", or a request word shortly before a person word ("I want
... an agent"), and no story of an impersonator.

Security emergencies are the intent engine's ``account_hacked`` safety net: hacked,
compromised or taken-over accounts; withdrawals, trades, orders, logins or API keys the
customer did not make ("trades I didn't place", "an API key I never created"); someone
else changing the email or password, bypassing 2FA or adding a withdrawal address; a
login from an unknown device; an account emptied (after a clicked link); stolen or
vanished funds; SIM swaps. Single words ("hacked", "被盗", "compromis") do not fire in a
question about prevention ("how do I avoid getting hacked?"); the phrases always do. The
phrases are written as customers report a thing done to them (a relative clause "...
that I didn't place", a third person "someone changed", "they added", "me vaciaron"),
so the questions of the customer's own doing ("how do I change my email", "how do I add
a withdrawal address", "where is my API key") stay ordinary.

Speed: this runs on every chat message (both questions of a message take some tens of
microseconds). One expression of a few hundred alternatives would try each of them at
every position; here the patterns starting at a word boundary are sorted by the
characters they can start with and, at each word start, only those that can are tried;
the Han and Arabic patterns (no word boundaries to lean on) are only tried on a text
with a Han or Arabic letter. A test checks this agrees with the patterns as written.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from functools import lru_cache

_LETTERS = str.maketrans({"đ": "d", "ł": "l", "ı": "i", "ø": "o", "ى": "ي", "ة": "ه", "’": "'"})
_TATWEEL = "ـ"


@lru_cache(maxsize=64)
def fold(text: str) -> str:
    """Case-folded, without accents or marks: the form every pattern here is matched on.

    Cached: the bot asks both questions of each message.
    """
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    bare = "".join(c for c in decomposed if not unicodedata.combining(c) and c != _TATWEEL)
    return bare.translate(_LETTERS)


# Han and Arabic letters: the patterns of those scripts are only tried on texts with one.
_HAN_LETTER = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_ARABIC_LETTER = re.compile(r"[\u0600-\u06ff]")
_WORD_START = r"\b"
_WORDS = re.compile(r"\w+")


@lru_cache(maxsize=64)
def _word_starts(folded: str) -> tuple[tuple[int, str], ...]:
    """Where each word of the text starts, and its first character."""
    return tuple((match.start(), folded[match.start()]) for match in _WORDS.finditer(folded))


def _group_end(pattern: str, start: int) -> int:
    """The index after the group (or character class) opening at ``start``."""
    depth, i = 0, start
    while i < len(pattern):
        char = pattern[i]
        if char == "\\":
            i += 2
            continue
        if char == "[":
            i = pattern.index("]", i + 2) + 1
            if depth == 0:
                return i
            continue
        if char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
            if depth == 0:
                return i + 1
        i += 1
    raise ValueError(f"unbalanced pattern: {pattern!r}")


def _alternatives(pattern: str) -> list[str]:
    """The pattern's top-level alternatives."""
    parts, i, last = [], 0, 0
    while i < len(pattern):
        char = pattern[i]
        if char == "\\":
            i += 2
        elif char in "([":
            i = _group_end(pattern, i)
        elif char == "|":
            parts.append(pattern[last:i])
            i = last = i + 1
        else:
            i += 1
    parts.append(pattern[last:])
    return parts


def _first_characters(pattern: str) -> set[str] | None:
    """The characters a match of ``pattern`` can start with; None when that is not plain
    to see (a class escape, a match that may be empty): then any may."""
    i = 0
    while i < len(pattern):
        char = pattern[i]
        if pattern.startswith(("(?<=", "(?<!"), i):  # a lookbehind takes no character
            i = _group_end(pattern, i)
            continue
        if pattern.startswith(r"\b", i):
            i += 2
            continue
        if char == "(":
            end = _group_end(pattern, i)
            inner = pattern[i + 3 : end - 1] if pattern.startswith("(?:", i) else None
            if inner is None:
                return None
            first: set[str] | None = set()
            for alternative in _alternatives(inner):
                found = _first_characters(alternative)
                first = None if found is None or first is None else first | found
        elif char == "[":
            end = _group_end(pattern, i)
            members = pattern[i + 1 : end - 1]
            if members.startswith("^") or "\\" in members or "-" in members:
                return None
            first = set(members)
        elif char in "\\.|)?*+{":
            return None
        else:
            end, first = i + 1, {char}
        if first is None:
            return None
        if pattern.startswith(("?", "*", "{0"), end):  # may be absent: what follows counts
            rest = _first_characters(
                pattern[pattern.index("}", end) + 1 if pattern[end] == "{" else end + 1 :]
            )
            return None if rest is None else first | rest
        return first
    return None


class _Patterns:
    """A group of patterns, matched fast.

    Those starting with ``\\b`` can only match where a word starts: they are sorted by
    the characters they can start with, and at each word start only those that can are
    tried (a regular expression of many alternatives otherwise tries each at every
    position). The others (Han, Arabic) are matched as one expression, and only on texts
    with a letter of those scripts.
    """

    __slots__ = ("_any", "_by_first", "_scripts", "patterns")

    def __init__(self, patterns: tuple[str, ...]) -> None:
        self.patterns = patterns  # as written: the reference the fast matching must agree with
        # Folding the patterns too lets them be written with their accents (regex escapes
        # here are lower case, so case folding leaves them alone).
        by_first: dict[str, list[str]] = {}
        anywhere: list[str] = []
        for pattern in patterns:
            if not pattern.startswith(_WORD_START):
                continue
            for alternative in _alternatives(fold(pattern)):
                if not alternative.startswith(_WORD_START):
                    raise ValueError(f"an alternative without \\b: {alternative!r}")
                # Tried at word starts only, where the \b holds.
                alternative = alternative[len(_WORD_START) :]
                first = _first_characters(alternative)
                for char in first if first is not None else ():
                    by_first.setdefault(char, []).append(alternative)
                if first is None:
                    anywhere.append(alternative)
        self._by_first = {
            char: _join([*alternatives, *anywhere]) for char, alternatives in by_first.items()
        }
        self._any = _join(anywhere) if anywhere else None
        # The others, by script: each pattern holds a letter of its script.
        others = [fold(p) for p in patterns if not p.startswith(_WORD_START)]
        self._scripts: list[tuple[re.Pattern[str], re.Pattern[str]]] = []
        for letter in (_HAN_LETTER, _ARABIC_LETTER):
            written = [p for p in others if letter.search(p)]
            if written:
                self._scripts.append((letter, _join(written)))
        if sum(len(_alternatives(e.pattern)) for _, e in self._scripts) < len(others):
            raise ValueError("a pattern without \\b is neither Han nor Arabic")

    def _word_matches(self, folded: str, start: int, end: int) -> Iterator[int]:
        for position, char in _word_starts(folded):
            if position < start:
                continue
            if position >= end:
                break
            expression = self._by_first.get(char, self._any)
            if expression is not None and expression.match(folded, position, end):
                yield position

    def search(self, folded: str, start: int = 0, end: int | None = None) -> bool:
        end = len(folded) if end is None else end
        for _ in self._word_matches(folded, start, end):
            return True
        return any(
            letter.search(folded, start, end) and expression.search(folded, start, end)
            for letter, expression in self._scripts
        )

    def starts(self, folded: str) -> Iterator[int]:
        """Where matches start (word patterns first, then script ones)."""
        yield from self._word_matches(folded, 0, len(folded))
        for letter, expression in self._scripts:
            if letter.search(folded):
                for match in expression.finditer(folded):
                    yield match.start()


def _join(patterns: list[str]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{pattern})" for pattern in patterns))


# --- asking for a person ---------------------------------------------------------

# Phrases that ask for a person whatever the message's length.
_EXPLICIT_REQUEST = _Patterns(
    (
        # en
        r"\b(?:talk|speak|chat|connect|escalate|transfer me|put me through|pass me|get me)\w*\b"
        r"[^.?!\n]{0,25}"
        r"\b(?:human|agent|person|operator|representative|rep|staff|someone|somebody"
        r"|support team|customer (?:service|support|care)|live (?:support|chat))\b",
        r"\b(?:real|live|actual) (?:person|human|agent|people|support|operator)\b",
        r"\bhuman (?:agent|being|support|help)\b",
        # "no bots", "not a robot" (but not the captcha's "I'm not a robot")
        r"\b(?<!i'm )(?<!im )(?<!i am )(?:no|not a|stop the|stop|hate this|useless) (?:more )?"
        r"(?:ro)?bots?\b",
        r"\bare you (?:a )?(?:ro)?bot\b",
        # is anyone (real) there?
        r"\b(?:any ?one|any ?body|some ?one|some ?body) (?:real|human|alive)\b",
        r"\b(?:is|are) (?:there )?(?:any ?one|any ?body) (?:here|there|out there|alive)\s*\?",
        # zh
        r"转人工|轉人工|人工客服|人工服务|人工服務|真人客服|找真人|要真人|转真人|轉真人",
        r"转接客服|轉接客服|联系客服|聯繫客服|聯絡客服|找客服|客服在吗|客服在嗎",
        r"要客服(?!(?:来|來)?(?:介入|仲裁))",  # but "需要客服介入" asks for an arbitration
        r"不要机器人|不要機器人|不想跟机器人|不想跟機器人|叫客服|呼叫客服|人工坐席|接人工",
        # hand me over to someone: 帮我接一个能解决问题的人
        r"(?:帮我|幫我|给我|給我|请|請)(?:接|转|轉|找)(?:一个|一個|一位|个|個|位)"
        r"[^，。？！,.?!]{0,10}的?人(?:$|[，。？！,.?!吗嗎吧啊])",
        r"^有(?:人|人在|没有人|沒有人|没人|沒人)(?:在)?(?:吗|嗎|么|麼)?[？?！!]*$",
        # ru, uk
        r"\b(?:живо\w*|реальн\w*|настоящ\w*|жив\w*) (?:человек\w*|оператор\w*|сотрудник\w*"
        r"|специалист\w*|людин\w*)",
        r"\b(?:соедините|переключите|свяжите|позовите|переведите|з'єднайте|переведіть"
        r"|покличте|зв'яжіть)\b[^.?!\n]{0,25}(?:оператор|человек|сотрудник|специалист"
        r"|поддержк|людин|співробітник|фахів|підтримк)",
        r"\b(?:не|без) (?:с )?бот\w*",
        # connect me with someone, transfer me to the live chat
        r"\b(?:соедините|переключите|переведите|свяжите|подключите|позовите|дайте"
        r"|з'єднайте|переключіть|переведіть|зв'яжіть|підключіть|покличте)\b (?:меня |мне "
        r"|мене |мені )?[^.?!\n]{0,10}\b(?:с кем-то|с кем-нибудь|кем-то|кого-то|кого-нибудь"
        r"|з кимось|кимось|когось|жив\w* чат|онлайн-чат)",
        r"\bа не (?:с |з )?(?:робот\w*|бот\w*)",
        r"\b(?:кто-нибудь|кто-то|кто нибудь|кто|хтось|хто) (?:живой|реальный|живий"
        r"|реальний)\b",
        # vi
        r"\b(?:gặp|gap|nói chuyện|kết nối|chuyển|liên hệ)\b[^.?!\n]{0,20}"
        r"\b(?:nhân viên|người thật|tư vấn viên|tổng đài viên|cskh|hỗ trợ viên)",
        r"\bngười thật\b",
        r"\bkhông (?:muốn )?(?:nói chuyện với )?(?:máy|bot)\b",
        r"\bcho (?:tôi |mình |em |tui )?gặp (?:một )?(?:người|ai đó)\b",
        r"\b(?:kết nối|nối máy) (?:tôi |mình |em )?(?:với|tới|cho) (?:một )?(?:ai đó|người nào"
        r"|người có thể|người giải quyết)",
        r"\bchuyển (?:tôi |mình |em )?(?:sang|qua) (?:ai đó|người thật|chat trực tiếp)",
        r"\bcó ai (?:ở )?(?:đó|đây) không\b",
        # id
        r"\b(?:bicara|ngobrol|hubungkan|sambungkan|minta|mau|ingin)\b[^.?!\n]{0,20}"
        r"\b(?:manusia|agen|operator|petugas|cs|customer service|orang asli|staf)\b",
        r"\borang (?:asli|sungguhan|beneran|nyata)\b",
        r"\b(?:hubungkan|sambungkan|sambungin|alihkan|oper|operin|operkan)\b (?:saya |aku "
        r"|gue )?(?:ke|dengan|sama) (?:orang|seseorang|manusia|agen|cs|live chat|petugas)\b",
        r"\b(?<!saya )(?<!aku )bukan (?:sama )?(?:ro)?bot\b",
        # tr
        r"\b(?:müşteri temsilcisi|canlı destek|gerçek (?:bir )?(?:kişi|insan))\b",
        r"\b(?:insan|temsilci|yetkili|operatör|destek|personel)\w*\b[^.?!\n]{0,20}"
        r"\b(?:bağla|görüş|konuş|aktar|istiyorum)\w*",
        r"\b(?:birine|birisine|birini|birisini)\b[^.?!\n]{0,15}\bbağla(?!nt)\w*",
        r"\bcanlı (?:sohbet|chat)\w*\b[^.?!\n]{0,15}\b(?:bağla(?!nt)|aktar)\w*",
        r"\b(?:ro)?bot(?:la)? değil\b",
        r"\bkimse (?:var mı|yok mu)\b",
        # es, pt-BR
        r"\b(?:hablar|comunicar|pásame|páseme|comunícame|contactar|falar|me transfere"
        r"|me passa|quero|quiero|necesito|preciso)\b[^.?!\n]{0,25}\b(?:humano|persona|agente"
        r"|operador|asesor|representante|atendente|pessoa|alguém|alguien|soporte|suporte"
        r"|personal de soporte|atención al cliente|servicio al cliente|atendimento)\b",
        r"\b(?:persona|pessoa) (?:real|de verdad|de verdade)\b",
        r"\b(?:atendimento|suporte|atención) humano\b",
        r"\b(?:transfiéreme|transfiérame|conéctame|conécteme|ponme|póngame|comuníqueme"
        r"|me coloca|me coloque|me conecta|me conecte|me encaminha|me encaminhe|me transfira)"
        r"\b[^.?!\n]{0,20}\b(?:alguien|alguém|una persona|uma pessoa|humano|agente|asesor"
        r"|atendente|chat en vivo|chat en directo|chat ao vivo)\b",
        r"\bno (?:con )?(?:un |el )?(?:ro)?bot\b",
        r"\bnão (?:com )?(?:um |o )?(?:robo|robos|bot|bots)\b",
        r"\b(?:alguien|alguém) (?:real|de verdad|de verdade|humano)\b",
        r"\b(?:hay|tem) alguien (?:ahí|aquí|ai|aqui)?\s*\?|\btem alguém (?:aí|aqui)?\s*\?",
        # fr
        r"\b(?:parler|discuter|passer|mettre en relation)\b[^.?!\n]{0,25}"
        r"\b(?:humain|conseiller|conseillère|agent|opérateur|quelqu'un|personne"
        r"|service client|support client)\b",
        r"\b(?:vraie personne|personne réelle|être humain)\b",
        r"\b(?:passez-moi|passe-moi|mettez-moi|mets-moi|transférez-moi|transfère-moi"
        r"|redirigez-moi|connectez-moi)\b[^.?!\n]{0,20}\b(?:quelqu'un|une personne|un humain"
        r"|un conseiller|un agent|chat en direct|chat en ligne)\b",
        r"\b(?<!suis )pas (?:d'un |un |de |avec un |avec le |le )?(?:ro)?bot\b",
        r"\bquelqu'un de (?:réel|vrai|humain)\b|\by a (?:quelqu'un|qqn) (?:là|ici)?\s*\?",
        # de
        r"\b(?:sprechen|reden|verbinden|verbinde|weiterleiten|möchte|will|brauche)\b"
        r"[^.?!\n]{0,30}\b(?:mitarbeiter\w*|mensch\w*|berater\w*|agent\w*|person"
        r"|kundenservice|kundendienst|support)\b",
        r"\b(?:echte\w* (?:person|mensch\w*)|kein\w* bot)\b",
        r"\bmit (?:einem |einer |dem |der )?(?:mitarbeiter\w*|mensch\w*|berater\w*"
        r"|kundensupport|kundenservice|kundendienst|support\w*|live-agent\w*|agent\w*)"
        r"[^.?!\n]{0,15}\b(?:sprechen|reden|verbunden|chatten|verbinden)",
        r"\bleite\w* (?:sie )?mich\b[^.?!\n]{0,30}(?:mitarbeiter|agent|mensch|berater|support)",
        r"\b(?:verbind|leite|stell|schalte)\w* (?:sie |ihr )?mich\b[^.?!\n]{0,20}\b(?:jemand\w*"
        r"|person|mensch\w*|live-?chat|mitarbeiter\w*|berater\w*)",
        r"\b(?<!bin )kein\w* (?:ro)?bot\w*",
        r"\bjemand (?:echtes|echter|lebendiges|menschliches)\b"
        r"|\bist (?:da |hier )?(?:jemand|wer)(?: da| hier)?\s*\?",
        # it
        r"\b(?:parlare|passare|collegare|voglio|vorrei)\b[^.?!\n]{0,25}"
        r"\b(?:operatore|umano|persona|assistente|agente|servizio clienti|assistenza)\b",
        r"\bpersona (?:reale|vera)\b",
        r"\b(?:mettetemi|mettimi|passatemi|passami|collegatemi|collegami|trasferitemi"
        r"|trasferiscimi)\b[^.?!\n]{0,20}\b(?:qualcuno|una persona|un umano|operatore|agente"
        r"|assistente|chat)",
        r"\bnon (?:di |con )?(?:un |il )?(?:ro)?bot\b",
        r"\bqualcuno di (?:reale|vero|umano)\b|\bc'è qualcuno(?: lì| qui)?\s*\?",
        # pl
        r"\b(?:rozmawiać|porozmawiać|połącz\w*|przekieruj\w*|chcę|chciałbym|chciałabym"
        r"|potrzebuję)\b[^.?!\n]{0,25}\b(?:konsultant\w*|człowiek\w*|pracownik\w*"
        r"|operator\w*|agent\w*|osob\w*|obsług\w* klienta|obsług\w*|support\w*)",
        r"\bprawdziw\w* (?:osob\w*|człowiek\w*|konsultant\w*)",
        r"\b(?:połącz|przełącz|przekieruj|dajcie|daj)\w* (?:mnie |mi )?[^.?!\n]{0,10}"
        r"\b(?:z kimś|kimś|kogoś|czat\w* na żywo)",
        r"\ba nie (?:z )?(?:robot\w*|bot\w*)",
        r"\bktoś (?:prawdziwy|żywy)\b|\bjest (?:tu |tam )?ktoś\s*\?",
        # ar
        r"(?:التحدث|اتحدث|أتحدث|تحدث|التكلم|أكلم|اكلم|حولني|حوّلني|وصلني|أريد|اريد|أود)"
        r"[^.?!\n؟]{0,25}(?:موظف|انسان|إنسان|شخص حقيقي|خدمة العملاء|ممثل|وكيل|بشري|الدعم)",
        r"شخص حقيقي|موظف بشري|الدعم البشري|ليس (?:مع )?(?:ال)?روبوت",
        r"(?:وصلني|صلني|حولني|حوّلني|اربطني|ربطني|دخلني)\s?(?:ب|ل|مع|الى|إلى|على)\s?"
        r"(?:ال)?(?:احد|أحد|شخص|موظف|انسان|بشري|دعم|دردشة)",
        r"(?<!انا )(?<!أنا )\b(?:مو|مش|ليس|مب|موب) (?:مع )?(?:ال)?(?:روبوت|بوت)",
        r"(?:فيه|في|هل يوجد|يوجد) (?:احد|أحد) ?(?:حقيقي|هنا|موجود)",
    )
)

# Words for a person; alone or in a short message they are a request.
_PERSON = _Patterns(
    (
        r"\b(?:human|agent|operator|representative|staff|live chat|live-chat|livechat"
        r"|live agent|customer service|customer support|support team)\b",
        r"客服|人工(?!智能)|真人|专员|專員|工作人员|工作人員|客服人员|客服人員",
        r"\b(?:оператор\w*|человек\w*|сотрудник\w*|специалист\w*|менеджер\w*|людин\w*"
        r"|співробітник\w*|фахів\w*|консультант\w*)",
        r"\b(?:жив\w*|онлайн-?) чат\w*",
        r"\b(?:nhân viên|người thật|tư vấn viên|tổng đài viên|cskh|hỗ trợ viên"
        r"|chat trực tiếp)\b",
        r"\b(?:manusia|agen|petugas|customer service|staf|obrolan langsung)\b",
        r"\b(?:insan|temsilci|yetkili|operatör|personel|canlı deste|canlı sohbet"
        r"|canlı chat)\w*",
        r"\b(?:humano|agente|operador|asesor|representante|atendente|atendimento"
        r"|chat en vivo|chat en directo|chat ao vivo)\b",
        r"\b(?:conseiller|conseillère|humain|opérateur|chat en direct)\b",
        r"\b(?:mitarbeiter\w*|mensch|menschen|berater\w*|kundenservice|kundendienst"
        r"|kundensupport|live-agent\w*|live-support)\b",
        r"\b(?:operatore|umano|assistente|chat dal vivo|chat in diretta)\b",
        r"\b(?:konsultant\w*|człowiek\w*|pracownik\w*|czat\w* na żywo)",
        r"موظف|انسان|إنسان|بشري|خدمة العملاء|ممثل خدمة|وكيل|الدردشة المباشرة|الشات المباشر",
    )
)
# "CS" (customer service in Asian usage) only in capitals, so "cs" in a word never fires.
_CS = re.compile(r"(?<![A-Za-z])CS(?![A-Za-z])")

# Words asking for something, for longer messages: a request shortly before a person.
_REQUEST_WORD = _Patterns(
    (
        r"\b(?:want|need|would like|let me|can i|could i|please|give me|get me)\b",
        r"我要|我想|请|請|帮我|幫我|给我|給我|找个|找個",
        r"\b(?:хочу|нужен|нужна|нужно|дайте|можно|потрібен|потрібна|дайте)\b",
        r"\b(?:muốn|cần|cho tôi|mau|ingin|minta|butuh|istiyorum|lütfen)\b",
        r"\b(?:quiero|necesito|quero|preciso|je veux|je voudrais|besoin|ich möchte|ich will"
        r"|bitte|voglio|vorrei|chcę|chciałbym|proszę)\b",
        r"أريد|اريد|أود|أحتاج|من فضلك",
    )
)
# How far before a person word a request word may stand, in characters.
_WINDOW = 30
_HAN_WINDOW = 8

# Telling of a person rather than asking for one: impersonators and what "they" said;
# and asking the platform to arbitrate a P2P dispute (the appeal, not a chat).
_STORY = _Patterns(
    (
        r"\b(?:told|said|asked me|called me|texted me|messaged me|contacted me|claimed"
        r"|claiming|pretend\w*|fake|scam\w*|impersonat\w*|phishing|affiliate\w*"
        r"|become an? (?:agent|partner))\b",
        r"冒充|假|骗|騙|说让我|說讓我|让我转|讓我轉|告诉我|告訴我|诈骗|詐騙",
        r"(?:客服|人工|平台)(?:来|來)?(?:介入|仲裁)",
        r"\b(?:сказал\w*|попросил\w*|звонил\w*|написал\w*|мошенн\w*|фейк\w*|поддельн\w*"
        r"|сказав|просив|шахра\w*|підробн\w*|фальшив\w*|просил\w*|телефонувал\w*"
        r"|називал\w*|назвал\w*)",
        r"\b(?:nói|bảo|giả mạo|lừa đảo|mạo danh)\b",
        r"\b(?:bilang|menyuruh|mengaku|palsu|penipu\w*)\b",
        r"\b(?:dedi|söyledi|sahte|dolandırıcı\w*|gibi davran\w*)\b",
        r"\b(?:dijo|me pidió|falso|estafa\w*|se hizo pasar|disse|pediu|golpe\w*"
        r"|se passando)\b",
        r"\b(?:m'a dit|a dit|m'a demandé|faux|arnaque\w*|se faisant passer)\b",
        r"\b(?:sagte|gesagt|gefälscht\w*|betrüger\w*|gab sich)\b",
        r"\b(?:mi ha detto|ha detto|finto|truffa\w*|spacciava)\b",
        r"\b(?:powiedział\w*|kazał\w*|fałszyw\w*|oszust\w*|podszyw\w*)",
        r"قال|طلب مني|مزيف|احتيال|ينتحل|منتحل|نصاب|اتصل بي|يدعي|تدعي",
    )
)

_SHORT_MESSAGE_WORDS = 8
_WORD = re.compile(r"[^\W\d_]+|\d+")
_HAN = _HAN_LETTER


def _word_count(text: str) -> float:
    """Words, a Han character counting as half of one (Chinese words average two)."""
    han = len(_HAN.findall(text))
    return len(_WORD.findall(_HAN.sub(" ", text))) + han / 2


def asks_for_human(text: str, language: str | None = None) -> bool:
    """Whether the customer asks to talk to a person.

    ``language`` is only a hint and is not needed: every language's phrases are looked
    for, so "I want 人工" works in an English conversation.
    """
    folded = fold(text)
    if _EXPLICIT_REQUEST.search(folded):
        return True
    has_person = _PERSON.search(folded) or _CS.search(text) is not None
    if not has_person or _STORY.search(folded):
        return False
    if _word_count(text) <= _SHORT_MESSAGE_WORDS:
        return True
    for start in _PERSON.starts(folded):
        # Chinese packs a request into a few characters: look less far back.
        window = _HAN_WINDOW if _HAN.match(folded, start) else _WINDOW
        if _REQUEST_WORD.search(folded, max(0, start - window), start):
            return True
    return False


# --- security emergencies ------------------------------------------------------------

# Unambiguous reports of a compromise, whatever else the message says.
_EMERGENCY_PHRASES = _Patterns(
    (
        # -- the account hacked, taken over; funds stolen or vanished --
        # en
        r"\b(?:my )?account (?:was|has been|got|is|been) (?:hacked|compromised|taken over"
        r"|drained|emptied|stolen)\b",
        r"\b(?:i|we) ?(?:got|was|were|have been|'ve been|ve been) hacked\b",
        r"\bunauthori[sz]ed (?:withdrawal|access|login|log-in|transaction|transfer|sign-in"
        r"|trade|order)",
        r"\b(?:unknown|unrecogni[sz]ed|strange|suspicious) (?:withdrawal|transfer|login"
        r"|transaction)",
        # "my funds are gone", "all my BTC is gone" (but not "money is gone?" of a memo)
        r"\b(?:my|all my|all of my|all the|our) (?:\w+ )?(?:funds|coins|money|balance|crypto"
        r"|assets|usdt|btc|eth) (?:is |are |was |were |have |has )?(?:been )?(?:gone|disappeared"
        r"|vanished|stolen|drained)\b",
        r"\bsim[\s-]?swap|\bported my (?:number|phone)",
        r"\bwithout my (?:permission|consent|knowledge|authori[sz]ation|approval)\b",
        r"\b(?:sin mi|sin su) (?:permiso|autorización|consentimiento)",
        r"\bsem (?:a )?minha (?:autorização|permissão)|\bsem meu (?:consentimento|conhecimento)",
        r"\bsans mon (?:autorisation|accord|consentement)",
        r"\bohne meine (?:zustimmung|erlaubnis|genehmigung)|\bohne mein wissen",
        r"\bsenza (?:la mia autorizzazione|il mio (?:permesso|consenso))",
        r"\bbez mojej (?:zgody|wiedzy)",
        r"\b(?:iznim|izinim) (?:olmadan|dışında)|\bbenim iznim olmadan",
        r"\bkhông có sự (?:cho phép|đồng ý) của tôi",
        r"(?:دون|بدون) (?:إذني|علمي|موافقتي)",
        r"未经我|未經我|没有经过我的?同意|沒有經過我的?同意",
        # zh
        r"盗号|盜號|被入侵|被转走|被轉走|被提走|被提现|被提幣|被提币",
        r"被(?:掏空|清空|洗劫|盗空|盜空|提空|搬空)",
        r"未经授权|未經授權|未授权|未授權|(?:我)?(?:没有|沒有)授权|(?:我)?(?:没有|沒有)授權"
        r"|陌生(?:的)?(?:提现|提現|提币|提幣|登录|登入)|不明(?:提现|提幣|提币)",
        r"有人(?:登录|登入|登陆)了?我的|有人(?:把|將|将)?我的(?:币|幣|钱|錢|资产|資產)",
        r"(?:资产|資產|余额|餘額)(?:全|都)?(?:没了|沒了|清零|被清空)",
        r"(?:手机卡|手機卡|sim卡)(?:被)?(?:补办|補辦|盗用|盜用|复制|複製)",
        # ru, uk
        r"\bвзлом\w*|\bзламал\w*|\bзлам\b|\bукрал\w*|\bвкрал\w*|\bкраж\w*|\bкрадіжк\w*",
        r"\bне я (?:вывел|выводил|делал|вивів|виводив|робив)",
        r"\bнесанкционирован\w*|\bнесанкціонован\w*",
        r"\bбез (?:моего|мого) (?:ведома|разрешения|согласия|відома|дозволу|згоди)",
        r"\b(?:пропали|исчезли|зникли) (?:все|всі) (?:деньги|средства|монеты|кошти|гроші)",
        r"\bвывод\w*,? (?:котор\w* )?я не (?:делал|совершал|подтверждал|запрашивал)",
        r"\bя не (?:подтверждал|делал|совершал|запрашивал|разрешал) (?:этот |этого )?вывод",
        r"\bвиведенн\w*,? (?:якого )?я не (?:робив|підтверджував|замовляв)",
        r"\bя не (?:підтверджував|робив|дозволяв) (?:це |цього )?виведенн",
        r"\b(?:перевыпустили|перевипустили|подменили) (?:мою )?сим",
        # vi
        r"\bbị (?:hack|đánh cắp|trộm|xâm nhập|chiếm|lấy mất|rút (?:sạch|hết|mất))",
        r"\bkhông phải (?:tôi|mình|em) (?:rút|thực hiện|làm|đăng nhập)",
        r"\btôi không (?:hề )?cho phép (?:lệnh|giao dịch)",
        r"\btruy cập trái phép",
        r"\bmất hết (?:tiền|coin|usdt|tài sản)",
        # id
        r"\b(?:diretas|dibobol|di-?hack|dicuri|kecurian|dikuras|dikurasin)\b",
        r"\bbukan saya yang (?:menarik|melakukan|withdraw|login|masuk)",
        r"\btanpa (?:izin|sepengetahuan) saya",
        r"\bsaldo (?:saya )?(?:hilang|raib|lenyap|terkuras)",
        r"\b(?:dana|aset|uang) saya (?:hilang|raib|lenyap|terkuras)",
        r"\b(?:dana|aset|uang) (?:raib|lenyap|terkuras)",
        r"\bpenarikan (?:yang )?bukan saya",
        r"\bakses (?:yang )?tidak sah",
        r"\bsaya tidak (?:pernah )?mengizinkan (?:penarikan|transaksi)",
        # tr
        r"\bhacklen\w*|\bçalındı|\bçaldı\w*|\bele geçiril\w*",
        r"\byetkisiz (?:çekim|giriş|işlem|erişim)",
        r"\b(?:ben onaylamadım|onaylamadığım (?:bir )?(?:çekim|işlem)|ben yapmadım"
        r"|benim yapmadığım|bilmediğim (?:bir )?(?:çekim|giriş|işlem))",
        # "param gitti" is a report, "param gitti mi?" a question
        r"\b(?:bakiyem|param|fonlarım) (?:sıfırlandı|yok oldu|gitti|kayboldu)\b(?! m[iu]\b)",
        # es, pt-BR
        r"\b(?:hackead[oa]|hackearon|jaquead[oa]|me robaron|robad[oa]s?|invadid[oa]"
        r"|invadiram|roubad[oa]s?|roubaram|hackearam)\b",
        r"\b(?:retiro|saque|retirada)s? (?:que )?(?:yo )?(?:eu )?(?:no|não) (?:hice|autoricé"
        r"|reconozco|fiz|autorizei|reconheço)",
        r"\b(?:no autorizad[oa]|não autorizad[oa]|no autoricé|não autorizei)\b",
        r"\b(?:me )?(?:vaciaron|zeraram|esvaziaram) (?:la |a |mi |minha |toda la |toda a )?"
        r"(?:cuenta|conta|billetera|carteira)",
        r"\b(?:duplicaron mi sim|clonaram (?:meu )?chip|chip clonado)",
        # fr
        r"\b(?:piraté(?:e|s|es)?|piratage|hacké(?:e|s|es)?|volé(?:e|s|es)?|dérobé\w*)\b",
        r"\b(?:accès|retrait|connexion|transaction|virement) non autorisé",
        r"\bje n'ai (?:jamais |pas )autorisé",
        r"\bretrait (?:que je n'ai pas|non autorisé|inconnu)",
        r"\bje n'ai (?:jamais |pas )(?:fait|effectué|autorisé|demandé) (?:ce|cet|le|ces)"
        r" (?:retrait|transfert|virement)",
        r"\b(?:vidé mon compte|fonds ont disparu|mes fonds ont disparu)",
        # de
        r"\b(?:gehackt|gestohlen|geklaut|unbefugt\w*|nicht autorisiert\w*)\b",
        r"\b(?:nicht von mir|habe ich nicht (?:gemacht|veranlasst|autorisiert))",
        r"\bdie ich nicht (?:gemacht|veranlasst|autorisiert|getätigt|beauftragt) habe",
        r"\bkonto (?:wurde )?(?:leergeräumt|geleert|übernommen)",
        # it
        r"\b(?:hackerat[oa]|violat[oa]|rubat[oaie]|derubat[oa])\b",
        r"\bprelievo (?:che )?non (?:ho fatto|ho autorizzato|autorizzato|riconosco)",
        r"\b(?:non autorizzat[oaie]|non ho autorizzato)\b",
        r"\bsvuotato il (?:mio )?conto",
        r"\b(?:account|conto|portafoglio|saldo)\b[^.?!\n]{0,12}\bsvuotat[oa]",
        # pl ("nic złego nie zrobiłem", I did nothing wrong, is no report)
        r"\b(?:zhakow\w*|włamani\w*|włamał\w*|ukradli|ukradzion\w*|skradzion\w*"
        r"|kradzież\w*)",
        r"\bnie (?:ja )?(?:zleciłem|zleciłam|autoryzowałem|autoryzowałam)",
        r"\bnie (?:ja )?(?:zrobiłem|zrobiłam|robiłem|robiłam) (?:tej|tego|tych|te)\b",
        r"\bnieautoryzowan\w*",
        r"\b(?:konto|saldo|portfel)\w*\b[^.?!\n]{0,15}\b(?:wyczyszczon|wyczyścil)\w*"
        r"|\bwyczyścili\b",
        r"\bwszystkie (?:moje )?\w+ (?:zniknęły|przepadły)|\bzniknęły (?:wszystkie )?"
        r"(?:moje )?(?:środki|monety|pieniądze)",
        # ar
        r"اختراق|اخترق|مخترق|تمت سرقة|سرقة|سرقوا|مسروق|سرق",
        r"سحب (?:لم اقم به|غير مصرح|غير معروف)|لم اقم (?:بهذا|بهذه) ال?سحب",
        r"غير مصرح|شخص ما (?:سحب|دخل|قام)|اختفت (?:اموالي|أموالي|اصولي)",
        r"(?:استبدال|نسخ) (?:ال)?شريحه",
        r"لم أوافق على (?:هذا|هذه) ?ال?سحب|لم أطلب (?:هذا|هذه) ?ال?سحب",
        r"انسحب(?:ت)? (?:كل|كله|جميع)|حسابي انسحب|(?:سحبوا|فضوا|فرغوا|صفروا) (?:كل|حسابي"
        r"|محفظتي|رصيدي)",
        #
        # -- someone else did it: changed the email or password, bypassed 2FA, got in,
        # took or withdrew the coins --
        r"\b(?:someone|somebody|a hacker|the hacker|hackers?) (?:has |had |just )?"
        r"(?:changed|reset|disabled|turned off|removed|bypassed|got past|got around|stole"
        r"|withdrew|withdrawn|drained|emptied|sold|traded|logged|log in|accessed|got into"
        r"|got access|hacked|(?:took|sent|transferred) (?:my |all (?:my )?)(?:\w+ )?(?:coins|funds"
        r"|money|crypto|usdt|btc|eth|assets|balance)|took everything|added (?:a |an "
        r"|the |my )?(?:new |unknown )?(?:device|api|phone|email|address|withdrawal|whitelist))",
        r"\b(?:alguien|un hacker|el hacker|los hackers) (?:me |se )?(?:cambió|modificó"
        r"|desactivó|quitó|saltó|burló|evadió|llevó|robó|retiró|sacó|transfirió|vendió|vació"
        r"|entró|accedió|metió|hackeó)",
        r"\b(?:alguien|un hacker|el hacker) (?:agregó|añadió|vinculó) (?:una |un |otra |otro )?"
        r"(?:nueva |nuevo )?(?:dirección|api|dispositivo|correo|teléfono|número)",
        r"\b(?:alguém|um hacker|o hacker) (?:me |se )?(?:trocou|mudou|alterou|desativou"
        r"|removeu|passou pelo|passou pela|burlou|driblou|levou|roubou|sacou|retirou"
        r"|transferiu|vendeu|esvaziou|entrou|acessou|logou|invadiu|hackeou)",
        r"\b(?:alguém|um hacker|o hacker) (?:adicionou|cadastrou|vinculou) (?:um |uma |outro )?"
        r"(?:novo |nova )?(?:endereço|api|dispositivo|e-?mail|telefone|número)",
        r"\b(?:quelqu'un|un hacker|le hacker|un pirate|des pirates) (?:a |m'a |s'est |ont "
        r"|se sont )?(?:changé|modifié|désactivé|supprimé|contourné|pris|volé|retiré"
        r"|transféré|vendu|vidé|connecté|accédé|piraté|introduit|ajouté (?:une |un |l')?"
        r"(?:nouvelle |nouvel |nouveau )?(?:adresse|api|appareil|e-?mail|téléphone|numéro))",
        r"\b(?:jemand|ein hacker|der hacker|hacker) (?:hat|haben) (?:sich )?[^.?!\n]{0,50}?"
        r"\b(?:geändert|umgangen|deaktiviert|ausgeschaltet|entfernt|genommen"
        r"|gestohlen|geklaut|abgehoben|abgezogen|ausgezahlt|überwiesen|verkauft|leergeräumt"
        r"|eingeloggt|angemeldet|zugegriffen|gehackt)\b",
        r"\b(?:qualcuno|un hacker|l'hacker|gli hacker) (?:mi |si )?(?:ha|hanno|è) (?:\w+ )?"
        r"(?:cambiato|modificato|disattivato|rimosso|aggirato|preso|rubato|prelevato"
        r"|trasferito|venduto|svuotato|entrato|acceduto|avuto accesso|hackerato|aggiunto "
        r"(?:un |una |l')?(?:nuovo |nuova )?(?:indirizzo|api|dispositivo|e-?mail|telefono"
        r"|numero))",
        r"\b(?:ktoś|haker\w*) (?:mi )?(?:się )?(?:zmienił|wyłączył|usunął|obszedł|ominął"
        r"|zabrał|ukradł|wypłacił|przelał|sprzedał|wyczyścił|zalogował|wszedł|włamał"
        r"|dodał (?:nowy |nowe |nową )?(?:adres|api|urządzeni|e-?mail|telefon|numer))",
        r"\b(?:кто-то|кто то|хакер\w*) (?:мне )?(?:сменил|изменил|поменял|отключил|удалил"
        r"|обошёл|обошел|забрал|украл|вывел|снял|перевёл|перевел|продал|зашёл|зашел|вошёл"
        r"|вошел|взломал|(?:добавил|привязал) (?:новый |новое |новую )?(?:адрес|api|устройств"
        r"|почт|email|телефон|номер))",
        r"\b(?:хтось|хакер\w*) (?:мені )?(?:змінив|поміняв|вимкнув|видалив|обійшов|додав"
        r"|забрав|вкрав|вивів|зняв|перевів|продав|зайшов|увійшов|зламав|(?:додав|прив'язав) "
        r"(?:нову |новий |нове )?(?:адрес|api|пристр|пошт|email|телефон|номер))",
        r"\b(?:ai đó|có ai đó|có người|kẻ nào đó|hacker|kẻ gian) (?:đã )?(?:(?:đổi|thay đổi"
        r"|tắt|gỡ|thêm) (?:\w+ )?(?:email|mật khẩu|mk|số điện thoại|sđt|2fa|google|địa chỉ)"
        r"|vượt qua|bỏ qua|lấy|rút|chuyển hết|chuyển sạch|đăng nhập|vào tài khoản|truy cập"
        r"|bán)",
        r"\b(?:ada yang|seseorang|orang lain|hacker) (?:sudah |udah |telah )?(?:ganti|mengganti"
        r"|ubah|mengubah|matikan|mematikan|hapus|menghapus|bobol|membobol|lewati|melewati"
        r"|tembus|menembus|nambah|menambah|menambahkan|tambah|ambil|mengambil|curi|mencuri"
        r"|narik|menarik|tarik|kuras|menguras|jual|menjual|masuk|login|akses|mengakses)\b"
        r"(?: \w+){0,2}? (?:email|password|kata sandi|sandi|2fa|akun|koin|coin|dana|saldo"
        r"|usdt|btc|aset|uang|nomor|alamat|google|semua)",
        # tr: biri + my 2FA / password / e-mail / account / coins (possessive) + a verb
        r"\bbiri(?:si|leri)?\b[^.?!\n]{0,30}?\b(?:2fa|iki faktör\w*|doğrulama\w*|şifre|parola"
        r"|e-?posta|mail|telefon|numara|hesab|hesap|çekim adres|coin|bakiye|para|fon|varlık)"
        r"'?(?:ler|lar)?(?:i|u)?m(?:i|a|u|e|dan|den|daki|deki)?\b[^.?!\n]{0,20}?"
        r"\b(?:değiştir|aş(?:ıp|mış|tı|arak)|atlat|kapat|sıfırla|gir(?:ip|di|miş)|ekle"
        r"|al(?:dı|mış|ıp)|çal|çek(?:ti|miş|ip)|boşalt)\w*",
        r"(?:有人|黑客|骇客|駭客|别人|別人|陌生人)[^，。？！,.?!]{0,12}(?:改了|修改了|更改了"
        r"|换了|換了|绕过|繞過|关闭了|關閉了|解绑了|解綁了|转走|轉走|提走|提光|偷走|拿走"
        r"|盗走|盜走|掏空|清空)",
        r"\b(?:احد|شخص ما|شخص|هاكر|الهاكر|الهكر|المخترق) (?:قام ب)?(?:غير|عدل) (?:ال)?"
        r"(?:ايميل|بريد|كلمه|باسورد|رقم|جوال|عنوان)",
        r"\b(?:احد|شخص ما|هاكر|الهاكر|الهكر|المخترق) (?:تجاوز|تخطى|عطل|الغى|اخذ|سحب|سرق"
        r"|دخل|سرقوا|سحبوا)",
        #
        # -- trades, orders, withdrawals, logins, API keys the customer did not make: a
        # relative clause after the thing ("the API key I never created"), so "I have
        # never created an API key" is no report --
        r"\b(?:orders?|trades?|transactions?|positions?|withdrawals?|transfers?|logins?"
        r"|sign-ins?|api keys?|keys?|purchases?|sales?|operations?)\b(?: (?:on|in|from|to|of)"
        r" (?:my |the )?(?:\w+ )?\w+){0,2}(?: (?:was|were|has been|got) (?:created|added|made"
        r"|placed|opened))?,? (?:that |which )?(?:i|we) (?:did not|didn't|didnt|never"
        r"|have not|haven't|havent) (?:ever )?(?:place|placed|make|made|open|opened"
        r"|authori[sz]e|authori[sz]ed|request|requested|create|created|generate|generated"
        r"|set up|initiate|initiated|recogni[sz]e)\b",
        r"\b(?:i|we) (?:did not|didn't|didnt|never) (?:make|place|open|request|authori[sz]e)"
        r" (?:(?:this|that|these|those|the|a|any) (?:withdrawal|transfer|transaction)"
        r"|(?:this|that|these|those) (?:orders?|trades?|positions?))",
        r"\b(?:withdrawal|transfer|transaction|login|sign-in)s? (?:that )?i (?:did not|didn't"
        r"|never) (?:make|do|request|authori[sz]e|recogni[sz]e)",
        r"\b(?:operaciones|operación|órdenes|orden|transacciones|transacción|trades?|retiros?"
        r"|transferencias?|movimientos?|inicios? de sesión|accesos?|api keys?"
        r"|claves? (?:de )?api|llaves? api|compras?|ventas?)\b(?: (?:en|de|desde) (?:mi |la "
        r"|el )?\w+){0,2},? (?:que )?(?:yo )?(?:nunca|no) (?:hice|realicé|autoricé|reconozco"
        r"|coloqué|puse|abrí|creé|cree|generé|pedí|solicité)",
        r"\b(?:operações|operação|ordens|ordem|transações|transação|trades?|saques?"
        r"|transferências?|movimentações?|logins?|acessos?|api keys?|chaves? (?:de )?api"
        r"|compras?|vendas?)\b(?: (?:na|em|da|de|do|no) (?:minha |meu )?\w+){0,2},? (?:que )?"
        r"(?:eu )?(?:nunca|não) (?:fiz|realizei|autorizei|reconheço|abri|criei|gerei|pedi"
        r"|solicitei)",
        r"\b(?:ordres?|opérations?|transactions?|trades?|retraits?|virements?|transferts?"
        r"|connexions?|clés? api|api keys?|achats?|ventes?)\b(?: (?:sur|dans|de|depuis) "
        r"(?:mon |le |la )?\w+){0,2},? (?:que|qu') ?(?:je n'ai|j'ai|je n ai) (?:jamais |pas "
        r"|rien )?(?:jamais |pas )?(?:passé|fait|effectué|autorisé|demandé|créé|ouvert"
        r"|généré|reconnu)",
        r"\b(?:trades?|orders?|aufträge|auftrag|transaktion(?:en)?|auszahlung(?:en)?"
        r"|überweisung(?:en)?|logins?|anmeldung(?:en)?|api[- ]?keys?|api-schlüssel|schlüssel"
        r"|käufe|verkäufe)\b[^.?!\n]{0,25}?\b(?:den|die|das|welche\w*) ich (?:nie|nicht"
        r"|niemals) (?:gemacht|getätigt|platziert|aufgegeben|veranlasst|autorisiert|erstellt"
        r"|angelegt|beantragt|angefordert)",
        r"\b(?:operazion[ei]|ordin[ei]|transazion[ei]|trade|prelievi|prelievo|bonific[oi]"
        r"|trasferiment[oi]|access[oi]|login|api key|chiav[ei] api|acquist[oi]|vendit[ae])\b"
        r"(?: (?:sul|nel|dal|del|di|sull'|nell'|sulla|nella) ?(?:mio |mia )?\w+){0,2},? (?:che )?"
        r"(?:io )?non (?:ho )?(?:mai )?(?:fatto|effettuato|autorizzato|piazzato|inserito"
        r"|aperto|creato|generato|richiesto|riconosco)",
        r"\b(?:transakcj|zleceni|wypłat|przelew|logowani|klucz|api key|operacj|zakup)\w*"
        r"\b[^.?!\n]{0,20}?\b(?:której|których|którego|które|który) (?:ja )?nie (?:robił"
        r"|zrobił|zlecił|składał|złożył|autoryzował|tworzył|utworzył|zakładał)(?:em|am)",
        r"\b(?:сделк|ордер|операци|транзакци|вывод|перевод|вход|api[- ]?ключ|ключ|покупк"
        r"|продаж|заявк)\w*\b[^.?!\n]{0,20}?\bкотор\w* я не (?:делал|совершал|открывал"
        r"|выставлял|создавал|подтверждал|запрашивал|заказывал)",
        r"\b(?:угод|ордер|операці|транзакці|виведенн|переказ|вхід|входи|api[- ]?ключ|ключ"
        r"|покупк|заявк)\w*\b[^.?!\n]{0,20}?\b(?:якого|яких|яку|який|які|котр\w*) я не "
        r"(?:робив|робила|здійснював|відкривав|створював|створювала|підтверджував|замовляв)",
        # vi: "... mà mình không đặt" (but "mình không làm được", I cannot, is no report)
        r"\b(?:lệnh|giao dịch|api key|khóa api|khoá api|đăng nhập|rút tiền)\b[^.?!\n]{0,40}?"
        r"\b(?:mà )?(?:tôi|mình|em|tui) (?:không|ko|chẳng) (?:hề )?(?:đặt|tạo|thực hiện|làm"
        r"|yêu cầu|mở|cho phép)\b(?! được)",
        r"\bmà (?:tôi|mình|em) không (?:hề )?(?:thực hiện|làm|yêu cầu|đặt|tạo)\b(?! được)",
        r"\b(?:transaksi|order|penarikan|trade|api key|kunci api|login|pembelian|penjualan)"
        r"\b[^.?!\n]{0,30}?(?:\b(?:yang )?bukan (?:saya|aku|gue) (?:yang )?(?:buat|bikin"
        r"|lakukan|pasang|order|minta)|\b(?:yang )?(?:ga|gak|nggak|tidak|tak|enggak|ngga) "
        r"pernah (?:saya|aku|gue|gw) (?:buat|bikin|lakukan|pasang|minta))",
        r"\b(?:benim )?(?:hiç )?(?:açmadığım|yapmadığım|vermediğim|oluşturmadığım"
        r"|onaylamadığım|girmediğim|istemediğim)\b[^.?!\n]{0,20}(?:işlem|emir|çekim|order"
        r"|trade|giriş|api|anahtar|pozisyon|transfer|adres)",
        r"不是我(?:本人)?(?:自己)?(?:操作|提的|提现|提現|提币|提幣|登录|登入|下的|下单|下單"
        r"|改的|做的|开的|開的|创建|建立|加的|申请|申請)|非本人",
        r"(?:صفقات|صفقه|عمليات|عمليه|اوامر|طلبات|سحوبات|سحب|تحويل|تحويلات|مفتاح|api|عنوان"
        r"|تسجيل دخول)[^.؟!\n]{0,25}\b(?:انا )?(?:ما|لم|مو|مش) ?(?:سويت|عملت|انشات|انشئ"
        r"|اقم|طلبت|اعمل|اسوي|فتحت)\w*",
        #
        # -- a login from a device, place or IP the customer does not know --
        r"\b(?:login|log-in|log in|logged in|sign-in|sign in|signed in|access|accessed)\b"
        r"[^.?!\n]{0,15}?\bfrom (?:an? |some )?(?:unknown|unrecogni[sz]ed|strange|suspicious"
        r"|weird) (?:device|ip|location|country|phone|computer|browser|place|city)",
        r"\b(?:device|ip|location|phone|computer|browser)s? (?:that )?(?:i|we) (?:don't|do not"
        r"|dont|didn't|did not) (?:know|recogni[sz]e)",
        r"\b(?:inicio de sesión|inicios de sesión|acceso|ingreso|login|conexión)\w*\b"
        r"[^.?!\n]{0,10}?\b(?:desde|de|en) (?:un |una )?(?:dispositivo|equipo|celular"
        r"|teléfono|ip|lugar|ubicación|país|ciudad|navegador)\w* (?:desconocid|extrañ"
        r"|sospechos|raro|que no (?:conozco|reconozco))",
        r"\b(?:login|acesso|entrada|conexão)\w*\b[^.?!\n]{0,10}?\b(?:de|em|a partir de|por) "
        r"(?:um |uma )?(?:aparelho|dispositivo|celular|ip|local|lugar|país|cidade|navegador)"
        r"\w* (?:desconhecid|estranh|suspeit|que (?:eu )?não (?:conheço|reconheço))",
        r"\b(?:connexion|accès|login)\w*\b[^.?!\n]{0,10}?\b(?:depuis|d'|de|à partir d') ?"
        r"(?:un |une )?(?:appareil|ip|lieu|pays|ville|téléphone|ordinateur|navigateur)\w* "
        r"(?:inconnu|étrange\b|suspect|que je ne (?:connais|reconnais))",
        r"\b(?:login|anmeldung|einloggen|zugriff)\w*\b[^.?!\n]{0,10}?\b(?:von|aus|über|mit) "
        r"(?:einem |einer )?(?:unbekannt|fremd|verdächtig|seltsam)\w* (?:gerät|ip|ort"
        r"|standort|land|handy|computer|browser)",
        r"\b(?:accesso|login|accessi)\w*\b[^.?!\n]{0,10}?\b(?:da|dal|dalla|su) (?:un |una )?"
        r"(?:dispositivo|ip|luogo|paese|città|telefono|computer|browser|posizione)\w* "
        r"(?:sconosciut|stran|sospett|che non (?:conosco|riconosco))",
        r"\b(?:logowani|zalogowani|dostęp|wejści)\w*\b[^.?!\n]{0,10}?\bz (?:nieznan|obc"
        r"|podejrzan|dziwn)\w* (?:urządzen|ip|miejsc|kraj|lokalizac|telefon|komputer"
        r"|przeglądar)",
        r"\b(?:вход|логин|авторизаци|доступ)\w*\b[^.?!\n]{0,10}?\b(?:с|из|со) (?:неизвестн"
        r"|незнаком|чуж|подозрительн|странн)\w* (?:устройств|ip|айпи|мест|стран|браузер"
        r"|телефон|компьютер)",
        r"\b(?:вхід|входу|логін|авторизаці|доступ)\w*\b[^.?!\n]{0,10}?\b(?:з|із|зі) "
        r"(?:невідом|незнайом|чуж|підозріл|дивн)\w* (?:пристро|ip|айпі|місц|країн|браузер"
        r"|телефон|комп'ютер)",
        r"\b(?:đăng nhập|truy cập)\w*\b[^.?!\n]{0,10}?\b(?:từ|trên|bằng|ở|tại) (?:một )?"
        r"(?:thiết bị|máy|điện thoại|ip|địa chỉ ip)\w* (?:không (?:xác định|rõ|biết)"
        r"|(?:mình|tôi|em) không (?:biết|nhận ra))",
        r"\b(?:login|masuk|akses)\w*\b[^.?!\n]{0,10}?\bdari (?:perangkat|hp|device|ip|lokasi"
        r"|negara|tempat|browser)\w* (?:asing|aneh|mencurigakan|(?:yang )?(?:ga|gak|tidak"
        r"|nggak|tak|ngga) (?:dikenal|saya kenal|dikenali))",
        r"\b(?:tanımadığım|bilmediğim|bilinmeyen|şüpheli)\b[^.?!\n]{0,10}?\b(?:bir )?"
        r"(?:cihaz|ip|konum|ülke|telefon|bilgisayar|tarayıcı)\w*[^.?!\n]{0,10}?\bgiriş",
        r"(?:陌生|未知|不明|异地|異地|可疑)(?:的)?(?:设备|設備|装置|裝置|ip|地址|地点|地點"
        r"|手机|手機)?(?:登录|登入|登陆)",
        r"(?:تسجيل دخول|تسجيل الدخول|دخول) (?:من|على|عبر) (?:جهاز|ايبي|ip|موقع|مكان|دوله|بلد)"
        r" ?(?:غريب|غير معروف|مجهول|ما اعرفه|ما اعرف|لا اعرفه|ما اعرفها|مشبوه)",
        #
        # -- a withdrawal address added or changed by "them" (not "how do I add one") --
        r"\b(?:they|someone|somebody|hackers?|the hacker|a hacker) (?:have |has |had |just )?"
        r"(?:added|changed|whitelisted) (?:a |an |the |my )?(?:new |unknown |different )?"
        r"(?:withdrawal|whitelist\w*|withdraw) address",
        r"\b(?:agregaron|añadieron|pusieron|registraron|cambiaron|vincularon) (?:una |otra "
        r"|la )?(?:nueva )?dirección(?:es)? de (?:retiro|whitelist)",
        r"\b(?:cadastraram|adicionaram|colocaram|trocaram|mudaram|alteraram) (?:um |o |outro )?"
        r"(?:novo )?endereços? de (?:saque|retirada)",
        r"\b(?:ils ont|quelqu'un a) (?:ajouté|changé|modifié) (?:une |l'|la )?(?:nouvelle )?"
        r"adresse de retrait",
        r"\b(?:die|jemand|hacker) (?:haben|hat) (?:eine |die )?(?:neue |andere )?"
        r"(?:auszahlungsadresse|auszahlungs-adresse|whitelist-adresse)\w* (?:hinzugefügt"
        r"|eingetragen|geändert|angelegt)",
        r"\bhanno (?:aggiunto|cambiato|modificato|inserito) (?:un |l')?(?:nuovo )?"
        r"indirizz[oi] di prelievo",
        r"\b(?:dodali|zmienili|podpięli) (?:mi )?(?:nowy )?adres\w* (?:do )?wypłat\w*",
        r"\b(?:добавили|привязали|поменяли|сменили|изменили) (?:мне )?(?:новый )?адрес\w* "
        r"(?:для )?вывода",
        r"\b(?:додали|прив'язали|поміняли|змінили) (?:мені )?(?:нову )?адрес\w* (?:для )?"
        r"виведення",
        r"\b(?:họ|hacker|ai đó|có người|kẻ gian) (?:đã )?(?:thêm|đổi|thay đổi) (?:một )?"
        r"(?:\w+ )?địa chỉ (?:rút|ví)",
        r"\b(?:mereka|hacker|seseorang|ada yang) (?:sudah |udah )?(?:nambah|menambah"
        r"|menambahkan|tambah|ganti|mengganti|ubah|mengubah) (?:\w+ )?alamat (?:penarikan"
        r"|withdraw|wd)",
        r"\bçekim adres\w* (?:eklemişler|eklediler|eklenmiş|değiştirmişler|değiştirdiler)",
        r"(?<!我)(?<!我刚)(?<!我剛)(?<!我已)(?<!我已经)(?<!我已經)(?:加了|添加了|新增了|多了"
        r"|改了|换了|換了)(?:一个|一個|个|個)?(?:新的?|陌生的?)?(?:提币|提幣|提现|提現|提领"
        r"|提領)地址",
        r"(?:ضافوا|اضافوا|غيروا) (?:ال)?عنوان ?(?:ال)?سحب",
        #
        # -- the account emptied: by "them", or after a clicked link --
        r"\bclicked (?:on )?(?:a|an|the|that|this|some|their|his|her) (?:\w+ )?link\b"
        r"[^.?!\n]{0,50}?\b(?:empty|emptied|drained|zero|stolen|wiped|disappeared|vanished"
        r"|withdrawn)\b",
        r"\b(?:hice clic|di clic|hice click|di click|cliqué|clické|abrí|toqué|pinché) (?:en )?"
        r"(?:un|el|ese|este|una) (?:link|enlace|vínculo)\b[^.?!\n]{0,50}?\b(?:vac[ií]\w*|cero"
        r"|robaron|desapareci\w*|retiraron|sin nada)",
        r"\bcliquei (?:em |no |num |numa )?(?:um |o |esse |uma )?(?:link|linque)\b"
        r"[^.?!\n]{0,50}?\b(?:esvaziaram|zerad\w*|zeraram|sumi\w*|roubaram|levaram|sacaram"
        r"|vazi[ao])",
        r"\bcliqu\w* (?:sur )?(?:un|le|ce|une|leur) (?:lien|link)\b[^.?!\n]{0,50}?\b(?:vid\w*"
        r"|zéro|disparu\w*|volé\w*|retiré\w*|plus rien)",
        r"\b(?:link\w*|auf einen link|auf den link)\b[^.?!\n]{0,15}?\bgeklickt\b[^.?!\n]{0,50}?"
        r"\b(?:leer\w*|geleert|weg|null|gestohlen|abgehoben|verschwunden)",
        r"\b(?:cliccato|clickato|aperto|premuto) (?:su )?(?:un|il|quel|questo) (?:link"
        r"|collegamento)\b[^.?!\n]{0,50}?\b(?:svuotat\w*|vuot\w*|zero|sparit\w*|rubat\w*"
        r"|prelevat\w*)",
        r"\bklikn\w* (?:w |na )?(?:link|odnośnik)\w*\b[^.?!\n]{0,50}?\b(?:wyczyszcz\w*|pust\w*"
        r"|zero|znikn\w*|ukradl\w*|wypłacon\w*)",
        r"\b(?:перешёл|перешел|перешла|нажал|нажала|кликнул|кликнула|открыл|открыла|ткнул)\b"
        r" (?:по |на )?(?:ссылк|линк)\w*[^.?!\n]{0,50}?\b(?:пуст\w*|ноль|обнул\w*|пропал\w*"
        r"|исчезл\w*|украл\w*|вывел\w*|списал\w*)",
        r"\b(?:перейшов|перейшла|натиснув|натиснула|клікнув|клікнула|відкрив|відкрила)\b "
        r"(?:за |по |на )?(?:посиланн|лінк)\w*[^.?!\n]{0,50}?\b(?:порожн\w*|нуль|обнул\w*"
        r"|зник\w*|вкрал\w*|вивел\w*|списал\w*)",
        r"\b(?:bấm|nhấn|click|nhấp|ấn) (?:vào )?(?:link|đường link|liên kết)\b[^.?!\n]{0,50}?"
        r"\b(?:bị rút|mất hết|mất sạch|về 0|về không|trống|bay màu|bay hết)",
        r"\bklik (?:link|tautan)\b[^.?!\n]{0,50}?\b(?:dikuras|terkuras|kosong|habis|hilang"
        r"|ludes|nol)\b",
        r"\b(?:linke|bağlantıya|bir linke|bir bağlantıya) tıkla\w*[^.?!\n]{0,50}?\b(?:boşal\w*"
        r"|sıfır\w*|gitti|yok|çekil\w*|çalın\w*|boş)\b",
        r"\b(?:hesab|bakiye|cüzdan)\w*\b[^.?!\n]{0,10}\bboşalt(?:ılmış|ıldı|mışlar|tılar)",
        r"(?:点了|點了|点开|點開|点击|點擊)[^，。？！]{0,6}(?:链接|連結|鏈接|网址|網址)"
        r"[^。？！]{0,15}(?:没了|沒了|清零|被盗|被盜|转走|轉走|掏空|清空)",
        r"(?:ضغطت|كبست|فتحت|دخلت) (?:على )?(?:ال)?(?:رابط|لينك)[^.؟!\n]{0,40}(?:انسحب|صفر|راح"
        r"|اختفت|سرق|فاضي|فارغ)",
    )
)
# Vietnamese phrases that folding would confuse ("giao dịch lạ", a strange transaction,
# folds like "giao dịch là", the transaction is): matched with their accents.
_EMERGENCY_PHRASES_ACCENTED = re.compile(
    r"\b(?:rút tiền|giao dịch|đăng nhập|lệnh rút|lệnh rút tiền)(?: \w+)? lạ\b"
    r"|\bđăng nhập (?:từ|trên|bằng|ở|tại) (?:một )?(?:thiết bị|máy|điện thoại|ip"
    r"|địa chỉ ip|nơi|vị trí|quốc gia)(?: \w+)? lạ\b"
)
# Single words that report a compromise unless the message asks how to avoid one.
_EMERGENCY_WORDS = _Patterns(
    (
        r"\b(?:hacked|hacker\w*|compromised|stolen|stole|drained)\b",
        r"被盗|被盜|被黑|被偷|黑客|駭客",
        r"\bхакер\w*",
        r"\bhack\b",
        r"\bhaker\w*",
        # "account compromised" in the other languages
        r"\b(?:cuenta|conta|compte|konto|account|conto|аккаунт|акаунт|hesap)\w*\b"
        r"[^.?!\n]{0,15}\b(?:comprometid|compromis|kompromittiert|compromess|скомпрометир"
        r"|скомпрометов|przejęt|ele geçir)\w*",
        r"\bprzejęli (?:mi )?konto|\bkompromittiert\b",
        r"انهكر|تهكر|اتهكر|هكروا|هكرو|مهكر|هاكر|الهكر",
    )
)
_PREVENTION = _Patterns(
    (
        r"\b(?:how (?:to|do i|can i|do you) (?:avoid|prevent|protect|stop|keep)|prevent"
        r"|avoid|protect|what if|in case|tips|secure my)\b",
        r"如何防止|怎么防止|怎樣防止|防止|避免|如何保护|如何保護|怎么保护|怎麼保護",
        r"\b(?:как (?:защитить|избежать|уберечь)|чтобы не|як захистити|як уникнути)\b",
        r"\b(?:cách (?:tránh|bảo vệ|phòng)|cara (?:menghindari|melindungi|mencegah))\b",
        r"\b(?:nasıl korun\w*|önlemek|cómo evitar|cómo proteger|como evitar|como proteger"
        r"|comment éviter|comment protéger|wie schütze|wie verhindere|come evitare"
        r"|come proteggere|jak uniknąć|jak chronić|jak zabezpieczyć)\b",
        r"كيف (?:احمي|أحمي|اتجنب|أتجنب)|لتجنب|لحماية",
    )
)


def is_security_emergency(text: str) -> bool:
    """Whether the message reports a hacked account, a withdrawal, trade, login or API
    key the customer did not make, stolen funds or a SIM swap: it goes to the security
    team at once."""
    folded = fold(text)
    if _EMERGENCY_PHRASES.search(folded):
        return True
    if _EMERGENCY_PHRASES_ACCENTED.search(unicodedata.normalize("NFC", text.casefold())):
        return True
    return _EMERGENCY_WORDS.search(folded) and not _PREVENTION.search(folded)
