"""Whether a message asks for a person, and whether it reports a security emergency.

Pure: no database, clock or network; patterns compiled once at import.

Both work on a folded text (case-folded, accents and Arabic hamza marks removed, "đ",
"ł" and "ı" read as "d", "l" and "i"), so "Nhân viên", "nhan vien" and "NHÂN VIÊN" are
one phrase. The patterns of all 15 languages always apply: customers mix languages,
and language detection on three words is a guess.

Asking for a person. Short messages (up to 8 words, a Han character counting as half a
word) are taken at their word: "agent", "客服", "оператор please" ask for one, unless
they tell of someone ("the agent told me to send BTC", "有人冒充客服"). Longer
messages need the request itself: an explicit phrase ("talk to a human", "转人工",
"соедините с оператором") or a request word shortly before a person word ("I want ...
an agent"), and no story of an impersonator.

Security emergencies are the intent engine's ``account_hacked`` safety net: hacked or
taken-over accounts, withdrawals or logins the customer did not make, stolen or vanished
funds, SIM swaps. Single words ("hacked", "被盗") do not fire in a question about
prevention ("how do I avoid getting hacked?"); the explicit phrases always do.
"""

from __future__ import annotations

import re
import unicodedata

_LETTERS = str.maketrans({"đ": "d", "ł": "l", "ı": "i", "ø": "o", "ى": "ي", "ة": "ه", "’": "'"})
_TATWEEL = "ـ"


