"""Reusable widgets shared by the modules: check lists, charts."""
