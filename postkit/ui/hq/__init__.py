"""Headquarters: aggregating the survey exports of the posts into one picture."""
