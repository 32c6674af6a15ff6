"""The IMVO screening of support requests: list, checklist, sanctions, decision and log."""
