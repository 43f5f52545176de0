"""Every channel a customer reaches us through; one adapter each (``channels/<name>/``),
all ending at ``inbound.receive`` with the same message shape."""
