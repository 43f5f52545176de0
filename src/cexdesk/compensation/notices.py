"""What a compensated user, or one whose orders support cancelled, reads, in their
language (English for a language we lack)."""

from __future__ import annotations

# {amount} {asset}: what was credited; {batch}: the reference to quote to support.
SUBJECT: dict[str, str] = {
    "en": "Compensation credited to your account",
    "zh-Hans": "补偿已发放至您的账户",
    "zh-Hant": "補償已發放至您的帳戶",
    "ru": "Компенсация зачислена на ваш счёт",
    "uk": "Компенсацію зараховано на ваш рахунок",
    "vi": "Khoản bồi thường đã được ghi có vào tài khoản của bạn",
    "id": "Kompensasi telah dikreditkan ke akun Anda",
    "tr": "Tazminat hesabınıza yatırıldı",
    "es": "Compensación abonada en tu cuenta",
    "pt-BR": "Compensação creditada na sua conta",
    "fr": "Compensation créditée sur votre compte",
    "de": "Entschädigung Ihrem Konto gutgeschrieben",
    "it": "Risarcimento accreditato sul tuo conto",
    "pl": "Rekompensata zaksięgowana na Twoim koncie",
    "ar": "تم إيداع التعويض في حسابك",
}

BODY: dict[str, str] = {
    "en": "We have credited {amount} {asset} to your account as compensation. "
    "We are sorry for the trouble. Reference: C-{batch}.",
    "zh-Hans": "我们已向您的账户发放 {amount} {asset} 作为补偿，对此带来的不便深表歉意。"
    "参考编号：C-{batch}。",
    "zh-Hant": "我們已向您的帳戶發放 {amount} {asset} 作為補償，對此帶來的不便深表歉意。"
    "參考編號：C-{batch}。",
    "ru": "Мы зачислили {amount} {asset} на ваш счёт в качестве компенсации. "
    "Приносим извинения за неудобства. Номер: C-{batch}.",
    "uk": "Ми зарахували {amount} {asset} на ваш рахунок як компенсацію. "
    "Перепрошуємо за незручності. Номер: C-{batch}.",
    "vi": "Chúng tôi đã ghi có {amount} {asset} vào tài khoản của bạn để bồi thường. "
    "Xin lỗi vì sự bất tiện. Mã tham chiếu: C-{batch}.",
    "id": "Kami telah mengkreditkan {amount} {asset} ke akun Anda sebagai kompensasi. "
    "Mohon maaf atas ketidaknyamanannya. Referensi: C-{batch}.",
    "tr": "Tazminat olarak hesabınıza {amount} {asset} yatırdık. "
    "Yaşanan sorun için özür dileriz. Referans: C-{batch}.",
    "es": "Hemos abonado {amount} {asset} en tu cuenta como compensación. "
    "Disculpa las molestias. Referencia: C-{batch}.",
    "pt-BR": "Creditamos {amount} {asset} na sua conta como compensação. "
    "Pedimos desculpas pelo transtorno. Referência: C-{batch}.",
    "fr": "Nous avons crédité {amount} {asset} sur votre compte à titre de compensation. "
    "Veuillez nous excuser pour la gêne occasionnée. Référence : C-{batch}.",
    "de": "Wir haben Ihrem Konto {amount} {asset} als Entschädigung gutgeschrieben. "
    "Bitte entschuldigen Sie die Unannehmlichkeiten. Referenz: C-{batch}.",
    "it": "Abbiamo accreditato {amount} {asset} sul tuo conto come risarcimento. "
    "Ci scusiamo per il disagio. Riferimento: C-{batch}.",
    "pl": "Zaksięgowaliśmy {amount} {asset} na Twoim koncie jako rekompensatę. "
    "Przepraszamy za utrudnienia. Numer: C-{batch}.",
    "ar": "لقد أودعنا {amount} {asset} في حسابك كتعويض. نعتذر عن الإزعاج. المرجع: C-{batch}.",
}


