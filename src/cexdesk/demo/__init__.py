"""Demo data: a support organisation, its customers and a few hundred tickets.

Loaded through the domains' flows (never by writing rows where a flow exists), from
a seeded random generator, so two loads into empty databases give the same desk.
"""
