"""The activity log: list, editor and dashboard."""
