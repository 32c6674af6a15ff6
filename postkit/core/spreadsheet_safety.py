"""Text written to a spreadsheet that no spreadsheet program runs as a formula.

Every exporter writes text through here: the activity and survey workbooks through
`xlsx_text_cell`, every CSV through `postkit.core.csv_files.csv_writer`, which puts a quote in
front of text starting with one of `FORMULA_TRIGGERS` (OWASP's "CSV Injection"). Headquarters'
summary workbook writes its text as inline strings, which are never formulas.
"""

from __future__ import annotations

from typing import Any

from openpyxl.cell import WriteOnlyCell

# Text starting with one of these is a formula to Excel or LibreOffice.
FORMULA_PREFIXES = ("=", "+", "-", "@")
# OWASP CSV Injection: the first characters that make a spreadsheet read a CSV cell as a formula.
FORMULA_TRIGGERS = (*FORMULA_PREFIXES, "\t", "\r", "\n")


def xlsx_text_cell(sheet: Any, value: str) -> object:
    """`value` for a write-only sheet: as it is, or as a cell typed as text when it starts
    like a formula (openpyxl would otherwise store it as one)."""
    if value.startswith(FORMULA_PREFIXES):
        cell = WriteOnlyCell(sheet, value)
        cell.data_type = "s"
        return cell
    return value
