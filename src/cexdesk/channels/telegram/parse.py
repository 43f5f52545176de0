"""Bot API ``Update`` JSON → one ``InboundMessage``; everything that is not a customer's
message in a private chat is ``Ignored``.

Only private chats are conversations: the bot is not a support channel for groups, and a
group message's sender could not be answered privately without them starting the bot.
"""

from __future__ import annotations

import json
from typing import Any

from cexdesk.channels.inbound import Ignored, InboundMessage, RemoteFile, Unreadable

CHANNEL = "telegram"

# Non-text content, noted in the conversation so the agent knows something was sent;
# the files among them are fetched afterwards (``remote_files``, ``fetch.py``).
_MEDIA = (
    ("photo", "[photo]"),
    ("video", "[video]"),
    ("video_note", "[video message]"),
    ("animation", "[animation]"),
    ("voice", "[voice message]"),
    ("audio", "[audio]"),
    ("sticker", "[sticker]"),
    ("location", "[location]"),
    ("contact", "[contact]"),
)


def external_id(chat_id: object, message_id: object) -> str:
    """The id a Telegram message carries on our side, in and out."""
    return f"tg:{chat_id}:{message_id}"


def _object(data: dict[str, Any], key: str) -> dict[str, Any] | None:
    value = data.get(key)
    return value if isinstance(value, dict) else None


def _name(user: dict[str, Any]) -> str | None:
    full = " ".join(str(user[k]) for k in ("first_name", "last_name") if user.get(k)).strip()
    if full:
        return full
    username = user.get("username")
    return f"@{username}" if username else None


def _attachments_note(message: dict[str, Any]) -> list[str]:
    notes = []
    document = _object(message, "document")
    if document is not None:
        notes.append(f"[file: {document.get('file_name') or 'document'}]")
    for key, note in _MEDIA:
        if message.get(key):
            if key == "sticker" and isinstance(message[key], dict) and message[key].get("emoji"):
                note = f"[sticker {message[key]['emoji']}]"
            notes.append(note)
    return notes


# Kinds whose content is a file we can fetch with getFile, and a name when it has none.
_FILE_KINDS = (("document", "document"), ("video", "video.mp4"), ("voice", "voice.ogg"),
               ("audio", "audio"), ("video_note", "video_note.mp4"))  # fmt: skip


def remote_files(message: dict[str, Any]) -> tuple[RemoteFile, ...]:
    """The files of a message, by file_id: the largest size of a photo, and documents,
    videos, voice and audio messages (stickers and animations are not evidence)."""
    files = []
    photos = message.get("photo")
    if isinstance(photos, list) and photos:
        sizes = [p for p in photos if isinstance(p, dict) and p.get("file_id")]
        if sizes:
            largest = max(sizes, key=lambda p: int(p.get("file_size") or 0))
            name = f"photo_{largest.get('file_unique_id') or 'telegram'}.jpg"
            files.append(RemoteFile(str(largest["file_id"]), name))
    for key, default_name in _FILE_KINDS:
        item = _object(message, key)
        if item is not None and item.get("file_id"):
            name = item.get("file_name") or default_name
            files.append(RemoteFile(str(item["file_id"]), str(name)))
    return tuple(files)


def _is_start(text: str) -> bool:
    command = text.split(maxsplit=1)[0] if text.strip() else ""
    return command.split("@", 1)[0] == "/start"


def parse(raw: bytes, content_type: str) -> InboundMessage:
    """Read one stored Update."""
    try:
        update = json.loads(raw)
    except ValueError as error:
        raise Unreadable(f"not JSON: {error}") from None
    if not isinstance(update, dict) or "update_id" not in update:
        raise Unreadable("not a Telegram Update (no update_id)")
    edited = "message" not in update and "edited_message" in update
    message = _object(update, "edited_message" if edited else "message")
    if message is None:
        kinds = sorted(k for k in update if k != "update_id")
        raise Ignored(f"not a message update: {', '.join(kinds) or 'empty'}")
    chat = _object(message, "chat")
    sender = _object(message, "from")
    if chat is None or "id" not in chat or "message_id" not in message:
        raise Unreadable("message without chat id or message id")
    if chat.get("type") != "private":
        raise Ignored(f"message in a {chat.get('type')} chat")
    if sender is None or "id" not in sender:
        raise Unreadable("private message without a sender")
    if sender.get("is_bot"):
        raise Ignored("sent by a bot")
    text = str(message.get("text") or message.get("caption") or "").strip()
    notes = _attachments_note(message)
    if not text and not notes:
        raise Ignored("service message without content")
    if text and not notes and _is_start(text):
        # /start is the client opening the bot, not a question; the greeting is the
        # bot's job, and it must not open a ticket.
        raise Ignored("/start")
    body = "\n".join([*notes, text] if text else notes)
    chat_id = chat["id"]
    own_id = external_id(chat_id, message["message_id"])
    refs: list[str] = []
    replied = _object(message, "reply_to_message")
    if replied is not None and "message_id" in replied:
        refs.append(external_id(chat_id, replied["message_id"]))
    if edited:
        # The original is already stored under the plain id; the edit is a new entry
        # in the conversation that threads to it.
        refs.append(own_id)
        own_id = f"{own_id}:edit:{message.get('edit_date', update['update_id'])}"
        body = f"(edited) {body}"
    return InboundMessage(
        channel=CHANNEL,
        sender=str(sender["id"]),
        sender_name=_name(sender),
        text=body,
        external_id=own_id,
        thread_refs=tuple(refs),
        remote_files=() if edited else remote_files(message),
        verified_sender=True,  # Telegram vouches for from.id; the webhook secret for Telegram
    )
