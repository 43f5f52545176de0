from tests.web.browser import browser, desk

__all__ = ["browser", "desk"]
