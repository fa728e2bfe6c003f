"""People CSV: name,role,organisation,email,phone (team optional: yes/no)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from sendtui.domain.contacts import contact_problems
from sendtui.errors import BadFile
from sendtui.importers.csvfile import read_rows, shown
from sendtui.records import PersonRow

INSPECTORATES = {"ofsted", "cqc"}


@dataclass
class PeopleFile:
    people: list[PersonRow] = field(default_factory=list)
    # "row N: …": an email or phone an invitation could not use; the row is still read
    warnings: list[str] = field(default_factory=list)


def read_people(path: Path) -> PeopleFile:
    header, rows = read_rows(path, ("name", "role", "organisation", "email", "phone"))
    has_team = "team" in {h.lower() for h in header}
    result, seen = PeopleFile(), set()
    for row in rows:
        name = " ".join(row.get("name").split())
        if not name:
            raise BadFile(f"{path.name}: row {row.number}, column name: a person needs a name")
        if name.lower() in seen:
            raise BadFile(f"{path.name}: row {row.number}: {name} is listed twice")
        seen.add(name.lower())
        email, phone = row.get("email"), row.get("phone")
        for column, problem in contact_problems(email, phone).items():
            result.warnings.append(f"row {row.number}: {column} {shown(row.get(column))}: "
                                   f"{problem}")
        organisation = row.get("organisation")
        team_text = row.get("team").lower()
        if has_team and team_text not in {"", "yes", "no", "y", "n", "true", "false"}:
            raise BadFile(f"{path.name}: row {row.number}, column team: say yes or no")
        is_team = (team_text in {"yes", "y", "true"} if has_team and team_text
                   else organisation.lower() in INSPECTORATES)
        result.people.append(PersonRow(name, row.get("role"), organisation, email, phone,
                                       is_team))
    return result
