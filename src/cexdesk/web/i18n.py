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
    # The deposit claim form (/help/{lang}/recovery/claim).
    "claim_title": {
        "en": "Claim a deposit that did not arrive", "zh-Hans": "申请找回未到账的充值",
        "zh-Hant": "申請找回未到帳的儲值", "ru": "Заявка на возврат незачисленного депозита",
        "uk": "Заявка на повернення незарахованого депозиту",
        "vi": "Yêu cầu khôi phục khoản nạp chưa về", "id": "Klaim deposit yang belum masuk",
        "tr": "Hesaba geçmeyen yatırma için talep", "es": "Reclamar un depósito que no llegó",
        "pt-BR": "Solicitar a recuperação de um depósito que não caiu",
        "fr": "Réclamer un dépôt non crédité", "de": "Nicht gutgeschriebene Einzahlung melden",
        "it": "Richiedi un deposito non arrivato", "pl": "Zgłoś wpłatę, która nie dotarła",
        "ar": "طلب استرداد إيداع لم يصل",
    },
    "claim_intro": {
        "en": "Sent a deposit without its memo or tag, or on the wrong network? Tell us what you "
        "sent; most claims are decided at once.",
        "zh-Hans": "充值时漏填或填错了 "
        "Memo/标签，或选错了网络？请填写转账信息，大多数申请会立即得到处理结果。",
        "zh-Hant": "儲值時漏填或填錯了 "
        "Memo/標籤，或選錯了網路？請填寫轉帳資訊，多數申請會立即得到處理結果。",
        "ru": "Отправили депозит без мемо или тега либо не в той сети? Укажите данные перевода: "
        "большинство заявок решается сразу.",
        "uk": "Надіслали депозит без мемо чи тегу або не в тій мережі? Вкажіть дані переказу: "
        "більшість заявок вирішується одразу.",
        "vi": "Bạn nạp tiền mà thiếu memo/tag hoặc chọn sai mạng? Hãy cho chúng tôi biết thông "
        "tin giao dịch; phần lớn yêu cầu được xử lý ngay.",
        "id": "Mengirim deposit tanpa memo/tag atau lewat jaringan yang salah? Isi detail "
        "transfer Anda; sebagian besar klaim langsung diputuskan.",
        "tr": "Memo/etiket olmadan ya da yanlış ağdan mı yatırdınız? Gönderdiğiniz işlemi yazın; "
        "çoğu talep hemen sonuçlanır.",
        "es": "¿Enviaste un depósito sin memo o etiqueta, o por la red equivocada? Indica qué "
        "enviaste; la mayoría de las solicitudes se resuelven al momento.",
        "pt-BR": "Enviou um depósito sem memo ou tag, ou pela rede errada? Informe o que você "
        "enviou; a maioria das solicitações é decidida na hora.",
        "fr": "Dépôt envoyé sans mémo ni tag, ou sur le mauvais réseau ? Indiquez ce que vous "
        "avez envoyé : la plupart des demandes sont traitées immédiatement.",
        "de": "Einzahlung ohne Memo oder Tag oder über das falsche Netzwerk gesendet? Geben Sie "
        "an, was Sie gesendet haben; die meisten Anträge werden sofort entschieden.",
        "it": "Hai inviato un deposito senza memo o tag, o sulla rete sbagliata? Indica cosa hai "
        "inviato: la maggior parte delle richieste viene decisa subito.",
        "pl": "Wysłano wpłatę bez memo lub tagu albo w złej sieci? Podaj dane przelewu; większość "
        "zgłoszeń rozpatrujemy od razu.",
        "ar": "هل أرسلت إيداعًا دون المذكرة أو الوسم، أو عبر شبكة خاطئة؟ أخبرنا بما أرسلته، "
        "وسيُبتّ في معظم الطلبات فورًا.",
    },
    "claim_tx": {
        "en": "Transaction hash (TxID)", "zh-Hans": "交易哈希 (TxID)", "zh-Hant": "交易雜湊 (TxID)",
        "ru": "Хеш транзакции (TxID)", "uk": "Хеш транзакції (TxID)", "vi": "Mã giao dịch (TxID)",
        "id": "Hash transaksi (TxID)",
        "tr": "İşlem hash'i (TxID)",
        "es": "Hash de la transacción (TxID)",
        "pt-BR": "Hash da transação (TxID)", "fr": "Hash de la transaction (TxID)",
        "de": "Transaktions-Hash (TxID)", "it": "Hash della transazione (TxID)",
        "pl": "Hash transakcji (TxID)", "ar": "معرّف المعاملة (TxID)",
    },
    "claim_asset": {
        "en": "Asset", "zh-Hans": "币种", "zh-Hant": "幣種", "ru": "Актив", "uk": "Актив",
        "vi": "Tài sản", "id": "Aset", "tr": "Varlık", "es": "Activo", "pt-BR": "Ativo",
        "fr": "Actif", "de": "Vermögenswert", "it": "Asset", "pl": "Aktywo", "ar": "الأصل",
    },
    "claim_network": {
        "en": "Network", "zh-Hans": "网络", "zh-Hant": "網路", "ru": "Сеть", "uk": "Мережа",
        "vi": "Mạng", "id": "Jaringan", "tr": "Ağ", "es": "Red", "pt-BR": "Rede", "fr": "Réseau",
        "de": "Netzwerk", "it": "Rete", "pl": "Sieć", "ar": "الشبكة",
    },
    "claim_amount": {
        "en": "Amount sent",
        "zh-Hans": "转账数量",
        "zh-Hant": "轉帳數量",
        "ru": "Отправленная сумма",
        "uk": "Надіслана сума", "vi": "Số lượng đã gửi", "id": "Jumlah yang dikirim",
        "tr": "Gönderilen tutar", "es": "Importe enviado", "pt-BR": "Valor enviado",
        "fr": "Montant envoyé", "de": "Gesendeter Betrag", "it": "Importo inviato",
        "pl": "Wysłana kwota", "ar": "المبلغ المرسل",
    },
    "claim_source": {
        "en": "Address you sent from", "zh-Hans": "转出地址", "zh-Hant": "轉出地址",
        "ru": "Адрес, с которого отправлено", "uk": "Адреса, з якої надіслано",
        "vi": "Địa chỉ bạn đã gửi đi", "id": "Alamat pengirim", "tr": "Gönderen adres",
        "es": "Dirección desde la que enviaste", "pt-BR": "Endereço de onde você enviou",
        "fr": "Adresse d'envoi", "de": "Absenderadresse", "it": "Indirizzo da cui hai inviato",
        "pl": "Adres, z którego wysłano", "ar": "العنوان الذي أرسلت منه",
    },
    "claim_note": {
        "en": "Anything else we should know (optional)", "zh-Hans": "补充说明（选填）",
        "zh-Hant": "補充說明（選填）", "ru": "Дополнительно (необязательно)",
        "uk": "Додатково (необов'язково)", "vi": "Ghi chú thêm (không bắt buộc)",
        "id": "Catatan tambahan (opsional)", "tr": "Eklemek istedikleriniz (isteğe bağlı)",
        "es": "Algo más que debamos saber (opcional)",
        "pt-BR": "Algo mais que devemos saber (opcional)",
        "fr": "Autre chose à nous dire (facultatif)", "de": "Weitere Hinweise (optional)",
        "it": "Altro da segnalarci (facoltativo)", "pl": "Dodatkowe informacje (opcjonalnie)",
        "ar": "ملاحظات إضافية (اختياري)",
    },
    "claim_submit": {
        "en": "Submit claim",
        "zh-Hans": "提交申请",
        "zh-Hant": "提交申請",
        "ru": "Отправить заявку",
        "uk": "Надіслати заявку", "vi": "Gửi yêu cầu khôi phục", "id": "Kirim klaim",
        "tr": "Talebi gönder", "es": "Enviar solicitud", "pt-BR": "Enviar solicitação",
        "fr": "Envoyer la demande", "de": "Antrag senden", "it": "Invia richiesta",
        "pl": "Wyślij zgłoszenie", "ar": "إرسال الطلب",
    },
    "my_claims": {
        "en": "My deposit claims", "zh-Hans": "我的找回申请", "zh-Hant": "我的找回申請",
        "ru": "Мои заявки на возврат", "uk": "Мої заявки на повернення",
        "vi": "Yêu cầu khôi phục của tôi", "id": "Klaim deposit saya", "tr": "Yatırma taleplerim",
        "es": "Mis solicitudes de depósito", "pt-BR": "Minhas solicitações de depósito",
        "fr": "Mes demandes de dépôt", "de": "Meine Einzahlungsanträge",
        "it": "Le mie richieste di deposito", "pl": "Moje zgłoszenia wpłat",
        "ar": "طلبات استرداد الإيداع الخاصة بي",
    },
    "no_claims": {
        "en": "You have not filed any claims.", "zh-Hans": "您还没有提交过申请。",
        "zh-Hant": "您還沒有提交過申請。",
        "ru": "У вас пока нет заявок.",
        "uk": "У вас поки немає заявок.",
        "vi": "Bạn chưa gửi yêu cầu nào.", "id": "Anda belum mengajukan klaim.",
        "tr": "Henüz bir talebiniz yok.", "es": "No has enviado ninguna solicitud.",
        "pt-BR": "Você ainda não enviou nenhuma solicitação.",
        "fr": "Vous n'avez envoyé aucune demande.",
        "de": "Sie haben noch keine Anträge gestellt.", "it": "Non hai ancora inviato richieste.",
        "pl": "Nie masz jeszcze zgłoszeń.", "ar": "لم تقدّم أي طلبات بعد.",
    },
    "claim_status_recovered": {
        "en": "Recovered", "zh-Hans": "已找回", "zh-Hant": "已找回", "ru": "Возвращено",
        "uk": "Повернено", "vi": "Đã khôi phục", "id": "Dipulihkan", "tr": "Kurtarıldı",
        "es": "Recuperado", "pt-BR": "Recuperado", "fr": "Récupéré", "de": "Wiederhergestellt",
        "it": "Recuperato", "pl": "Odzyskano", "ar": "تم الاسترداد",
    },
    "claim_status_in_review": {
        "en": "Under review", "zh-Hans": "审核中", "zh-Hant": "審核中", "ru": "На рассмотрении",
        "uk": "На розгляді", "vi": "Đang xem xét", "id": "Sedang ditinjau", "tr": "İnceleniyor",
        "es": "En revisión", "pt-BR": "Em análise", "fr": "En cours d'examen", "de": "In Prüfung",
        "it": "In revisione", "pl": "W trakcie weryfikacji", "ar": "قيد المراجعة",
    },
    "claim_status_waiting": {
        "en": "Waiting", "zh-Hans": "等待中", "zh-Hant": "等待中", "ru": "Ожидание",
        "uk": "Очікування", "vi": "Đang chờ", "id": "Menunggu", "tr": "Bekliyor",
        "es": "En espera", "pt-BR": "Aguardando", "fr": "En attente", "de": "Wartet",
        "it": "In attesa", "pl": "Oczekuje", "ar": "قيد الانتظار",
    },
    "claim_status_not_recoverable": {
        "en": "Not recoverable", "zh-Hans": "无法找回", "zh-Hant": "無法找回",
        "ru": "Вернуть невозможно", "uk": "Повернути неможливо", "vi": "Không thể khôi phục",
        "id": "Tidak dapat dipulihkan", "tr": "Kurtarılamaz", "es": "No recuperable",
        "pt-BR": "Não recuperável", "fr": "Non récupérable", "de": "Nicht wiederherstellbar",
        "it": "Non recuperabile", "pl": "Nie do odzyskania", "ar": "غير قابل للاسترداد",
    },
    "claim_status_rejected": {
        "en": "Declined", "zh-Hans": "已驳回", "zh-Hant": "已駁回", "ru": "Отклонено",
        "uk": "Відхилено", "vi": "Bị từ chối", "id": "Ditolak", "tr": "Reddedildi",
        "es": "Rechazada", "pt-BR": "Recusada", "fr": "Refusée", "de": "Abgelehnt",
        "it": "Respinta", "pl": "Odrzucono", "ar": "مرفوض",
    },
    "claim_status_nothing_to_do": {
        "en": "Already credited", "zh-Hans": "已入账", "zh-Hant": "已入帳", "ru": "Уже зачислено",
        "uk": "Уже зараховано",
        "vi": "Đã được ghi có",
        "id": "Sudah masuk",
        "tr": "Zaten yatırıldı",
        "es": "Ya acreditado",
        "pt-BR": "Já creditado",
        "fr": "Déjà crédité",
        "de": "Bereits gutgeschrieben",
        "it": "Già accreditato", "pl": "Już zaksięgowano", "ar": "أُضيف إلى الحساب مسبقًا",
    },
    "claim_paid": {
        "en": "Done: {amount} {asset} has been credited to your account (recovery fee: {fee} "
        "{asset}).",
        "zh-Hans": "已完成：{amount} {asset} 已存入您的账户（找回手续费：{fee} {asset}）。",
        "zh-Hant": "已完成：{amount} {asset} 已存入您的帳戶（找回手續費：{fee} {asset}）。",
        "ru": "Готово: {amount} {asset} зачислено на ваш счёт (комиссия за возврат: {fee} "
        "{asset}).",
        "uk": "Готово: {amount} {asset} зараховано на ваш рахунок (комісія за повернення: {fee} "
        "{asset}).",
        "vi": "Hoàn tất: {amount} {asset} đã được cộng vào tài khoản của bạn (phí khôi phục: "
        "{fee} {asset}).",
        "id": "Selesai: {amount} {asset} telah masuk ke akun Anda (biaya pemulihan: {fee} "
        "{asset}).",
        "tr": "Tamamlandı: {amount} {asset} hesabınıza yatırıldı (kurtarma ücreti: {fee} {asset}).",
        "es": "Listo: se han abonado {amount} {asset} en tu cuenta (comisión de recuperación: "
        "{fee} {asset}).",
        "pt-BR": "Pronto: {amount} {asset} foram creditados na sua conta (taxa de recuperação: "
        "{fee} {asset}).",
        "fr": "C'est fait : {amount} {asset} ont été crédités sur votre compte (frais de "
        "récupération : {fee} {asset}).",
        "de": "Erledigt: {amount} {asset} wurden Ihrem Konto gutgeschrieben "
        "(Wiederherstellungsgebühr: {fee} {asset}).",
        "it": "Fatto: {amount} {asset} sono stati accreditati sul tuo account (commissione di "
        "recupero: {fee} {asset}).",
        "pl": "Gotowe: {amount} {asset} zaksięgowano na Twoim koncie (opłata za odzyskanie: {fee} "
        "{asset}).",
        "ar": "تم: أُضيف {amount} {asset} إلى حسابك (رسوم الاسترداد: {fee} {asset}).",
    },
    "claim_in_review": {
        "en": "Your claim is under review by our team. We will tell you the outcome in your "
        "support conversation.",
        "zh-Hans": "您的申请正在由我们的团队审核，结果将在您的客服会话中通知您。",
        "zh-Hant": "您的申請正在由我們的團隊審核，結果將在您的客服對話中通知您。",
        "ru": "Ваша заявка на рассмотрении у нашей команды. Результат мы сообщим в вашем "
        "обращении в поддержку.",
        "uk": "Вашу заявку розглядає наша команда. Результат ми повідомимо у вашому зверненні до "
        "підтримки.",
        "vi": "Yêu cầu của bạn đang được đội ngũ chúng tôi xem xét. Chúng tôi sẽ thông báo kết "
        "quả trong cuộc trò chuyện hỗ trợ của bạn.",
        "id": "Klaim Anda sedang ditinjau oleh tim kami. Hasilnya akan kami sampaikan di "
        "percakapan dukungan Anda.",
        "tr": "Talebiniz ekibimiz tarafından inceleniyor. Sonucu destek görüşmenizde size "
        "bildireceğiz.",
        "es": "Nuestro equipo está revisando tu solicitud. Te diremos el resultado en tu "
        "conversación con soporte.",
        "pt-BR": "Sua solicitação está em análise pela nossa equipe. Vamos informar o resultado "
        "na sua conversa com o suporte.",
        "fr": "Votre demande est en cours d'examen par notre équipe. Nous vous donnerons le "
        "résultat dans votre conversation avec le support.",
        "de": "Ihr Antrag wird von unserem Team geprüft. Das Ergebnis teilen wir Ihnen in Ihrer "
        "Support-Konversation mit.",
        "it": "La tua richiesta è in revisione da parte del nostro team. Ti comunicheremo l'esito "
        "nella conversazione con l'assistenza.",
        "pl": "Twoje zgłoszenie weryfikuje nasz zespół. Wynik przekażemy w Twojej rozmowie z "
        "pomocą techniczną.",
        "ar": "يراجع فريقنا طلبك الآن، وسنبلغك بالنتيجة في محادثتك مع الدعم.",
    },
    "claim_waiting": {
        "en": "This deposit is not complete yet (network confirmations or the minimum deposit "
        "still to come). It will be credited once it is; there is nothing more to do.",
        "zh-Hans": "这笔充值尚未完成（仍在等待网络确认或尚未达到最低充值数量），完成后将自动入账，"
        "您无需再操作。",
        "zh-Hant": "這筆儲值尚未完成（仍在等待網路確認或尚未達到最低儲值數量），完成後將自動入帳，"
        "您無需再操作。",
        "ru": "Депозит ещё не завершён (ждём подтверждений сети или минимальной суммы). Он будет "
        "зачислен, как только это произойдёт; больше ничего делать не нужно.",
        "uk": "Депозит ще не завершено (чекаємо на підтвердження мережі або мінімальну суму). "
        "Його буде зараховано, щойно це станеться; більше нічого робити не потрібно.",
        "vi": "Khoản nạp này chưa hoàn tất (còn chờ xác nhận mạng hoặc chưa đạt mức nạp tối "
        "thiểu). Tiền sẽ được ghi có khi hoàn tất; bạn không cần làm gì thêm.",
        "id": "Deposit ini belum selesai (masih menunggu konfirmasi jaringan atau jumlah "
        "minimum). Dana akan masuk setelah selesai; Anda tidak perlu melakukan apa pun.",
        "tr": "Bu yatırma henüz tamamlanmadı (ağ onayları veya asgari tutar bekleniyor). "
        "Tamamlanınca hesabınıza geçecek; başka bir şey yapmanız gerekmiyor.",
        "es": "Este depósito aún no está completo (faltan confirmaciones de la red o alcanzar el "
        "mínimo). Se abonará en cuanto lo esté; no tienes que hacer nada más.",
        "pt-BR": "Este depósito ainda não foi concluído (faltam confirmações da rede ou atingir o "
        "mínimo). Ele será creditado assim que concluir; não precisa fazer mais nada.",
        "fr": "Ce dépôt n'est pas encore complet (confirmations du réseau ou minimum de dépôt en "
        "attente). Il sera crédité dès qu'il le sera ; vous n'avez rien d'autre à faire.",
        "de": "Diese Einzahlung ist noch nicht abgeschlossen (Netzwerkbestätigungen oder "
        "Mindestbetrag stehen aus). Sie wird gutgeschrieben, sobald sie es ist; Sie müssen "
        "nichts weiter tun.",
        "it": "Questo deposito non è ancora completo (mancano conferme di rete o il minimo). Sarà "
        "accreditato appena lo sarà; non devi fare altro.",
        "pl": "Ta wpłata nie jest jeszcze zakończona (brakuje potwierdzeń sieci lub minimalnej "
        "kwoty). Zostanie zaksięgowana, gdy to nastąpi; nie musisz nic więcej robić.",
        "ar": "لم يكتمل هذا الإيداع بعد (بانتظار تأكيدات الشبكة أو بلوغ الحد الأدنى). سيُضاف إلى "
        "حسابك فور اكتماله، ولا حاجة إلى أي إجراء آخر.",
    },
    "claim_refused": {
        "en": "This deposit cannot be recovered: {reason}", "zh-Hans": "这笔充值无法找回：{reason}",
        "zh-Hant": "這筆儲值無法找回：{reason}", "ru": "Этот депозит вернуть невозможно: {reason}",
        "uk": "Цей депозит повернути неможливо: {reason}",
        "vi": "Khoản nạp này không thể khôi phục: {reason}",
        "id": "Deposit ini tidak dapat dipulihkan: {reason}",
        "tr": "Bu yatırma kurtarılamıyor: {reason}",
        "es": "Este depósito no se puede recuperar: {reason}",
        "pt-BR": "Este depósito não pode ser recuperado: {reason}",
        "fr": "Ce dépôt ne peut pas être récupéré : {reason}",
        "de": "Diese Einzahlung kann nicht wiederhergestellt werden: {reason}",
        "it": "Questo deposito non può essere recuperato: {reason}",
        "pl": "Tej wpłaty nie da się odzyskać: {reason}",
        "ar": "لا يمكن استرداد هذا الإيداع: {reason}",
    },
    "claim_rejected": {
        "en": "After review, this claim was declined. Our team explained why in your support "
        "conversation.",
        "zh-Hans": "经审核，此申请已被驳回，原因已在您的客服会话中说明。",
        "zh-Hant": "經審核，此申請已被駁回，原因已在您的客服對話中說明。",
        "ru": "После проверки заявка отклонена. Причину мы объяснили в вашем обращении в "
        "поддержку.",
        "uk": "Після перевірки заявку відхилено. Причину ми пояснили у вашому зверненні до "
        "підтримки.",
        "vi": "Sau khi xem xét, yêu cầu này đã bị từ chối. Lý do đã được giải thích trong cuộc "
        "trò chuyện hỗ trợ của bạn.",
        "id": "Setelah ditinjau, klaim ini ditolak. Tim kami sudah menjelaskan alasannya di "
        "percakapan dukungan Anda.",
        "tr": "İnceleme sonucunda bu talep reddedildi. Nedenini destek görüşmenizde açıkladık.",
        "es": "Tras la revisión, esta solicitud fue rechazada. Te explicamos el motivo en tu "
        "conversación con soporte.",
        "pt-BR": "Após a análise, esta solicitação foi recusada. Explicamos o motivo na sua "
        "conversa com o suporte.",
        "fr": "Après examen, cette demande a été refusée. Nous vous avons expliqué pourquoi dans "
        "votre conversation avec le support.",
        "de": "Nach Prüfung wurde dieser Antrag abgelehnt. Den Grund haben wir Ihnen in Ihrer "
        "Support-Konversation erklärt.",
        "it": "Dopo la revisione, questa richiesta è stata respinta. Ti abbiamo spiegato il "
        "motivo nella conversazione con l'assistenza.",
        "pl": "Po weryfikacji zgłoszenie odrzucono. Powód wyjaśniliśmy w Twojej rozmowie z pomocą "
        "techniczną.",
        "ar": "بعد المراجعة، رُفض هذا الطلب، وقد شرحنا السبب في محادثتك مع الدعم.",
    },
    "claim_nothing": {
        "en": "This deposit has already been credited; check your account's deposit history.",
        "zh-Hans": "这笔充值已经入账，请查看账户的充值记录。",
        "zh-Hant": "這筆儲值已經入帳，請查看帳戶的儲值紀錄。",
        "ru": "Этот депозит уже зачислен: проверьте историю депозитов в аккаунте.",
        "uk": "Цей депозит уже зараховано: перевірте історію депозитів в акаунті.",
        "vi": "Khoản nạp này đã được ghi có; hãy kiểm tra lịch sử nạp tiền trong tài khoản.",
        "id": "Deposit ini sudah masuk; periksa riwayat deposit di akun Anda.",
        "tr": "Bu yatırma zaten hesaba geçti; hesabınızın yatırma geçmişine bakın.",
        "es": "Este depósito ya se abonó; revisa el historial de depósitos de tu cuenta.",
        "pt-BR": "Este depósito já foi creditado; confira o histórico de depósitos da sua conta.",
        "fr": "Ce dépôt a déjà été crédité ; consultez l'historique des dépôts de votre compte.",
        "de": "Diese Einzahlung wurde bereits gutgeschrieben; sehen Sie im Einzahlungsverlauf "
        "Ihres Kontos nach.",
        "it": "Questo deposito è già stato accreditato; controlla la cronologia dei depositi del "
        "tuo account.",
        "pl": "Ta wpłata została już zaksięgowana; sprawdź historię wpłat na koncie.",
        "ar": "أُضيف هذا الإيداع إلى حسابك مسبقًا؛ راجع سجل الإيداعات في حسابك.",
    },
    "claim_error_tx": {
        "en": "This does not look like a transaction hash: copy it from your wallet or block "
        "explorer.",
        "zh-Hans": "这不像是交易哈希，请从钱包或区块浏览器中复制。",
        "zh-Hant": "這不像是交易雜湊，請從錢包或區塊瀏覽器中複製。",
        "ru": "Это не похоже на хеш транзакции: скопируйте его из кошелька или обозревателя "
        "блоков.",
        "uk": "Це не схоже на хеш транзакції: скопіюйте його з гаманця або оглядача блоків.",
        "vi": "Đây không phải là mã giao dịch hợp lệ: hãy sao chép từ ví hoặc trình khám phá khối.",
        "id": "Ini bukan hash transaksi: salin dari dompet atau block explorer Anda.",
        "tr": "Bu bir işlem hash'ine benzemiyor: cüzdanınızdan veya blok gezgininden kopyalayın.",
        "es": "Esto no parece un hash de transacción: cópialo de tu monedero o del explorador de "
        "bloques.",
        "pt-BR": "Isso não parece um hash de transação: copie-o da sua carteira ou do explorador "
        "de blocos.",
        "fr": "Ceci ne ressemble pas à un hash de transaction : copiez-le depuis votre "
        "portefeuille ou un explorateur de blocs.",
        "de": "Das sieht nicht wie ein Transaktions-Hash aus: Kopieren Sie ihn aus Ihrer Wallet "
        "oder einem Block-Explorer.",
        "it": "Questo non sembra un hash di transazione: copialo dal tuo wallet o da un block "
        "explorer.",
        "pl": "To nie wygląda na hash transakcji: skopiuj go z portfela lub eksploratora bloków.",
        "ar": "لا يبدو هذا معرّف معاملة: انسخه من محفظتك أو من مستكشف الكتل.",
    },
    "claim_error_tx_not_found": {
        "en": "We found no such transaction on this network. Check the hash and the network.",
        "zh-Hans": "在该网络上找不到这笔交易，请核对交易哈希和网络。",
        "zh-Hant": "在該網路上找不到這筆交易，請核對交易雜湊和網路。",
        "ru": "В этой сети такой транзакции нет. Проверьте хеш и сеть.",
        "uk": "У цій мережі такої транзакції немає. Перевірте хеш і мережу.",
        "vi": "Không tìm thấy giao dịch này trên mạng đã chọn. Hãy kiểm tra lại mã giao dịch và "
        "mạng.",
        "id": "Transaksi ini tidak ditemukan di jaringan tersebut. Periksa hash dan jaringannya.",
        "tr": "Bu ağda böyle bir işlem bulamadık. Hash'i ve ağı kontrol edin.",
        "es": "No encontramos esa transacción en esta red. Revisa el hash y la red.",
        "pt-BR": "Não encontramos essa transação nesta rede. Confira o hash e a rede.",
        "fr": "Aucune transaction de ce type sur ce réseau. Vérifiez le hash et le réseau.",
        "de": "Diese Transaktion gibt es in diesem Netzwerk nicht. Prüfen Sie Hash und Netzwerk.",
        "it": "Non troviamo questa transazione su questa rete. Controlla l'hash e la rete.",
        "pl": "Nie znaleźliśmy takiej transakcji w tej sieci. Sprawdź hash i sieć.",
        "ar": "لم نعثر على هذه المعاملة في هذه الشبكة. تحقّق من المعرّف والشبكة.",
    },
    "claim_error_asset": {
        "en": "Enter the asset you sent, for example USDT.",
        "zh-Hans": "请填写您转出的币种，例如 USDT。",
        "zh-Hant": "請填寫您轉出的幣種，例如 USDT。",
        "ru": "Укажите отправленный актив, например USDT.",
        "uk": "Вкажіть надісланий актив, наприклад USDT.",
        "vi": "Hãy nhập tài sản bạn đã gửi, ví dụ USDT.",
        "id": "Masukkan aset yang Anda kirim, misalnya USDT.",
        "tr": "Gönderdiğiniz varlığı yazın, örneğin USDT.",
        "es": "Indica el activo que enviaste, por ejemplo USDT.",
        "pt-BR": "Informe o ativo enviado, por exemplo USDT.",
        "fr": "Indiquez l'actif envoyé, par exemple USDT.",
        "de": "Geben Sie den gesendeten Vermögenswert an, zum Beispiel USDT.",
        "it": "Indica l'asset inviato, per esempio USDT.", "pl": "Podaj wysłane aktywo, np. USDT.",
        "ar": "أدخل الأصل الذي أرسلته، مثل USDT.",
    },
    "claim_error_network": {
        "en": "Choose the network the deposit was sent on.", "zh-Hans": "请选择转账所用的网络。",
        "zh-Hant": "請選擇轉帳所用的網路。",
        "ru": "Выберите сеть, в которой был отправлен депозит.",
        "uk": "Виберіть мережу, в якій надіслано депозит.",
        "vi": "Hãy chọn mạng đã dùng để gửi khoản nạp.",
        "id": "Pilih jaringan yang dipakai untuk mengirim deposit.",
        "tr": "Yatırmanın gönderildiği ağı seçin.",
        "es": "Elige la red por la que se envió el depósito.",
        "pt-BR": "Escolha a rede pela qual o depósito foi enviado.",
        "fr": "Choisissez le réseau utilisé pour le dépôt.",
        "de": "Wählen Sie das Netzwerk, über das die Einzahlung gesendet wurde.",
        "it": "Scegli la rete su cui è stato inviato il deposito.",
        "pl": "Wybierz sieć, w której wysłano wpłatę.",
        "ar": "اختر الشبكة التي أُرسل عبرها الإيداع.",
    },
    "claim_error_amount": {
        "en": "Enter the amount sent as a number greater than zero, for example 250 or 0.5.",
        "zh-Hans": "请以大于零的数字填写转账数量，例如 250 或 0.5。",
        "zh-Hant": "請以大於零的數字填寫轉帳數量，例如 250 或 0.5。",
        "ru": "Укажите сумму числом больше нуля, например 250 или 0.5.",
        "uk": "Вкажіть суму числом, більшим за нуль, наприклад 250 або 0.5.",
        "vi": "Hãy nhập số lượng đã gửi là một số lớn hơn 0, ví dụ 250 hoặc 0.5.",
        "id": "Masukkan jumlah yang dikirim berupa angka lebih dari nol, misalnya 250 atau 0.5.",
        "tr": "Gönderilen tutarı sıfırdan büyük bir sayı olarak yazın, örneğin 250 veya 0.5.",
        "es": "Indica el importe como un número mayor que cero, por ejemplo 250 o 0.5.",
        "pt-BR": "Informe o valor como um número maior que zero, por exemplo 250 ou 0.5.",
        "fr": "Indiquez le montant sous forme de nombre supérieur à zéro, par exemple 250 ou 0.5.",
        "de": "Geben Sie den Betrag als Zahl größer als null an, zum Beispiel 250 oder 0.5.",
        "it": "Indica l'importo come numero maggiore di zero, per esempio 250 o 0.5.",
        "pl": "Podaj kwotę jako liczbę większą od zera, np. 250 lub 0.5.",
        "ar": "أدخل المبلغ رقمًا أكبر من الصفر، مثل 250 أو 0.5.",
    },
    "claim_error_source": {
        "en": "This is not a valid address on the chosen network: check the address you sent from.",
        "zh-Hans": "这不是所选网络上的有效地址，请核对转出地址。",
        "zh-Hant": "這不是所選網路上的有效地址，請核對轉出地址。",
        "ru": "Это не действительный адрес в выбранной сети: проверьте адрес отправителя.",
        "uk": "Це не дійсна адреса у вибраній мережі: перевірте адресу відправника.",
        "vi": "Đây không phải là địa chỉ hợp lệ trên mạng đã chọn: hãy kiểm tra địa chỉ bạn đã "
        "gửi đi.",
        "id": "Ini bukan alamat yang valid di jaringan yang dipilih: periksa alamat pengirim.",
        "tr": "Bu, seçilen ağda geçerli bir adres değil: gönderen adresi kontrol edin.",
        "es": "No es una dirección válida en la red elegida: revisa la dirección desde la que "
        "enviaste.",
        "pt-BR": "Não é um endereço válido na rede escolhida: confira o endereço de onde você "
        "enviou.",
        "fr": "Ce n'est pas une adresse valide sur le réseau choisi : vérifiez l'adresse d'envoi.",
        "de": "Das ist keine gültige Adresse im gewählten Netzwerk: Prüfen Sie die "
        "Absenderadresse.",
        "it": "Non è un indirizzo valido sulla rete scelta: controlla l'indirizzo da cui hai "
        "inviato.",
        "pl": "To nie jest prawidłowy adres w wybranej sieci: sprawdź adres nadawcy.",
        "ar": "هذا ليس عنوانًا صالحًا على الشبكة المختارة: تحقّق من العنوان الذي أرسلت منه.",
    },
    "claim_error_note": {
        "en": "The note is too long (at most 2,000 characters).",
        "zh-Hans": "补充说明过长（最多 2000 个字符）。",
        "zh-Hant": "補充說明過長（最多 2000 個字元）。",
        "ru": "Слишком длинный комментарий (не более 2000 символов).",
        "uk": "Занадто довгий коментар (не більше 2000 символів).",
        "vi": "Ghi chú quá dài (tối đa 2.000 ký tự).",
        "id": "Catatan terlalu panjang (maksimal 2.000 karakter).",
        "tr": "Not çok uzun (en fazla 2.000 karakter).",
        "es": "La nota es demasiado larga (máximo 2.000 caracteres).",
        "pt-BR": "A observação é longa demais (no máximo 2.000 caracteres).",
        "fr": "La note est trop longue (2 000 caractères au maximum).",
        "de": "Der Hinweis ist zu lang (höchstens 2.000 Zeichen).",
        "it": "La nota è troppo lunga (massimo 2.000 caratteri).",
        "pl": "Notatka jest za długa (maksymalnie 2000 znaków).",
        "ar": "الملاحظة طويلة جدًا (2000 حرف كحد أقصى).",
    },
    "claim_error_account": {
        "en": "Only accounts signed in at the exchange can claim a deposit. Please sign in again.",
        "zh-Hans": "只有在交易所登录的账户才能申请找回充值，请重新登录。",
        "zh-Hant": "只有在交易所登入的帳戶才能申請找回儲值，請重新登入。",
        "ru": "Подать заявку можно только из аккаунта, вошедшего через биржу. Войдите снова.",
        "uk": "Подати заявку можна лише з акаунта, що увійшов через біржу. Увійдіть знову.",
        "vi": "Chỉ tài khoản đã đăng nhập qua sàn mới có thể yêu cầu khôi phục. Vui lòng đăng "
        "nhập lại.",
        "id": "Hanya akun yang masuk melalui bursa yang dapat mengajukan klaim. Silakan masuk "
        "kembali.",
        "tr": "Yalnızca borsa üzerinden giriş yapmış hesaplar talepte bulunabilir. Lütfen tekrar "
        "giriş yapın.",
        "es": "Solo las cuentas que iniciaron sesión en el exchange pueden reclamar un depósito. "
        "Vuelve a iniciar sesión.",
        "pt-BR": "Só contas conectadas pela corretora podem solicitar um depósito. Entre "
        "novamente.",
        "fr": "Seuls les comptes connectés via la plateforme peuvent réclamer un dépôt. "
        "Reconnectez-vous.",
        "de": "Nur über die Börse angemeldete Konten können eine Einzahlung beantragen. Bitte "
        "melden Sie sich erneut an.",
        "it": "Solo gli account collegati tramite l'exchange possono richiedere un deposito. "
        "Accedi di nuovo.",
        "pl": "Wpłatę mogą zgłosić tylko konta zalogowane przez giełdę. Zaloguj się ponownie.",
        "ar": "لا يمكن طلب استرداد إيداع إلا من حساب مسجَّل الدخول عبر المنصة. يُرجى تسجيل الدخول "
        "مجددًا.",
    },
    "claim_error_unavailable": {
        "en": "We could not file your claim just now. Please try again in a few minutes; nothing "
        "was recorded.",
        "zh-Hans": "暂时无法提交您的申请，请几分钟后重试；本次未记录任何内容。",
        "zh-Hant": "暫時無法提交您的申請，請幾分鐘後重試；本次未記錄任何內容。",
        "ru": "Сейчас не удалось подать заявку. Попробуйте через несколько минут; ничего не "
        "сохранено.",
        "uk": "Зараз не вдалося подати заявку. Спробуйте за кілька хвилин; нічого не збережено.",
        "vi": "Hiện chưa thể gửi yêu cầu của bạn. Vui lòng thử lại sau vài phút; chưa có gì được "
        "ghi nhận.",
        "id": "Klaim Anda belum bisa diajukan saat ini. Coba lagi beberapa menit lagi; belum ada "
        "yang tercatat.",
        "tr": "Talebiniz şu anda gönderilemedi. Birkaç dakika sonra tekrar deneyin; hiçbir şey "
        "kaydedilmedi.",
        "es": "No pudimos registrar tu solicitud ahora. Inténtalo de nuevo en unos minutos; no se "
        "guardó nada.",
        "pt-BR": "Não conseguimos registrar sua solicitação agora. Tente de novo em alguns "
        "minutos; nada foi salvo.",
        "fr": "Impossible d'enregistrer votre demande pour le moment. Réessayez dans quelques "
        "minutes ; rien n'a été enregistré.",
        "de": "Ihr Antrag konnte gerade nicht gestellt werden. Bitte versuchen Sie es in ein paar "
        "Minuten erneut; nichts wurde gespeichert.",
        "it": "Non è stato possibile registrare la richiesta. Riprova tra qualche minuto; non è "
        "stato salvato nulla.",
        "pl": "Nie udało się teraz złożyć zgłoszenia. Spróbuj za kilka minut; nic nie zostało "
        "zapisane.",
        "ar": "تعذّر تقديم طلبك الآن. يُرجى المحاولة بعد بضع دقائق؛ لم يُسجَّل أي شيء.",
    },
    "claim_error_already_paid": {
        "en": "This deposit has already been paid back to an account, so it cannot be paid again.",
        "zh-Hans": "这笔充值已退回至某个账户，无法再次支付。",
        "zh-Hant": "這筆儲值已退回至某個帳戶，無法再次支付。",
        "ru": "Этот депозит уже возвращён на один из аккаунтов и не может быть выплачен повторно.",
        "uk": "Цей депозит уже повернено на один з акаунтів і не може бути виплачений повторно.",
        "vi": "Khoản nạp này đã được hoàn vào một tài khoản nên không thể hoàn lại lần nữa.",
        "id": "Deposit ini sudah dikembalikan ke sebuah akun, jadi tidak dapat dibayarkan lagi.",
        "tr": "Bu yatırma zaten bir hesaba iade edildi, tekrar ödenemez.",
        "es": "Este depósito ya se devolvió a una cuenta, así que no se puede pagar de nuevo.",
        "pt-BR": "Este depósito já foi devolvido a uma conta, então não pode ser pago de novo.",
        "fr": "Ce dépôt a déjà été restitué à un compte : il ne peut pas l'être une seconde fois.",
        "de": "Diese Einzahlung wurde bereits einem Konto erstattet und kann nicht erneut "
        "ausgezahlt werden.",
        "it": "Questo deposito è già stato restituito a un account, quindi non può essere pagato "
        "di nuovo.",
        "pl": "Ta wpłata została już zwrócona na jedno z kont, więc nie można jej wypłacić "
        "ponownie.",
        "ar": "أُعيد هذا الإيداع بالفعل إلى أحد الحسابات، لذا لا يمكن دفعه مرة أخرى.",
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
