"""The knowledge base: articles per language, drafts, versions, publishing, votes, search."""