# {orders}: one line per cancelled order (market, side, what was left); {ref}: to quote.
ORDERS_CANCELLED: dict[str, str] = {
    "en": "We have cancelled these open orders on your account:\n{orders}\nThe funds they "
    "reserved are available in your balance again. Reference: OC-{ref}.",
    "zh-Hans": "我们已取消您账户中的以下挂单：\n{orders}\n这些挂单冻结的资金已退回您的可用余额。"
    "参考编号：OC-{ref}。",
    "zh-Hant": "我們已取消您帳戶中的以下掛單：\n{orders}\n這些掛單凍結的資金已退回您的可用餘額。"
    "參考編號：OC-{ref}。",
    "ru": "Мы отменили следующие открытые ордера на вашем счёте:\n{orders}\nСредства, "
    "которые они резервировали, снова доступны на балансе. Номер: OC-{ref}.",
    "uk": "Ми скасували такі відкриті ордери на вашому рахунку:\n{orders}\nКошти, які "
    "вони резервували, знову доступні на балансі. Номер: OC-{ref}.",
    "vi": "Chúng tôi đã hủy các lệnh đang mở sau trên tài khoản của bạn:\n{orders}\nSố "
    "tiền các lệnh này giữ lại đã trở về số dư khả dụng. Mã tham chiếu: OC-{ref}.",
    "id": "Kami telah membatalkan order terbuka berikut di akun Anda:\n{orders}\nDana yang "
    "ditahan order tersebut kembali tersedia di saldo Anda. Referensi: OC-{ref}.",
    "tr": "Hesabınızdaki şu açık emirleri iptal ettik:\n{orders}\nBu emirlerin ayırdığı "
    "tutar yeniden kullanılabilir bakiyenizde. Referans: OC-{ref}.",
    "es": "Hemos cancelado estas órdenes abiertas de tu cuenta:\n{orders}\nLos fondos que "
    "reservaban vuelven a estar disponibles en tu saldo. Referencia: OC-{ref}.",
    "pt-BR": "Cancelamos estas ordens abertas da sua conta:\n{orders}\nOs fundos que elas "
    "reservavam estão disponíveis no seu saldo novamente. Referência: OC-{ref}.",
    "fr": "Nous avons annulé ces ordres ouverts sur votre compte :\n{orders}\nLes fonds "
    "qu'ils bloquaient sont de nouveau disponibles sur votre solde. Référence : OC-{ref}.",
    "de": "Wir haben diese offenen Orders in Ihrem Konto storniert:\n{orders}\nDas von "
    "ihnen reservierte Guthaben ist wieder verfügbar. Referenz: OC-{ref}.",
    "it": "Abbiamo annullato questi ordini aperti sul tuo conto:\n{orders}\nI fondi che "
    "bloccavano sono di nuovo disponibili nel tuo saldo. Riferimento: OC-{ref}.",
    "pl": "Anulowaliśmy te otwarte zlecenia na Twoim koncie:\n{orders}\nŚrodki, które "
    "blokowały, są znowu dostępne na saldzie. Numer: OC-{ref}.",
    "ar": "ألغينا الأوامر المفتوحة التالية في حسابك:\n{orders}\nعادت الأموال التي كانت "
    "تحجزها إلى رصيدك المتاح. المرجع: OC-{ref}.",
}


def _pick(texts: dict[str, str], language: str) -> str:
    return texts.get(language) or texts.get(language.split("-")[0]) or texts["en"]


def paid(language: str, amount: str, asset: str, batch_id: int) -> tuple[str, str]:
    """The subject and body telling a user their compensation was credited."""
    body = _pick(BODY, language).format(amount=amount, asset=asset, batch=batch_id)
    return _pick(SUBJECT, language), body


def orders_cancelled(language: str, orders: list[str], ref: int) -> str:
    """The reply telling a user which of their orders support cancelled."""
    listed = "\n".join(f"- {order}" for order in orders)
    return _pick(ORDERS_CANCELLED, language).format(orders=listed, ref=ref)
