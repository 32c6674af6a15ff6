"""Errors a user can cause; each carries a sentence fit to show as it is."""

from __future__ import annotations

from typing import Any


class PostkitError(Exception):
    """An error caused by input or circumstances, not by a bug in postkit."""

    def __reduce__(self) -> tuple[Any, ...]:
        # Pickled whole, fields included (a job's child process sends its error back):
        # rebuilt without calling __init__, whose arguments differ from class to class.
        return (_rebuilt, (type(self), self.args, self.__dict__))


def _rebuilt(kind: type[PostkitError], args: tuple[Any, ...], state: dict[str, Any]) -> Any:
    error = kind.__new__(kind, *args)
    error.args = args
    error.__dict__.update(state)
    return error


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
