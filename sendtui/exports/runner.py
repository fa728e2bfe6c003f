"""One export from start to finish, for the command line and the Export dialog alike.

Reading the store and writing the audit log are handed in as functions: the exports stay
pure functions of a Briefing and never import the store.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sendtui.exports import ExportRequest, render, write
from sendtui.files import check_output
from sendtui.records import Briefing


@dataclass(frozen=True)
class Exported:
    path: Path | None  # None when written to stdout
    size: int  # bytes


def run(request: ExportRequest, target: str | Path, gather: Callable[[], Briefing],
        record: Callable[[str, str], None], overwrite: bool = False) -> Exported:
    """Render what `gather()` reads (a Briefing) and write it to `target` ('-' for stdout);
    when names and case references are included, `record(action, detail)` notes where."""
    if str(target) != "-":
        check_output(target, overwrite)  # refused before the work, not after
    data = render(gather(), request)
    path = write(target, data, overwrite=overwrite)
    if request.include_sensitive:
        record(f"{request.what} {request.fmt} exported with names and case references",
               path.name if path else "to stdout")
    return Exported(path, len(data))
