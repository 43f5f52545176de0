"""What demo customers write about, in their languages, and how agents answer.

Texts carry ``{placeholders}`` the generator fills with plausible on-chain details
(tx hashes, addresses, amounts, P2P order numbers). A scenario written in fewer
languages than the customer speaks falls back to English, as real users often do.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Scenario:
    category: str
    subcategory: str
    weight: int
    # language -> (subject, body)
    opening: dict[str, tuple[str, str]]
    channels: tuple[str, ...] = ("web", "chat", "email")
    priority: str | None = None  # None: let the desk decide (VIP → high, else normal)
    note: str = ""  # an internal note an agent leaves
    tags: tuple[str, ...] = ()
    asset: tuple[tuple[str, str], ...] = (("USDT", "TRC20"),)  # (asset, network)
    complaint: bool = False
    extra: dict[str, str] = field(default_factory=dict)


SCENARIOS: tuple[Scenario, ...] = (
    Scenario(
        "deposit",
        "pending-confirmations",
        14,
        {
            "en": (
                "Deposit not credited",
                "I deposited {amount} {asset} via {network} two hours "
                "ago and it is still not in my account. TxID: {tx}. The explorer shows it as "
                "confirmed.",
            ),
            "zh-Hans": (
                "充值未到账",
                "我两个小时前通过{network}充值了{amount} {asset}，到现在还没到账。"
                "交易哈希：{tx}，区块浏览器显示已确认。",
            ),
            "vi": (
                "Nạp tiền chưa về tài khoản",
                "Tôi đã nạp {amount} {asset} qua mạng {network} "
                "cách đây 2 tiếng nhưng vẫn chưa thấy vào tài khoản. TxID: {tx}",
            ),
            "ru": (
                "Депозит не зачислен",
                "Два часа назад отправил {amount} {asset} через "
                "{network}, но на счёт так и не пришло. TxID: {tx}. В эксплорере транзакция "
                "подтверждена.",
            ),
            "tr": (
                "Yatırım hesaba geçmedi",
                "{network} ağı üzerinden {amount} {asset} yatırdım, "
                "2 saat oldu hâlâ hesabımda görünmüyor. TxID: {tx}",
            ),
            "id": (
                "Deposit belum masuk",
                "Saya deposit {amount} {asset} lewat jaringan {network} "
                "dua jam lalu tapi saldo belum bertambah. TxID: {tx}",
            ),
            "es": (
                "Depósito no acreditado",
                "Hace dos horas deposité {amount} {asset} por la red "
                "{network} y todavía no aparece en mi cuenta. TxID: {tx}",
            ),
            "pt-BR": (
                "Depósito não creditado",
                "Fiz um depósito de {amount} {asset} pela rede "
                "{network} há duas horas e ainda não caiu na conta. TxID: {tx}",
            ),
        },
        channels=("chat", "web", "email", "telegram"),
        tags=("tx-hash",),
        asset=(
            ("USDT", "TRC20"),
            ("USDT", "ERC20"),
            ("ETH", "Arbitrum One"),
            ("BTC", "Bitcoin"),
            ("SOL", "Solana"),
        ),
    ),
    Scenario(
        "deposit",
        "missing-memo",
        8,
        {
            "en": (
                "Forgot the memo on my XRP deposit",
                "I sent {amount} XRP to my deposit "
                "address but forgot to add the destination tag {memo}. TxID {tx}. Can you "
                "recover it?",
            ),
            "zh-Hans": (
                "充值XRP忘记填写标签",
                "我充值了{amount} XRP，但是忘记填写标签（Tag）{memo}，交易哈希{tx}，请帮忙找回。",
            ),
            "tr": (
                "XRP yatırımında etiket unuttum",
                "{amount} XRP gönderdim ama hedef etiketi "
                "({memo}) yazmayı unuttum. TxID {tx}. Geri alabilir misiniz?",
            ),
            "ar": (
                "نسيت إدخال الوسم (Memo)",
                "أرسلت {amount} XRP إلى عنوان الإيداع الخاص بي لكنني "
                "نسيت إدخال الوسم {memo}. معرّف المعاملة {tx}. هل يمكن استرجاعها؟",
            ),
            "fr": (
                "Dépôt XRP sans tag",
                "J'ai envoyé {amount} XRP sans le tag de destination "
                "{memo}. TxID {tx}. Pouvez-vous récupérer les fonds ?",
            ),
        },
        tags=("misdeposit", "tx-hash"),
        asset=(("XRP", "XRP Ledger"),),
    ),
    Scenario(
        "deposit",
        "wrong-network",
        6,
        {
            "en": (
                "Sent USDT on the wrong network",
                "I sent {amount} USDT over BNB Smart Chain "
                "(BEP20) to my ERC20 deposit address {addr}. TxID {tx}. Please help, it is "
                "most of my savings.",
            ),
            "vi": (
                "Gửi USDT nhầm mạng",
                "Tôi gửi {amount} USDT qua mạng BEP20 vào địa chỉ nạp "
                "ERC20 {addr}. TxID {tx}. Xin hỗ trợ giúp tôi.",
            ),
            "ru": (
                "Отправил USDT не в той сети",
                "Отправил {amount} USDT через BEP20 на свой "
                "ERC20-адрес {addr}. TxID {tx}. Помогите вернуть.",
            ),
            "pt-BR": (
                "Enviei USDT na rede errada",
                "Mandei {amount} USDT pela rede BEP20 para "
                "meu endereço ERC20 {addr}. TxID {tx}. Tem como recuperar?",
            ),
        },
        tags=("misdeposit", "tx-hash"),
        asset=(("USDT", "BEP20"),),
    ),
    Scenario(
        "withdrawal",
        "security-lock",
        8,
        {
            "en": (
                "Withdrawals locked after changing 2FA",
                "I changed my authenticator "
                "yesterday and now I cannot withdraw, it says 24 hours security lock. I need "
                "to pay rent today, can you lift it?",
            ),
            "zh-Hant": (
                "修改雙重驗證後無法提幣",
                "我昨天更換了驗證器，現在提幣顯示24小時安全鎖定，能不能提前解除？",
            ),
            "uk": (
                "Виведення заблоковано після зміни 2FA",
                "Вчора змінив автентифікатор, тепер "
                "виведення заблоковане на 24 години. Чи можна зняти обмеження раніше?",
            ),
            "de": (
                "Auszahlung nach 2FA-Änderung gesperrt",
                "Ich habe gestern meinen "
                "Authenticator gewechselt und kann jetzt 24 Stunden nichts auszahlen. Kann "
                "man die Sperre aufheben?",
            ),
            "pl": (
                "Blokada wypłat po zmianie 2FA",
                "Wczoraj zmieniłem aplikację 2FA i teraz "
                "wypłaty są zablokowane na 24 godziny. Czy można to odblokować?",
            ),
        },
        channels=("chat", "web", "telegram"),
    ),
    Scenario(
        "withdrawal",
        "risk-review-hold",
        5,
        {
            "en": (
                "Withdrawal on hold for review",
                "My withdrawal of {amount} {asset} to "
                "{addr} has been 'under review' for 6 hours. Why? I have withdrawn to this "
                "address before.",
            ),
            "ru": (
                "Вывод на проверке",
                "Мой вывод {amount} {asset} на {addr} уже 6 часов "
                "«на проверке». Раньше выводил на этот адрес без проблем.",
            ),
            "es": (
                "Retiro retenido en revisión",
                "Mi retiro de {amount} {asset} a {addr} lleva 6 horas 'en revisión'. ¿Por qué?",
            ),
        },
        priority="high",
        asset=(("USDT", "TRC20"), ("BTC", "Bitcoin"), ("ETH", "Ethereum")),
    ),
    Scenario(
        "withdrawal",
        "pending",
        6,
        {
            "en": (
                "Withdrawal pending for hours",
                "Withdrawal of {amount} {asset} on "
                "{network} still shows pending after 3 hours. No TxID yet.",
            ),
            "id": (
                "Penarikan masih pending",
                "Penarikan {amount} {asset} di jaringan {network} "
                "masih pending setelah 3 jam, belum ada TxID.",
            ),
            "tr": (
                "Çekim beklemede",
                "{network} ağındaki {amount} {asset} çekimim 3 saattir beklemede görünüyor.",
            ),
        },
        asset=(("USDT", "TRC20"), ("SOL", "Solana"), ("TON", "TON")),
    ),
    Scenario(
        "account",
        "2fa-reset",
        9,
        {
            "en": (
                "Lost phone, need 2FA reset",
                "My phone was stolen and Google Authenticator "
                "was on it. I cannot log in. How do I reset 2FA?",
            ),
            "zh-Hans": (
                "手机丢失，需要重置谷歌验证",
                "手机丢了，谷歌验证器在上面，现在无法登录，怎么重置二次验证？",
            ),
            "vi": (
                "Mất điện thoại, cần reset 2FA",
                "Tôi bị mất điện thoại có Google "
                "Authenticator, không đăng nhập được. Làm sao để reset 2FA?",
            ),
            "ar": (
                "فقدت هاتفي وأحتاج إعادة تعيين المصادقة الثنائية",
                "سُرق هاتفي وعليه تطبيق "
                "Google Authenticator ولا أستطيع تسجيل الدخول. كيف أعيد تعيين المصادقة "
                "الثنائية؟",
            ),
            "it": (
                "Telefono perso, reset 2FA",
                "Ho perso il telefono con Google Authenticator "
                "e non riesco ad accedere. Come posso reimpostare la 2FA?",
            ),
            "es": (
                "Perdí el móvil, necesito reiniciar 2FA",
                "Me robaron el móvil con Google "
                "Authenticator y no puedo entrar. ¿Cómo restablezco el 2FA?",
            ),
        },
        channels=("web", "email", "chat"),
    ),
    Scenario(
        "p2p",
        "seller-not-releasing",
        8,
        {
            "en": (
                "P2P seller not releasing crypto",
                "Order {order}: I paid {fiat} by bank "
                "transfer 40 minutes ago and marked it paid. The seller is not responding "
                "and has not released the USDT. I want to appeal.",
            ),
            "vi": (
                "Người bán P2P không nhả coin",
                "Đơn {order}: tôi đã chuyển khoản {fiat} "
                "40 phút trước nhưng người bán không phản hồi và chưa nhả USDT. Tôi muốn "
                "khiếu nại.",
            ),
            "tr": (
                "P2P satıcı kriptoyu serbest bırakmıyor",
                "Sipariş {order}: {fiat} havale "
                "ettim, satıcı 40 dakikadır cevap vermiyor. İtiraz açmak istiyorum.",
            ),
            "ru": (
                "P2P: продавец не отпускает USDT",
                "Ордер {order}: оплатил {fiat} переводом "
                "40 минут назад, продавец молчит и не отпускает USDT. Хочу открыть апелляцию.",
            ),
            "pt-BR": (
                "Vendedor P2P não libera",
                "Pedido {order}: paguei {fiat} via Pix há 40 "
                "minutos e o vendedor não libera os USDT. Quero abrir uma apelação.",
            ),
            "ar": (
                "البائع في P2P لم يحرر العملات",
                "الطلب {order}: دفعت {fiat} بتحويل بنكي منذ 40 "
                "دقيقة والبائع لا يرد ولم يحرر USDT. أريد تقديم اعتراض.",
            ),
        },
        channels=("chat", "web"),
        priority="high",
        tags=("p2p-appeal",),
    ),
    Scenario(
        "trading",
        "liquidation",
        6,
        {
            "en": (
                "Unfair liquidation on BTC perpetual",
                "My {pair} long was liquidated at "
                "{price} but the mark price on your chart never went that low. I lost "
                "{amount} USDT. I want compensation.",
            ),
            "zh-Hans": (
                "合约被强平不合理",
                "我的{pair}多单在{price}被强平了，但是标记价格从来没到过"
                "这个位置，损失{amount} USDT，要求赔偿。",
            ),
            "ru": (
                "Несправедливая ликвидация",
                "Мою длинную позицию {pair} ликвидировали по "
                "{price}, хотя маркировочная цена туда не доходила. Потерял {amount} USDT.",
            ),
        },
        complaint=True,
        tags=("complaint",),
    ),
    Scenario(
        "security",
        "scam-report",
        6,
        {
            "en": (
                "Phishing SMS pretending to be you",
                "I got an SMS saying my account will "
                "be frozen unless I verify at {phish}. Is this you? I did not click.",
            ),
            "id": (
                "SMS phishing mengatasnamakan exchange",
                "Saya dapat SMS bahwa akun akan "
                "dibekukan kalau tidak verifikasi di {phish}. Apakah ini resmi?",
            ),
            "de": (
                "Phishing-SMS in Ihrem Namen",
                "Ich habe eine SMS bekommen, mein Konto "
                "werde gesperrt, wenn ich nicht unter {phish} bestätige. Ist das echt?",
            ),
            "fr": (
                "SMS d'hameçonnage",
                "J'ai reçu un SMS me demandant de vérifier mon compte "
                "sur {phish} sinon il sera gelé. Est-ce vous ?",
            ),
        },
        channels=("email", "web", "x", "telegram"),
        tags=("phishing",),
    ),
    Scenario(
        "security",
        "unauthorised-withdrawal",
        3,
        {
            "en": (
                "URGENT: withdrawal I did not make",
                "There is a withdrawal of {amount} "
                "{asset} to {addr} that I did not make! Please freeze my account now.",
            ),
            "zh-Hans": (
                "紧急：有一笔不是我操作的提币",
                "我的账户有一笔{amount} {asset}提到{addr}，不是我操作的！请马上冻结我的账户！",
            ),
            "ru": (
                "СРОЧНО: вывод, который я не делал",
                "С моего аккаунта выведено {amount} "
                "{asset} на {addr}, это не я! Заморозьте аккаунт.",
            ),
            "es": (
                "URGENTE: retiro que no hice",
                "¡Hay un retiro de {amount} {asset} a {addr} "
                "que yo no hice! Congelen mi cuenta ya.",
            ),
        },
        channels=("chat", "phone", "web"),
        priority="urgent",
        tags=("account-takeover",),
        asset=(("USDT", "TRC20"), ("ETH", "Ethereum")),
    ),
    Scenario(
        "security",
        "staff-impersonation",
        2,
        {
            "en": (
                "Someone on Telegram claims to be your support",
                "A Telegram account "
                "'@cex_support_help' messaged me offering to fix my withdrawal if I share "
                "my screen. Is that really your staff?",
            ),
            "uk": (
                "Хтось у Telegram видає себе за підтримку",
                "Мені написав акаунт "
                "'@cex_support_help' і просить показати екран, щоб «розблокувати вивід». "
                "Це ваш співробітник?",
            ),
        },
        channels=("telegram", "x", "web"),
        tags=("impersonation",),
    ),
    Scenario(
        "kyc",
        "verification-failed",
        6,
        {
            "en": (
                "KYC rejected three times",
                "My identity verification keeps failing with "
                "'document unclear'. I used my passport in good light. What is wrong?",
            ),
            "tr": (
                "Kimlik doğrulama reddedildi",
                "Kimlik doğrulamam üç kez 'belge net değil' diye reddedildi. Ne yapmalıyım?",
            ),
            "pt-BR": (
                "KYC recusado",
                "Minha verificação de identidade foi recusada três vezes "
                "com 'documento ilegível'. O que faço?",
            ),
            "pl": (
                "Weryfikacja KYC odrzucona",
                "Weryfikacja tożsamości odrzucona trzy razy: 'dokument nieczytelny'. Co robię źle?",
            ),
        },
    ),
    Scenario(
        "api",
        "rate-limits",
        3,
        {
            "en": (
                "API 429 on order placement",
                "Our bot gets HTTP 429 'Too Many Requests' "
                "on /api/v5/trade/order at about 40 requests per 2 s. The docs say 60. "
                "Sub-account UID {uid}.",
            ),
        },
        channels=("email", "api"),
    ),
    Scenario(
        "earn-promotions",
        "rewards-not-received",
        5,
        {
            "en": (
                "Campaign reward not received",
                "I completed the new-user futures campaign "
                "(traded 10,000 USDT volume) but did not receive the 50 USDT bonus.",
            ),
            "vi": (
                "Chưa nhận được thưởng sự kiện",
                "Tôi đã hoàn thành sự kiện giao dịch "
                "futures cho người mới nhưng chưa nhận được 50 USDT thưởng.",
            ),
            "id": (
                "Hadiah kampanye belum diterima",
                "Saya sudah menyelesaikan kampanye futures "
                "pengguna baru tapi bonus 50 USDT belum masuk.",
            ),
            "es": (
                "No recibí la recompensa",
                "Completé la campaña de futuros para nuevos "
                "usuarios y no recibí el bono de 50 USDT.",
            ),
        },
        channels=("chat", "web", "x"),
    ),
    Scenario(
        "fees",
        "vip-fee-tiers",
        3,
        {
            "en": (
                "VIP fee tier not applied",
                "My 30-day volume is above the VIP 2 threshold "
                "but I am still charged the regular maker fee.",
            ),
            "zh-Hant": (
                "VIP手續費等級未生效",
                "我30天交易量已達VIP 2門檻，但掛單手續費還是一般費率。",
            ),
        },
        channels=("email", "web"),
    ),
    Scenario(
        "product-feedback",
        "suggestions",
        3,
        {
            "en": (
                "Suggestion: address book labels",
                "Please let me label whitelisted "
                "addresses and show the first and last 6 characters in the confirmation "
                "screen, it would help against address poisoning.",
            ),
            "de": (
                "Vorschlag: Adressbuch",
                "Bitte Adressbuch-Einträge mit Namen und die "
                "ersten/letzten 6 Zeichen in der Bestätigung anzeigen.",
            ),
        },
        channels=("web", "x", "email"),
        priority="low",
    ),
    Scenario(
        "compliance",
        "information-request",
        2,
        {
            "en": (
                "Request for a statement of account",
                "My bank asks for a statement of my "
                "deposits and withdrawals for 2025 with your company stamp. How can I get it?",
            ),
            "it": (
                "Richiesta estratto conto",
                "La mia banca chiede un estratto dei depositi e "
                "prelievi del 2025. Come posso ottenerlo?",
            ),
        },
        channels=("email",),
        priority="low",
    ),
)

NOTES: dict[str, str] = {
    "deposit": "Checked the explorer: confirmed on chain, {tx}. Asked wallet ops to re-scan "
    "the block; recovery pipeline if it does not credit within 30 min.",
    "withdrawal": "Risk engine: new-address lock + security change in the last 24 h. Verify "
    "the customer through the official-channel check before any release.",
    "account": "Identity re-verification started (face check). Do not reset 2FA before it passes.",
    "p2p": "Appeal opened; counterparty notified; escrow holds the USDT.",
    "trading": "Pulled the liquidation record and the mark/index price history; forwarding "
    "to tech experts.",
    "security": "Security team alerted. Sessions revoked, withdrawals frozen pending verification.",
}

# Agents' first replies, per language ("we are on it" plus what the customer can expect).
REPLIES: dict[str, tuple[str, ...]] = {
    "en": ("Thanks for reaching out. I have checked your case and passed it to the team that "
           "can act on it; you will hear from us here, usually within the hour.",
           "Thank you for the details. Could you send a screenshot of the transaction in your "
           "wallet, showing the TxID and the destination address?",
           "This is resolved on our side now: please check your balance and let us know if "
           "anything still looks wrong."),
    "zh-Hans": ("您好，感谢您的耐心等待。我们已核实您的问题并转交相关团队处理，"
                "通常一小时内会在这里回复您。",
                "您好，请提供钱包中该笔交易的截图（包含交易哈希和收款地址），以便我们进一步核查。",
                "您好，问题已处理完毕，请查看您的账户余额，如仍有疑问请随时联系我们。"),
    "zh-Hant": ("您好，感謝您的耐心等候。我們已將您的問題轉交相關團隊處理，"
                "通常一小時內會在此回覆您。",
                "您好，問題已處理完成，請查看您的帳戶，如有其他疑問歡迎隨時聯繫我們。"),
    "ru": ("Здравствуйте! Спасибо за обращение. Мы проверили ваш случай и передали его "
           "профильной команде, ответ придёт сюда, обычно в течение часа.",
           "Пришлите, пожалуйста, скриншот транзакции из кошелька с TxID и адресом получателя.",
           "Вопрос решён: проверьте, пожалуйста, баланс и напишите, если что-то не так."),
    "uk": ("Вітаємо! Дякуємо за звернення. Ми передали ваше питання профільній команді, "
           "відповідь надійде сюди, зазвичай протягом години.",
           "Питання вирішено, перевірте, будь ласка, баланс."),
    "vi": ("Xin chào, cảm ơn bạn đã liên hệ. Chúng tôi đã kiểm tra và chuyển yêu cầu cho bộ "
           "phận phụ trách, bạn sẽ nhận được phản hồi tại đây, thường trong vòng 1 giờ.",
           "Bạn vui lòng gửi ảnh chụp giao dịch trong ví, có TxID và địa chỉ nhận nhé.",
           "Vấn đề đã được xử lý, bạn vui lòng kiểm tra lại số dư nhé."),
    "id": ("Halo, terima kasih sudah menghubungi kami. Kasus Anda sudah kami teruskan ke tim "
           "terkait, balasan akan dikirim di sini, biasanya dalam 1 jam.",
           "Masalah sudah selesai, silakan cek saldo Anda."),
    "tr": ("Merhaba, bize ulaştığınız için teşekkürler. Talebinizi ilgili ekibe ilettik, "
           "genellikle bir saat içinde buradan dönüş yapılır.",
           "Sorun çözüldü, lütfen bakiyenizi kontrol edin."),
    "es": ("Hola, gracias por escribirnos. Hemos revisado tu caso y lo pasamos al equipo "
           "responsable; te responderemos aquí, normalmente en menos de una hora.",
           "¿Podrías enviarnos una captura de la transacción con el TxID y la dirección?",
           "Ya está resuelto: revisa tu saldo y avísanos si algo no cuadra."),
    "pt-BR": ("Olá, obrigado pelo contato. Encaminhamos seu caso para a equipe responsável; "
              "a resposta chega aqui, normalmente em até uma hora.",
              "Resolvido do nosso lado: confira seu saldo e avise se algo estiver errado."),
    "fr": ("Bonjour, merci pour votre message. Nous avons transmis votre demande à l'équipe "
           "concernée ; réponse ici, en général sous une heure.",
           "C'est réglé de notre côté : vérifiez votre solde et dites-nous si besoin."),
    "de": ("Hallo, danke für Ihre Nachricht. Wir haben Ihren Fall an das zuständige Team "
           "weitergegeben; die Antwort kommt hier, meist innerhalb einer Stunde.",
           "Das ist erledigt: bitte prüfen Sie Ihr Guthaben."),
    "it": ("Ciao, grazie per averci scritto. Abbiamo inoltrato il caso al team competente; "
           "risponderemo qui, di solito entro un'ora.",
           "Risolto: controlla il saldo e facci sapere."),
    "pl": ("Dzień dobry, dziękujemy za kontakt. Przekazaliśmy sprawę do odpowiedniego "
           "zespołu; odpowiedź pojawi się tutaj, zwykle w ciągu godziny.",
           "Sprawa rozwiązana, prosimy sprawdzić saldo."),
    "ar": ("مرحبًا، شكرًا لتواصلك معنا. أحلنا طلبك إلى الفريق المختص وسيصلك الرد هنا عادةً خلال "
           "ساعة.",
           "تم حل المشكلة، يرجى التحقق من رصيدك."),
}  # fmt: skip

# What customers write back.
FOLLOW_UPS: dict[str, tuple[str, ...]] = {
    "en": (
        "Any update? It has been a while.",
        "Here is the screenshot, TxID is in it.",
        "Thanks, it arrived!",
    ),
    "zh-Hans": ("请问有进展了吗？", "截图已上传，里面有交易哈希。", "已到账，谢谢！"),
    "zh-Hant": ("請問有進度嗎？", "已收到，謝謝！"),
    "ru": ("Есть новости?", "Скриншот приложил, TxID на нём.", "Пришло, спасибо!"),
    "uk": ("Є новини?", "Дякую, все надійшло!"),
    "vi": ("Có cập nhật gì chưa ạ?", "Mình gửi ảnh chụp rồi nhé.", "Đã nhận được, cảm ơn!"),
    "id": ("Ada kabar terbaru?", "Sudah masuk, terima kasih!"),
    "tr": ("Bir gelişme var mı?", "Geldi, teşekkürler!"),
    "es": ("¿Alguna novedad?", "Ya llegó, ¡gracias!"),
    "pt-BR": ("Alguma novidade?", "Caiu aqui, obrigado!"),
    "fr": ("Des nouvelles ?", "C'est arrivé, merci !"),
    "de": ("Gibt es Neuigkeiten?", "Ist angekommen, danke!"),
    "it": ("Novità?", "Arrivato, grazie!"),
    "pl": ("Są jakieś wieści?", "Doszło, dziękuję!"),
    "ar": ("هل من جديد؟", "وصلت، شكرًا!"),
}
