"""End users, their identities on each channel, VIP tier, KYC state and language."""
