"""Surveys: run an XLSForm survey at the post, keep drafts, submit and export responses."""
