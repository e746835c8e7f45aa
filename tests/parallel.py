"""``make test`` on two workers (pytest-xdist's ``--dist loadfile``) in the suite's order.

The suite runs its tests in an order that matters to the database: tests in a
transaction first, then transactional tests, then those marked
``flushes_database`` (a transactional test empties the database when it ends;
see ``pytest_collection_modifyitems`` in ``tests/conftest.py``). Plain
``loadfile`` sends a file's tests together, and the biggest files first: a
file's flushing test would then run before other files' tests on the same
worker, which would find the database empty. Here each run of a file's
consecutive tests in that order is its own unit, and units are handed out in
that order, so each worker keeps it. Each worker has its own test database
(pytest-django adds ``_gw0``, ``_gw1`` to its name).
"""

from xdist.scheduler import LoadFileScheduling


class SuiteOrderScheduling(LoadFileScheduling):
    def schedule(self):
        if self.collection is None:
            self.config.option.loadscopereorder = False
            self._units = units_in_order(next(iter(self.registered_collections.values())))
        super().schedule()

    def _split_scope(self, nodeid):
        return self._units[nodeid]


def units_in_order(nodeids):
    """{nodeid: unit}: a file's consecutive tests share a unit; a file met again starts another."""
    units, previous, runs = {}, None, {}
    for nodeid in nodeids:
        path = nodeid.split("::", 1)[0]
        if path != previous:
            runs[path] = runs.get(path, 0) + 1
            previous = path
        units[nodeid] = f"{path}#{runs[path]}"
    return units
