"""The pipeline a new message goes through: redaction, language, bot, classification,
priority, SLA, routing."""
