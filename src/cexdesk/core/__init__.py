"""Shared machinery every domain stands on; imports no domain."""
