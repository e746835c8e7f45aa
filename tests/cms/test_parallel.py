"""``make test``'s workers: a file's tests go to one worker, in the suite's order (tests/parallel.py)."""

from types import SimpleNamespace

from xdist.remote import Producer

from tests.parallel import SuiteOrderScheduling, units_in_order


def test_a_file_met_again_later_in_the_order_is_a_unit_of_its_own():
    order = [
        "tests/a/test_x.py::test_in_a_transaction",
        "tests/a/test_x.py::test_another",
        "tests/b/test_y.py::Case::test_method",
        "tests/b/test_y.py::test_param[sq]",
        "tests/c/test_z.py::test_transactional",
        "tests/a/test_x.py::test_flushing",
    ]
    units = units_in_order(order)
    assert [units[nodeid] for nodeid in order] == [
        "tests/a/test_x.py#1",
        "tests/a/test_x.py#1",
        "tests/b/test_y.py#1",
        "tests/b/test_y.py#1",
        "tests/c/test_z.py#1",
        "tests/a/test_x.py#2",
    ]


def test_units_follow_the_order_they_are_met_in():
    units = units_in_order(["b.py::t", "a.py::t", "b.py::u", "a.py::u"])
    assert list(dict.fromkeys(units.values())) == ["b.py#1", "a.py#1", "b.py#2", "a.py#2"]


class Config:
    """What the scheduler reads of pytest's configuration: two workers, units biggest first."""

    def __init__(self):
        self.option = SimpleNamespace(loadscopereorder=True)

    def getvalue(self, name):
        return {"tx": ["popen", "popen"]}[name]


class Worker:
    def __init__(self, name):
        self.gateway = SimpleNamespace(id=name)
        self.sent, self.done, self.shutting_down = [], 0, False

    def send_runtest_some(self, indices):
        self.sent.extend(indices)

    def shutdown(self):
        self.shutting_down = True


def test_each_worker_runs_its_tests_in_the_suites_order():
    # As tests/conftest.py orders them: a big file's flushing test last, after other files.
    order = [f"tests/test_big.py::test_{n}" for n in range(6)]
    order += [f"tests/test_{name}.py::test_{n}" for name in "abcde" for n in range(3)]
    order += ["tests/test_big.py::test_flushing"]
    scheduler = SuiteOrderScheduling(Config(), Producer("scheduler", enabled=False))
    workers = [Worker("gw0"), Worker("gw1")]
    for worker in workers:
        scheduler.add_node(worker)
        scheduler.add_node_collection(worker, order)
    scheduler.schedule()
    while any(worker.done < len(worker.sent) for worker in workers):
        for worker in workers:  # each finishes one test in turn, and is given more as it runs low
            if worker.done < len(worker.sent):
                scheduler.mark_test_complete(worker, worker.sent[worker.done])
                worker.done += 1

    assert sorted(index for worker in workers for index in worker.sent) == list(range(len(order)))
    for worker in workers:
        assert worker.sent == sorted(worker.sent)  # never an earlier test after a later one
    big = next(worker for worker in workers if 0 in worker.sent)
    assert big.sent[:6] == list(range(6))  # the file's tests together on one worker
