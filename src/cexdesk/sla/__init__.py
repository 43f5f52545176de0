"""Service levels: policies, business-hour calendars, metric instances and breaches."""
