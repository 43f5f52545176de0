"""Article Markdown → HTML that is safe to put in a page.

Raw HTML in the Markdown is not passed through (``html=False``), and the result is
cleaned once more by nh3 with a short list of tags, so an article an editor wrote, or
pasted, can never carry a script, an event handler or a ``javascript:`` link.
"""

from __future__ import annotations

import nh3
from markdown_it import MarkdownIt

_MARKDOWN = MarkdownIt("commonmark", {"html": False, "linkify": False}).enable("table")
_TAGS = {"p", "br", "strong", "em", "code", "pre", "ul", "ol", "li", "h2", "h3", "h4",
         "blockquote", "a", "table", "thead", "tbody", "tr", "th", "td", "hr"}  # fmt: skip


def to_html(markdown: str) -> str:
    html = _MARKDOWN.render(markdown)
    return nh3.clean(
        html,
        tags=_TAGS,
        attributes={"a": {"href", "title"}},
        url_schemes={"https", "http", "mailto"},
        link_rel="noopener noreferrer nofollow",
    )


def plain_text(markdown: str) -> str:
    """The words of an article, for the search index and snippets."""
    return nh3.clean(_MARKDOWN.render(markdown), tags=set()).replace("&amp;", "&")
