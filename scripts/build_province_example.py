"""Build examples/province/directory.yaml: `directory bootstrap --province "Nghệ An"` plus made-up officers
and outbox:// contacts (dondoc.app.province_example). Run from the repository root:
    PYTHONPATH=src python scripts/build_province_example.py"""

from __future__ import annotations

from pathlib import Path

import pendulum
from sqlmodel import Session, SQLModel, create_engine

import dondoc.models  # noqa: F401
from dondoc.app.province_example import PROVINCE, build
from dondoc.config import Settings
from dondoc.directory.export import dump_directory, to_yaml

OUT = Path(__file__).resolve().parents[1] / "examples" / "province" / "directory.yaml"


def main() -> None:
    engine = create_engine("sqlite://")
    SQLModel.metadata.create_all(engine)
    with Session(engine) as session:
        build(session, province=PROVINCE, now=pendulum.datetime(2025, 9, 1, tz="Asia/Ho_Chi_Minh"))
        session.commit()
        data = dump_directory(session, settings=Settings())
    header = (f"# Example province directory: {PROVINCE} after the 2025 reorganisation, built by\n"
              "# scripts/build_province_example.py (`dondoc directory bootstrap` + made-up officers, outbox:// contacts).\n")
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(header + to_yaml(data), encoding="utf-8")
    print(f"{OUT}: {len(data.rows['units'])} units, {len(data.rows['officers'])} officers")


if __name__ == "__main__":
    main()
