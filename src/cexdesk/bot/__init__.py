"""The 7x24 bot: the intent engine (intents.py) and its command (cli.py)."""
