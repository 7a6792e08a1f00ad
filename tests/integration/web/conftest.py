from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from sqlalchemy.engine import Engine

from dondoc import clock
from dondoc.config import Settings
from dondoc.web import create_app
from tests.integration.web.server import LiveServer
from tests.integration.web.world import World, build_world


@pytest.fixture
def world(engine: Engine, settings: Settings, frozen_clock: clock.FixedClock) -> World:
    return build_world(engine, settings)


@pytest.fixture
def client(engine: Engine, settings: Settings, world: World) -> Iterator[TestClient]:
    app = create_app(settings, engine)
    with TestClient(app, base_url="http://127.0.0.1:8000") as c:
        yield c


@pytest.fixture
def live_server(engine: Engine, settings: Settings, world: World) -> Iterator[LiveServer]:
    with LiveServer(create_app(settings, engine)) as server:
        yield server
