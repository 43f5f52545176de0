from tests.web.browser import browser, live_desk

__all__ = ["browser", "live_desk"]
