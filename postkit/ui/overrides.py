"""`override`, without importing typing_extensions on Python 3.11 at start (about 5 ms).

Type checkers read typing_extensions' decorator; at run time on 3.11 a stand-in does what it
does (marks the method), and on 3.12 and later it is typing's own.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from typing_extensions import override
elif sys.version_info >= (3, 12):
    from typing import override
else:
    _Method = TypeVar("_Method", bound=Callable[..., Any])

    def override(method: _Method, /) -> _Method:
        method.__override__ = True  # as typing's own does, for introspection
        return method


__all__ = ["override"]
