"""What a claimant reads about their recovery claim, in their language (English where a
language is missing). {ref}: the claim reference to quote; {amount} {asset}: credited."""

from __future__ import annotations

SUBJECT: dict[str, str] = {
    "en": "Your deposit recovery claim R-{ref}", "zh-Hans": "您的充值找回申请 R-{ref}",
    "zh-Hant": "您的充值找回申請 R-{ref}", "ru": "Ваша заявка на возврат депозита R-{ref}",
    "uk": "Ваша заявка на повернення депозиту R-{ref}",
    "vi": "Yêu cầu khôi phục khoản nạp R-{ref} của bạn",
    "id": "Klaim pemulihan deposit Anda R-{ref}", "tr": "Yatırma kurtarma talebiniz R-{ref}",
    "es": "Tu solicitud de recuperación de depósito R-{ref}",
    "pt-BR": "Sua solicitação de recuperação de depósito R-{ref}",
    "fr": "Votre demande de récupération de dépôt R-{ref}",
    "de": "Ihr Antrag auf Rückholung der Einzahlung R-{ref}",
    "it": "La tua richiesta di recupero del deposito R-{ref}",
    "pl": "Twój wniosek o odzyskanie wpłaty R-{ref}", "ar": "طلب استرداد الإيداع R-{ref}",
}  # fmt: skip

IN_REVIEW: dict[str, str] = {
    "en": "We have received your claim R-{ref}. Our team is checking the transaction; we "
    "will write here as soon as it is decided.",
    "zh-Hans": "我们已收到您的申请 R-{ref}。团队正在核查该笔交易，有结果后会在此第一时间通知您。",
    "zh-Hant": "我們已收到您的申請 R-{ref}。團隊正在核查該筆交易，有結果後會在此第一時間通知您。",
    "ru": "Мы получили вашу заявку R-{ref}. Команда проверяет транзакцию; мы напишем "
    "здесь, как только будет решение.",
    "uk": "Ми отримали вашу заявку R-{ref}. Команда перевіряє транзакцію; ми напишемо "
    "тут, щойно буде рішення.",
    "vi": "Chúng tôi đã nhận yêu cầu R-{ref}. Đội ngũ đang kiểm tra giao dịch và sẽ báo "
    "tại đây ngay khi có kết quả.",
    "id": "Kami telah menerima klaim R-{ref}. Tim kami sedang memeriksa transaksinya dan "
    "akan mengabari di sini begitu ada keputusan.",
    "tr": "R-{ref} talebinizi aldık. Ekibimiz işlemi inceliyor; karar verilir verilmez "
    "buradan yazacağız.",
    "es": "Hemos recibido tu solicitud R-{ref}. El equipo está revisando la transacción; "
    "te escribiremos aquí en cuanto haya una decisión.",
    "pt-BR": "Recebemos sua solicitação R-{ref}. A equipe está verificando a transação; "
    "escreveremos aqui assim que houver uma decisão.",
    "fr": "Nous avons bien reçu votre demande R-{ref}. L'équipe vérifie la transaction ; "
    "nous vous écrirons ici dès qu'elle sera tranchée.",
    "de": "Wir haben Ihren Antrag R-{ref} erhalten. Das Team prüft die Transaktion; wir "
    "melden uns hier, sobald entschieden ist.",
    "it": "Abbiamo ricevuto la tua richiesta R-{ref}. Il team sta verificando la "
    "transazione; ti scriveremo qui appena ci sarà una decisione.",
    "pl": "Otrzymaliśmy Twój wniosek R-{ref}. Zespół sprawdza transakcję; napiszemy tutaj, "
    "gdy tylko zapadnie decyzja.",
    "ar": "تلقّينا طلبك R-{ref}. يتحقق فريقنا من المعاملة، وسنكتب لك هنا فور اتخاذ القرار.",
}  # fmt: skip

