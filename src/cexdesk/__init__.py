"""cexdesk: the customer-service platform of a cryptocurrency exchange."""

__version__ = "0.1.0"
