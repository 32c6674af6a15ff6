"""Errors a user can cause; each carries a sentence fit to show as it is."""

from __future__ import annotations


class PostkitError(Exception):
    """An error caused by input or circumstances, not by a bug in postkit."""


class DatabaseError(PostkitError):
    """The database cannot be opened or is of a version postkit cannot use."""


class ValidationError(PostkitError):
    """A record has a field with a value that is not allowed."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field
        self.reason = message


class NotFoundError(PostkitError):
    """A record that was asked for does not exist (any more)."""


class CancelledError(PostkitError):
    """The user cancelled a long-running job."""

    def __init__(self) -> None:
        super().__init__("cancelled")
