"""Conversations/tickets for every channel: messages, attachments, tags, links."""
