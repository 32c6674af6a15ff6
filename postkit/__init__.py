"""postkit: the IMVO toolkit for Dutch embassies and consulates."""

__version__ = "0.1.0"
