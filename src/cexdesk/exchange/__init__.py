"""The exchange back office as support sees it: a typed protocol, chains, and a simulation."""
