"""What the customer reads when nobody is online to pick up their chat, in their language."""

from __future__ import annotations

import math

# {minutes}: the first-reply target of the ticket's SLA policy.
NO_AGENT: dict[str, str] = {
    "en": "All our agents are busy right now, so your chat has become a ticket. "
    "Expect a reply within {minutes} minutes, here or in your support history.",
    "zh-Hans": "目前所有客服都在忙，您的会话已转为工单。我们将在 {minutes} 分钟内回复您，"
    "请留意此处或您的工单记录。",
    "zh-Hant": "目前所有客服都在忙碌中，您的對話已轉為工單。我們將在 {minutes} 分鐘內回覆您，"
    "請留意此處或您的工單記錄。",
    "ru": "Сейчас все операторы заняты, поэтому ваш чат стал обращением. "
    "Ответ придёт в течение {minutes} мин. здесь или в истории обращений.",
    "uk": "Зараз усі оператори зайняті, тому ваш чат став зверненням. "
    "Відповідь надійде протягом {minutes} хв. тут або в історії звернень.",
    "vi": "Hiện tất cả nhân viên hỗ trợ đều đang bận nên cuộc trò chuyện của bạn đã được "
    "chuyển thành phiếu hỗ trợ. Bạn sẽ nhận được phản hồi trong vòng {minutes} phút.",
    "id": "Semua agen kami sedang sibuk, jadi obrolan Anda telah menjadi tiket. "
    "Harap tunggu balasan dalam {minutes} menit, di sini atau di riwayat dukungan Anda.",
    "tr": "Şu anda tüm temsilcilerimiz meşgul, bu yüzden sohbetiniz bir talebe dönüştü. "
    "{minutes} dakika içinde burada veya destek geçmişinizde yanıt alacaksınız.",
    "es": "Todos nuestros agentes están ocupados, así que tu chat se ha convertido en un "
    "ticket. Recibirás una respuesta en un máximo de {minutes} minutos.",
    "pt-BR": "Todos os nossos atendentes estão ocupados, então seu chat virou um chamado. "
    "Você receberá uma resposta em até {minutes} minutos.",
    "fr": "Tous nos conseillers sont occupés : votre chat est devenu un ticket. "
    "Vous recevrez une réponse sous {minutes} minutes.",
    "de": "Alle Mitarbeiter sind gerade beschäftigt, daher wurde Ihr Chat zu einem Ticket. "
    "Sie erhalten innerhalb von {minutes} Minuten eine Antwort.",
    "it": "Tutti i nostri operatori sono occupati, quindi la tua chat è diventata un ticket. "
    "Riceverai una risposta entro {minutes} minuti.",
    "pl": "Wszyscy konsultanci są teraz zajęci, więc Twój czat stał się zgłoszeniem. "
    "Odpowiedź otrzymasz w ciągu {minutes} min.",
    "ar": "جميع موظفي الدعم مشغولون الآن، لذلك تحوّلت محادثتك إلى تذكرة. "
    "ستتلقى ردًا خلال {minutes} دقيقة.",
}


def no_agent(language: str, first_reply_seconds: float) -> str:
    """The notice for a chat nobody can pick up now; English for a language we lack."""
    template = NO_AGENT.get(language) or NO_AGENT.get(language.split("-")[0]) or NO_AGENT["en"]
    return template.format(minutes=max(1, math.ceil(first_reply_seconds / 60)))
