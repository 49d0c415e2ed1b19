"""Who owes what (Trách nhiệm của đơn vị): an agency's tasks and obligations, each once, with its role.

The plan names an agency directly in a task's lead (Đơn vị chủ trì) or coordinating (Đơn vị phối
hợp/thực hiện) cell, or through a collective it belongs to ("Sở, ban, ngành tỉnh"). Where a cell is
damaged, a probable reading may name it (``Assignment.probable``): the agency sees that duty too,
flagged as probable, and may report on it. A task can name an agency several ways; it is still one
duty, the strongest: certain before probable, then named as lead, named as coordinator, through a
collective as lead, through a collective as coordinator. Pages, calendars, the report builder,
``new-report`` and the validator all ask these functions.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TypeVar

from partracker.domain.model import Plan, Task
from partracker.domain.schedule import Assessment, Obligation

T = TypeVar("T", Obligation, Assessment)


@dataclass(frozen=True)
class Duty:
    """A task an agency works on: its strongest role, and the collective that names it when not named itself."""

    task: Task
    """The task."""
    role: str
    """``lead`` or ``coordinating``."""
    via: str | None
    """Id of the collective whose cell names the agency, or None when the cell names it directly."""
    assignment: str = "certain"
    """``certain`` when a legible cell names it, ``probable`` when only a probable reading of a damaged cell does."""
    role_certain: bool = True
    """False when the cell's column, lead or coordinating, is uncertain for this agency."""

    @property
    def rank(self) -> int:
        """0 strongest … 7 weakest: certain before probable; then direct lead, direct coordinating, lead via a collective, coordinating via one."""
        return (0 if self.role == "lead" else 1) + (2 if self.via else 0) + (4 if self.assignment == "probable" else 0)


def duties(plan: Plan, agency_id: str) -> tuple[Duty, ...]:
    """Every task the agency works on, once each, in plan order, with its strongest role."""
    return plan.memo(f"duties:{agency_id}", lambda: _duties(plan, agency_id))  # type: ignore[no-any-return]


def _named_in(plan: Plan) -> dict[str, tuple[int, ...]]:
    """For each agency id, the plan-order indexes of the tasks whose cells name it (legibly or probably)."""
    found: dict[str, list[int]] = {}
    for index, task in enumerate(plan.tasks):
        for _, cell in task.cells:
            for named in (cell.agencies, cell.probable_agencies):
                for agency_id in named:
                    places = found.setdefault(agency_id, [])
                    if not places or places[-1] != index:
                        places.append(index)
    return {agency_id: tuple(places) for agency_id, places in found.items()}


def _duties(plan: Plan, agency_id: str) -> tuple[Duty, ...]:
    agency = plan.agency(agency_id)
    collectives = () if agency.is_collective else tuple(c.id for c in plan.collectives_of(agency_id))
    # Only the tasks that name the agency or one of its collectives can give it a duty.
    named_in: dict[str, tuple[int, ...]] = plan.memo("duties:named_in", lambda: _named_in(plan))
    indexes = sorted({i for a in (agency_id, *collectives) for i in named_in.get(a, ())})
    out = []
    tasks = plan.tasks
    for task in (tasks[i] for i in indexes):
        found = []
        for role, cell in task.cells:
            for assignment, named in (("certain", cell.agencies), ("probable", cell.probable_agencies)):
                if agency_id in named:
                    found.append(Duty(task, role, None, assignment, cell.column_certain(agency_id)))
                via = next((c for c in collectives if c in named), None)
                if via is not None:
                    found.append(Duty(task, role, via, assignment, cell.column_certain(via)))
        if found:
            out.append(min(found, key=lambda d: d.rank))
    return tuple(out)


def concerns(plan: Plan, ob: Obligation, agency_id: str, *, with_collectives: bool = True) -> bool:
    """True when ``ob`` is the agency's own, or (by default) a collective's it belongs to.

    A collective's periodic report addressed to the agency itself (Sở Nội vụ receives the
    reports of "Sở, ban, ngành tỉnh") is not its own to send.
    """
    if ob.agency == agency_id:
        return True
    if not with_collectives or ob.agency is None or ob.recipient == agency_id or plan.agency(agency_id).is_collective:
        return False
    return ob.agency in {c.id for c in plan.collectives_of(agency_id)}


def _obligation(item: Obligation | Assessment) -> Obligation:
    return item.obligation if isinstance(item, Assessment) else item


def obligations_of(plan: Plan, items: Iterable[T], agency_id: str, *, with_collectives: bool = True) -> tuple[T, ...]:
    """The obligations (or assessments) an agency owes, one per (year, task, what), in the order given.

    When the agency owes the same thing several ways, the surest is kept: a certain obligation before a
    probable one, then its own before a collective's.
    """
    plan.agency(agency_id)  # an unknown id is an error, not an empty list

    def rank(ob: Obligation) -> tuple[bool, bool]:
        return (ob.assignment != "certain", ob.agency != agency_id)

    chosen: dict[tuple[int, str, str], T] = {}
    order: list[tuple[int, str, str]] = []
    for item in items:
        ob = _obligation(item)
        if not concerns(plan, ob, agency_id, with_collectives=with_collectives):
            continue
        key = (ob.year, ob.task, ob.what)
        if key not in chosen:
            order.append(key)
            chosen[key] = item
        elif rank(ob) < rank(_obligation(chosen[key])):
            chosen[key] = item
    return tuple(chosen[k] for k in order)
