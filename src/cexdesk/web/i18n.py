"""The help centre's own words in the 15 languages; right-to-left where the script is."""

from __future__ import annotations

from cexdesk.intake.language import SUPPORTED

RTL = frozenset({"ar"})

NAMES: dict[str, str] = {
    "en": "English", "zh-Hans": "简体中文", "zh-Hant": "繁體中文", "ru": "Русский",
    "uk": "Українська", "vi": "Tiếng Việt", "id": "Bahasa Indonesia", "tr": "Türkçe",
    "es": "Español", "pt-BR": "Português (Brasil)", "fr": "Français", "de": "Deutsch",
    "it": "Italiano", "pl": "Polski", "ar": "العربية",
}  # fmt: skip

# key -> text per language; English is the fallback for a key a language lacks.
STRINGS: dict[str, dict[str, str]] = {
    "help_centre": {
        "en": "Help centre", "zh-Hans": "帮助中心", "zh-Hant": "幫助中心", "ru": "Центр помощи",
        "uk": "Центр допомоги", "vi": "Trung tâm trợ giúp", "id": "Pusat bantuan",
        "tr": "Yardım merkezi", "es": "Centro de ayuda", "pt-BR": "Central de ajuda",
        "fr": "Centre d'aide", "de": "Hilfe-Center", "it": "Centro assistenza",
        "pl": "Centrum pomocy", "ar": "مركز المساعدة",
    },
    "how_can_we_help": {
        "en": "How can we help?", "zh-Hans": "我们能为您做什么？", "zh-Hant": "我們能為您做什麼？",
        "ru": "Чем мы можем помочь?", "uk": "Чим ми можемо допомогти?",
        "vi": "Chúng tôi có thể giúp gì cho bạn?", "id": "Apa yang bisa kami bantu?",
        "tr": "Size nasıl yardımcı olabiliriz?", "es": "¿Cómo podemos ayudarte?",
        "pt-BR": "Como podemos ajudar?", "fr": "Comment pouvons-nous vous aider ?",
        "de": "Wie können wir helfen?", "it": "Come possiamo aiutarti?",
        "pl": "Jak możemy pomóc?", "ar": "كيف يمكننا مساعدتك؟",
    },
    "chat_with_us": {
        "en": "Chat with us", "zh-Hans": "在线咨询", "zh-Hant": "線上諮詢",
        "ru": "Чат с поддержкой",
        "uk": "Чат із підтримкою", "vi": "Trò chuyện với chúng tôi", "id": "Chat dengan kami",
        "tr": "Bize yazın", "es": "Chatea con nosotros", "pt-BR": "Fale conosco no chat",
        "fr": "Discuter avec nous", "de": "Chatten Sie mit uns", "it": "Chatta con noi",
        "pl": "Czat z nami", "ar": "تحدث معنا",
    },
    "submit_request": {
        "en": "Submit a request", "zh-Hans": "提交工单", "zh-Hant": "提交工單",
        "ru": "Отправить запрос", "uk": "Надіслати запит", "vi": "Gửi yêu cầu",
        "id": "Kirim permintaan", "tr": "Talep gönder", "es": "Enviar una solicitud",
        "pt-BR": "Enviar uma solicitação", "fr": "Envoyer une demande",
        "de": "Anfrage senden", "it": "Invia una richiesta", "pl": "Wyślij zgłoszenie",
        "ar": "أرسل طلبًا",
    },
    "my_tickets": {
        "en": "My requests", "zh-Hans": "我的工单", "zh-Hant": "我的工單", "ru": "Мои запросы",
        "uk": "Мої запити", "vi": "Yêu cầu của tôi", "id": "Permintaan saya",
        "tr": "Taleplerim", "es": "Mis solicitudes", "pt-BR": "Minhas solicitações",
        "fr": "Mes demandes", "de": "Meine Anfragen", "it": "Le mie richieste",
        "pl": "Moje zgłoszenia", "ar": "طلباتي",
    },
    "sign_in_first": {
        "en": "Sign in to your exchange account to contact support.",
        "zh-Hans": "请先登录交易所账户再联系客服。", "zh-Hant": "請先登入交易所帳戶再聯絡客服。",
        "ru": "Войдите в аккаунт биржи, чтобы связаться с поддержкой.",
        "uk": "Увійдіть до акаунта біржі, щоб звернутися до підтримки.",
        "vi": "Hãy đăng nhập tài khoản sàn để liên hệ hỗ trợ.",
        "id": "Masuk ke akun bursa Anda untuk menghubungi dukungan.",
        "tr": "Destekle iletişime geçmek için borsa hesabınıza giriş yapın.",
        "es": "Inicia sesión en tu cuenta del exchange para contactar con soporte.",
        "pt-BR": "Entre na sua conta da corretora para falar com o suporte.",
        "fr": "Connectez-vous à votre compte pour contacter le support.",
        "de": "Melden Sie sich bei Ihrem Börsenkonto an, um den Support zu kontaktieren.",
        "it": "Accedi al tuo account per contattare l'assistenza.",
        "pl": "Zaloguj się na konto giełdy, aby skontaktować się z pomocą.",
        "ar": "سجّل الدخول إلى حسابك في المنصة للتواصل مع الدعم.",
    },
    "type_message": {
        "en": "Type your message", "zh-Hans": "输入消息", "zh-Hant": "輸入訊息",
        "ru": "Введите сообщение", "uk": "Введіть повідомлення", "vi": "Nhập tin nhắn",
        "id": "Ketik pesan Anda", "tr": "Mesajınızı yazın", "es": "Escribe tu mensaje",
        "pt-BR": "Digite sua mensagem", "fr": "Écrivez votre message",
        "de": "Nachricht eingeben", "it": "Scrivi il tuo messaggio", "pl": "Wpisz wiadomość",
        "ar": "اكتب رسالتك",
    },
    "send": {
        "en": "Send", "zh-Hans": "发送", "zh-Hant": "傳送", "ru": "Отправить", "uk": "Надіслати",
        "vi": "Gửi", "id": "Kirim", "tr": "Gönder", "es": "Enviar", "pt-BR": "Enviar",
        "fr": "Envoyer", "de": "Senden", "it": "Invia", "pl": "Wyślij", "ar": "إرسال",
    },
    "subject": {
        "en": "Subject", "zh-Hans": "主题", "zh-Hant": "主旨", "ru": "Тема", "uk": "Тема",
        "vi": "Tiêu đề", "id": "Subjek", "tr": "Konu", "es": "Asunto", "pt-BR": "Assunto",
        "fr": "Objet", "de": "Betreff", "it": "Oggetto", "pl": "Temat", "ar": "الموضوع",
    },
    "describe": {
        "en": "Describe the problem", "zh-Hans": "请描述您的问题", "zh-Hant": "請描述您的問題",
        "ru": "Опишите проблему", "uk": "Опишіть проблему", "vi": "Mô tả vấn đề",
        "id": "Jelaskan masalahnya", "tr": "Sorunu açıklayın", "es": "Describe el problema",
        "pt-BR": "Descreva o problema", "fr": "Décrivez le problème",
        "de": "Beschreiben Sie das Problem", "it": "Descrivi il problema",
        "pl": "Opisz problem", "ar": "صف المشكلة",
    },
    "agent_joined": {
        "en": "{name} joined the chat", "zh-Hans": "{name} 已加入会话",
        "zh-Hant": "{name} 已加入對話",
        "ru": "{name} присоединился к чату", "uk": "{name} приєднався до чату",
        "vi": "{name} đã tham gia", "id": "{name} bergabung", "tr": "{name} sohbete katıldı",
        "es": "{name} se ha unido al chat", "pt-BR": "{name} entrou no chat",
        "fr": "{name} a rejoint la discussion", "de": "{name} ist dem Chat beigetreten",
        "it": "{name} si è unito alla chat", "pl": "{name} dołączył do czatu",
        "ar": "انضم {name} إلى المحادثة",
    },
    "typing": {
        "en": "Support is typing…", "zh-Hans": "客服正在输入…", "zh-Hant": "客服正在輸入…",
        "ru": "Оператор печатает…", "uk": "Оператор друкує…", "vi": "Nhân viên đang nhập…",
        "id": "Agen sedang mengetik…", "tr": "Temsilci yazıyor…", "es": "Soporte está escribiendo…",
        "pt-BR": "O suporte está digitando…", "fr": "Le support écrit…",
        "de": "Der Support schreibt…", "it": "L'assistenza sta scrivendo…",
        "pl": "Konsultant pisze…", "ar": "الدعم يكتب…",
    },
    "offline": {
        "en": "Connection lost, reconnecting…", "zh-Hans": "连接已断开，正在重连…",
        "zh-Hant": "連線中斷，正在重新連線…", "ru": "Связь потеряна, переподключаемся…",
        "uk": "Зв'язок втрачено, перепідключаємося…", "vi": "Mất kết nối, đang kết nối lại…",
        "id": "Koneksi terputus, menyambung ulang…", "tr": "Bağlantı koptu, yeniden bağlanılıyor…",
        "es": "Conexión perdida, reconectando…", "pt-BR": "Conexão perdida, reconectando…",
        "fr": "Connexion perdue, reconnexion…", "de": "Verbindung verloren, verbinde neu…",
        "it": "Connessione persa, riconnessione…", "pl": "Utracono połączenie, łączenie…",
        "ar": "انقطع الاتصال، جارٍ إعادة الاتصال…",
    },
    "no_requests": {
        "en": "You have no requests yet.", "zh-Hans": "您还没有工单。", "zh-Hant": "您還沒有工單。",
        "ru": "У вас пока нет запросов.", "uk": "У вас ще немає запитів.",
        "vi": "Bạn chưa có yêu cầu nào.", "id": "Anda belum punya permintaan.",
        "tr": "Henüz talebiniz yok.", "es": "Aún no tienes solicitudes.",
        "pt-BR": "Você ainda não tem solicitações.", "fr": "Vous n'avez pas encore de demande.",
        "de": "Sie haben noch keine Anfragen.", "it": "Non hai ancora richieste.",
        "pl": "Nie masz jeszcze zgłoszeń.", "ar": "ليس لديك طلبات بعد.",
    },
    "status_open": {
        "en": "Open", "zh-Hans": "处理中", "zh-Hant": "處理中", "ru": "Открыт", "uk": "Відкрито",
        "vi": "Đang xử lý", "id": "Terbuka", "tr": "Açık", "es": "Abierta", "pt-BR": "Aberta",
        "fr": "Ouverte", "de": "Offen", "it": "Aperta", "pl": "Otwarte", "ar": "مفتوح",
    },
    "status_awaiting_you": {
        "en": "Awaiting your reply", "zh-Hans": "等待您回复", "zh-Hant": "等待您回覆",
        "ru": "Ждём вашего ответа", "uk": "Чекаємо на вашу відповідь", "vi": "Chờ bạn phản hồi",
        "id": "Menunggu balasan Anda", "tr": "Yanıtınız bekleniyor",
        "es": "Esperando tu respuesta", "pt-BR": "Aguardando sua resposta",
        "fr": "En attente de votre réponse", "de": "Wartet auf Ihre Antwort",
        "it": "In attesa della tua risposta", "pl": "Czeka na Twoją odpowiedź",
        "ar": "بانتظار ردك",
    },
    "status_solved": {
        "en": "Solved", "zh-Hans": "已解决", "zh-Hant": "已解決", "ru": "Решён", "uk": "Вирішено",
        "vi": "Đã giải quyết", "id": "Selesai", "tr": "Çözüldü", "es": "Resuelta",
        "pt-BR": "Resolvida", "fr": "Résolue", "de": "Gelöst", "it": "Risolta",
        "pl": "Rozwiązane", "ar": "تم الحل",
    },
    "official_channels_warning": {
        "en": "Support will never ask for your password, 2FA codes or seed phrase.",
        "zh-Hans": "客服绝不会索要您的密码、二次验证码或助记词。",
        "zh-Hant": "客服絕不會索取您的密碼、雙重驗證碼或助記詞。",
        "ru": "Поддержка никогда не просит пароль, коды 2FA или seed-фразу.",
        "uk": "Підтримка ніколи не просить пароль, коди 2FA чи seed-фразу.",
        "vi": "Bộ phận hỗ trợ không bao giờ hỏi mật khẩu, mã 2FA hay cụm từ khôi phục.",
        "id": "Dukungan tidak akan pernah meminta kata sandi, kode 2FA, atau frasa seed Anda.",
        "tr": "Destek ekibi asla şifrenizi, 2FA kodlarınızı veya kurtarma ifadenizi istemez.",
        "es": "Soporte nunca te pedirá tu contraseña, códigos 2FA ni frase semilla.",
        "pt-BR": "O suporte nunca pedirá sua senha, códigos 2FA ou frase de recuperação.",
        "fr": "Le support ne vous demandera jamais votre mot de passe, vos codes 2FA "
        "ni votre phrase de récupération.",
        "de": "Der Support fragt nie nach Passwort, 2FA-Codes oder Seed-Phrase.",
        "it": "L'assistenza non chiederà mai password, codici 2FA o frase seed.",
        "pl": "Pomoc nigdy nie poprosi o hasło, kody 2FA ani frazę seed.",
        "ar": "لن يطلب منك الدعم أبدًا كلمة المرور أو رموز التحقق الثنائي أو عبارة الاسترداد.",
    },
    "search": {
        "en": "Search", "zh-Hans": "搜索", "zh-Hant": "搜尋", "ru": "Найти", "uk": "Знайти",
        "vi": "Tìm kiếm", "id": "Cari", "tr": "Ara", "es": "Buscar", "pt-BR": "Buscar",
        "fr": "Rechercher", "de": "Suchen", "it": "Cerca", "pl": "Szukaj", "ar": "بحث",
    },
    "no_results": {
        "en": "No article matches yet.", "zh-Hans": "没有找到相关文章。",
        "zh-Hant": "沒有找到相關文章。", "ru": "Подходящих статей нет.",
        "uk": "Відповідних статей немає.", "vi": "Không tìm thấy bài viết phù hợp.",
        "id": "Belum ada artikel yang cocok.", "tr": "Eşleşen makale yok.",
        "es": "Ningún artículo coincide.", "pt-BR": "Nenhum artigo encontrado.",
        "fr": "Aucun article ne correspond.", "de": "Kein passender Artikel.",
        "it": "Nessun articolo corrisponde.", "pl": "Brak pasujących artykułów.",
        "ar": "لا توجد مقالات مطابقة.",
    },
    "was_this_helpful": {
        "en": "Was this helpful?", "zh-Hans": "这篇文章有帮助吗？", "zh-Hant": "這篇文章有幫助嗎？",
        "ru": "Статья помогла?", "uk": "Стаття допомогла?", "vi": "Bài viết có hữu ích không?",
        "id": "Apakah ini membantu?", "tr": "Bu yardımcı oldu mu?", "es": "¿Te ha sido útil?",
        "pt-BR": "Isso ajudou?", "fr": "Cet article vous a-t-il aidé ?",
        "de": "War das hilfreich?", "it": "Ti è stato utile?", "pl": "Czy to pomogło?",
        "ar": "هل كان هذا مفيدًا؟",
    },
    "yes": {
        "en": "Yes", "zh-Hans": "是", "zh-Hant": "是", "ru": "Да", "uk": "Так", "vi": "Có",
        "id": "Ya", "tr": "Evet", "es": "Sí", "pt-BR": "Sim", "fr": "Oui", "de": "Ja",
        "it": "Sì", "pl": "Tak", "ar": "نعم",
    },
    "no": {
        "en": "No", "zh-Hans": "否", "zh-Hant": "否", "ru": "Нет", "uk": "Ні", "vi": "Không",
        "id": "Tidak", "tr": "Hayır", "es": "No", "pt-BR": "Não", "fr": "Non", "de": "Nein",
        "it": "No", "pl": "Nie", "ar": "لا",
    },
    "thanks_for_feedback": {
        "en": "Thank you for your feedback.", "zh-Hans": "感谢您的反馈。",
        "zh-Hant": "感謝您的回饋。",
        "ru": "Спасибо за отзыв.", "uk": "Дякуємо за відгук.", "vi": "Cảm ơn phản hồi của bạn.",
        "id": "Terima kasih atas masukan Anda.", "tr": "Geri bildiriminiz için teşekkürler.",
        "es": "Gracias por tu opinión.", "pt-BR": "Obrigado pelo retorno.",
        "fr": "Merci pour votre avis.", "de": "Danke für Ihr Feedback.",
        "it": "Grazie per il tuo feedback.", "pl": "Dziękujemy za opinię.",
        "ar": "شكرًا على ملاحظاتك.",
    },
    "verify_title": {
        "en": "Is it really us?", "zh-Hans": "官方渠道验证", "zh-Hant": "官方管道驗證",
        "ru": "Это точно мы?", "uk": "Це точно ми?", "vi": "Có thật là chúng tôi?",
        "id": "Benarkah itu kami?", "tr": "Gerçekten biz miyiz?",
        "es": "¿De verdad somos nosotros?",
        "pt-BR": "É mesmo a gente?", "fr": "Est-ce vraiment nous ?", "de": "Sind das wirklich wir?",
        "it": "Siamo davvero noi?", "pl": "Czy to na pewno my?", "ar": "هل هذا نحن حقًا؟",
    },
    "verify_hint": {
        "en": "Paste an e-mail address, phone number, Telegram or X account, or link.",
        "zh-Hans": "粘贴邮箱地址、电话号码、Telegram 或 X 账号，或网址。",
        "zh-Hant": "貼上電子郵件地址、電話號碼、Telegram 或 X 帳號，或網址。",
        "ru": "Вставьте адрес почты, номер телефона, аккаунт Telegram или X либо ссылку.",
        "uk": "Вставте адресу пошти, номер телефону, акаунт Telegram чи X або посилання.",
        "vi": "Dán địa chỉ email, số điện thoại, tài khoản Telegram hoặc X, hay đường link.",
        "id": "Tempel alamat email, nomor telepon, akun Telegram atau X, atau tautan.",
        "tr": "E-posta adresi, telefon numarası, Telegram veya X hesabı ya da bağlantı yapıştırın.",
        "es": "Pega una dirección de correo, un teléfono, una cuenta de Telegram o X, o un enlace.",
        "pt-BR": "Cole um e-mail, telefone, conta do Telegram ou X, ou um link.",
        "fr": "Collez une adresse e-mail, un numéro, un compte Telegram ou X, ou un lien.",
        "de": "Fügen Sie eine E-Mail-Adresse, Telefonnummer, ein Telegram- oder X-Konto "
        "oder einen Link ein.",
        "it": "Incolla un indirizzo e-mail, un numero, un account Telegram o X, o un link.",
        "pl": "Wklej adres e-mail, numer telefonu, konto Telegram lub X albo link.",
        "ar": "الصق بريدًا إلكترونيًا أو رقم هاتف أو حساب Telegram أو X أو رابطًا.",
    },
    "official_yes": {
        "en": "Official", "zh-Hans": "官方渠道", "zh-Hant": "官方管道", "ru": "Официальный",
        "uk": "Офіційний", "vi": "Chính thức", "id": "Resmi", "tr": "Resmî", "es": "Oficial",
        "pt-BR": "Oficial", "fr": "Officiel", "de": "Offiziell", "it": "Ufficiale",
        "pl": "Oficjalny", "ar": "رسمي",
    },
    "official_no": {
        "en": "NOT ours. Do not reply, pay or share codes.",
        "zh-Hans": "不是我们的渠道。请勿回复、付款或提供验证码。",
        "zh-Hant": "不是我們的管道。請勿回覆、付款或提供驗證碼。",
        "ru": "Это НЕ мы. Не отвечайте, не платите и не сообщайте коды.",
        "uk": "Це НЕ ми. Не відповідайте, не платіть і не повідомляйте коди.",
        "vi": "KHÔNG phải chúng tôi. Đừng trả lời, chuyển tiền hay chia sẻ mã.",
        "id": "BUKAN kami. Jangan membalas, membayar, atau membagikan kode.",
        "tr": "Bu biz DEĞİLİZ. Yanıt vermeyin, ödeme yapmayın, kod paylaşmayın.",
        "es": "NO somos nosotros. No respondas, no pagues ni compartas códigos.",
        "pt-BR": "NÃO somos nós. Não responda, não pague nem compartilhe códigos.",
        "fr": "Ce n'est PAS nous. Ne répondez pas, ne payez pas, ne partagez aucun code.",
        "de": "Das sind NICHT wir. Nicht antworten, nicht zahlen, keine Codes weitergeben.",
        "it": "NON siamo noi. Non rispondere, non pagare e non condividere codici.",
        "pl": "To NIE my. Nie odpowiadaj, nie płać i nie podawaj kodów.",
        "ar": "ليس نحن. لا ترد ولا تدفع ولا تشارك أي رموز.",
    },
}  # fmt: skip


def best_language(accept_language: str | None) -> str:
    """The first supported language in an Accept-Language header, else English."""
    for part in (accept_language or "").split(","):
        tag = part.split(";")[0].strip()
        if not tag:
            continue
        lowered = tag.lower()
        for code in SUPPORTED:
            if code.lower() == lowered:
                return code
        if lowered in ("zh-cn", "zh-sg", "zh"):
            return "zh-Hans"
        if lowered in ("zh-tw", "zh-hk", "zh-mo"):
            return "zh-Hant"
        if lowered.startswith("pt"):
            return "pt-BR"
        base = lowered.split("-")[0]
        if base in SUPPORTED:
            return base
    return "en"


def text(language: str, key: str, **values: str) -> str:
    """The text for ``key`` in ``language`` (English if missing), with ``{name}``s filled."""
    table = STRINGS[key]
    template = table.get(language) or table["en"]
    return template.format(**values) if values else template


def strings_for(language: str) -> dict[str, str]:
    """Every string in one language, for the widget's script."""
    return {key: text(language, key) for key in STRINGS}
