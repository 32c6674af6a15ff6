"""Makes activiteiten_2025_nairobi.xlsx: a post's own activity list as kept by hand in 2025.

Run from the repository root: python tests/data/make_activiteiten_2025.py. The layout is the
post's own (a title row, Dutch headers, a formula total, dates typed in several ways), not a
postkit export; tests/core/test_activity_spreadsheet_import.py reads it.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Font

HEADERS = [
    "Datum", "Kerntaak", "Activiteit", "Soort activiteit", "Land", "Sector", "Thema's",
    "Partners", "Aantal bedrijven", "Namen bedrijven", "Vrouwen", "Mannen", "Onbekend",
    "Totaal", "Resultaat", "Vervolgacties", "Opmerkingen",
]  # fmt: skip

ROWS = [
    [date(2025, 1, 21), "1 - Expertise", "Training IMVO-risico's voor het postteam", "Training",
     "Kenia", "", "Gepaste zorgvuldigheid (due diligence)", "IMVO-steunpunt RVO", 0, "",
     4, 3, 0, None, "Team kent de OESO-richtlijnen", "", "Online, twee ochtenden"],
    ["15-04-2025", "2 - Bewustwording", "Seminar leefbaar loon in de sierteelt",
     "Seminar of evenement", "Kenia", "Sierteelt", "Leefbaar loon; Gender",
     "Kenya Flower Council", "12", "Bloemenkwekerij Naivasha B.V.; Rosa Export Ltd", 18, 14,
     1, None, "Drie kwekers vragen een vervolggesprek", "Vervolgsessie in juni", ""],
    ["3/6/2025", "Ondersteuning", "Adviesgesprek kinderarbeid in de koffieketen",
     "bedrijfsadvies", "Oeganda", "Koffie en thee", "Kinderarbeid", "", 1,
     "Bloemenkwekerij Naivasha B.V.", 1, 1, 0, None, "Verwezen naar het IMVO-steunpunt", "",
     ""],
    ["2025-09-12", "KT4", "Handelsmissie agrofood: IMVO-voorwaarden toegepast",
     "Handelsmissie", "Tanzania", "Landbouw en voedsel, Groente en fruit",
     "Gepaste zorgvuldigheid (due diligence)", "RVO", 9, "", 6, 11, 0, None,
     "Negen verklaringen ondertekend", "", "Twee zelfscans nagevraagd"],
    ["12 mei 2025", "5", "Dialoog met het ministerie van Arbeid over vakbondsvrijheid",
     "Stakeholderdialoog", "Kenia", "", "Vrijheid van vakvereniging", "EU-delegatie; ILO", 0,
     "", 2, 3, 0, None, "Gezamenlijke verklaring EU-ambassades", "Opvolging in Q4", ""],
    [date(2025, 11, 4), "2", "Nieuwsbrief: CSDDD stand van zaken", "Publicatie", "", "",
     "Gepaste zorgvuldigheid (due diligence)", "", "1.250", "", 0, 0, 0, None, "", "",
     "Verstuurd aan 1.250 abonnees"],
]  # fmt: skip


def make(path: Path) -> None:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Activiteiten 2025"
    sheet.append(["Activiteitenoverzicht IMVO 2025 — Ambassade Nairobi"])
    sheet["A1"].font = Font(bold=True, size=14)
    sheet.append([])
    sheet.append(HEADERS)
    for cell in sheet[3]:
        cell.font = Font(bold=True)
    for number, row in enumerate(ROWS, start=4):
        sheet.append(row)
        sheet.cell(number, 14).value = f"=SUM(K{number}:M{number})"
        if isinstance(row[0], date):
            sheet.cell(number, 1).number_format = "DD-MM-YYYY"
    workbook.save(path)


if __name__ == "__main__":
    make(Path(__file__).with_name("activiteiten_2025_nairobi.xlsx"))
