"""Surveys: XLSForm definitions, the expression language, responses and their export."""
