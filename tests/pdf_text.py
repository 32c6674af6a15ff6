"""Reading back the text of the PDFs postkit writes (pypdf, so no system tools are needed)."""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader


def pdf_lines(path: Path) -> list[str]:
    """The lines of text on the PDF's pages, page by page, stripped."""
    lines: list[str] = []
    for page in PdfReader(path).pages:
        lines += [line.strip() for line in page.extract_text().splitlines() if line.strip()]
    return lines


def pdf_text(path: Path) -> str:
    return "\n".join(pdf_lines(path))
