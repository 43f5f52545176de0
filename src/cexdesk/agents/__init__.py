"""Agents, teams, tiers, skills, presence, capacity; their sign-in sessions and API tokens."""
