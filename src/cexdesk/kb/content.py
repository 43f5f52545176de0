"""The starter knowledge base shipped in ``content/``: one folder per article with a
``meta.json`` and one ``<language>.md`` per translation (first line ``# Title``)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

CONTENT = Path(__file__).parent / "content"


@dataclass(frozen=True)
class ArticleFile:
    slug: str
    category: str
    subcategory: str | None
    tags: list[str]
    related: list[str]
    texts: dict[str, tuple[str, str]]  # language -> (title, Markdown body)


def split_title(markdown: str) -> tuple[str, str]:
    """(title, body) of a translation file whose first line is ``# Title``."""
    first, _, rest = markdown.strip().partition("\n")
    if not first.startswith("# "):
        raise ValueError("an article file starts with a '# Title' line")
    return first[2:].strip(), rest.strip()


def read_articles(root: Path = CONTENT) -> list[ArticleFile]:
    """Every article folder under ``root``, sorted by slug."""
    articles: list[ArticleFile] = []
    if not root.is_dir():
        return articles
    for folder in sorted(p for p in root.iterdir() if (p / "meta.json").is_file()):
        meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
        texts = {
            file.stem: split_title(file.read_text(encoding="utf-8"))
            for file in sorted(folder.glob("*.md"))
        }
        articles.append(
            ArticleFile(
                slug=str(meta.get("slug") or folder.name),
                category=str(meta["category"]),
                subcategory=meta.get("subcategory"),
                tags=[str(t) for t in meta.get("tags", [])],
                related=[str(r) for r in meta.get("related", [])],
                texts=texts,
            )
        )
    return articles
