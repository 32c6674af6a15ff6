"""The company register as a module of the window."""