RECOVERED: dict[str, str] = {
    "en": "Good news: {amount} {asset} from claim R-{ref} has been credited to your account.",
    "zh-Hans": "好消息：申请 R-{ref} 的 {amount} {asset} 已入账到您的账户。",
    "zh-Hant": "好消息：申請 R-{ref} 的 {amount} {asset} 已入帳到您的帳戶。",
    "ru": "Хорошие новости: {amount} {asset} по заявке R-{ref} зачислены на ваш счёт.",
    "uk": "Гарні новини: {amount} {asset} за заявкою R-{ref} зараховано на ваш рахунок.",
    "vi": "Tin vui: {amount} {asset} từ yêu cầu R-{ref} đã được ghi có vào tài khoản của bạn.",
    "id": "Kabar baik: {amount} {asset} dari klaim R-{ref} telah masuk ke akun Anda.",
    "tr": "Müjde: R-{ref} talebindeki {amount} {asset} hesabınıza yatırıldı.",
    "es": "Buenas noticias: {amount} {asset} de la solicitud R-{ref} ya están en tu cuenta.",
    "pt-BR": "Boa notícia: {amount} {asset} da solicitação R-{ref} foram creditados na "
    "sua conta.",
    "fr": "Bonne nouvelle : {amount} {asset} de la demande R-{ref} ont été crédités sur "
    "votre compte.",
    "de": "Gute Nachricht: {amount} {asset} aus dem Antrag R-{ref} wurden Ihrem Konto "
    "gutgeschrieben.",
    "it": "Buone notizie: {amount} {asset} della richiesta R-{ref} sono stati accreditati.",
    "pl": "Dobra wiadomość: {amount} {asset} z wniosku R-{ref} zaksięgowano na Twoim koncie.",
    "ar": "خبر سار: تم إيداع {amount} {asset} من الطلب R-{ref} في حسابك.",
}  # fmt: skip

NOT_RECOVERED: dict[str, str] = {
    "en": "We are sorry: claim R-{ref} could not be recovered. Reply here if you have more "
    "details about the transaction.",
    "zh-Hans": "很抱歉，申请 R-{ref} 无法找回。如您有关于该交易的更多信息，请直接在此回复。",
    "zh-Hant": "很抱歉，申請 R-{ref} 無法找回。如您有關於該交易的更多資訊，請直接在此回覆。",
    "ru": "К сожалению, по заявке R-{ref} вернуть средства не удалось. Ответьте здесь, если "
    "у вас есть дополнительные сведения о транзакции.",
    "uk": "На жаль, за заявкою R-{ref} повернути кошти не вдалося. Відповідайте тут, якщо "
    "маєте більше відомостей про транзакцію.",
    "vi": "Rất tiếc, yêu cầu R-{ref} không thể khôi phục. Hãy trả lời tại đây nếu bạn có "
    "thêm thông tin về giao dịch.",
    "id": "Maaf, klaim R-{ref} tidak dapat dipulihkan. Balas di sini jika Anda punya "
    "detail lain tentang transaksinya.",
    "tr": "Üzgünüz, R-{ref} talebi kurtarılamadı. İşlemle ilgili başka bilginiz varsa "
    "buradan yanıtlayın.",
    "es": "Lo sentimos: la solicitud R-{ref} no se pudo recuperar. Responde aquí si tienes "
    "más datos de la transacción.",
    "pt-BR": "Sentimos muito: a solicitação R-{ref} não pôde ser recuperada. Responda aqui "
    "se tiver mais detalhes da transação.",
    "fr": "Nous sommes désolés : la demande R-{ref} n'a pas pu être récupérée. Répondez ici "
    "si vous avez d'autres détails sur la transaction.",
    "de": "Es tut uns leid: Der Antrag R-{ref} konnte nicht zurückgeholt werden. Antworten "
    "Sie hier, wenn Sie weitere Angaben zur Transaktion haben.",
    "it": "Ci dispiace: la richiesta R-{ref} non è recuperabile. Rispondi qui se hai altri "
    "dettagli sulla transazione.",
    "pl": "Przykro nam: wniosku R-{ref} nie udało się zrealizować. Odpowiedz tutaj, jeśli "
    "masz więcej informacji o transakcji.",
    "ar": "نأسف، تعذّر استرداد الطلب R-{ref}. ردّ هنا إن كانت لديك تفاصيل أخرى عن المعاملة.",
}  # fmt: skip


def text(table: dict[str, str], language: str, **values: str) -> str:
    template = table.get(language) or table.get(language.split("-")[0]) or table["en"]
    return template.format(**values)
