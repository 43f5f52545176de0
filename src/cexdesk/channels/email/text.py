"""Plain text out of a mail body: HTML flattened, quoted history and signatures cut.

Pure functions over strings; no email objects, no database.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

# A line that introduces the quoted earlier message, in the languages our customers
# write in. Mail clients put the attribution on one line or wrap it onto two, so the
# patterns are also tried on a line joined with the next.
_ATTRIBUTION = [
    re.compile(p, re.IGNORECASE)
    for p in (
        r"^on\b.{0,300}\bwrote:\s*$",  # Gmail, Apple Mail, Thunderbird
        r"^le\b.{0,300}\ba écrit\s*:\s*$",
        r"^am\b.{0,300}\bschrieb.{0,100}:\s*$",
        r"^el\b.{0,300}\bescribió:\s*$",
        r"^em\b.{0,300}\bescreveu:\s*$",
        r"^.{0,300}\b(?:napisał|napisała|yazdı|menulis|scritto)\s*:\s*$",
        r"^在.{0,300}(?:写道|寫道)\s*[:：]?\s*$",  # 在 2024年1月2日 …<a@b> 写道：
        r"^.{0,300}(?:написал|написала|написал\(а\)|пишет)\s*:?\s*$",
        r"^.{0,300}\bđã viết\s*:?\s*$",  # Vào … , X <a@b> đã viết:
        r"^-{2,}\s*(?:original message|ursprüngliche nachricht|message d'origine"
        r"|原始邮件|原始郵件|исходное сообщение|tin nhắn gốc|thư gốc)\s*-{2,}\s*$",
        r"^_{10,}\s*$",  # Outlook's rule above the quoted header block
    )
]
# Outlook style: "From: …" followed within a few lines by "Sent:" or "Date:".
_FROM_LINE = re.compile(r"^\*?(?:from|发件人|寄件者|от|từ)\s*\*?\s*[:：]", re.IGNORECASE)
_SENT_LINE = re.compile(
    r"^\*?(?:sent|date|发送时间|日期|寄件日期|отправлено|дата|gửi|ngày)\s*\*?\s*[:：]",
    re.IGNORECASE,
)
_SIGNATURE = re.compile(r"^(?:--|-- |__)\s*$")
_MOBILE_FOOTER = re.compile(
    r"^(?:sent from my |get outlook for |从我的|發自我的|отправлено с |được gửi từ )",
    re.IGNORECASE,
)


def _quote_start(lines: list[str]) -> int | None:
    for index, line in enumerate(lines):
        stripped = line.strip()
        joined = stripped + " " + lines[index + 1].strip() if index + 1 < len(lines) else ""
        if any(p.match(stripped) or (joined and p.match(joined)) for p in _ATTRIBUTION):
            return index
        if _FROM_LINE.match(stripped) and any(
            _SENT_LINE.match(following.strip()) for following in lines[index + 1 : index + 5]
        ):
            return index
    return None


def strip_quotes(text: str) -> str:
    """The new part of a reply: no quoted history, no "> " lines, no signature.

    When nothing would be left (a bare forward), the text is kept whole: the customer
    sent it for us to read.
    """
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    cut = _quote_start(lines)
    if cut is not None:
        lines = lines[:cut]
    kept: list[str] = []
    for line in lines:
        if _SIGNATURE.match(line):
            break
        if line.lstrip().startswith(">"):
            continue
        kept.append(line)
    while kept and (not kept[-1].strip() or _MOBILE_FOOTER.match(kept[-1].strip())):
        kept.pop()
    result = "\n".join(kept).strip()
    return result or text.strip()


_BLOCK = {"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "table", "hr"}
_SKIP_CONTENT = {"script", "style", "head", "title", "blockquote"}


class _Flattener(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0
        # Depth of <div> elements, and the depths at which a client's quote box opened.
        self.div_depth = 0
        self.quote_divs: list[int] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP_CONTENT:
            self.skipping += 1
        elif tag == "div":
            self.div_depth += 1
            classes = dict(attrs).get("class") or ""
            if any(q in classes for q in ("gmail_quote", "moz-cite-prefix", "yahoo_quoted")):
                self.quote_divs.append(self.div_depth)
                self.skipping += 1
        if tag in _BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP_CONTENT:
            self.skipping = max(0, self.skipping - 1)
        elif tag == "div":
            if self.quote_divs and self.quote_divs[-1] == self.div_depth:
                self.quote_divs.pop()
                self.skipping = max(0, self.skipping - 1)
            self.div_depth = max(0, self.div_depth - 1)
        if tag in _BLOCK:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.parts.append(data)


def html_to_text(html: str) -> str:
    """Readable text of an HTML body, without scripts, styles or quoted boxes."""
    flattener = _Flattener()
    try:
        flattener.feed(html)
        flattener.close()
    except Exception:  # the stdlib parser is lenient; a failure here means garbage in
        return re.sub(r"<[^>]*>", " ", html)
    text = "".join(flattener.parts).replace("\xa0", " ")
    lines = [" ".join(line.split()) for line in text.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
