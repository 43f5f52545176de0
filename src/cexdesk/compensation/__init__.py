"""Compensation: batches of payouts for losses the platform caused."""
