"""What a compensated user reads, in their language (English for a language we lack)."""

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


def _pick(texts: dict[str, str], language: str) -> str:
    return texts.get(language) or texts.get(language.split("-")[0]) or texts["en"]


def paid(language: str, amount: str, asset: str, batch_id: int) -> tuple[str, str]:
    """The subject and body telling a user their compensation was credited."""
    body = _pick(BODY, language).format(amount=amount, asset=asset, batch=batch_id)
    return _pick(SUBJECT, language), body
