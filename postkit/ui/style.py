"""One look everywhere: the Fusion style, with a light or dark palette that follows the system."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

Role = QPalette.ColorRole
Group = QPalette.ColorGroup

ACCENT = "#2f6fbf"
_FOLLOWS_SYSTEM = "postkit_follows_color_scheme"
# Set by create_application on an app it started with "-style fusion": Qt made the style then,
# and asking for it from Python costs a few milliseconds of every start.
STARTED_WITH_FUSION = "postkit_started_with_fusion"

# Fusion's own light palette (its standardPalette(), which a test compares), so it is set
# without asking the style for it; selections in postkit's accent, and placeholder and
# visited-link text darker than Fusion's, which fall short of WCAG AA contrast (4.5:1).
LIGHT_COLORS: dict[Role, str] = {
    Role.Window: "#efefef",
    Role.WindowText: "#000000",
    Role.Base: "#ffffff",
    Role.AlternateBase: "#f7f7f7",
    Role.ToolTipBase: "#ffffdc",
    Role.ToolTipText: "#000000",
    Role.PlaceholderText: "#686868",
    Role.Text: "#000000",
    Role.Button: "#efefef",
    Role.ButtonText: "#000000",
    Role.BrightText: "#ffffff",
    Role.Light: "#ffffff",
    Role.Midlight: "#cacaca",
    Role.Mid: "#b8b8b8",
    Role.Dark: "#9f9f9f",
    Role.Shadow: "#767676",
    Role.Highlight: ACCENT,
    Role.HighlightedText: "#ffffff",
    Role.Link: "#0000ff",
    Role.LinkVisited: "#9c169c",
    Role.Accent: ACCENT,
}
LIGHT_DISABLED: dict[Role, str] = {
    Role.WindowText: "#bebebe",
    Role.Text: "#bebebe",
    Role.ButtonText: "#bebebe",
    Role.Base: "#efefef",
    Role.Dark: "#bebebe",
    Role.Shadow: "#b1b1b1",
    Role.Highlight: "#919191",
    Role.Accent: "#919191",
}

# Every role that Fusion paints with, so no light colour of the system palette shows through.
DARK_COLORS: dict[Role, str] = {
    Role.Window: "#2b2d30",
    Role.WindowText: "#e4e4e4",
    Role.Base: "#1f2023",
    Role.AlternateBase: "#27292c",
    Role.ToolTipBase: "#3a3d41",
    Role.ToolTipText: "#e4e4e4",
    Role.PlaceholderText: "#9c9ea3",
    Role.Text: "#e4e4e4",
    Role.Button: "#35373b",
    Role.ButtonText: "#e4e4e4",
    Role.BrightText: "#ff7b72",
    Role.Light: "#4b4e53",
    Role.Midlight: "#3f4246",
    Role.Mid: "#2e3034",
    Role.Dark: "#1b1c1f",
    Role.Shadow: "#0c0c0d",
    Role.Highlight: ACCENT,
    Role.HighlightedText: "#ffffff",
    Role.Link: "#7db3ff",
    Role.LinkVisited: "#c4a5ff",
    Role.Accent: ACCENT,
}
DARK_DISABLED: dict[Role, str] = {
    Role.WindowText: "#7b7e83",
    Role.Text: "#7b7e83",
    Role.ButtonText: "#7b7e83",
    Role.PlaceholderText: "#5f6166",
    Role.Highlight: "#45484d",
    Role.HighlightedText: "#a0a2a6",
    Role.Button: "#303236",
}


def light_palette() -> QPalette:
    """Fusion's own light palette, with postkit's accent for selections."""
    return _palette(LIGHT_COLORS, LIGHT_DISABLED)


def dark_palette() -> QPalette:
    return _palette(DARK_COLORS, DARK_DISABLED)


def _palette(colors: dict[Role, str], disabled: dict[Role, str]) -> QPalette:
    palette = QPalette()
    for role, color in colors.items():
        palette.setColor(role, QColor(color))
    for role, color in disabled.items():
        palette.setColor(Group.Disabled, role, QColor(color))
    return palette


def is_dark(palette: QPalette | None = None) -> bool:
    """Whether text is light on dark (for widgets that choose their own colours)."""
    palette = palette or QGuiApplication.palette()
    return palette.color(Role.Window).lightness() < palette.color(Role.WindowText).lightness()


def apply_scheme(app: QApplication, scheme: Qt.ColorScheme) -> None:
    """Set the palette for `scheme`; an unknown scheme is taken as light."""
    app.setPalette(dark_palette() if scheme == Qt.ColorScheme.Dark else light_palette())
    # A widget with a style sheet (and the widgets inside it) keeps the palette it was
    # polished with: a tree padded by one stayed white after a switch to dark. Setting the
    # sheet again polishes it with the new palette.
    for widget in app.allWidgets():
        sheet = widget.styleSheet()
        if sheet:
            widget.setStyleSheet(sheet)


def apply_look(app: QApplication) -> None:
    """Fusion, with the palette of the system's colour scheme, switched live when it changes.

    Call once, before the first window is built. High DPI needs nothing more: Qt 6 scales by the
    screen's exact factor, and postkit's icons are drawn at device resolution.
    """
    if not app.property(STARTED_WITH_FUSION):
        app.setStyle("Fusion")
    hints = app.styleHints()
    apply_scheme(app, hints.colorScheme())
    if not app.property(_FOLLOWS_SYSTEM):
        app.setProperty(_FOLLOWS_SYSTEM, True)
        hints.colorSchemeChanged.connect(lambda scheme: apply_scheme(app, scheme))


def scaled_font(font: QFont, factor: float) -> QFont:
    """A copy of `font`, `factor` times as large (headings, the trainers' presentation view)."""
    scaled = QFont(font)
    if font.pointSizeF() > 0:
        scaled.setPointSizeF(font.pointSizeF() * factor)
    else:
        scaled.setPixelSize(max(1, round(font.pixelSize() * factor)))
    return scaled
