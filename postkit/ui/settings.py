"""UI state kept between sessions, declared once with its type and default (QSettings)."""

from __future__ import annotations

from typing import Any, Generic, NamedTuple, TypeVar

from PySide6.QtCore import QByteArray, QLocale, QSettings

T = TypeVar("T")

SETTINGS_VERSION = 1


class Setting(NamedTuple, Generic[T]):  # not a dataclass: dataclasses loads slowly at start
    key: str
    kind: type
    default: T


GEOMETRY = Setting[QByteArray]("window/geometry", QByteArray, QByteArray())
WINDOW_STATE = Setting[QByteArray]("window/state", QByteArray, QByteArray())
LAST_MODULE = Setting[str]("window/last_module", str, "activities")
ACTIVITY_COLUMNS = Setting[QByteArray]("activities/header_state", QByteArray, QByteArray())
LAST_ATTACH_FOLDER = Setting[str]("files/last_attach_folder", str, "")
# A sanctions list published longer ago than this is flagged where a screening starts.
LIST_MAX_AGE_DAYS = Setting[int]("screening/list_max_age_days", int, 30)


def system_language() -> str:
    return "nl" if QLocale.system().language() == QLocale.Language.Dutch else "en"


LANGUAGE = Setting[str]("ui/language", str, "")


class Settings:
    """Typed access to the application's QSettings."""

    def __init__(self, store: QSettings | None = None) -> None:
        self._store = store or QSettings()
        if int(self._store.value("settings_version", 0)) < SETTINGS_VERSION:
            self._store.setValue("settings_version", SETTINGS_VERSION)

    def get(self, setting: Setting[T]) -> T:
        value: Any = self._store.value(setting.key, setting.default)
        if setting.kind is QByteArray:
            return value if isinstance(value, QByteArray) else setting.default
        try:
            return setting.kind(value)  # type: ignore[no-any-return]
        except (TypeError, ValueError):
            return setting.default

    def set(self, setting: Setting[T], value: T) -> None:
        self._store.setValue(setting.key, value)

    @property
    def language(self) -> str:
        return self.get(LANGUAGE) or system_language()

    def sync(self) -> None:
        self._store.sync()
