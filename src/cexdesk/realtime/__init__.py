"""Realtime: domain events published to websocket topics, and the stream that serves them."""
