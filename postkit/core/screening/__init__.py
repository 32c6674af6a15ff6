"""Screening business partners against sanctions lists for the IMVO conditions."""
