"""Headquarters: aggregating the survey exports of many posts into one picture."""
