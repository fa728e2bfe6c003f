"""People CSV: name,role,organisation,email,phone (team optional: yes/no)."""

from __future__ import annotations

from pathlib import Path

from sendtui.errors import BadFile
from sendtui.importers.csvfile import read_rows, shown
from sendtui.records import PersonRow

INSPECTORATES = {"ofsted", "cqc"}


def read_people(path: Path) -> list[PersonRow]:
    header, rows = read_rows(path, ("name", "role", "organisation", "email", "phone"))
    has_team = "team" in {h.lower() for h in header}
    people, seen = [], set()
    for row in rows:
        name = " ".join(row.get("name").split())
        if not name:
            raise BadFile(f"{path.name}: row {row.number}, column name: a person needs a name")
        if name.lower() in seen:
            raise BadFile(f"{path.name}: row {row.number}: {name} is listed twice")
        seen.add(name.lower())
        email = row.get("email")
        if email and ("@" not in email or " " in email):
            raise BadFile(f"{path.name}: row {row.number}, column email: {shown(email)} "
                          "is not an email address")
        organisation = row.get("organisation")
        team_text = row.get("team").lower()
        if has_team and team_text not in {"", "yes", "no", "y", "n", "true", "false"}:
            raise BadFile(f"{path.name}: row {row.number}, column team: say yes or no")
        is_team = (team_text in {"yes", "y", "true"} if has_team and team_text
                   else organisation.lower() in INSPECTORATES)
        people.append(PersonRow(name, row.get("role"), organisation, email, row.get("phone"),
                                is_team))
    return people
