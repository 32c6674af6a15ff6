"""What a read annual return holds, as plain frozen records."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class CoreTaskFigures:
    """One core task in one period ("Q1".."Q4" or "year")."""

    core_task: int
    period: str
    activities_done: int
    activities_planned: int
    activities_cancelled: int
    # Named companies counted once plus the unnamed counts, of done activities.
    unique_companies: int
    named_companies: int
    unnamed_companies: int
    participants_women: int
    participants_men: int
    participants_other: int

    @property
    def activities(self) -> int:
        return self.activities_done + self.activities_planned + self.activities_cancelled

    @property
    def participants(self) -> int:
        return self.participants_women + self.participants_men + self.participants_other


@dataclass(frozen=True)
class CodeCount:
    """Done activities of the year under one code (a theme or sector of a core task, or a
    country)."""

    code: str
    activities: int
    core_task: int | None = None


@dataclass(frozen=True)
class ScreeningFigures:
    """Core task 4's screening in one period; no company names."""

    period: str
    requests_received: int
    requests_decided: int
    outcomes: dict[str, int]
    conditions_agreed: int
    conditions_met: int
    conditions_not_met: int
    conditions_dropped: int
    conditions_open: int


@dataclass(frozen=True)
class PracticeEntry:
    title: str
    summary: str
    core_tasks: tuple[int, ...]
    themes: tuple[str, ...]
    language: str


@dataclass(frozen=True)
class AnnualReturn:
    """A return as read (and checked) by `format.read_return`."""

    path: Path
    file_sha256: str  # of the file's bytes: what a receipt names
    sha256: str  # of the content, as the meta sheet states it
    post: str
    post_code: str
    year: int
    postkit_version: str
    schema_version: str
    written_at: str
    core_tasks: tuple[CoreTaskFigures, ...]
    themes: tuple[CodeCount, ...]
    sectors: tuple[CodeCount, ...]
    countries: tuple[CodeCount, ...]
    screening: tuple[ScreeningFigures, ...]
    practices: tuple[PracticeEntry, ...]
    narrative: dict[str, str] = field(default_factory=dict)

    def figures(self, core_task: int, period: str = "year") -> CoreTaskFigures:
        for row in self.core_tasks:
            if row.core_task == core_task and row.period == period:
                return row
        raise KeyError((core_task, period))

    def screening_of(self, period: str = "year") -> ScreeningFigures:
        for row in self.screening:
            if row.period == period:
                return row
        raise KeyError(period)

    @property
    def active_core_tasks(self) -> tuple[int, ...]:
        """The core tasks with at least one done activity in the year."""
        return tuple(
            row.core_task
            for row in self.core_tasks
            if row.period == "year" and row.activities_done > 0
        )


@dataclass(frozen=True)
class Narrative:
    """What the post writes about its year: results, obstacles, plans."""

    year: int
    results: str = ""
    obstacles: str = ""
    plans: str = ""

    def sections(self) -> dict[str, str]:
        return {"results": self.results, "obstacles": self.obstacles, "plans": self.plans}
