"""Withdrawal screening: the risk rules (engine.py) and, later, security cases."""
