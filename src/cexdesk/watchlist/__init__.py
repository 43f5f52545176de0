"""The supervisors' watch list: conversations at risk before the customer asks for a manager."""
