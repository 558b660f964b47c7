"""Pure series analytics: casualty series, truce definitions, spikes and data-quality checks.
No Django, no database."""