def fold(text: str) -> str:
    """Case-folded, without accents or marks: the form every pattern here is matched on."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    bare = "".join(c for c in decomposed if not unicodedata.combining(c) and c != _TATWEEL)
    return bare.translate(_LETTERS)


def _compile(patterns: tuple[str, ...]) -> re.Pattern[str]:
    # Folding the patterns too lets them be written with their accents (regex escapes
    # here are lower case, so case folding leaves them alone).
    return re.compile("|".join(f"(?:{fold(pattern)})" for pattern in patterns))


# --- asking for a person ---------------------------------------------------------

# Phrases that ask for a person whatever the message's length.
_EXPLICIT_REQUEST = _compile(
    (
        # en
        r"\b(?:talk|speak|chat|connect|escalate|transfer me|put me through|pass me|get me)\w*\b"
        r"[^.?!\n]{0,25}"
        r"\b(?:human|agent|person|operator|representative|rep|staff|someone|somebody"
        r"|support team|customer (?:service|support|care)|live (?:support|chat))\b",
        r"\b(?:real|live|actual) (?:person|human|agent|people|support|operator)\b",
        r"\bhuman (?:agent|being|support|help)\b",
        r"\b(?:no|not a|stop the|stop|hate this|useless) (?:more )?(?:ro)?bots?\b",
        r"\bare you (?:a )?(?:ro)?bot\b",
        # zh
        r"转人工|轉人工|人工客服|人工服务|人工服務|真人客服|找真人|要真人|转真人|轉真人",
        r"转接客服|轉接客服|联系客服|聯繫客服|聯絡客服|找客服|要客服|客服在吗|客服在嗎",
        r"不要机器人|不要機器人|不想跟机器人|不想跟機器人|叫客服|呼叫客服|人工坐席|接人工",
        # ru, uk
        r"\b(?:живо\w*|реальн\w*|настоящ\w*|жив\w*) (?:человек\w*|оператор\w*|сотрудник\w*"
        r"|специалист\w*|людин\w*)",
        r"\b(?:соедините|переключите|свяжите|позовите|переведите|з'єднайте|переведіть"
        r"|покличте|зв'яжіть)\b[^.?!\n]{0,25}(?:оператор|человек|сотрудник|специалист"
        r"|поддержк|людин|співробітник|фахів|підтримк)",
        r"\b(?:не|без) (?:с )?бот\w*",
        # vi
        r"\b(?:gặp|gap|nói chuyện|kết nối|chuyển|liên hệ)\b[^.?!\n]{0,20}"
        r"\b(?:nhân viên|người thật|tư vấn viên|tổng đài viên|cskh|hỗ trợ viên)",
        r"\bngười thật\b",
        r"\bkhông (?:muốn )?(?:nói chuyện với )?(?:máy|bot)\b",
        # id
        r"\b(?:bicara|ngobrol|hubungkan|sambungkan|minta|mau|ingin)\b[^.?!\n]{0,20}"
        r"\b(?:manusia|agen|operator|petugas|cs|customer service|orang asli|staf)\b",
        r"\borang (?:asli|sungguhan|beneran|nyata)\b",
        # tr
        r"\b(?:müşteri temsilcisi|canlı destek|gerçek (?:bir )?(?:kişi|insan))\b",
        r"\b(?:insan|temsilci|yetkili|operatör|destek|personel)\w*\b[^.?!\n]{0,20}"
        r"\b(?:bağla|görüş|konuş|aktar|istiyorum)\w*",
        # es, pt-BR
        r"\b(?:hablar|comunicar|pásame|páseme|comunícame|contactar|falar|me transfere"
        r"|me passa|quero|quiero|necesito|preciso)\b[^.?!\n]{0,25}\b(?:humano|persona|agente"
        r"|operador|asesor|representante|atendente|pessoa|alguém|alguien|soporte|suporte"
        r"|personal de soporte|atención al cliente|servicio al cliente|atendimento)\b",
        r"\b(?:persona|pessoa) (?:real|de verdad|de verdade)\b",
        r"\b(?:atendimento|suporte|atención) humano\b",
        # fr
        r"\b(?:parler|discuter|passer|mettre en relation)\b[^.?!\n]{0,25}"
        r"\b(?:humain|conseiller|conseillère|agent|opérateur|quelqu'un|personne"
        r"|service client|support client)\b",
        r"\b(?:vraie personne|personne réelle|être humain)\b",
        # de
        r"\b(?:sprechen|reden|verbinden|verbinde|weiterleiten|möchte|will|brauche)\b"
        r"[^.?!\n]{0,30}\b(?:mitarbeiter\w*|mensch\w*|berater\w*|agent\w*|person"
        r"|kundenservice|kundendienst|support)\b",
        r"\b(?:echte\w* (?:person|mensch\w*)|kein\w* bot)\b",
        r"\bmit (?:einem |einer |dem |der )?(?:mitarbeiter\w*|mensch\w*|berater\w*"
        r"|kundensupport|kundenservice|kundendienst|support\w*|live-agent\w*|agent\w*)"
        r"[^.?!\n]{0,15}\b(?:sprechen|reden|verbunden|chatten|verbinden)",
        r"\bleite\w* (?:sie )?mich\b[^.?!\n]{0,30}(?:mitarbeiter|agent|mensch|berater|support)",
        # it
        r"\b(?:parlare|passare|collegare|voglio|vorrei)\b[^.?!\n]{0,25}"
        r"\b(?:operatore|umano|persona|assistente|agente|servizio clienti|assistenza)\b",
        r"\bpersona (?:reale|vera)\b",
        # pl
        r"\b(?:rozmawiać|porozmawiać|połącz\w*|przekieruj\w*|chcę|chciałbym|chciałabym"
        r"|potrzebuję)\b[^.?!\n]{0,25}\b(?:konsultant\w*|człowiek\w*|pracownik\w*"
        r"|operator\w*|agent\w*|osob\w*|obsług\w* klienta|obsług\w*|support\w*)",
        r"\bprawdziw\w* (?:osob\w*|człowiek\w*|konsultant\w*)",
        # ar
        r"(?:التحدث|اتحدث|أتحدث|تحدث|التكلم|أكلم|اكلم|حولني|حوّلني|وصلني|أريد|اريد|أود)"
        r"[^.?!\n؟]{0,25}(?:موظف|انسان|إنسان|شخص حقيقي|خدمة العملاء|ممثل|وكيل|بشري|الدعم)",
        r"شخص حقيقي|موظف بشري|الدعم البشري|ليس (?:مع )?(?:ال)?روبوت",
    )
)

# Words for a person; alone or in a short message they are a request.
_PERSON = _compile(
    (
        r"\b(?:human|agent|operator|representative|staff|live chat|live agent"
        r"|customer service|customer support|support team)\b",
        r"客服|人工(?!智能)|真人|专员|專員|工作人员|工作人員|客服人员|客服人員",
        r"\b(?:оператор\w*|человек\w*|сотрудник\w*|специалист\w*|менеджер\w*|людин\w*"
        r"|співробітник\w*|фахів\w*|консультант\w*)",
        r"\b(?:nhân viên|người thật|tư vấn viên|tổng đài viên|cskh|hỗ trợ viên)\b",
        r"\b(?:manusia|agen|petugas|customer service|staf)\b",
        r"\b(?:insan|temsilci|yetkili|operatör|personel|canlı deste)\w*",
        r"\b(?:humano|agente|operador|asesor|representante|atendente|atendimento)\b",
        r"\b(?:conseiller|conseillère|humain|opérateur)\b",
        r"\b(?:mitarbeiter\w*|mensch|berater\w*|kundenservice|kundendienst|kundensupport"
        r"|live-agent\w*)\b",
        r"\b(?:operatore|umano|assistente)\b",
        r"\b(?:konsultant\w*|człowiek\w*|pracownik\w*)",
        r"موظف|انسان|إنسان|بشري|خدمة العملاء|ممثل خدمة|وكيل",
    )
)
# "CS" (customer service in Asian usage) only in capitals, so "cs" in a word never fires.
_CS = re.compile(r"(?<![A-Za-z])CS(?![A-Za-z])")

# Words asking for something, for longer messages: a request shortly before a person.
_REQUEST_WORD = _compile(
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

# Telling of a person rather than asking for one: impersonators and what "they" said.
_STORY = _compile(
    (
        r"\b(?:told|said|asked me|called me|texted me|messaged me|contacted me|claimed"
        r"|claiming|pretend\w*|fake|scam\w*|impersonat\w*|phishing|affiliate\w*"
        r"|become an? (?:agent|partner))\b",
        r"冒充|假|骗|騙|说让我|說讓我|让我转|讓我轉|告诉我|告訴我|诈骗|詐騙",
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
_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


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
    tells_a_story = _STORY.search(folded) is not None
    person = _PERSON.search(folded) or _CS.search(text)
    if person is None or tells_a_story:
        return False
    if _word_count(text) <= _SHORT_MESSAGE_WORDS:
        return True
    for person in _PERSON.finditer(folded):
        # Chinese packs a request into a few characters: look less far back.
        window = _HAN_WINDOW if _HAN.match(folded, person.start()) else _WINDOW
        if _REQUEST_WORD.search(folded, max(0, person.start() - window), person.start()):
            return True
    return False


# --- security emergencies ------------------------------------------------------------

# Unambiguous reports of a compromise, whatever else the message says.
_EMERGENCY_PHRASES = _compile(
    (
        # en
        r"\b(?:my )?account (?:was|has been|got|is|been) (?:hacked|compromised|taken over"
        r"|drained|emptied|stolen)\b",
        r"\b(?:i|we) ?(?:got|was|were|have been|'ve been|ve been) hacked\b",
        r"\bunauthori[sz]ed (?:withdrawal|access|login|log-in|transaction|transfer|sign-in)",
        r"\b(?:withdrawal|transfer|transaction|login|sign-in)s? (?:that )?i (?:did not|didn't"
        r"|never) (?:make|do|request|authori[sz]e|recogni[sz]e)",
        r"\bi (?:did not|didn't|never) (?:make|do|request|authori[sz]e) (?:this|that|these"
        r"|the|a|any) (?:withdrawal|transfer|transaction)",
        r"\b(?:unknown|unrecogni[sz]ed|strange|suspicious) (?:withdrawal|transfer|login"
        r"|transaction)",
        r"\bsomeone (?:has )?(?:withdrew|withdrawn|logged|log in|accessed|took|stole|changed"
        r"|transferred|sent)",
        r"\b(?:my )?(?:funds|coins|money|balance|crypto|assets|usdt|btc|eth) (?:is |are |was"
        r" |were |have |has )?(?:been )?(?:gone|disappeared|vanished|stolen|drained)\b",
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
        r"不是我(?:本人)?(?:操作|提的|提现|提現|提币|提幣|登录|登入)|非本人操作",
        r"未经授权|未經授權|未授权|未授權|(?:我)?(?:没有|沒有)授权|(?:我)?(?:没有|沒有)授權|陌生(?:的)?(?:提现|提現|提币|提幣|登录|登入)|不明(?:提现|提幣|提币)",
        r"有人(?:登录|登入|登陆)了?我的|有人(?:把|將|将)?我的(?:币|幣|钱|錢|资产|資產)",
        r"(?:资产|資產|余额|餘額)(?:全|都)?(?:没了|沒了|清零|被清空)",
        r"(?:手机卡|手機卡|sim卡)(?:被)?(?:补办|補辦|盗用|盜用|复制|複製)",
        # ru, uk
        r"\bвзлом\w*|\bзламал\w*|\bзлам\b|\bукрал\w*|\bвкрал\w*|\bкраж\w*|\bкрадіжк\w*",
        r"\bне я (?:вывел|выводил|делал|вивів|виводив|робив)",
        r"\bнесанкционирован\w*|\bнесанкціонован\w*",
        r"\bбез (?:моего|мого) (?:ведома|разрешения|согласия|відома|дозволу|згоди)",
        r"\bкто-то (?:вывел|зашел|вошел|снял|вывел)|\bхтось (?:вивів|зайшов|увійшов|зняв)",
        r"\b(?:пропали|исчезли|зникли) (?:все|всі) (?:деньги|средства|монеты|кошти|гроші)",
        r"\bвывод\w*,? (?:котор\w* )?я не (?:делал|совершал|подтверждал|запрашивал)",
        r"\bя не (?:подтверждал|делал|совершал|запрашивал|разрешал) (?:этот |этого )?вывод",
        r"\bвиведенн\w*,? (?:якого )?я не (?:робив|підтверджував|замовляв)",
        r"\bя не (?:підтверджував|робив|дозволяв) (?:це |цього )?виведенн",
        r"\b(?:перевыпустили|перевипустили|подменили) (?:мою )?сим",
        # vi
        r"\bbị (?:hack|đánh cắp|trộm|xâm nhập|chiếm|lấy mất)",
        r"\bkhông phải tôi (?:rút|thực hiện|làm|đăng nhập)",
        r"\bmà tôi không (?:hề )?(?:thực hiện|làm|yêu cầu)",
        r"\btôi không (?:hề )?cho phép (?:lệnh|giao dịch)",
        r"\btruy cập trái phép",
        r"\bai đó (?:đã )?(?:rút|đăng nhập|lấy|chuyển)",
        r"\bmất hết (?:tiền|coin|usdt|tài sản)",
        # id
        r"\b(?:diretas|dibobol|di-?hack|dicuri|kecurian)\b",
        r"\bbukan saya yang (?:menarik|melakukan|withdraw|login|masuk)",
        r"\btanpa (?:izin|sepengetahuan) saya",
        r"\bsaldo (?:saya )?(?:hilang|raib|lenyap|terkuras)",
        r"\b(?:dana|aset|uang) saya (?:hilang|raib|lenyap|terkuras)",
        r"\b(?:dana|aset|uang) (?:raib|lenyap|terkuras)",
        r"\bpenarikan (?:yang )?bukan saya",
        r"\bakses (?:yang )?tidak sah",
        r"\bsaya tidak (?:pernah )?mengizinkan (?:penarikan|transaksi)",
        r"\bseseorang (?:masuk|menarik|login|mengambil)",
        # tr
        r"\bhacklen\w*|\bçalındı|\bçaldı\w*|\bele geçiril\w*",
        r"\byetkisiz (?:çekim|giriş|işlem|erişim)",
        r"\b(?:ben onaylamadım|onaylamadığım (?:bir )?(?:çekim|işlem)|ben yapmadım"
        r"|benim yapmadığım|bilmediğim (?:bir )?(?:çekim|giriş|işlem))",
        r"\b(?:bakiyem|param|fonlarım) (?:sıfırlandı|yok oldu|gitti|kayboldu)",
        # es, pt-BR
        r"\b(?:hackead[oa]|hackearon|jaquead[oa]|me robaron|robad[oa]s?|invadid[oa]"
        r"|invadiram|roubad[oa]s?|roubaram|hackearam)\b",
        r"\b(?:retiro|saque|retirada)s? (?:que )?(?:yo )?(?:eu )?(?:no|não) (?:hice|autoricé"
        r"|reconozco|fiz|autorizei|reconheço)",
        r"\b(?:no autorizad[oa]|não autorizad[oa]|no autoricé|não autorizei)\b",
        r"\b(?:alguien|alguém) (?:entró|retiró|accedió|sacó|entrou|sacou|acessou|retirou)",
        r"\b(?:vaciaron|zeraram|esvaziaram) (?:mi|minha)? ?(?:cuenta|conta)",
        r"\b(?:duplicaron mi sim|clonaram (?:meu )?chip|chip clonado)",
        # fr
        r"\b(?:piraté(?:e|s|es)?|piratage|hacké(?:e|s|es)?|volé(?:e|s|es)?|dérobé\w*)\b",
        r"\b(?:accès|retrait|connexion|transaction|virement) non autorisé",
        r"\bje n'ai (?:jamais |pas )autorisé",
        r"\bretrait (?:que je n'ai pas|non autorisé|inconnu)",
        r"\bje n'ai (?:jamais |pas )(?:fait|effectué|autorisé|demandé) (?:ce|cet|le|ces)"
        r" (?:retrait|transfert|virement)",
        r"\bquelqu'un (?:s'est connecté|a retiré|a accédé|a pris|a vidé)",
        r"\b(?:vidé mon compte|fonds ont disparu|mes fonds ont disparu)",
        # de
        r"\b(?:gehackt|gestohlen|geklaut|unbefugt\w*|nicht autorisiert\w*)\b",
        r"\b(?:nicht von mir|habe ich nicht (?:gemacht|veranlasst|autorisiert))",
        r"\bdie ich nicht (?:gemacht|veranlasst|autorisiert|getätigt|beauftragt) habe",
        r"\bjemand hat (?:sich )?(?:eingeloggt|angemeldet|abgehoben|zugegriffen|ausgezahlt)",
        r"\bkonto (?:wurde )?(?:leergeräumt|geleert|übernommen)",
        # it
        r"\b(?:hackerat[oa]|violat[oa]|rubat[oaie]|derubat[oa])\b",
        r"\bprelievo (?:che )?non (?:ho fatto|ho autorizzato|autorizzato|riconosco)",
        r"\b(?:non autorizzat[oaie]|non ho autorizzato)\b",
        r"\bqualcuno (?:ha prelevato|è entrato|ha avuto accesso|ha preso)",
        r"\bsvuotato il (?:mio )?conto",
        # pl
        r"\b(?:zhakowan\w*|włamani\w*|włamał\w*|ukradli|ukradzion\w*|skradzion\w*"
        r"|kradzież\w*)",
        r"\bnie (?:ja )?(?:zleciłem|zleciłam|zrobiłem|zrobiłam|autoryzowałem|autoryzowałam)",
        r"\bnieautoryzowan\w*",
        r"\bktórej nie (?:robiłem|robiłam|zleciłem|zleciłam|autoryzowałem|autoryzowałam)",
        r"\bktoś (?:się )?(?:zalogował|wypłacił|wszedł|przelał)",
        # ar
        r"اختراق|اخترق|مخترق|تمت سرقة|سرقة|سرقوا|مسروق|سرق",
        r"سحب (?:لم اقم به|غير مصرح|غير معروف)|لم اقم (?:بهذا|بهذه) ال?سحب",
        r"غير مصرح|شخص ما (?:سحب|دخل|قام)|اختفت (?:اموالي|أموالي|اصولي)",
        r"(?:استبدال|نسخ) (?:ال)?شريحه",
        r"لم أوافق على (?:هذا|هذه) ?ال?سحب|لم أطلب (?:هذا|هذه) ?ال?سحب",
    )
)
# Vietnamese phrases that folding would confuse ("giao dịch lạ", a strange transaction,
# folds like "giao dịch là", the transaction is): matched with their accents.
_EMERGENCY_PHRASES_ACCENTED = re.compile(
    r"\b(?:rút tiền|giao dịch|đăng nhập|lệnh rút|lệnh rút tiền)(?: \w+)? lạ\b"
)
# Single words that report a compromise unless the message asks how to avoid one.
_EMERGENCY_WORDS = _compile(
    (
        r"\b(?:hacked|hacker\w*|compromised|stolen|stole|drained)\b",
        r"被盗|被盜|被黑|被偷|黑客|駭客",
        r"\bхакер\w*",
        r"\bhack\b",
    )
)
_PREVENTION = _compile(
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
    """Whether the message reports a hacked account, a withdrawal or login the customer
    did not make, stolen funds or a SIM swap: it goes to the security team at once."""
    folded = fold(text)
    if _EMERGENCY_PHRASES.search(folded):
        return True
    if _EMERGENCY_PHRASES_ACCENTED.search(unicodedata.normalize("NFC", text.casefold())):
        return True
    return _EMERGENCY_WORDS.search(folded) is not None and not _PREVENTION.search(folded)
