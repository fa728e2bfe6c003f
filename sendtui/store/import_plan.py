"""What an import of settings or people does to each row, worked out before anything is
written: the preview shows it, and `load` writes exactly what it says."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping, Sequence

from sendtui.records import Loaded, Planned
from sendtui.store.rows import differs

NEW, UPDATED, UNCHANGED, SKIPPED = "new", "updated", "unchanged", "skipped"
PROGRESS_EVERY = 50  # rows written between two words to a progress bar
WORDS = {"is_specialist": "specialist", "is_team": "team", "la_name": "local authority",
         "gias_type": "type", "easting": "grid reference", "northing": "grid reference"}


def plan_rows(known: Mapping[str, object], rows: Sequence, key: Callable[[object], str],
              what: Callable[[object], str]) -> list[Planned]:
    """Each row of `rows` (in order) against the stored rows `known` by `key`: new when none
    is stored, unchanged when the file says what the store holds (not stamped), else updated
    (a tombstone is brought back). A key the file gives twice meets what its first row left."""
    after: dict[str, dict] = {}  # key -> the values an earlier row of the file leaves
    planned = []
    for row in rows:
        values, k = row.__dict__, key(row)
        stored = known.get(k)
        if k in after:
            changed = [f for f, v in values.items() if after[k].get(f) != v]
            outcome = UPDATED if changed else UNCHANGED
        elif stored is None:
            changed, outcome = [], NEW
        else:
            changed = [f for f, v in values.items() if getattr(stored, f) != v]
            outcome = UPDATED if differs(stored, values) else UNCHANGED
        back = k not in after and stored is not None and stored.deleted_at is not None
        after[k] = dict(values)
        planned.append(Planned(what(row), outcome, _reason(changed, back)))
    return planned


def _reason(changed: list[str], back: bool) -> str:
    fields = list(dict.fromkeys(WORDS.get(f, f) for f in changed))
    words = ", ".join(fields) + (" changed" if len(fields) else "")
    return "; ".join(w for w in ("removed before: brought back" if back else "", words) if w)


def carry_out(store, s, inspection_id: str, model, known: dict, rows: Sequence,
              planned: Sequence[Planned], key: Callable[[object], str],
              natural_id: Callable[[object], str], progress=None) -> None:
    """Write what `planned` says of each row: a new one inserted (its natural id, unless
    taken), an updated one changed field by field (a tombstone brought back); `progress`
    told how many rows are done, now and then."""
    from sendtui.store.keys import naturals

    ids = iter(naturals(s, model, [natural_id(row) for row, step in zip(rows, planned)
                                   if step.outcome == NEW]))
    for n, (row, step) in enumerate(zip(rows, planned), start=1):
        if step.outcome == NEW:
            known[key(row)] = store.insert(s, None, model(
                id=next(ids), inspection_id=inspection_id, **row.__dict__))
        elif step.outcome == UPDATED:
            with store.change(s, None, known[key(row)]) as stored:
                for field, value in row.__dict__.items():
                    setattr(stored, field, value)
                stored.deleted_at = None
        if progress and n % PROGRESS_EVERY == 0:
            progress(n)


def loaded(planned: Sequence[Planned]) -> Loaded:
    """The counts `load` returns, from the plan it followed."""
    count = Counter(step.outcome for step in planned)
    return Loaded(count[NEW], count[UPDATED], count[UNCHANGED])
