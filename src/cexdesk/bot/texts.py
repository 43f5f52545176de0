"""The support bot's own sentences in the 15 languages. Data and one lookup; pure.

Written as the desk's support writers would put them: Chinese simplified and
traditional (Taiwan usage) apart, Brazilian Portuguese, formal Arabic, and the same
form of address as the desk's other customer notices (``vous``/``Sie``/``Anda``,
``tú``/``você``/``tu``). Placeholders are ``{name}``; every one an English text uses
is used by each translation (tests/bot/test_texts.py checks it).
"""

from __future__ import annotations

from collections.abc import Mapping

LANGUAGES = (
    "en", "zh-Hans", "zh-Hant", "ru", "uk", "vi", "id", "tr",
    "es", "pt-BR", "fr", "de", "it", "pl", "ar",
)  # fmt: skip
FALLBACK_LANGUAGE = "en"

# key -> language -> text
_TEXTS: dict[str, dict[str, str]] = {
    "greeting": {
        "en": "Hi! I'm the support assistant. Tell me what's going on, for example a deposit "
        "that hasn't arrived or a pending withdrawal, and I'll help right away. You can ask "
        "for a person at any time.",
        "zh-Hans": "您好！我是智能客服助手。请告诉我您遇到的问题，比如充值未到账、"
        "提币一直在处理中，"
        "我会马上帮您处理。您随时可以要求转人工客服。",
        "zh-Hant": "您好！我是智慧客服助理。請告訴我您遇到的問題，例如儲值未到帳、"
        "提領一直在處理中，"
        "我會馬上為您處理。您隨時可以要求轉接真人客服。",
        "ru": "Здравствуйте! Я виртуальный помощник службы поддержки. Опишите, что случилось, "
        "например депозит не зачислен или вывод завис, и я сразу помогу. В любой момент "
        "можно попросить соединить с оператором.",
        "uk": "Вітаємо! Я віртуальний помічник служби підтримки. Опишіть, що сталося, "
        "наприклад депозит не зараховано або виведення зависло, і я одразу допоможу. "
        "Будь-коли можна попросити з'єднати з оператором.",
        "vi": "Xin chào! Tôi là trợ lý hỗ trợ tự động. Bạn hãy cho tôi biết vấn đề đang gặp, "
        "ví dụ nạp tiền chưa về hay lệnh rút đang chờ xử lý, tôi sẽ hỗ trợ ngay. Bạn có thể "
        "yêu cầu gặp nhân viên bất cứ lúc nào.",
        "id": "Halo! Saya asisten dukungan otomatis. Ceritakan masalah Anda, misalnya deposit "
        "yang belum masuk atau penarikan yang masih tertunda, dan saya akan langsung membantu. "
        "Anda bisa meminta bicara dengan petugas kapan saja.",
        "tr": "Merhaba! Ben destek asistanıyım. Yaşadığınız sorunu anlatın, örneğin hesabınıza "
        "geçmeyen bir yatırma ya da bekleyen bir çekim, hemen yardımcı olayım. İstediğiniz "
        "zaman bir müşteri temsilcisine bağlanmayı isteyebilirsiniz.",
        "es": "¡Hola! Soy el asistente de soporte. Cuéntame qué ocurre, por ejemplo un depósito "
        "que no ha llegado o un retiro pendiente, y te ayudo enseguida. Puedes pedir hablar "
        "con una persona en cualquier momento.",
        "pt-BR": "Oi! Sou o assistente de suporte. Me conta o que está acontecendo, por exemplo "
        "um depósito que não caiu ou um saque pendente, e eu já te ajudo. Você pode pedir para "
        "falar com um atendente a qualquer momento.",
        "fr": "Bonjour ! Je suis l'assistant du support. Dites-moi ce qui se passe, par exemple "
        "un dépôt qui n'est pas arrivé ou un retrait en attente, et je vous aide tout de "
        "suite. Vous pouvez demander un conseiller à tout moment.",
        "de": "Hallo! Ich bin der Support-Assistent. Schildern Sie mir Ihr Anliegen, zum "
        "Beispiel eine Einzahlung, die nicht angekommen ist, oder eine ausstehende Auszahlung, "
        "und ich helfe Ihnen sofort. Sie können jederzeit nach einem Mitarbeiter fragen.",
        "it": "Ciao! Sono l'assistente dell'assistenza clienti. Dimmi cosa succede, per esempio "
        "un deposito non arrivato o un prelievo in sospeso, e ti aiuto subito. Puoi chiedere "
        "di parlare con un operatore in qualsiasi momento.",
        "pl": "Cześć! Jestem asystentem wsparcia. Opisz, co się dzieje, na przykład wpłata nie "
        "dotarła albo wypłata czeka na realizację, a od razu pomogę. W każdej chwili możesz "
        "poprosić o rozmowę z konsultantem.",
        "ar": "مرحبًا! أنا المساعد الآلي لفريق الدعم. أخبرني بما يحدث، مثل إيداع لم يصل أو سحب "
        "قيد الانتظار، وسأساعدك على الفور. يمكنك طلب التحدث إلى أحد موظفينا في أي وقت.",
    },
    "article_intro": {
        "en": "This article should help: {title}\n{url}",
        "zh-Hans": "这篇文章应该能帮到您：{title}\n{url}",
        "zh-Hant": "這篇文章應該能幫到您：{title}\n{url}",
        "ru": "Вот статья, которая должна помочь: {title}\n{url}",
        "uk": "Ось стаття, яка має допомогти: {title}\n{url}",
        "vi": "Bài viết này có thể giúp bạn: {title}\n{url}",
        "id": "Artikel ini semoga membantu: {title}\n{url}",
        "tr": "Bu makale yardımcı olacaktır: {title}\n{url}",
        "es": "Este artículo debería ayudarte: {title}\n{url}",
        "pt-BR": "Este artigo deve te ajudar: {title}\n{url}",
        "fr": "Cet article devrait vous aider : {title}\n{url}",
        "de": "Dieser Artikel sollte Ihnen helfen: {title}\n{url}",
        "it": "Questo articolo dovrebbe aiutarti: {title}\n{url}",
        "pl": "Ten artykuł powinien pomóc: {title}\n{url}",
        "ar": "قد يساعدك هذا المقال: {title}\n{url}",
    },
    "ask_helpful": {
        "en": "Did this answer your question?",
        "zh-Hans": "这是否解决了您的问题？",
        "zh-Hant": "這是否解決了您的問題？",
        "ru": "Это ответило на ваш вопрос?",
        "uk": "Чи відповіло це на ваше запитання?",
        "vi": "Thông tin này đã giải đáp thắc mắc của bạn chưa?",
        "id": "Apakah ini menjawab pertanyaan Anda?",
        "tr": "Bu sorunuzu yanıtladı mı?",
        "es": "¿Esto responde a tu pregunta?",
        "pt-BR": "Isso respondeu à sua pergunta?",
        "fr": "Cela répond-il à votre question ?",
        "de": "Hat das Ihre Frage beantwortet?",
        "it": "Ha risposto alla tua domanda?",
        "pl": "Czy to odpowiada na Twoje pytanie?",
        "ar": "هل أجاب هذا عن سؤالك؟",
    },
    "unknown": {
        "en": "Sorry, I'm not sure I understood. Could you describe the problem in a few more "
        "words? If you'd rather talk to a person, just say so.",
        "zh-Hans": "抱歉，我可能没有理解您的意思。能再详细描述一下您遇到的问题吗？如果想找人工客服"
        "，直接告诉我即可。",
        "zh-Hant": "抱歉，我可能沒有理解您的意思。能再詳細描述一下您遇到的問題嗎？如果想找真人客服"
        "，直接告訴我即可。",
        "ru": "Извините, я не совсем понял. Опишите, пожалуйста, проблему чуть подробнее. "
        "Если хотите поговорить с оператором, просто напишите об этом.",
        "uk": "Вибачте, я не зовсім зрозумів. Опишіть, будь ласка, проблему трохи детальніше. "
        "Якщо хочете поговорити з оператором, просто напишіть про це.",
        "vi": "Xin lỗi, tôi chưa hiểu rõ ý bạn. Bạn có thể mô tả vấn đề chi tiết hơn một chút "
        "không? Nếu muốn trao đổi với nhân viên, bạn cứ nói nhé.",
        "id": "Maaf, saya belum memahami maksud Anda. Bisakah Anda menjelaskan masalahnya sedikit "
        "lebih rinci? Jika ingin bicara dengan petugas, sampaikan saja.",
        "tr": "Üzgünüm, tam olarak anlayamadım. Sorunu biraz daha ayrıntılı anlatabilir misiniz? "
        "Bir temsilciyle görüşmek isterseniz bunu yazmanız yeterli.",
        "es": "Perdona, no estoy seguro de haberte entendido. ¿Puedes describir el problema con "
        "un poco más de detalle? Si prefieres hablar con una persona, solo dímelo.",
        "pt-BR": "Desculpe, acho que não entendi. Pode descrever o problema com um pouco mais de "
        "detalhes? Se preferir falar com um atendente, é só dizer.",
        "fr": "Désolé, je ne suis pas sûr d'avoir compris. Pouvez-vous décrire le problème en "
        "quelques mots de plus ? Si vous préférez parler à un conseiller, dites-le-moi.",
        "de": "Entschuldigung, das habe ich nicht ganz verstanden. Können Sie das Problem etwas "
        "genauer beschreiben? Wenn Sie lieber mit einem Mitarbeiter sprechen möchten, sagen "
        "Sie es einfach.",
        "it": "Scusa, non sono sicuro di aver capito. Puoi descrivere il problema con qualche "
        "dettaglio in più? Se preferisci parlare con un operatore, dimmelo pure.",
        "pl": "Przepraszam, chyba nie zrozumiałem. Czy możesz opisać problem trochę dokładniej? "
        "Jeśli wolisz porozmawiać z konsultantem, po prostu napisz.",
        "ar": "عذرًا، لم أتمكن من فهم طلبك تمامًا. هل يمكنك وصف المشكلة بمزيد من التفاصيل؟ "
        "وإذا كنت تفضّل التحدث إلى أحد موظفينا، فيكفي أن تخبرني بذلك.",
    },
    "clarify": {
        "en": "To make sure I help with the right thing, which of these is it?\n{options}\n"
        "Reply with the number.",
        "zh-Hans": "为了准确帮到您，请问是以下哪种情况？\n{options}\n请回复对应的数字。",
        "zh-Hant": "為了準確幫到您，請問是以下哪種情況？\n{options}\n請回覆對應的數字。",
        "ru": "Чтобы помочь точно, уточните, пожалуйста, о чём речь:\n{options}\n"
        "Ответьте номером варианта.",
        "uk": "Щоб допомогти точно, уточніть, будь ласка, про що йдеться:\n{options}\n"
        "Надішліть номер варіанта.",
        "vi": "Để hỗ trợ đúng vấn đề, bạn đang gặp trường hợp nào dưới đây?\n{options}\n"
        "Vui lòng trả lời bằng số thứ tự.",
        "id": "Agar saya bisa membantu dengan tepat, mana yang Anda maksud?\n{options}\n"
        "Balas dengan nomornya.",
        "tr": "Doğru konuda yardımcı olabilmem için, hangisi sizin durumunuz?\n{options}\n"
        "Lütfen numarasıyla yanıtlayın.",
        "es": "Para ayudarte con lo que necesitas, ¿cuál de estas opciones es?\n{options}\n"
        "Responde con el número.",
        "pt-BR": "Para eu te ajudar com a coisa certa, qual destas opções é o seu caso?\n"
        "{options}\nResponda com o número.",
        "fr": "Pour bien vous aider, de quoi s'agit-il ?\n{options}\nRépondez avec le numéro.",
        "de": "Damit ich Ihnen richtig helfe: Worum geht es?\n{options}\n"
        "Antworten Sie bitte mit der Nummer.",
        "it": "Per aiutarti nel modo giusto, di quale di questi si tratta?\n{options}\n"
        "Rispondi con il numero.",
        "pl": "Żebym mógł dobrze pomóc, której z tych spraw to dotyczy?\n{options}\n"
        "Odpowiedz numerem.",
        "ar": "حتى أساعدك بالشكل الصحيح، أيٌّ من الخيارات التالية يصف حالتك؟\n{options}\n"
        "يُرجى الرد برقم الخيار.",
    },
    "clarify_or": {
        "en": "or",
        "zh-Hans": "还是",
        "zh-Hant": "還是",
        "ru": "или",
        "uk": "чи",
        "vi": "hay",
        "id": "atau",
        "tr": "yoksa",
        "es": "o",
        "pt-BR": "ou",
        "fr": "ou",
        "de": "oder",
        "it": "o",
        "pl": "czy",
        "ar": "أم",
    },
    "ask_tx_hash": {
        "en": "Please send me the transaction hash (TxID) of your deposit. You'll find it in the "
        "withdrawal history of the wallet or platform you sent it from.",
        "zh-Hans": "请发送这笔充值的交易哈希（TxID）。您可以在转出钱包或平台的提币记录中找到它。",
        "zh-Hant": "請提供這筆儲值的交易雜湊值（TxID）。您可以在轉出錢包或平台的提領紀錄中找到它。",
        "ru": "Пришлите, пожалуйста, хеш транзакции (TxID) вашего депозита. Его можно найти "
        "в истории выводов кошелька или платформы, с которой вы отправляли средства.",
        "uk": "Надішліть, будь ласка, хеш транзакції (TxID) вашого депозиту. Його можна знайти "
        "в історії виведень гаманця або платформи, з якої ви надсилали кошти.",
        "vi": "Bạn vui lòng gửi mã giao dịch (TxID) của khoản nạp. Bạn có thể tìm thấy nó trong "
        "lịch sử rút tiền của ví hoặc sàn mà bạn đã chuyển đi.",
        "id": "Mohon kirimkan hash transaksi (TxID) deposit Anda. Anda bisa menemukannya di "
        "riwayat penarikan dompet atau platform asal pengiriman.",
        "tr": "Lütfen yatırma işleminizin işlem hash'ini (TxID) gönderin. Bunu, gönderimi "
        "yaptığınız cüzdanın veya platformun çekim geçmişinde bulabilirsiniz.",
        "es": "Envíame el hash de la transacción (TxID) de tu depósito. Lo encontrarás en el "
        "historial de retiros de la billetera o plataforma desde la que lo enviaste.",
        "pt-BR": "Me envie o hash da transação (TxID) do seu depósito. Você encontra no "
        "histórico de saques da carteira ou plataforma de onde enviou.",
        "fr": "Envoyez-moi le hash de la transaction (TxID) de votre dépôt. Vous le trouverez "
        "dans l'historique des retraits du portefeuille ou de la plateforme d'envoi.",
        "de": "Bitte senden Sie mir den Transaktions-Hash (TxID) Ihrer Einzahlung. Sie finden "
        "ihn im Auszahlungsverlauf der Wallet oder Plattform, von der Sie gesendet haben.",
        "it": "Inviami l'hash della transazione (TxID) del tuo deposito. Lo trovi nella "
        "cronologia dei prelievi del wallet o della piattaforma da cui hai inviato i fondi.",
        "pl": "Prześlij proszę hash transakcji (TxID) swojej wpłaty. Znajdziesz go w historii "
        "wypłat portfela lub platformy, z której wysłano środki.",
        "ar": "يُرجى إرسال رمز التجزئة للمعاملة (TxID) الخاص بإيداعك. ستجده في سجل السحب "
        "في المحفظة أو المنصة التي أرسلت منها.",
    },
    "ask_sign_in": {
        "en": "To look into your account, please sign in first: {url}",
        "zh-Hans": "查询您的账户信息前，请先登录：{url}",
        "zh-Hant": "查詢您的帳戶資訊前，請先登入：{url}",
        "ru": "Чтобы я мог проверить ваш аккаунт, сначала войдите в него: {url}",
        "uk": "Щоб я міг перевірити ваш акаунт, спершу увійдіть у нього: {url}",
        "vi": "Để kiểm tra tài khoản của bạn, vui lòng đăng nhập trước: {url}",
        "id": "Untuk memeriksa akun Anda, silakan masuk terlebih dahulu: {url}",
        "tr": "Hesabınızı inceleyebilmem için lütfen önce giriş yapın: {url}",
        "es": "Para revisar tu cuenta, primero inicia sesión: {url}",
        "pt-BR": "Para eu verificar sua conta, faça login primeiro: {url}",
        "fr": "Pour consulter votre compte, veuillez d'abord vous connecter : {url}",
        "de": "Damit ich Ihr Konto prüfen kann, melden Sie sich bitte zuerst an: {url}",
        "it": "Per controllare il tuo account, accedi prima: {url}",
        "pl": "Aby sprawdzić Twoje konto, najpierw się zaloguj: {url}",
        "ar": "للاطلاع على حسابك، يُرجى تسجيل الدخول أولًا: {url}",
    },
    "deposit_credited": {
        "en": "Good news: your deposit of {amount} {asset} was credited to your account on "
        "{time}. Please check your balance.",
        "zh-Hans": "好消息：您充值的 {amount} {asset} 已于 {time} 到账，请查看您的余额。",
        "zh-Hant": "好消息：您儲值的 {amount} {asset} 已於 {time} 入帳，請查看您的餘額。",
        "ru": "Хорошие новости: ваш депозит {amount} {asset} зачислен на счёт {time}. "
        "Проверьте, пожалуйста, баланс.",
        "uk": "Гарні новини: ваш депозит {amount} {asset} зараховано на рахунок {time}. "
        "Перевірте, будь ласка, баланс.",
        "vi": "Tin vui: khoản nạp {amount} {asset} của bạn đã được cộng vào tài khoản lúc "
        "{time}. Bạn vui lòng kiểm tra số dư.",
        "id": "Kabar baik: deposit Anda sebesar {amount} {asset} sudah masuk ke akun pada "
        "{time}. Silakan periksa saldo Anda.",
        "tr": "İyi haber: {amount} {asset} tutarındaki yatırma işleminiz {time} tarihinde "
        "hesabınıza geçti. Lütfen bakiyenizi kontrol edin.",
        "es": "Buenas noticias: tu depósito de {amount} {asset} se acreditó en tu cuenta el "
        "{time}. Revisa tu saldo.",
        "pt-BR": "Boa notícia: seu depósito de {amount} {asset} foi creditado na sua conta em "
        "{time}. Confira seu saldo.",
        "fr": "Bonne nouvelle : votre dépôt de {amount} {asset} a été crédité sur votre compte "
        "le {time}. Vous pouvez vérifier votre solde.",
        "de": "Gute Nachricht: Ihre Einzahlung von {amount} {asset} wurde am {time} Ihrem Konto "
        "gutgeschrieben. Bitte prüfen Sie Ihr Guthaben.",
        "it": "Buone notizie: il tuo deposito di {amount} {asset} è stato accreditato sul conto "
        "il {time}. Controlla pure il saldo.",
        "pl": "Dobra wiadomość: Twoja wpłata {amount} {asset} została zaksięgowana na koncie "
        "{time}. Sprawdź saldo.",
        "ar": "أخبار سارة: تمت إضافة إيداعك البالغ {amount} {asset} إلى حسابك بتاريخ {time}. "
        "يُرجى التحقق من رصيدك.",
    },
    "deposit_confirming": {
        "en": "Your deposit of {amount} {asset} is on its way: it has {confirmations} of the "
        "{required} network confirmations we need and will be credited automatically once it "
        "reaches them.",
        "zh-Hans": "您充值的 {amount} {asset} 正在确认中：目前已有 {confirmations} 个区块确认，"
        "需要 {required} 个。达到后将自动到账。",
        "zh-Hant": "您儲值的 {amount} {asset} 正在確認中：目前已有 {confirmations} 個區塊確認，"
        "需要 {required} 個。達到後將自動入帳。",
        "ru": "Ваш депозит {amount} {asset} в пути: получено {confirmations} из {required} "
        "необходимых подтверждений сети. После этого он будет зачислен автоматически.",
        "uk": "Ваш депозит {amount} {asset} у дорозі: отримано {confirmations} з {required} "
        "потрібних підтверджень мережі. Після цього його буде зараховано автоматично.",
        "vi": "Khoản nạp {amount} {asset} của bạn đang được xác nhận: đã có {confirmations}/"
        "{required} xác nhận mạng cần thiết. Khi đủ, tiền sẽ được cộng tự động.",
        "id": "Deposit Anda sebesar {amount} {asset} sedang diproses: sudah {confirmations} dari "
        "{required} konfirmasi jaringan yang diperlukan. Setelah terpenuhi, saldo akan masuk "
        "otomatis.",
        "tr": "{amount} {asset} tutarındaki yatırma işleminiz yolda: gereken {required} ağ "
        "onayından {confirmations} tanesi tamamlandı. Tamamlandığında otomatik olarak "
        "hesabınıza geçecek.",
        "es": "Tu depósito de {amount} {asset} está en camino: tiene {confirmations} de las "
        "{required} confirmaciones de red necesarias y se acreditará automáticamente al "
        "completarlas.",
        "pt-BR": "Seu depósito de {amount} {asset} está a caminho: já tem {confirmations} das "
        "{required} confirmações de rede necessárias e será creditado automaticamente quando "
        "completar.",
        "fr": "Votre dépôt de {amount} {asset} est en cours : il a {confirmations} des "
        "{required} confirmations réseau nécessaires et sera crédité automatiquement ensuite.",
        "de": "Ihre Einzahlung von {amount} {asset} ist unterwegs: Sie hat {confirmations} von "
        "{required} erforderlichen Netzwerkbestätigungen und wird danach automatisch "
        "gutgeschrieben.",
        "it": "Il tuo deposito di {amount} {asset} è in arrivo: ha {confirmations} delle "
        "{required} conferme di rete necessarie e verrà accreditato automaticamente appena le "
        "raggiunge.",
        "pl": "Twoja wpłata {amount} {asset} jest w drodze: ma {confirmations} z {required} "
        "wymaganych potwierdzeń sieci i po ich osiągnięciu zostanie zaksięgowana automatycznie.",
        "ar": "إيداعك البالغ {amount} {asset} في الطريق: حصل على {confirmations} من أصل "
        "{required} تأكيدًا مطلوبًا على الشبكة، وستتم إضافته تلقائيًا عند اكتمالها.",
    },
    "deposit_not_found": {
        "en": "I couldn't find a deposit with that transaction hash. Please check that the hash "
        "is complete and that the funds were sent to your deposit address on a network we "
        "support.",
        "zh-Hans": "没有找到与该交易哈希对应的充值记录。请确认哈希是否完整，"
        "以及资金是否通过我们支持的网络"
        "转入了您的充值地址。",
        "zh-Hant": "找不到與此交易雜湊值對應的儲值紀錄。請確認雜湊值是否完整，"
        "以及資金是否透過我們支援的網路"
        "轉入您的儲值地址。",
        "ru": "Я не нашёл депозит с таким хешем транзакции. Проверьте, что хеш указан "
        "полностью и что средства отправлены на ваш адрес депозита в поддерживаемой сети.",
        "uk": "Я не знайшов депозит із таким хешем транзакції. Перевірте, що хеш указано "
        "повністю і що кошти надіслано на вашу адресу депозиту в підтримуваній мережі.",
        "vi": "Tôi không tìm thấy khoản nạp nào với mã giao dịch này. Bạn vui lòng kiểm tra mã "
        "đã đầy đủ chưa và tiền có được gửi đến địa chỉ nạp của bạn qua mạng mà chúng tôi hỗ "
        "trợ hay không.",
        "id": "Saya tidak menemukan deposit dengan hash transaksi tersebut. Pastikan hash-nya "
        "lengkap dan dana dikirim ke alamat deposit Anda melalui jaringan yang kami dukung.",
        "tr": "Bu işlem hash'ine ait bir yatırma bulamadım. Lütfen hash'in eksiksiz olduğunu ve "
        "fonların desteklediğimiz bir ağ üzerinden yatırma adresinize gönderildiğini kontrol "
        "edin.",
        "es": "No encontré ningún depósito con ese hash de transacción. Comprueba que el hash "
        "esté completo y que los fondos se enviaron a tu dirección de depósito en una red "
        "compatible.",
        "pt-BR": "Não encontrei nenhum depósito com esse hash de transação. Confira se o hash "
        "está completo e se os fundos foram enviados para o seu endereço de depósito em uma "
        "rede que suportamos.",
        "fr": "Je ne trouve aucun dépôt avec ce hash de transaction. Vérifiez que le hash est "
        "complet et que les fonds ont été envoyés à votre adresse de dépôt sur un réseau pris "
        "en charge.",
        "de": "Ich habe keine Einzahlung mit diesem Transaktions-Hash gefunden. Bitte prüfen Sie, "
        "ob der Hash vollständig ist und ob die Mittel über ein unterstütztes Netzwerk an Ihre "
        "Einzahlungsadresse gesendet wurden.",
        "it": "Non ho trovato nessun deposito con questo hash. Controlla che l'hash sia completo "
        "e che i fondi siano stati inviati al tuo indirizzo di deposito su una rete supportata.",
        "pl": "Nie znalazłem wpłaty z tym hashem transakcji. Sprawdź, czy hash jest kompletny i "
        "czy środki zostały wysłane na Twój adres wpłat w obsługiwanej sieci.",
        "ar": "لم أعثر على إيداع بهذا الرمز. يُرجى التأكد من أن رمز المعاملة كامل، وأن الأموال "
        "أُرسلت إلى عنوان الإيداع الخاص بك عبر شبكة ندعمها.",
    },
    "deposit_missing_memo_claim": {
        "en": "I found your deposit of {amount} {asset}. It arrived without the right memo/tag, "
        "so it couldn't be matched to your account. You can claim it here: {url}",
        "zh-Hans": "已找到您充值的 {amount} {asset}。由于未填写或填错了备注（Memo/Tag），"
        "系统无法自动"
        "入账。您可以在这里申请找回：{url}",
        "zh-Hant": "已找到您儲值的 {amount} {asset}。由於未填寫或填錯了備註（Memo/Tag），"
        "系統無法自動"
        "入帳。您可以在這裡申請找回：{url}",
        "ru": "Я нашёл ваш депозит {amount} {asset}. Он пришёл без верного мемо/тега, поэтому "
        "его не удалось сопоставить с вашим аккаунтом. Подать заявку на возврат можно здесь: "
        "{url}",
        "uk": "Я знайшов ваш депозит {amount} {asset}. Він надійшов без правильного мемо/тегу, "
        "тому його не вдалося зіставити з вашим акаунтом. Подати заявку на повернення можна "
        "тут: {url}",
        "vi": "Tôi đã tìm thấy khoản nạp {amount} {asset} của bạn. Giao dịch thiếu hoặc sai "
        "memo/tag nên chưa thể ghi có vào tài khoản. Bạn có thể gửi yêu cầu khôi phục tại đây: "
        "{url}",
        "id": "Saya menemukan deposit Anda sebesar {amount} {asset}. Deposit ini masuk tanpa "
        "memo/tag yang benar sehingga tidak bisa dicocokkan dengan akun Anda. Anda bisa "
        "mengajukan klaim di sini: {url}",
        "tr": "{amount} {asset} tutarındaki yatırma işleminizi buldum. Doğru memo/etiket "
        "olmadan geldiği için hesabınızla eşleştirilemedi. Buradan talepte bulunabilirsiniz: "
        "{url}",
        "es": "Encontré tu depósito de {amount} {asset}. Llegó sin el memo/etiqueta correcto, "
        "así que no se pudo asignar a tu cuenta. Puedes reclamarlo aquí: {url}",
        "pt-BR": "Encontrei seu depósito de {amount} {asset}. Ele chegou sem o memo/tag "
        "correto, por isso não foi vinculado à sua conta. Você pode solicitar a recuperação "
        "aqui: {url}",
        "fr": "J'ai trouvé votre dépôt de {amount} {asset}. Il est arrivé sans le bon mémo/tag "
        "et n'a donc pas pu être rattaché à votre compte. Vous pouvez le réclamer ici : {url}",
        "de": "Ich habe Ihre Einzahlung von {amount} {asset} gefunden. Sie kam ohne das richtige "
        "Memo/Tag an und konnte daher Ihrem Konto nicht zugeordnet werden. Sie können sie hier "
        "zurückfordern: {url}",
        "it": "Ho trovato il tuo deposito di {amount} {asset}. È arrivato senza il memo/tag "
        "corretto, quindi non è stato possibile abbinarlo al tuo account. Puoi richiederne il "
        "recupero qui: {url}",
        "pl": "Znalazłem Twoją wpłatę {amount} {asset}. Dotarła bez prawidłowego memo/tagu, więc "
        "nie dało się jej przypisać do Twojego konta. Możesz złożyć wniosek o odzyskanie tutaj: "
        "{url}",
        "ar": "عثرت على إيداعك البالغ {amount} {asset}. وصل دون المذكرة (Memo/Tag) الصحيحة، "
        "لذا تعذّر ربطه بحسابك. يمكنك تقديم طلب استرداد من هنا: {url}",
    },
    "deposit_wrong_network_claim": {
        "en": "I found your deposit of {amount} {asset} sent over {network}, which is not the "
        "network of your deposit address. It can be recovered: you can file a recovery "
        "request here: {url}",
        "zh-Hans": "已找到您通过 {network} 网络转入的 {amount} {asset}，"
        "但这不是您充值地址所属的网络。"
        "这笔资产可以找回，您可以在这里提交找回申请：{url}",
        "zh-Hant": "已找到您透過 {network} 網路轉入的 {amount} {asset}，"
        "但這不是您儲值地址所屬的網路。"
        "這筆資產可以找回，您可以在這裡提交找回申請：{url}",
        "ru": "Я нашёл ваш депозит {amount} {asset}, отправленный через сеть {network}, а это "
        "не сеть вашего адреса депозита. Средства можно вернуть: подайте заявку здесь: {url}",
        "uk": "Я знайшов ваш депозит {amount} {asset}, надісланий через мережу {network}, а це "
        "не мережа вашої адреси депозиту. Кошти можна повернути: подайте заявку тут: {url}",
        "vi": "Tôi đã tìm thấy khoản nạp {amount} {asset} được gửi qua mạng {network}, không "
        "phải mạng của địa chỉ nạp của bạn. Khoản này có thể khôi phục, bạn gửi yêu cầu tại "
        "đây: {url}",
        "id": "Saya menemukan deposit Anda sebesar {amount} {asset} yang dikirim lewat jaringan "
        "{network}, bukan jaringan alamat deposit Anda. Dana ini bisa dipulihkan; ajukan "
        "permintaan pemulihan di sini: {url}",
        "tr": "{network} ağı üzerinden gönderilen {amount} {asset} tutarındaki yatırma "
        "işleminizi buldum; bu, yatırma adresinizin ağı değil. Fonlar kurtarılabilir, talebinizi "
        "buradan oluşturabilirsiniz: {url}",
        "es": "Encontré tu depósito de {amount} {asset} enviado por la red {network}, que no es "
        "la red de tu dirección de depósito. Se puede recuperar: envía la solicitud aquí: {url}",
        "pt-BR": "Encontrei seu depósito de {amount} {asset} enviado pela rede {network}, que "
        "não é a rede do seu endereço de depósito. Dá para recuperar: faça a solicitação aqui: "
        "{url}",
        "fr": "J'ai trouvé votre dépôt de {amount} {asset} envoyé sur le réseau {network}, qui "
        "n'est pas celui de votre adresse de dépôt. Il peut être récupéré : faites votre "
        "demande ici : {url}",
        "de": "Ich habe Ihre Einzahlung von {amount} {asset} gefunden, die über {network} "
        "gesendet wurde, also nicht über das Netzwerk Ihrer Einzahlungsadresse. Sie kann "
        "wiederhergestellt werden: Stellen Sie hier einen Antrag: {url}",
        "it": "Ho trovato il tuo deposito di {amount} {asset} inviato sulla rete {network}, che "
        "non è la rete del tuo indirizzo di deposito. È recuperabile: invia la richiesta qui: "
        "{url}",
        "pl": "Znalazłem Twoją wpłatę {amount} {asset} wysłaną przez sieć {network}, która nie "
        "jest siecią Twojego adresu wpłat. Środki można odzyskać: złóż wniosek tutaj: {url}",
        "ar": "عثرت على إيداعك البالغ {amount} {asset} المرسل عبر شبكة {network}، وهي ليست "
        "شبكة عنوان الإيداع الخاص بك. يمكن استرداده، ويمكنك تقديم طلب الاسترداد من هنا: {url}",
    },
    "deposit_not_recoverable": {
        "en": "I'm sorry, this deposit can't be recovered. Reason: {reason}",
        "zh-Hans": "很抱歉，这笔充值无法找回。原因：{reason}",
        "zh-Hant": "很抱歉，這筆儲值無法找回。原因：{reason}",
        "ru": "К сожалению, этот депозит вернуть невозможно. Причина: {reason}",
        "uk": "На жаль, цей депозит повернути неможливо. Причина: {reason}",
        "vi": "Rất tiếc, khoản nạp này không thể khôi phục. Lý do: {reason}",
        "id": "Mohon maaf, deposit ini tidak dapat dipulihkan. Alasan: {reason}",
        "tr": "Üzgünüz, bu yatırma işlemi kurtarılamıyor. Neden: {reason}",
        "es": "Lo siento, este depósito no se puede recuperar. Motivo: {reason}",
        "pt-BR": "Sinto muito, este depósito não pode ser recuperado. Motivo: {reason}",
        "fr": "Je suis désolé, ce dépôt ne peut pas être récupéré. Raison : {reason}",
        "de": "Es tut mir leid, diese Einzahlung kann nicht wiederhergestellt werden. "
        "Grund: {reason}",
        "it": "Mi dispiace, questo deposito non può essere recuperato. Motivo: {reason}",
        "pl": "Przykro mi, tej wpłaty nie da się odzyskać. Powód: {reason}",
        "ar": "نأسف، لا يمكن استرداد هذا الإيداع. السبب: {reason}",
    },
    "deposit_under_review": {
        "en": "Your deposit needs a manual review by our team. I've passed it on with all the "
        "details, and you'll be updated here.",
        "zh-Hans": "您的这笔充值需要由我们的团队人工审核。我已将所有信息提交给同事，"
        "处理进展会在这里通知您。",
        "zh-Hant": "您的這筆儲值需要由我們的團隊人工審核。我已將所有資訊轉交給同事，"
        "處理進度會在這裡通知您。",
        "ru": "Ваш депозит требует ручной проверки нашей командой. Я передал все данные "
        "коллегам, новости вы получите здесь.",
        "uk": "Ваш депозит потребує ручної перевірки нашою командою. Я передав усі дані "
        "колегам, новини ви отримаєте тут.",
        "vi": "Khoản nạp của bạn cần được đội ngũ của chúng tôi kiểm tra thủ công. Tôi đã "
        "chuyển toàn bộ thông tin, bạn sẽ nhận được cập nhật tại đây.",
        "id": "Deposit Anda perlu ditinjau secara manual oleh tim kami. Saya sudah meneruskan "
        "semua detailnya, dan kabar selanjutnya akan disampaikan di sini.",
        "tr": "Yatırma işleminizin ekibimiz tarafından manuel olarak incelenmesi gerekiyor. "
        "Tüm ayrıntıları ilettim; gelişmeleri buradan öğreneceksiniz.",
        "es": "Tu depósito necesita una revisión manual de nuestro equipo. Ya les pasé todos "
        "los detalles y te avisaremos por aquí.",
        "pt-BR": "Seu depósito precisa de uma análise manual da nossa equipe. Já encaminhei "
        "todos os detalhes e você vai receber as atualizações por aqui.",
        "fr": "Votre dépôt nécessite une vérification manuelle par notre équipe. Je lui ai "
        "transmis tous les détails ; vous serez informé ici.",
        "de": "Ihre Einzahlung muss von unserem Team manuell geprüft werden. Ich habe alle "
        "Details weitergegeben; Sie erhalten hier ein Update.",
        "it": "Il tuo deposito richiede una verifica manuale da parte del nostro team. Ho "
        "inoltrato tutti i dettagli e riceverai aggiornamenti qui.",
        "pl": "Twoja wpłata wymaga ręcznej weryfikacji przez nasz zespół. Przekazałem wszystkie "
        "szczegóły, a informacje otrzymasz tutaj.",
        "ar": "يحتاج إيداعك إلى مراجعة يدوية من فريقنا. لقد أحلت إليهم جميع التفاصيل، "
        "وستصلك المستجدات هنا.",
    },
    "address_checksum_invalid": {
        "en": "The address {address} doesn't pass its checksum, so it looks mistyped. Please "
        "copy it again from the source instead of typing it.",
        "zh-Hans": "地址 {address} 未通过校验，可能输入有误。请从来源处重新复制，不要手动输入。",
        "zh-Hant": "地址 {address} 未通過校驗，可能輸入有誤。請從來源處重新複製，不要手動輸入。",
        "ru": "Адрес {address} не проходит проверку контрольной суммы, похоже, в нём опечатка. "
        "Скопируйте его заново из источника, а не вводите вручную.",
        "uk": "Адреса {address} не проходить перевірку контрольної суми, схоже, у ній "
        "помилка. Скопіюйте її знову з джерела, а не вводьте вручну.",
        "vi": "Địa chỉ {address} không khớp mã kiểm tra nên có vẻ đã bị gõ sai. Bạn vui lòng "
        "sao chép lại từ nguồn thay vì tự gõ.",
        "id": "Alamat {address} tidak lolos pemeriksaan checksum, sepertinya ada salah ketik. "
        "Silakan salin ulang dari sumbernya, jangan diketik manual.",
        "tr": "{address} adresi sağlama kontrolünden geçmiyor, yanlış yazılmış görünüyor. "
        "Lütfen elle yazmak yerine kaynağından yeniden kopyalayın.",
        "es": "La dirección {address} no supera la verificación de checksum, parece mal "
        "escrita. Cópiala de nuevo desde el origen en lugar de escribirla a mano.",
        "pt-BR": "O endereço {address} não passa na verificação de checksum, parece que foi "
        "digitado errado. Copie de novo da origem em vez de digitar.",
        "fr": "L'adresse {address} ne passe pas la vérification de somme de contrôle : elle "
        "semble mal saisie. Copiez-la de nouveau depuis la source plutôt que de la taper.",
        "de": "Die Adresse {address} besteht die Prüfsumme nicht und scheint vertippt zu sein. "
        "Bitte kopieren Sie sie erneut aus der Quelle, statt sie abzutippen.",
        "it": "L'indirizzo {address} non supera il controllo del checksum, sembra scritto male. "
        "Copialo di nuovo dalla fonte invece di digitarlo.",
        "pl": "Adres {address} nie przechodzi weryfikacji sumy kontrolnej, wygląda na błędnie "
        "wpisany. Skopiuj go ponownie ze źródła zamiast przepisywać.",
        "ar": "العنوان {address} لا يجتاز التحقق من المجموع الاختباري، ويبدو أنه كُتب بشكل "
        "خاطئ. يُرجى نسخه مجددًا من مصدره بدلًا من كتابته يدويًا.",
    },
    "withdrawal_none": {
        "en": "I don't see any recent withdrawals on your account.",
        "zh-Hans": "您的账户近期没有提币记录。",
        "zh-Hant": "您的帳戶近期沒有提領紀錄。",
        "ru": "Я не вижу недавних выводов на вашем аккаунте.",
        "uk": "Я не бачу нещодавніх виведень на вашому акаунті.",
        "vi": "Tôi không thấy lệnh rút nào gần đây trong tài khoản của bạn.",
        "id": "Saya tidak melihat penarikan terbaru di akun Anda.",
        "tr": "Hesabınızda yakın zamanda yapılmış bir çekim göremiyorum.",
        "es": "No veo retiros recientes en tu cuenta.",
        "pt-BR": "Não vejo nenhum saque recente na sua conta.",
        "fr": "Je ne vois aucun retrait récent sur votre compte.",
        "de": "Ich sehe keine kürzlichen Auszahlungen auf Ihrem Konto.",
        "it": "Non vedo prelievi recenti sul tuo account.",
        "pl": "Nie widzę żadnych ostatnich wypłat na Twoim koncie.",
        "ar": "لا أرى أي عمليات سحب حديثة في حسابك.",
    },
    "withdrawal_processing": {
        "en": "Your withdrawal of {amount} {asset}, requested on {time}, is still being "
        "processed. You'll get a notification as soon as it has been sent.",
        "zh-Hans": "您于 {time} 申请的 {amount} {asset} 提币仍在处理中，发出后会第一时间通知您。",
        "zh-Hant": "您於 {time} 申請的 {amount} {asset} 提領仍在處理中，送出後會第一時間通知您。",
        "ru": "Ваш вывод {amount} {asset}, созданный {time}, ещё обрабатывается. Как только он "
        "будет отправлен, вы получите уведомление.",
        "uk": "Ваше виведення {amount} {asset}, створене {time}, ще обробляється. Щойно його "
        "буде надіслано, ви отримаєте сповіщення.",
        "vi": "Lệnh rút {amount} {asset} bạn tạo lúc {time} vẫn đang được xử lý. Bạn sẽ nhận "
        "được thông báo ngay khi lệnh được gửi đi.",
        "id": "Penarikan Anda sebesar {amount} {asset} yang diajukan pada {time} masih "
        "diproses. Anda akan menerima notifikasi begitu dana dikirim.",
        "tr": "{time} tarihinde talep ettiğiniz {amount} {asset} tutarındaki çekim hâlâ "
        "işleniyor. Gönderildiği anda bildirim alacaksınız.",
        "es": "Tu retiro de {amount} {asset}, solicitado el {time}, todavía se está procesando. "
        "Recibirás una notificación en cuanto se envíe.",
        "pt-BR": "Seu saque de {amount} {asset}, solicitado em {time}, ainda está sendo "
        "processado. Você vai receber uma notificação assim que ele for enviado.",
        "fr": "Votre retrait de {amount} {asset}, demandé le {time}, est toujours en cours de "
        "traitement. Vous recevrez une notification dès son envoi.",
        "de": "Ihre Auszahlung von {amount} {asset}, beantragt am {time}, wird noch bearbeitet. "
        "Sie erhalten eine Benachrichtigung, sobald sie gesendet wurde.",
        "it": "Il tuo prelievo di {amount} {asset}, richiesto il {time}, è ancora in "
        "elaborazione. Riceverai una notifica non appena verrà inviato.",
        "pl": "Twoja wypłata {amount} {asset}, zlecona {time}, jest nadal przetwarzana. "
        "Otrzymasz powiadomienie, gdy tylko zostanie wysłana.",
        "ar": "طلب السحب الخاص بك بقيمة {amount} {asset}، المقدَّم بتاريخ {time}، لا يزال قيد "
        "المعالجة. ستصلك رسالة إشعار فور إرساله.",
    },
    "withdrawal_sent": {
        "en": "Your withdrawal of {amount} {asset} has been sent. Transaction hash: {tx_hash}. "
        "If it hasn't arrived yet, the receiving platform may still be waiting for "
        "confirmations.",
        "zh-Hans": "您的 {amount} {asset} 提币已发出，交易哈希：{tx_hash}。如果还没到账，"
        "可能是接收方"
        "平台仍在等待区块确认。",
        "zh-Hant": "您的 {amount} {asset} 提領已送出，交易雜湊值：{tx_hash}。如果還沒入帳，可能是"
        "接收方平台仍在等待區塊確認。",
        "ru": "Ваш вывод {amount} {asset} отправлен. Хеш транзакции: {tx_hash}. Если средства "
        "ещё не пришли, принимающая платформа, возможно, ждёт подтверждений сети.",
        "uk": "Ваше виведення {amount} {asset} надіслано. Хеш транзакції: {tx_hash}. Якщо кошти "
        "ще не надійшли, платформа-отримувач, можливо, чекає на підтвердження мережі.",
        "vi": "Lệnh rút {amount} {asset} của bạn đã được gửi. Mã giao dịch: {tx_hash}. Nếu "
        "tiền chưa về, có thể bên nhận vẫn đang chờ đủ xác nhận mạng.",
        "id": "Penarikan Anda sebesar {amount} {asset} sudah dikirim. Hash transaksi: "
        "{tx_hash}. Jika dana belum masuk, platform penerima mungkin masih menunggu konfirmasi.",
        "tr": "{amount} {asset} tutarındaki çekiminiz gönderildi. İşlem hash'i: {tx_hash}. "
        "Henüz ulaşmadıysa, alıcı platform ağ onaylarını bekliyor olabilir.",
        "es": "Tu retiro de {amount} {asset} ya se envió. Hash de la transacción: {tx_hash}. "
        "Si aún no ha llegado, es posible que la plataforma de destino siga esperando "
        "confirmaciones.",
        "pt-BR": "Seu saque de {amount} {asset} já foi enviado. Hash da transação: {tx_hash}. "
        "Se ainda não chegou, a plataforma de destino pode estar aguardando confirmações.",
        "fr": "Votre retrait de {amount} {asset} a été envoyé. Hash de la transaction : "
        "{tx_hash}. S'il n'est pas encore arrivé, la plateforme de destination attend "
        "peut-être des confirmations.",
        "de": "Ihre Auszahlung von {amount} {asset} wurde gesendet. Transaktions-Hash: "
        "{tx_hash}. Falls sie noch nicht angekommen ist, wartet die Empfängerplattform "
        "möglicherweise noch auf Bestätigungen.",
        "it": "Il tuo prelievo di {amount} {asset} è stato inviato. Hash della transazione: "
        "{tx_hash}. Se non è ancora arrivato, la piattaforma di destinazione potrebbe essere "
        "in attesa di conferme.",
        "pl": "Twoja wypłata {amount} {asset} została wysłana. Hash transakcji: {tx_hash}. "
        "Jeśli środki jeszcze nie dotarły, platforma odbiorcy może czekać na potwierdzenia.",
        "ar": "تم إرسال طلب السحب الخاص بك بقيمة {amount} {asset}. رمز المعاملة: {tx_hash}. "
        "إذا لم يصل المبلغ بعد، فقد تكون المنصة المستقبِلة بانتظار تأكيدات الشبكة.",
    },
    "withdrawal_security_lock": {
        "en": "Withdrawals on your account are paused until {until} because of a recent "
        "security change (password, 2FA, email or phone). This lock protects your funds and "
        "can't be lifted early.",
        "zh-Hans": "由于您近期修改了安全设置（密码、双重验证、邮箱或手机号），您的账户在 {until} 之"
        "前"
        "暂停提币。此限制是为了保护您的资产，无法提前解除。",
        "zh-Hant": "由於您近期變更了安全設定（密碼、雙重驗證、電子郵件或手機號碼），"
        "您的帳戶在 {until} "
        "之前暫停提領。此限制是為了保護您的資產，無法提前解除。",
        "ru": "Выводы на вашем аккаунте приостановлены до {until} из-за недавнего изменения "
        "настроек безопасности (пароль, 2FA, почта или телефон). Эта блокировка защищает ваши "
        "средства, и снять её досрочно нельзя.",
        "uk": "Виведення на вашому акаунті призупинено до {until} через нещодавню зміну "
        "налаштувань безпеки (пароль, 2FA, пошта або телефон). Це блокування захищає ваші "
        "кошти, і зняти його достроково неможливо.",
        "vi": "Tính năng rút tiền trên tài khoản của bạn tạm khóa đến {until} do bạn vừa thay "
        "đổi thiết lập bảo mật (mật khẩu, 2FA, email hoặc số điện thoại). Khóa này nhằm bảo "
        "vệ tài sản của bạn và không thể gỡ sớm.",
        "id": "Penarikan di akun Anda ditangguhkan hingga {until} karena ada perubahan keamanan "
        "baru-baru ini (kata sandi, 2FA, email, atau nomor telepon). Penguncian ini melindungi "
        "dana Anda dan tidak dapat dibuka lebih awal.",
        "tr": "Yakın zamanda yaptığınız bir güvenlik değişikliği (şifre, 2FA, e-posta veya "
        "telefon) nedeniyle hesabınızdaki çekimler {until} tarihine kadar durduruldu. Bu kilit "
        "fonlarınızı korur ve erken kaldırılamaz.",
        "es": "Los retiros de tu cuenta están pausados hasta el {until} por un cambio reciente "
        "de seguridad (contraseña, 2FA, correo o teléfono). Este bloqueo protege tus fondos y "
        "no se puede levantar antes.",
        "pt-BR": "Os saques da sua conta estão pausados até {until} por causa de uma alteração "
        "de segurança recente (senha, 2FA, e-mail ou telefone). Esse bloqueio protege seus "
        "fundos e não pode ser liberado antes.",
        "fr": "Les retraits sur votre compte sont suspendus jusqu'au {until} en raison d'une "
        "modification de sécurité récente (mot de passe, 2FA, e-mail ou téléphone). Ce "
        "blocage protège vos fonds et ne peut pas être levé plus tôt.",
        "de": "Auszahlungen auf Ihrem Konto sind bis {until} pausiert, weil kürzlich eine "
        "Sicherheitseinstellung geändert wurde (Passwort, 2FA, E-Mail oder Telefon). Diese "
        "Sperre schützt Ihr Guthaben und kann nicht vorzeitig aufgehoben werden.",
        "it": "I prelievi sul tuo account sono sospesi fino al {until} per una recente modifica "
        "di sicurezza (password, 2FA, email o telefono). Questo blocco protegge i tuoi fondi e "
        "non può essere rimosso prima.",
        "pl": "Wypłaty na Twoim koncie są wstrzymane do {until} z powodu niedawnej zmiany "
        "ustawień bezpieczeństwa (hasło, 2FA, e-mail lub telefon). Ta blokada chroni Twoje "
        "środki i nie można jej zdjąć wcześniej.",
        "ar": "تم إيقاف عمليات السحب في حسابك مؤقتًا حتى {until} بسبب تغيير حديث في إعدادات "
        "الأمان (كلمة المرور أو المصادقة الثنائية أو البريد الإلكتروني أو الهاتف). يهدف هذا "
        "القفل إلى حماية أموالك ولا يمكن رفعه قبل موعده.",
    },
    "withdrawal_risk_hold": {
        "en": "Your withdrawal is on hold for a security review. Our team will contact you "
        "through our official channels to verify it; we will never ask for your password or "
        "2FA codes.",
        "zh-Hans": "您的提币因安全审核暂缓处理。我们的团队会通过官方渠道联系您进行核实，"
        "我们绝不会向您索要密码或双重验证码。",
        "zh-Hant": "您的提領因安全審核暫時保留。我們的團隊會透過官方管道與您聯繫確認，"
        "我們絕不會向您索取密碼或雙重驗證碼。",
        "ru": "Ваш вывод задержан для проверки безопасности. Наша команда свяжется с вами по "
        "официальным каналам для подтверждения. Мы никогда не просим пароль или коды 2FA.",
        "uk": "Ваше виведення затримано для перевірки безпеки. Наша команда зв'яжеться з вами "
        "офіційними каналами для підтвердження. Ми ніколи не просимо пароль або коди 2FA.",
        "vi": "Lệnh rút của bạn đang tạm giữ để kiểm tra bảo mật. Đội ngũ của chúng tôi sẽ "
        "liên hệ qua kênh chính thức để xác minh; chúng tôi không bao giờ hỏi mật khẩu hay mã "
        "2FA của bạn.",
        "id": "Penarikan Anda ditahan sementara untuk pemeriksaan keamanan. Tim kami akan "
        "menghubungi Anda melalui saluran resmi untuk verifikasi; kami tidak pernah meminta "
        "kata sandi atau kode 2FA Anda.",
        "tr": "Çekiminiz bir güvenlik incelemesi için bekletiliyor. Ekibimiz doğrulama için "
        "sizinle resmi kanallarımızdan iletişime geçecek; şifrenizi veya 2FA kodlarınızı asla "
        "istemeyiz.",
        "es": "Tu retiro está retenido por una revisión de seguridad. Nuestro equipo te "
        "contactará por los canales oficiales para verificarlo; nunca te pediremos tu "
        "contraseña ni tus códigos 2FA.",
        "pt-BR": "Seu saque está retido para uma análise de segurança. Nossa equipe vai entrar "
        "em contato pelos canais oficiais para confirmar; nunca vamos pedir sua senha ou seus "
        "códigos 2FA.",
        "fr": "Votre retrait est suspendu pour une vérification de sécurité. Notre équipe vous "
        "contactera par nos canaux officiels pour le confirmer ; nous ne vous demanderons "
        "jamais votre mot de passe ni vos codes 2FA.",
        "de": "Ihre Auszahlung wird für eine Sicherheitsprüfung zurückgehalten. Unser Team "
        "meldet sich über unsere offiziellen Kanäle, um sie zu bestätigen; wir fragen Sie "
        "niemals nach Ihrem Passwort oder Ihren 2FA-Codes.",
        "it": "Il tuo prelievo è in sospeso per una verifica di sicurezza. Il nostro team ti "
        "contatterà tramite i canali ufficiali per confermarlo; non ti chiederemo mai la "
        "password o i codici 2FA.",
        "pl": "Twoja wypłata jest wstrzymana do weryfikacji bezpieczeństwa. Nasz zespół "
        "skontaktuje się z Tobą przez oficjalne kanały, aby ją potwierdzić; nigdy nie prosimy "
        "o hasło ani kody 2FA.",
        "ar": "تم تعليق طلب السحب الخاص بك لإجراء مراجعة أمنية. سيتواصل معك فريقنا عبر "
        "قنواتنا الرسمية للتحقق منه، ولن نطلب منك أبدًا كلمة المرور أو رموز المصادقة الثنائية.",
    },
    "account_frozen": {
        "en": "Your account is currently frozen, so signing in, trading and withdrawals are "
        "restricted. A colleague from our account team will review it with you.",
        "zh-Hans": "您的账户目前处于冻结状态，登录、交易和提币功能受限。"
        "账户团队的同事会与您一起核查。",
        "zh-Hant": "您的帳戶目前處於凍結狀態，登入、交易和提領功能受限。"
        "帳戶團隊的同事會與您一起確認。",
        "ru": "Ваш аккаунт сейчас заморожен, поэтому вход, торговля и вывод ограничены. "
        "Специалист из команды по аккаунтам разберётся в ситуации вместе с вами.",
        "uk": "Ваш акаунт зараз заморожено, тому вхід, торгівля та виведення обмежені. "
        "Фахівець із команди з акаунтів розбереться в ситуації разом із вами.",
        "vi": "Tài khoản của bạn hiện đang bị đóng băng nên việc đăng nhập, giao dịch và rút "
        "tiền đều bị hạn chế. Một đồng nghiệp thuộc bộ phận tài khoản sẽ cùng bạn xem xét.",
        "id": "Akun Anda saat ini dibekukan, sehingga login, trading, dan penarikan dibatasi. "
        "Rekan kami dari tim akun akan meninjaunya bersama Anda.",
        "tr": "Hesabınız şu anda dondurulmuş durumda; giriş, işlem ve çekimler kısıtlı. Hesap "
        "ekibimizden bir arkadaşımız durumu sizinle birlikte inceleyecek.",
        "es": "Tu cuenta está congelada en este momento, así que el acceso, el trading y los "
        "retiros están restringidos. Un compañero del equipo de cuentas lo revisará contigo.",
        "pt-BR": "Sua conta está congelada no momento, então login, negociação e saques estão "
        "restritos. Um colega da equipe de contas vai analisar isso com você.",
        "fr": "Votre compte est actuellement gelé : la connexion, le trading et les retraits "
        "sont restreints. Un collègue de l'équipe Comptes va examiner la situation avec vous.",
        "de": "Ihr Konto ist derzeit eingefroren, daher sind Anmeldung, Handel und Auszahlungen "
        "eingeschränkt. Ein Kollege aus unserem Konto-Team prüft das gemeinsam mit Ihnen.",
        "it": "Il tuo account è attualmente congelato, quindi accesso, trading e prelievi sono "
        "limitati. Un collega del team account esaminerà la situazione insieme a te.",
        "pl": "Twoje konto jest obecnie zamrożone, więc logowanie, handel i wypłaty są "
        "ograniczone. Konsultant z zespołu ds. kont przeanalizuje to razem z Tobą.",
        "ar": "حسابك مجمَّد حاليًا، لذا فإن تسجيل الدخول والتداول والسحب مقيَّدة. سيراجع أحد "
        "زملائنا في فريق الحسابات الأمر معك.",
    },
    "account_not_frozen": {
        "en": "Your account isn't frozen or restricted on our side. If you still can't sign in "
        "or trade, tell me what you see; the exact error message helps.",
        "zh-Hans": "您的账户目前没有被冻结或限制。如果仍然无法登录或交易，请告诉我您看到的情况，"
        "附上具体的报错信息会更有帮助。",
        "zh-Hant": "您的帳戶目前沒有被凍結或限制。如果仍然無法登入或交易，請告訴我您看到的情況，"
        "附上具體的錯誤訊息會更有幫助。",
        "ru": "С нашей стороны ваш аккаунт не заморожен и не ограничен. Если войти или "
        "торговать всё равно не получается, опишите, что вы видите; текст ошибки очень поможет.",
        "uk": "З нашого боку ваш акаунт не заморожено й не обмежено. Якщо увійти чи торгувати "
        "все одно не вдається, опишіть, що ви бачите; текст помилки дуже допоможе.",
        "vi": "Tài khoản của bạn không bị đóng băng hay hạn chế từ phía chúng tôi. Nếu bạn vẫn "
        "không đăng nhập hoặc giao dịch được, hãy cho tôi biết bạn thấy gì; nội dung lỗi cụ thể "
        "sẽ rất hữu ích.",
        "id": "Akun Anda tidak dibekukan atau dibatasi dari sisi kami. Jika masih tidak bisa "
        "login atau trading, ceritakan apa yang Anda lihat; pesan error lengkapnya akan sangat "
        "membantu.",
        "tr": "Hesabınız bizim tarafımızda dondurulmuş veya kısıtlanmış değil. Hâlâ giriş "
        "yapamıyor ya da işlem yapamıyorsanız ne gördüğünüzü yazın; hata mesajının tam metni "
        "çok yardımcı olur.",
        "es": "Tu cuenta no está congelada ni restringida por nuestra parte. Si aun así no "
        "puedes entrar u operar, cuéntame qué ves; el mensaje de error exacto ayuda mucho.",
        "pt-BR": "Sua conta não está congelada nem restrita do nosso lado. Se mesmo assim você "
        "não consegue entrar ou negociar, me conta o que aparece; a mensagem de erro exata "
        "ajuda muito.",
        "fr": "Votre compte n'est ni gelé ni restreint de notre côté. Si vous ne pouvez "
        "toujours pas vous connecter ou trader, dites-moi ce que vous voyez ; le message "
        "d'erreur exact nous aide beaucoup.",
        "de": "Ihr Konto ist bei uns weder eingefroren noch eingeschränkt. Wenn Sie sich "
        "trotzdem nicht anmelden oder handeln können, beschreiben Sie mir, was Sie sehen; die "
        "genaue Fehlermeldung hilft sehr.",
        "it": "Il tuo account non risulta congelato né limitato. Se non riesci comunque ad "
        "accedere o a fare trading, dimmi cosa vedi; il messaggio di errore esatto è molto "
        "utile.",
        "pl": "Po naszej stronie Twoje konto nie jest zamrożone ani ograniczone. Jeśli nadal "
        "nie możesz się zalogować lub handlować, opisz, co widzisz; dokładna treść błędu "
        "bardzo pomoże.",
        "ar": "حسابك غير مجمَّد وغير مقيَّد لدينا. إذا كنت لا تزال غير قادر على تسجيل الدخول "
        "أو التداول، فأخبرني بما يظهر لك؛ فنص رسالة الخطأ بالضبط يساعدنا كثيرًا.",
    },
    "kyc_state": {
        "en": "Your identity verification (KYC) status: {state}.",
        "zh-Hans": "您的身份认证（KYC）状态：{state}。",
        "zh-Hant": "您的身分驗證（KYC）狀態：{state}。",
        "ru": "Статус вашей верификации личности (KYC): {state}.",
        "uk": "Статус вашої верифікації особи (KYC): {state}.",
        "vi": "Trạng thái xác minh danh tính (KYC) của bạn: {state}.",
        "id": "Status verifikasi identitas (KYC) Anda: {state}.",
        "tr": "Kimlik doğrulama (KYC) durumunuz: {state}.",
        "es": "Estado de tu verificación de identidad (KYC): {state}.",
        "pt-BR": "Status da sua verificação de identidade (KYC): {state}.",
        "fr": "Statut de votre vérification d'identité (KYC) : {state}.",
        "de": "Status Ihrer Identitätsprüfung (KYC): {state}.",
        "it": "Stato della tua verifica dell'identità (KYC): {state}.",
        "pl": "Status Twojej weryfikacji tożsamości (KYC): {state}.",
        "ar": "حالة التحقق من هويتك (KYC): {state}.",
    },
    # One per exchange.values.KycState value.
    "kyc.none": {
        "en": "not started yet",
        "zh-Hans": "尚未开始",
        "zh-Hant": "尚未開始",
        "ru": "ещё не начата",
        "uk": "ще не розпочата",
        "vi": "chưa bắt đầu",
        "id": "belum dimulai",
        "tr": "henüz başlatılmadı",
        "es": "aún no iniciada",
        "pt-BR": "ainda não iniciada",
        "fr": "pas encore commencée",
        "de": "noch nicht begonnen",
        "it": "non ancora avviata",
        "pl": "jeszcze nierozpoczęta",
        "ar": "لم تبدأ بعد",
    },
    "kyc.pending": {
        "en": "under review",
        "zh-Hans": "审核中",
        "zh-Hant": "審核中",
        "ru": "на проверке",
        "uk": "на перевірці",
        "vi": "đang được xét duyệt",
        "id": "sedang ditinjau",
        "tr": "inceleniyor",
        "es": "en revisión",
        "pt-BR": "em análise",
        "fr": "en cours d'examen",
        "de": "in Prüfung",
        "it": "in fase di verifica",
        "pl": "w trakcie weryfikacji",
        "ar": "قيد المراجعة",
    },
    "kyc.verified": {
        "en": "verified",
        "zh-Hans": "已通过",
        "zh-Hant": "已通過",
        "ru": "пройдена",
        "uk": "пройдена",
        "vi": "đã xác minh",
        "id": "terverifikasi",
        "tr": "doğrulandı",
        "es": "verificada",
        "pt-BR": "verificada",
        "fr": "validée",
        "de": "abgeschlossen",
        "it": "completata",
        "pl": "zakończona pomyślnie",
        "ar": "تم التحقق",
    },
    "kyc.rejected": {
        "en": "rejected; you can submit your documents again from the verification page",
        "zh-Hans": "未通过，您可以在认证页面重新提交资料",
        "zh-Hant": "未通過，您可以在驗證頁面重新提交資料",
        "ru": "отклонена; вы можете заново отправить документы на странице верификации",
        "uk": "відхилена; ви можете повторно надіслати документи на сторінці верифікації",
        "vi": "bị từ chối; bạn có thể gửi lại giấy tờ tại trang xác minh",
        "id": "ditolak; Anda dapat mengirim ulang dokumen dari halaman verifikasi",
        "tr": "reddedildi; belgelerinizi doğrulama sayfasından yeniden gönderebilirsiniz",
        "es": "rechazada; puedes volver a enviar tus documentos desde la página de verificación",
        "pt-BR": "recusada; você pode reenviar seus documentos pela página de verificação",
        "fr": "refusée ; vous pouvez renvoyer vos documents depuis la page de vérification",
        "de": "abgelehnt; Sie können Ihre Dokumente auf der Verifizierungsseite erneut einreichen",
        "it": "rifiutata; puoi inviare di nuovo i documenti dalla pagina di verifica",
        "pl": "odrzucona; możesz ponownie przesłać dokumenty na stronie weryfikacji",
        "ar": "مرفوضة؛ يمكنك إعادة إرسال مستنداتك من صفحة التحقق",
    },
    "handoff_connecting": {
        "en": "I'm connecting you with a member of our support team. They'll see our "
        "conversation, so you won't need to repeat yourself.",
        "zh-Hans": "正在为您转接人工客服。客服可以看到我们之前的对话，您无需重复说明。",
        "zh-Hant": "正在為您轉接真人客服。客服人員可以看到我們先前的對話，您不需要重複說明。",
        "ru": "Соединяю вас с сотрудником поддержки. Он увидит нашу переписку, так что "
        "повторять ничего не придётся.",
        "uk": "З'єдную вас зі співробітником підтримки. Він побачить наше листування, тож "
        "повторювати нічого не доведеться.",
        "vi": "Tôi đang kết nối bạn với nhân viên hỗ trợ. Nhân viên sẽ xem được cuộc trò "
        "chuyện này nên bạn không cần nhắc lại.",
        "id": "Saya sedang menghubungkan Anda dengan petugas dukungan kami. Mereka dapat melihat "
        "percakapan ini, jadi Anda tidak perlu mengulang cerita.",
        "tr": "Sizi destek ekibimizden bir temsilciye bağlıyorum. Yazışmamızı görebilecek, "
        "bu yüzden tekrar anlatmanıza gerek yok.",
        "es": "Te estoy pasando con una persona de nuestro equipo de soporte. Verá esta "
        "conversación, así que no tendrás que repetir nada.",
        "pt-BR": "Estou te transferindo para um atendente da nossa equipe. Ele vai ver esta "
        "conversa, então você não precisa repetir nada.",
        "fr": "Je vous mets en relation avec un conseiller de notre équipe. Il verra notre "
        "échange, vous n'aurez donc pas à vous répéter.",
        "de": "Ich verbinde Sie mit einem Mitarbeiter unseres Support-Teams. Er sieht unseren "
        "bisherigen Chat, Sie müssen also nichts wiederholen.",
        "it": "Ti sto mettendo in contatto con un operatore del nostro team. Vedrà questa "
        "conversazione, quindi non dovrai ripetere nulla.",
        "pl": "Łączę Cię z konsultantem naszego zespołu wsparcia. Zobaczy tę rozmowę, więc nie "
        "musisz niczego powtarzać.",
        "ar": "جارٍ تحويلك إلى أحد موظفي فريق الدعم. سيتمكن من الاطلاع على محادثتنا، فلن "
        "تحتاج إلى تكرار ما ذكرته.",
    },
    "lookup_unavailable": {
        "en": "I can't check your account right now. I'm connecting you with a member of our "
        "support team, who will see our conversation.",
        "zh-Hans": "我现在无法查询您的账户。正在为您转接人工客服，客服可以看到我们之前的对话。",
        "zh-Hant": "我現在無法查詢您的帳戶。正在為您轉接真人客服，客服人員可以看到我們先前的對話。",
        "ru": "Сейчас я не могу проверить ваш аккаунт. Соединяю вас с сотрудником поддержки, "
        "он увидит нашу переписку.",
        "uk": "Зараз я не можу перевірити ваш акаунт. З'єдную вас зі співробітником підтримки, "
        "він побачить наше листування.",
        "vi": "Hiện tôi không thể kiểm tra tài khoản của bạn. Tôi đang kết nối bạn với nhân viên "
        "hỗ trợ, họ sẽ xem được cuộc trò chuyện này.",
        "id": "Saat ini saya tidak dapat memeriksa akun Anda. Saya sedang menghubungkan Anda "
        "dengan petugas dukungan kami, yang dapat melihat percakapan ini.",
        "tr": "Şu anda hesabınızı kontrol edemiyorum. Sizi yazışmamızı görebilecek bir destek "
        "temsilcisine bağlıyorum.",
        "es": "Ahora mismo no puedo consultar tu cuenta. Te estoy pasando con una persona de "
        "nuestro equipo de soporte, que verá esta conversación.",
        "pt-BR": "No momento não consigo consultar sua conta. Estou te transferindo para um "
        "atendente da nossa equipe, que vai ver esta conversa.",
        "fr": "Je ne peux pas consulter votre compte pour le moment. Je vous mets en relation "
        "avec un conseiller de notre équipe, qui verra notre échange.",
        "de": "Ich kann Ihr Konto gerade nicht prüfen. Ich verbinde Sie mit einem Mitarbeiter "
        "unseres Support-Teams, der unseren Chat sieht.",
        "it": "Al momento non riesco a controllare il tuo account. Ti sto mettendo in contatto "
        "con un operatore del nostro team, che vedrà questa conversazione.",
        "pl": "Nie mogę teraz sprawdzić Twojego konta. Łączę Cię z konsultantem naszego zespołu "
        "wsparcia, który zobaczy tę rozmowę.",
        "ar": "لا يمكنني التحقق من حسابك الآن. جارٍ تحويلك إلى أحد موظفي فريق الدعم، وسيتمكن "
        "من الاطلاع على محادثتنا.",
    },
    "handoff_security": {
        "en": "I'm bringing in our security team now; this is treated as urgent. Meanwhile: "
        "do not share any codes or passwords with anyone, change your password and reset 2FA "
        "from a device you trust, and if you can still sign in, freeze your account in the "
        "security settings. Our staff will never ask for your codes.",
        "zh-Hans": "我正在为您紧急转接安全团队。在此期间：请不要向任何人透露验证码或密码；"
        "请在可信的"
        "设备上修改密码并重置双重验证；如果还能登录，请在安全设置中冻结账户。我们的工作人员"
        "绝不会向您索要验证码。",
        "zh-Hant": "我正在為您緊急轉接安全團隊。在此期間：請不要向任何人透露驗證碼或密碼；"
        "請在可信任的"
        "裝置上變更密碼並重設雙重驗證；如果還能登入，請在安全設定中凍結帳戶。我們的工作人員"
        "絕不會向您索取驗證碼。",
        "ru": "Я срочно подключаю нашу службу безопасности. А пока: никому не сообщайте коды "
        "и пароли, смените пароль и сбросьте 2FA с доверенного устройства, а если ещё можете "
        "войти, заморозьте аккаунт в настройках безопасности. Наши сотрудники никогда не "
        "просят коды.",
        "uk": "Я терміново підключаю нашу службу безпеки. А поки що: нікому не повідомляйте "
        "коди й паролі, змініть пароль і скиньте 2FA з довіреного пристрою, а якщо ще можете "
        "увійти, заморозьте акаунт у налаштуваннях безпеки. Наші співробітники ніколи не "
        "просять коди.",
        "vi": "Tôi đang chuyển khẩn cấp cho đội bảo mật của chúng tôi. Trong lúc chờ: không "
        "chia sẻ mã hay mật khẩu với bất kỳ ai, đổi mật khẩu và đặt lại 2FA trên thiết bị "
        "bạn tin cậy, và nếu vẫn đăng nhập được, hãy đóng băng tài khoản trong phần cài đặt "
        "bảo mật. Nhân viên của chúng tôi không bao giờ hỏi mã của bạn.",
        "id": "Saya segera melibatkan tim keamanan kami; ini ditangani sebagai prioritas "
        "darurat. Sementara itu: jangan bagikan kode atau kata sandi kepada siapa pun, ganti "
        "kata sandi dan atur ulang 2FA dari perangkat tepercaya, dan jika masih bisa login, "
        "bekukan akun Anda di pengaturan keamanan. Petugas kami tidak akan pernah meminta "
        "kode Anda.",
        "tr": "Güvenlik ekibimizi hemen devreye alıyorum; bu acil olarak ele alınıyor. Bu "
        "sırada: kodlarınızı veya şifrenizi kimseyle paylaşmayın, güvendiğiniz bir cihazdan "
        "şifrenizi değiştirip 2FA'yı sıfırlayın ve hâlâ giriş yapabiliyorsanız hesabınızı "
        "güvenlik ayarlarından dondurun. Çalışanlarımız sizden asla kod istemez.",
        "es": "Estoy avisando ya a nuestro equipo de seguridad; lo tratamos como urgente. "
        "Mientras tanto: no compartas códigos ni contraseñas con nadie, cambia tu contraseña y "
        "restablece el 2FA desde un dispositivo de confianza y, si todavía puedes entrar, "
        "congela tu cuenta en los ajustes de seguridad. Nuestro personal nunca te pedirá "
        "códigos.",
        "pt-BR": "Estou acionando agora a nossa equipe de segurança; isso é tratado como "
        "urgente. Enquanto isso: não passe códigos nem senhas para ninguém, troque sua senha "
        "e redefina o 2FA em um dispositivo de confiança e, se ainda conseguir entrar, "
        "congele sua conta nas configurações de segurança. Nossa equipe nunca pede seus "
        "códigos.",
        "fr": "Je fais appel à notre équipe sécurité dès maintenant ; votre demande est traitée "
        "en urgence. En attendant : ne communiquez aucun code ni mot de passe, changez votre "
        "mot de passe et réinitialisez la 2FA depuis un appareil de confiance et, si vous "
        "pouvez encore vous connecter, gelez votre compte dans les paramètres de sécurité. "
        "Nos équipes ne vous demanderont jamais vos codes.",
        "de": "Ich ziehe jetzt unser Sicherheitsteam hinzu; Ihr Fall wird dringend behandelt. "
        "Bis dahin: Geben Sie niemandem Codes oder Passwörter weiter, ändern Sie Ihr Passwort "
        "und setzen Sie 2FA von einem vertrauenswürdigen Gerät aus zurück, und frieren Sie Ihr "
        "Konto in den Sicherheitseinstellungen ein, falls Sie sich noch anmelden können. "
        "Unsere Mitarbeiter fragen niemals nach Ihren Codes.",
        "it": "Sto coinvolgendo subito il nostro team di sicurezza; la richiesta è trattata "
        "come urgente. Nel frattempo: non condividere codici o password con nessuno, cambia "
        "la password e reimposta la 2FA da un dispositivo affidabile e, se riesci ancora ad "
        "accedere, congela l'account dalle impostazioni di sicurezza. Il nostro personale non "
        "ti chiederà mai i codici.",
        "pl": "Natychmiast włączam nasz zespół bezpieczeństwa; sprawa ma pilny priorytet. W "
        "międzyczasie: nie podawaj nikomu kodów ani haseł, zmień hasło i zresetuj 2FA z "
        "zaufanego urządzenia, a jeśli nadal możesz się zalogować, zamroź konto w ustawieniach "
        "bezpieczeństwa. Nasi pracownicy nigdy nie proszą o kody.",
        "ar": "أقوم الآن بإحالة طلبك إلى فريق الأمن بشكل عاجل. وفي الأثناء: لا تشارك أي رموز "
        "أو كلمات مرور مع أي شخص، وغيّر كلمة المرور وأعد ضبط المصادقة الثنائية من جهاز "
        "موثوق، وإذا كان بإمكانك تسجيل الدخول فجمّد حسابك من إعدادات الأمان. لن يطلب منك "
        "موظفونا رموزك أبدًا.",
    },
    "handoff_low_confidence": {
        "en": "I'm not sure I can answer this one well, so I'm passing you to a member of our "
        "team. They'll see our conversation.",
        "zh-Hans": "这个问题我可能无法准确回答，正在为您转接人工客服，客服可以看到我们之前的对话。",
        "zh-Hant": "這個問題我可能無法準確回答，正在為您轉接真人客服，"
        "客服人員可以看到我們先前的對話。",
        "ru": "Боюсь, я не смогу точно ответить на этот вопрос, поэтому передаю вас сотруднику. "
        "Он увидит нашу переписку.",
        "uk": "Боюся, я не зможу точно відповісти на це запитання, тому передаю вас "
        "співробітнику. Він побачить наше листування.",
        "vi": "Tôi chưa chắc có thể trả lời chính xác câu hỏi này, nên tôi sẽ chuyển bạn đến "
        "nhân viên hỗ trợ. Nhân viên sẽ xem được cuộc trò chuyện của chúng ta.",
        "id": "Saya kurang yakin bisa menjawab ini dengan tepat, jadi saya teruskan Anda ke "
        "petugas kami. Mereka dapat melihat percakapan ini.",
        "tr": "Bu soruyu doğru yanıtlayabileceğimden emin değilim, bu yüzden sizi ekibimizden "
        "bir temsilciye aktarıyorum. Yazışmamızı görebilecek.",
        "es": "No estoy seguro de poder responder bien a esto, así que te paso con una persona "
        "de nuestro equipo. Verá esta conversación.",
        "pt-BR": "Não tenho certeza se consigo responder bem a isso, então vou te passar para "
        "um atendente da nossa equipe. Ele vai ver esta conversa.",
        "fr": "Je ne suis pas sûr de pouvoir bien répondre à cette question, je vous transfère "
        "donc à un conseiller. Il verra notre échange.",
        "de": "Ich bin nicht sicher, ob ich das gut beantworten kann, deshalb leite ich Sie an "
        "einen Mitarbeiter weiter. Er sieht unseren bisherigen Chat.",
        "it": "Non sono sicuro di poter rispondere bene a questa domanda, quindi ti passo a un "
        "operatore del nostro team. Vedrà questa conversazione.",
        "pl": "Nie mam pewności, czy dobrze odpowiem na to pytanie, więc przekazuję Cię "
        "konsultantowi. Zobaczy naszą rozmowę.",
        "ar": "لست متأكدًا من قدرتي على الإجابة عن هذا بدقة، لذا سأحيلك إلى أحد موظفي فريقنا، "
        "وسيتمكن من الاطلاع على محادثتنا.",
    },
    "button_human": {
        "en": "Talk to a person",
        "zh-Hans": "转人工客服",
        "zh-Hant": "轉接真人客服",
        "ru": "Связаться с оператором",
        "uk": "Зв'язатися з оператором",
        "vi": "Gặp nhân viên hỗ trợ",
        "id": "Bicara dengan petugas",
        "tr": "Temsilciye bağlan",
        "es": "Hablar con una persona",
        "pt-BR": "Falar com um atendente",
        "fr": "Parler à un conseiller",
        "de": "Mit einem Mitarbeiter sprechen",
        "it": "Parla con un operatore",
        "pl": "Porozmawiaj z konsultantem",
        "ar": "التحدث إلى موظف",
    },
    "button_solved": {
        "en": "Yes, solved",
        "zh-Hans": "已解决",
        "zh-Hant": "已解決",
        "ru": "Да, вопрос решён",
        "uk": "Так, питання вирішено",
        "vi": "Đã giải quyết",
        "id": "Ya, sudah selesai",
        "tr": "Evet, çözüldü",
        "es": "Sí, resuelto",
        "pt-BR": "Sim, resolvido",
        "fr": "Oui, c'est réglé",
        "de": "Ja, erledigt",
        "it": "Sì, risolto",
        "pl": "Tak, rozwiązane",
        "ar": "نعم، تم الحل",
    },
    "button_not_solved": {
        "en": "No, I still need help",
        "zh-Hans": "未解决，仍需帮助",
        "zh-Hant": "未解決，仍需協助",
        "ru": "Нет, нужна помощь",
        "uk": "Ні, потрібна допомога",
        "vi": "Chưa, tôi vẫn cần hỗ trợ",
        "id": "Belum, saya masih butuh bantuan",
        "tr": "Hayır, hâlâ yardıma ihtiyacım var",
        "es": "No, todavía necesito ayuda",
        "pt-BR": "Não, ainda preciso de ajuda",
        "fr": "Non, j'ai encore besoin d'aide",
        "de": "Nein, ich brauche noch Hilfe",
        "it": "No, ho ancora bisogno di aiuto",
        "pl": "Nie, nadal potrzebuję pomocy",
        "ar": "لا، ما زلت بحاجة إلى مساعدة",
    },
    "solved_thanks": {
        "en": "Glad I could help! If anything else comes up, just write here.",
        "zh-Hans": "很高兴能帮到您！如果还有其他问题，随时在这里留言。",
        "zh-Hant": "很高興能幫上忙！如果還有其他問題，隨時在這裡留言。",
        "ru": "Рад, что смог помочь! Если появятся другие вопросы, просто напишите сюда.",
        "uk": "Радий, що зміг допомогти! Якщо виникнуть інші запитання, просто напишіть сюди.",
        "vi": "Rất vui vì đã giúp được bạn! Nếu có vấn đề gì khác, bạn cứ nhắn vào đây nhé.",
        "id": "Senang bisa membantu! Jika ada hal lain, silakan tulis di sini.",
        "tr": "Yardımcı olabildiğime sevindim! Başka bir konu olursa buraya yazmanız yeterli.",
        "es": "¡Me alegra haberte ayudado! Si surge cualquier otra cosa, escríbeme por aquí.",
        "pt-BR": "Que bom que consegui ajudar! Se precisar de mais alguma coisa, é só escrever "
        "aqui.",
        "fr": "Ravi d'avoir pu vous aider ! Pour toute autre question, écrivez-nous ici.",
        "de": "Schön, dass ich helfen konnte! Wenn noch etwas ist, schreiben Sie einfach hier.",
        "it": "Sono contento di averti aiutato! Se hai bisogno di altro, scrivi pure qui.",
        "pl": "Cieszę się, że mogłem pomóc! Jeśli pojawi się coś jeszcze, po prostu napisz tutaj.",
        "ar": "يسعدني أنني استطعت المساعدة! إذا احتجت إلى أي شيء آخر، فاكتب لنا هنا.",
    },
    "you_are_welcome": {
        "en": "You're welcome! Is there anything else I can help you with?",
        "zh-Hans": "不客气！还有什么可以帮您的吗？",
        "zh-Hant": "不客氣！還有什麼可以幫您的嗎？",
        "ru": "Пожалуйста! Могу ли я помочь чем-то ещё?",
        "uk": "Будь ласка! Чи можу я допомогти ще чимось?",
        "vi": "Không có gì ạ! Bạn còn cần hỗ trợ gì nữa không?",
        "id": "Sama-sama! Ada lagi yang bisa saya bantu?",
        "tr": "Rica ederim! Yardımcı olabileceğim başka bir konu var mı?",
        "es": "¡De nada! ¿Hay algo más en lo que pueda ayudarte?",
        "pt-BR": "Por nada! Posso ajudar com mais alguma coisa?",
        "fr": "Je vous en prie ! Puis-je vous aider pour autre chose ?",
        "de": "Gern geschehen! Kann ich Ihnen noch bei etwas anderem helfen?",
        "it": "Prego! Posso aiutarti con qualcos'altro?",
        "pl": "Nie ma za co! Czy mogę pomóc w czymś jeszcze?",
        "ar": "على الرحب والسعة! هل هناك أي شيء آخر يمكنني مساعدتك فيه؟",
    },
    "context_reset": {
        "en": "Let's start over. What can I help you with?",
        "zh-Hans": "我们重新开始吧。请问有什么可以帮您？",
        "zh-Hant": "我們重新開始吧。請問有什麼可以幫您？",
        "ru": "Давайте начнём сначала. Чем я могу помочь?",
        "uk": "Почнімо спочатку. Чим я можу допомогти?",
        "vi": "Chúng ta bắt đầu lại nhé. Tôi có thể giúp gì cho bạn?",
        "id": "Mari kita mulai dari awal. Ada yang bisa saya bantu?",
        "tr": "Baştan başlayalım. Size nasıl yardımcı olabilirim?",
        "es": "Empecemos de nuevo. ¿En qué puedo ayudarte?",
        "pt-BR": "Vamos recomeçar. Como posso te ajudar?",
        "fr": "Reprenons depuis le début. Comment puis-je vous aider ?",
        "de": "Fangen wir neu an. Wobei kann ich Ihnen helfen?",
        "it": "Ricominciamo da capo. Come posso aiutarti?",
        "pl": "Zacznijmy od nowa. W czym mogę pomóc?",
        "ar": "لنبدأ من جديد. كيف يمكنني مساعدتك؟",
    },
    # The options of a clarifying question: one per intent in bot/data/train.csv.
    "intent.deposit_not_credited": {
        "en": "A deposit hasn't arrived",
        "zh-Hans": "充值未到账",
        "zh-Hant": "儲值未入帳",
        "ru": "Депозит не зачислен",
        "uk": "Депозит не зараховано",
        "vi": "Nạp tiền chưa về",
        "id": "Deposit belum masuk",
        "tr": "Yatırma hesaba geçmedi",
        "es": "Un depósito no ha llegado",
        "pt-BR": "Depósito não caiu",
        "fr": "Un dépôt n'est pas arrivé",
        "de": "Eine Einzahlung ist nicht angekommen",
        "it": "Un deposito non è arrivato",
        "pl": "Wpłata nie dotarła",
        "ar": "إيداع لم يصل",
    },
    "intent.deposit_missing_memo": {
        "en": "A deposit sent without a memo or tag",
        "zh-Hans": "充值时漏填或填错备注（Memo/Tag）",
        "zh-Hant": "儲值時漏填或填錯備註（Memo/Tag）",
        "ru": "Депозит без мемо или тега",
        "uk": "Депозит без мемо чи тегу",
        "vi": "Nạp tiền thiếu hoặc sai memo/tag",
        "id": "Deposit tanpa memo atau tag",
        "tr": "Memo veya etiket olmadan yapılan yatırma",
        "es": "Un depósito sin memo o etiqueta",
        "pt-BR": "Depósito sem memo ou tag",
        "fr": "Un dépôt sans mémo ni tag",
        "de": "Eine Einzahlung ohne Memo oder Tag",
        "it": "Un deposito senza memo o tag",
        "pl": "Wpłata bez memo lub tagu",
        "ar": "إيداع بدون مذكرة (Memo/Tag)",
    },
    "intent.deposit_wrong_network": {
        "en": "A deposit sent on the wrong network",
        "zh-Hans": "充值选错了网络",
        "zh-Hant": "儲值選錯了網路",
        "ru": "Депозит отправлен не в той сети",
        "uk": "Депозит надіслано не в тій мережі",
        "vi": "Nạp tiền nhầm mạng",
        "id": "Deposit lewat jaringan yang salah",
        "tr": "Yanlış ağdan yapılan yatırma",
        "es": "Un depósito enviado por la red equivocada",
        "pt-BR": "Depósito enviado pela rede errada",
        "fr": "Un dépôt envoyé sur le mauvais réseau",
        "de": "Eine Einzahlung über das falsche Netzwerk",
        "it": "Un deposito inviato sulla rete sbagliata",
        "pl": "Wpłata wysłana w złej sieci",
        "ar": "إيداع عبر شبكة خاطئة",
    },
    "intent.withdrawal_pending": {
        "en": "A withdrawal is still pending",
        "zh-Hans": "提币一直未到账或在处理中",
        "zh-Hant": "提領一直在處理中",
        "ru": "Вывод завис или ещё в обработке",
        "uk": "Виведення зависло або ще обробляється",
        "vi": "Lệnh rút đang chờ xử lý",
        "id": "Penarikan masih tertunda",
        "tr": "Bekleyen bir çekim",
        "es": "Un retiro sigue pendiente",
        "pt-BR": "Saque ainda pendente",
        "fr": "Un retrait toujours en attente",
        "de": "Eine Auszahlung ist noch ausstehend",
        "it": "Un prelievo ancora in sospeso",
        "pl": "Wypłata wciąż oczekuje",
        "ar": "سحب لا يزال قيد الانتظار",
    },
    "intent.reset_2fa": {
        "en": "Resetting 2FA",
        "zh-Hans": "重置双重验证（2FA）",
        "zh-Hant": "重設雙重驗證（2FA）",
        "ru": "Сброс 2FA",
        "uk": "Скидання 2FA",
        "vi": "Đặt lại 2FA",
        "id": "Reset 2FA",
        "tr": "2FA sıfırlama",
        "es": "Restablecer el 2FA",
        "pt-BR": "Redefinir o 2FA",
        "fr": "Réinitialiser la 2FA",
        "de": "2FA zurücksetzen",
        "it": "Reimpostare la 2FA",
        "pl": "Reset 2FA",
        "ar": "إعادة ضبط المصادقة الثنائية",
    },
    "intent.kyc_verification": {
        "en": "Identity verification (KYC)",
        "zh-Hans": "身份认证（KYC）",
        "zh-Hant": "身分驗證（KYC）",
        "ru": "Верификация личности (KYC)",
        "uk": "Верифікація особи (KYC)",
        "vi": "Xác minh danh tính (KYC)",
        "id": "Verifikasi identitas (KYC)",
        "tr": "Kimlik doğrulama (KYC)",
        "es": "Verificación de identidad (KYC)",
        "pt-BR": "Verificação de identidade (KYC)",
        "fr": "Vérification d'identité (KYC)",
        "de": "Identitätsprüfung (KYC)",
        "it": "Verifica dell'identità (KYC)",
        "pl": "Weryfikacja tożsamości (KYC)",
        "ar": "التحقق من الهوية (KYC)",
    },
    "intent.p2p_appeal": {
        "en": "A P2P order dispute",
        "zh-Hans": "P2P 订单申诉",
        "zh-Hant": "P2P 訂單申訴",
        "ru": "Спор по P2P-сделке",
        "uk": "Спір щодо P2P-угоди",
        "vi": "Khiếu nại lệnh P2P",
        "id": "Sengketa pesanan P2P",
        "tr": "P2P sipariş itirazı",
        "es": "Una disputa en una orden P2P",
        "pt-BR": "Disputa em uma ordem P2P",
        "fr": "Un litige sur un ordre P2P",
        "de": "Ein Streitfall bei einer P2P-Order",
        "it": "Una contestazione su un ordine P2P",
        "pl": "Spór dotyczący zlecenia P2P",
        "ar": "نزاع على طلب P2P",
    },
    "intent.liquidation": {
        "en": "A liquidated position",
        "zh-Hans": "仓位被强平",
        "zh-Hant": "倉位被強制平倉",
        "ru": "Ликвидация позиции",
        "uk": "Ліквідація позиції",
        "vi": "Vị thế bị thanh lý",
        "id": "Posisi terlikuidasi",
        "tr": "Tasfiye edilen pozisyon",
        "es": "Una posición liquidada",
        "pt-BR": "Posição liquidada",
        "fr": "Une position liquidée",
        "de": "Eine liquidierte Position",
        "it": "Una posizione liquidata",
        "pl": "Likwidacja pozycji",
        "ar": "تصفية مركز",
    },
    "intent.api_keys": {
        "en": "API keys",
        "zh-Hans": "API 密钥",
        "zh-Hant": "API 金鑰",
        "ru": "API-ключи",
        "uk": "API-ключі",
        "vi": "Khóa API",
        "id": "Kunci API",
        "tr": "API anahtarları",
        "es": "Claves API",
        "pt-BR": "Chaves de API",
        "fr": "Clés API",
        "de": "API-Schlüssel",
        "it": "Chiavi API",
        "pl": "Klucze API",
        "ar": "مفاتيح API",
    },
    "intent.fees": {
        "en": "Fees",
        "zh-Hans": "手续费",
        "zh-Hant": "手續費",
        "ru": "Комиссии",
        "uk": "Комісії",
        "vi": "Phí",
        "id": "Biaya",
        "tr": "Ücretler",
        "es": "Comisiones",
        "pt-BR": "Taxas",
        "fr": "Frais",
        "de": "Gebühren",
        "it": "Commissioni",
        "pl": "Opłaty",
        "ar": "الرسوم",
    },
    "intent.phishing_report": {
        "en": "Reporting phishing or a scam",
        "zh-Hans": "举报钓鱼或诈骗",
        "zh-Hant": "檢舉釣魚或詐騙",
        "ru": "Сообщить о фишинге или мошенничестве",
        "uk": "Повідомити про фішинг або шахрайство",
        "vi": "Báo cáo lừa đảo hoặc giả mạo",
        "id": "Melaporkan phishing atau penipuan",
        "tr": "Oltalama veya dolandırıcılık bildirimi",
        "es": "Denunciar phishing o una estafa",
        "pt-BR": "Denunciar phishing ou golpe",
        "fr": "Signaler un hameçonnage ou une arnaque",
        "de": "Phishing oder Betrug melden",
        "it": "Segnalare phishing o una truffa",
        "pl": "Zgłoszenie phishingu lub oszustwa",
        "ar": "الإبلاغ عن تصيد احتيالي أو عملية نصب",
    },
    "intent.account_hacked": {
        "en": "My account was hacked",
        "zh-Hans": "账户被盗",
        "zh-Hant": "帳戶被盜",
        "ru": "Мой аккаунт взломан",
        "uk": "Мій акаунт зламано",
        "vi": "Tài khoản bị hack",
        "id": "Akun saya diretas",
        "tr": "Hesabım hacklendi",
        "es": "Mi cuenta fue hackeada",
        "pt-BR": "Minha conta foi invadida",
        "fr": "Mon compte a été piraté",
        "de": "Mein Konto wurde gehackt",
        "it": "Il mio account è stato violato",
        "pl": "Moje konto zostało zhakowane",
        "ar": "تم اختراق حسابي",
    },
    "intent.talk_to_human": {
        "en": "Talking to a person",
        "zh-Hans": "转人工客服",
        "zh-Hant": "轉接真人客服",
        "ru": "Связаться с оператором",
        "uk": "Зв'язатися з оператором",
        "vi": "Gặp nhân viên hỗ trợ",
        "id": "Bicara dengan petugas",
        "tr": "Temsilciyle görüşmek",
        "es": "Hablar con una persona",
        "pt-BR": "Falar com um atendente",
        "fr": "Parler à un conseiller",
        "de": "Mit einem Mitarbeiter sprechen",
        "it": "Parlare con un operatore",
        "pl": "Rozmowa z konsultantem",
        "ar": "التحدث إلى موظف",
    },
    "intent.account_frozen": {
        "en": "My account is frozen or locked",
        "zh-Hans": "账户被冻结或锁定",
        "zh-Hant": "帳戶被凍結或鎖定",
        "ru": "Аккаунт заморожен или заблокирован",
        "uk": "Акаунт заморожено або заблоковано",
        "vi": "Tài khoản bị đóng băng hoặc khóa",
        "id": "Akun dibekukan atau dikunci",
        "tr": "Hesabım donduruldu veya kilitlendi",
        "es": "Mi cuenta está congelada o bloqueada",
        "pt-BR": "Minha conta está congelada ou bloqueada",
        "fr": "Mon compte est gelé ou bloqué",
        "de": "Mein Konto ist eingefroren oder gesperrt",
        "it": "Il mio account è congelato o bloccato",
        "pl": "Moje konto jest zamrożone lub zablokowane",
        "ar": "حسابي مجمَّد أو مقفل",
    },
    # Why a deposit cannot be recovered, by the recovery engine's reason code
    # (recovery.engine: RecoveryDecision.reason_code); ``recovery_reason`` picks one.
    "recovery.reason.contract_address": {
        "en": "it was sent to a smart-contract address, where the exchange cannot move it. "
        "Only special recovery programmes of the token's issuer can help.",
        "zh-Hans": "资金被转入了智能合约地址，交易所无法转出。只有代币发行方的特殊找回计划可能提供"
        "帮助。",
        "zh-Hant": "資金被轉入了智慧合約地址，交易所無法轉出。只有代幣發行方的特殊找回計畫可能提供"
        "協助。",
        "ru": "средства отправлены на адрес смарт-контракта, откуда биржа не может их вывести. "
        "Помочь могут только специальные программы эмитента токена.",
        "uk": "кошти надіслано на адресу смарт-контракту, звідки біржа не може їх вивести. "
        "Допомогти можуть лише спеціальні програми емітента токена.",
        "vi": "tiền đã được gửi tới địa chỉ hợp đồng thông minh, sàn không thể chuyển ra. "
        "Chỉ các chương trình đặc biệt của đơn vị phát hành token mới có thể hỗ trợ.",
        "id": "dana dikirim ke alamat smart contract yang tidak dapat dipindahkan oleh bursa. "
        "Hanya program khusus dari penerbit token yang dapat membantu.",
        "tr": "varlıklar borsanın taşıyamadığı bir akıllı sözleşme adresine gönderildi. "
        "Yalnızca token ihraççısının özel kurtarma programları yardımcı olabilir.",
        "es": "se envió a una dirección de contrato inteligente, desde la que el exchange no "
        "puede moverlo. Solo los programas especiales del emisor del token pueden ayudar.",
        "pt-BR": "foi enviado para um endereço de contrato inteligente, de onde a corretora não "
        "consegue movê-lo. Só programas especiais do emissor do token podem ajudar.",
        "fr": "il a été envoyé à l'adresse d'un contrat intelligent, d'où la plateforme ne peut "
        "pas le déplacer. Seuls des programmes spéciaux de l'émetteur du jeton peuvent aider.",
        "de": "sie wurde an eine Smart-Contract-Adresse gesendet, von der die Börse sie nicht "
        "bewegen kann. Nur besondere Programme des Token-Herausgebers können helfen.",
        "it": "è stato inviato a un indirizzo di smart contract, da cui l'exchange non può "
        "spostarlo. Possono aiutare solo programmi speciali dell'emittente del token.",
        "pl": "środki wysłano na adres inteligentnego kontraktu, z którego giełda nie może ich "
        "przenieść. Pomóc mogą tylko specjalne programy emitenta tokena.",
        "ar": "أُرسل إلى عنوان عقد ذكي لا تستطيع المنصة نقل الأموال منه. "
        "لا يمكن المساعدة إلا عبر برامج خاصة لدى جهة إصدار الرمز.",
    },
    "recovery.reason.own_withdrawal_wrong_address": {
        "en": "this was your own withdrawal and it reached the address you entered. "
        "Please contact the platform or wallet that owns that address.",
        "zh-Hans": "这是您本人的提币，已到达您填写的地址。请联系该地址所属的平台或钱包。",
        "zh-Hant": "這是您本人的提領，已到達您填寫的地址。請聯絡該地址所屬的平台或錢包。",
        "ru": "это ваш собственный вывод, и он дошёл до указанного вами адреса. "
        "Обратитесь на платформу или в кошелёк, которому принадлежит этот адрес.",
        "uk": "це ваше власне виведення, і воно надійшло на вказану вами адресу. "
        "Зверніться до платформи або гаманця, якому належить ця адреса.",
        "vi": "đây là lệnh rút của chính bạn và tiền đã đến đúng địa chỉ bạn nhập. "
        "Vui lòng liên hệ nền tảng hoặc ví sở hữu địa chỉ đó.",
        "id": "ini adalah penarikan Anda sendiri dan sudah sampai ke alamat yang Anda masukkan. "
        "Silakan hubungi platform atau dompet pemilik alamat tersebut.",
        "tr": "bu sizin kendi çekiminizdi ve girdiğiniz adrese ulaştı. "
        "Lütfen o adresin ait olduğu platform veya cüzdanla iletişime geçin.",
        "es": "fue tu propio retiro y llegó a la dirección que indicaste. "
        "Contacta con la plataforma o el monedero al que pertenece esa dirección.",
        "pt-BR": "foi um saque seu e ele chegou ao endereço que você informou. "
        "Entre em contato com a plataforma ou carteira dona desse endereço.",
        "fr": "il s'agit de votre propre retrait, arrivé à l'adresse que vous avez saisie. "
        "Contactez la plateforme ou le portefeuille à qui appartient cette adresse.",
        "de": "es war Ihre eigene Auszahlung, und sie ist an der von Ihnen angegebenen Adresse "
        "angekommen. Wenden Sie sich an die Plattform oder Wallet, der diese Adresse gehört.",
        "it": "era un tuo prelievo ed è arrivato all'indirizzo che hai inserito. "
        "Contatta la piattaforma o il wallet a cui appartiene quell'indirizzo.",
        "pl": "była to Twoja własna wypłata i dotarła na podany przez Ciebie adres. "
        "Skontaktuj się z platformą lub portfelem, do którego należy ten adres.",
        "ar": "كانت هذه عملية سحب خاصة بك ووصلت إلى العنوان الذي أدخلته. "
        "يُرجى التواصل مع المنصة أو المحفظة التي يتبع لها ذلك العنوان.",
    },
    "recovery.reason.not_an_exchange_address": {
        "en": "the receiving address does not belong to this exchange, so we have no access to it.",
        "zh-Hans": "收款地址不属于本交易所，我们无法操作该地址。",
        "zh-Hant": "收款地址不屬於本交易所，我們無法操作該地址。",
        "ru": "адрес получателя не принадлежит бирже, поэтому у нас нет к нему доступа.",
        "uk": "адреса отримувача не належить біржі, тому ми не маємо до неї доступу.",
        "vi": "địa chỉ nhận không thuộc sàn này nên chúng tôi không có quyền truy cập.",
        "id": "alamat penerima bukan milik bursa ini, sehingga kami tidak memiliki akses ke "
        "alamat tersebut.",
        "tr": "alıcı adres bu borsaya ait değil, bu yüzden adrese erişimimiz yok.",
        "es": "la dirección de destino no pertenece a este exchange, así que no tenemos acceso "
        "a ella.",
        "pt-BR": "o endereço de destino não pertence a esta corretora, então não temos acesso "
        "a ele.",
        "fr": "l'adresse de réception n'appartient pas à cette plateforme : nous n'y avons "
        "pas accès.",
        "de": "die Empfangsadresse gehört nicht zu dieser Börse, daher haben wir keinen "
        "Zugriff darauf.",
        "it": "l'indirizzo di destinazione non appartiene a questo exchange, quindi non "
        "possiamo accedervi.",
        "pl": "adres odbiorcy nie należy do tej giełdy, więc nie mamy do niego dostępu.",
        "ar": "عنوان الاستلام لا يتبع هذه المنصة، لذا لا يمكننا الوصول إليه.",
    },
    "recovery.reason.too_old": {
        "en": "it was sent more than {days} days ago, the time limit for recovering this kind "
        "of deposit.",
        "zh-Hans": "该笔转账已超过 {days} 天，超出了此类充值的找回期限。",
        "zh-Hant": "該筆轉帳已超過 {days} 天，超出了此類儲值的找回期限。",
        "ru": "перевод отправлен более {days} дн. назад, а это предельный срок возврата "
        "таких депозитов.",
        "uk": "переказ надіслано понад {days} дн. тому, а це граничний строк повернення "
        "таких депозитів.",
        "vi": "giao dịch đã được gửi hơn {days} ngày trước, quá thời hạn khôi phục cho loại "
        "nạp tiền này.",
        "id": "dana dikirim lebih dari {days} hari yang lalu, melewati batas waktu pemulihan "
        "untuk jenis deposit ini.",
        "tr": "gönderim {days} günden daha önce yapıldı; bu tür yatırmalar için kurtarma "
        "süresi doldu.",
        "es": "se envió hace más de {days} días, el plazo para recuperar este tipo de depósito.",
        "pt-BR": "foi enviado há mais de {days} dias, o prazo para recuperar esse tipo de "
        "depósito.",
        "fr": "il a été envoyé il y a plus de {days} jours, le délai de récupération pour ce "
        "type de dépôt.",
        "de": "sie wurde vor mehr als {days} Tagen gesendet; das ist die Frist für die "
        "Wiederherstellung solcher Einzahlungen.",
        "it": "è stato inviato più di {days} giorni fa, il limite per recuperare questo tipo di "
        "deposito.",
        "pl": "wysłano je ponad {days} dni temu, a to limit czasu na odzyskanie takich wpłat.",
        "ar": "أُرسل قبل أكثر من {days} يومًا، وهي المهلة المحددة لاسترداد هذا النوع من الإيداعات.",
    },
    "recovery.reason.below_minimum": {
        "en": "the amount is below the minimum deposit for this asset.",
        "zh-Hans": "金额低于该币种的最低充值数量。",
        "zh-Hant": "金額低於該幣種的最低儲值數量。",
        "ru": "сумма меньше минимального депозита для этого актива.",
        "uk": "сума менша за мінімальний депозит для цього активу.",
        "vi": "số tiền thấp hơn mức nạp tối thiểu của tài sản này.",
        "id": "jumlahnya di bawah deposit minimum untuk aset ini.",
        "tr": "tutar bu varlığın asgari yatırma tutarının altında.",
        "es": "el importe es inferior al depósito mínimo de este activo.",
        "pt-BR": "o valor está abaixo do depósito mínimo deste ativo.",
        "fr": "le montant est inférieur au dépôt minimum de cet actif.",
        "de": "der Betrag liegt unter der Mindesteinzahlung für diesen Vermögenswert.",
        "it": "l'importo è inferiore al deposito minimo per questo asset.",
        "pl": "kwota jest niższa niż minimalna wpłata dla tego aktywa.",
        "ar": "المبلغ أقل من الحد الأدنى للإيداع لهذا الأصل.",
    },
    "recovery.reason.under_recovery_minimum": {
        "en": "its value is below the minimum for a recovery of this kind.",
        "zh-Hans": "其价值低于此类找回的最低金额。",
        "zh-Hant": "其價值低於此類找回的最低金額。",
        "ru": "его стоимость ниже минимальной суммы для такого возврата.",
        "uk": "його вартість нижча за мінімальну суму для такого повернення.",
        "vi": "giá trị của khoản này thấp hơn mức tối thiểu để khôi phục loại này.",
        "id": "nilainya di bawah batas minimum untuk pemulihan jenis ini.",
        "tr": "değeri bu tür bir kurtarma için gereken asgari tutarın altında.",
        "es": "su valor es inferior al mínimo para una recuperación de este tipo.",
        "pt-BR": "o valor está abaixo do mínimo para uma recuperação desse tipo.",
        "fr": "sa valeur est inférieure au minimum pour une récupération de ce type.",
        "de": "ihr Wert liegt unter dem Mindestwert für eine solche Wiederherstellung.",
        "it": "il suo valore è inferiore al minimo per un recupero di questo tipo.",
        "pl": "jej wartość jest niższa niż minimum dla takiego odzyskania.",
        "ar": "قيمته أقل من الحد الأدنى لعملية استرداد من هذا النوع.",
    },
    "recovery.reason.fee_takes_all": {
        "en": "the recovery fee would be as much as the deposit itself.",
        "zh-Hans": "找回手续费将不低于这笔充值本身的金额。",
        "zh-Hant": "找回手續費將不低於這筆儲值本身的金額。",
        "ru": "комиссия за возврат была бы не меньше самого депозита.",
        "uk": "комісія за повернення була б не меншою за сам депозит.",
        "vi": "phí khôi phục sẽ bằng hoặc lớn hơn chính khoản nạp.",
        "id": "biaya pemulihan akan sama besar dengan deposit itu sendiri.",
        "tr": "kurtarma ücreti yatırılan tutarın tamamı kadar olurdu.",
        "es": "la comisión de recuperación sería igual al propio depósito.",
        "pt-BR": "a taxa de recuperação seria igual ao próprio depósito.",
        "fr": "les frais de récupération égaleraient le montant du dépôt lui-même.",
        "de": "die Wiederherstellungsgebühr wäre so hoch wie die Einzahlung selbst.",
        "it": "la commissione di recupero sarebbe pari al deposito stesso.",
        "pl": "opłata za odzyskanie byłaby równa samej wpłacie.",
        "ar": "ستعادل رسوم الاسترداد قيمة الإيداع نفسه.",
    },
    "recovery.reason.case_not_recoverable": {
        "en": "deposits of this kind cannot be recovered under the exchange's rules.",
        "zh-Hans": "根据交易所规则，此类充值无法找回。",
        "zh-Hant": "根據交易所規則，此類儲值無法找回。",
        "ru": "по правилам биржи такие депозиты не возвращаются.",
        "uk": "за правилами біржі такі депозити не повертаються.",
        "vi": "theo quy định của sàn, loại nạp tiền này không thể khôi phục.",
        "id": "sesuai aturan bursa, deposit jenis ini tidak dapat dipulihkan.",
        "tr": "borsanın kurallarına göre bu tür yatırmalar kurtarılamaz.",
        "es": "según las normas del exchange, los depósitos de este tipo no se pueden recuperar.",
        "pt-BR": "pelas regras da corretora, depósitos desse tipo não podem ser recuperados.",
        "fr": "selon les règles de la plateforme, les dépôts de ce type ne sont pas récupérables.",
        "de": "nach den Regeln der Börse können Einzahlungen dieser Art nicht wiederhergestellt "
        "werden.",
        "it": "secondo le regole dell'exchange, i depositi di questo tipo non sono recuperabili.",
        "pl": "zgodnie z zasadami giełdy wpłat tego rodzaju nie da się odzyskać.",
        "ar": "وفق قواعد المنصة، لا يمكن استرداد الإيداعات من هذا النوع.",
    },
}

# The brief's spelling of the "not verified yet" state, for callers that use it.
_TEXTS["kyc.unverified"] = _TEXTS["kyc.none"]

TEXT_KEYS: frozenset[str] = frozenset(_TEXTS)


def bot_text(key: str, language: str, **params: str) -> str:
    """The bot's sentence ``key`` in ``language`` (English for a language it lacks), filled.

    Raises ``KeyError`` for an unknown key, and for a placeholder left without a value.
    """
    texts = _TEXTS[key]
    template = texts.get(language) or texts[FALLBACK_LANGUAGE]
    return template.format(**params)


def recovery_reason(
    code: str | None, language: str, fallback: str, values: Mapping[str, str] | None = None
) -> str:
    """Why a deposit cannot be recovered, in ``language``, from the recovery engine's
    reason code (``RecoveryDecision.reason_code``); ``fallback`` (the engine's English
    prose) for a decision without a code this table knows."""
    key = f"recovery.reason.{code}"
    if code is None or key not in _TEXTS:
        return fallback
    return bot_text(key, language, **dict(values or {}))


def texts_for(key: str) -> Mapping[str, str]:
    """Every language's text for ``key`` (for tests and the admin pages)."""
    return dict(_TEXTS[key])
