"""Misdeposit recovery: classification (engine.py) and the evidence it is decided on."""
