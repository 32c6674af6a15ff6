"""The post's company register: the companies and organisations it works with, and contacts."""
