"""Ofsted's Annex A (Lists 6, 7, 8) made from the same records as a generated SSD.

Run: python benchmarks/generate_annex_a.py OUT.xlsx CHILDREN [--seed N] [--on YYYY-MM-DD]

Each list holds the children whose plan or period of care was open at some time
up to the return's date, with the latest dates only, under the headers of the
Annex A template (as liia-tools' schema spells them), so that the snapshot
audit of this workbook can be held to the SSD's on the same day.
"""

from __future__ import annotations

import argparse
from datetime import date, datetime
from pathlib import Path
from typing import Any

from benchmarks.generate_ssd import Tables, generate_ssd

LIST_6 = ["Child Unique ID", "CIN Start Date", "Date Child Was Last Seen", "CIN Closure Date",
          "Allocated Team", "Allocated Worker"]  # fmt: skip
LIST_7 = ["Child Unique ID", "Child Protection Plan Start Date",
          "Date of the Last Statutory Visit", "Date of latest review conference",
          "Child Protection Plan End Date"]  # fmt: skip
LIST_8 = ["Child Unique ID", "Date Started to be Looked After",
          "Start Date of Most Recent Placement", "Date of Last Social Work Visit",
          "Date of Latest Statutory Review", "Date Ceased to be Looked After"]  # fmt: skip


def _rows(tables: Tables, name: str) -> list[dict[str, Any]]:
    columns = tables[name]
    return [
        dict(zip(columns, values, strict=True)) for values in zip(*columns.values(), strict=True)
    ]


def _latest(rows: list[dict[str, Any]], key: str, day: str, on: date, **where: str) -> dict:
    found: dict[str, datetime] = {}
    for row in rows:
        if row[day] is None or row[day].date() > on:
            continue
        if any(row[c] != v for c, v in where.items()):
            continue
        if row[key] not in found or row[day] > found[row[key]]:
            found[row[key]] = row[day]
    return found


def annex_a_lists(tables: Tables, on: date) -> dict[str, list[list[Any]]]:
    """The three lists as rows (header first), dates as ``date``, from the SSD ``tables``."""

    def day(value: datetime | None) -> date | None:
        return None if value is None or value.date() > on else value.date()

    cin_seen = _latest(_rows(tables, "ssd_cin_visits"), "cinv_person_id", "cinv_cin_visit_date",
                       on, cinv_cin_visit_seen="Y")  # fmt: skip
    list_6: list[list[Any]] = [LIST_6]
    for plan in _rows(tables, "ssd_cin_plans"):
        if day(plan["cinp_cin_plan_start_date"]):
            person = plan["cinp_person_id"]
            list_6.append([person, day(plan["cinp_cin_plan_start_date"]), day(cin_seen.get(person)),
                           day(plan["cinp_cin_plan_end_date"]), plan["cinp_cin_plan_team"],
                           plan["cinp_cin_plan_worker_id"]])  # fmt: skip
    cp_seen = _latest(_rows(tables, "ssd_cp_visits"), "cppv_cp_plan_id", "cppv_cp_visit_date", on,
                      cppv_cp_visit_seen="Y")  # fmt: skip
    reviews = _latest(_rows(tables, "ssd_cp_reviews"), "cppr_cp_plan_id", "cppr_cp_review_date", on)
    list_7: list[list[Any]] = [LIST_7]
    for plan in _rows(tables, "ssd_cp_plans"):
        key = plan["cppl_cp_plan_id"]
        if day(plan["cppl_cp_plan_start_date"]):
            list_7.append([plan["cppl_person_id"], day(plan["cppl_cp_plan_start_date"]),
                           day(cp_seen.get(key)), day(reviews.get(key)),
                           day(plan["cppl_cp_plan_end_date"])])  # fmt: skip
    cla_seen = _latest(_rows(tables, "ssd_cla_visits"), "clav_cla_id", "clav_cla_visit_date", on,
                       clav_cla_visit_seen="Y")  # fmt: skip
    placed = _latest(_rows(tables, "ssd_cla_placement"), "clap_cla_id",
                     "clap_cla_placement_start_date", on)  # fmt: skip
    reviewed = _latest(_rows(tables, "ssd_cla_reviews"), "clar_cla_id", "clar_cla_review_date", on,
                       clar_cla_review_cancelled="N")  # fmt: skip
    list_8: list[list[Any]] = [LIST_8]
    care_leavers = set(tables["ssd_care_leavers"]["clea_person_id"])
    for episode in _rows(tables, "ssd_cla_episodes"):
        key = episode["clae_cla_id"]
        if episode["clae_person_id"] in care_leavers or not day(episode["clae_entered_care_date"]):
            continue
        list_8.append([episode["clae_person_id"], day(episode["clae_entered_care_date"]),
                       day(placed.get(key)), day(cla_seen.get(key)), day(reviewed.get(key)),
                       day(episode["clae_cla_episode_ceased_date"])])  # fmt: skip
    return {"List 6 - Children in need": list_6, "List 7 - Child protection": list_7,
            "List 8 - Children in care": list_8}  # fmt: skip


def write_annex_a(tables: Tables, on: date, path: Path) -> None:
    """Write the workbook: one tab per list, a title row above the headers as templates have."""
    import openpyxl

    book = openpyxl.Workbook()
    book.remove(book.active)
    for title, rows in annex_a_lists(tables, on).items():
        sheet = book.create_sheet(title)
        sheet.append([f"Annex A {title} (return date {on.strftime('%d/%m/%Y')})"])
        for row in rows:
            sheet.append(row)
    book.save(path)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("children", type=int)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--on", type=date.fromisoformat, default=date(2026, 1, 9))
    args = parser.parse_args()
    write_annex_a(generate_ssd(args.children, until=args.on, seed=args.seed), args.on, args.out)


if __name__ == "__main__":
    main()
