"""Demo content: a realistic municipality in sq/sr/en, built from factories.

Each app contributes a loader (``load(ctx)``) listed in
``home.management.commands.load_demo_data.LOADERS``; each loader is idempotent
(it looks things up by slug before creating them) and reports progress.
"""

import random as random_module
from collections.abc import Callable
from dataclasses import dataclass, field

from faker import Faker

SEED = 2015  # the year of the office's work plan


@dataclass
class DemoContext:
    write: Callable[[str], None]
    random: random_module.Random = field(default_factory=lambda: random_module.Random(SEED))
    faker: Faker = field(default_factory=lambda: _seeded_faker())
    created: dict = field(default_factory=dict)

    def count(self, label, created):
        if created:
            self.created[label] = self.created.get(label, 0) + 1


def _seeded_faker():
    faker = Faker("en_US")
    faker.seed_instance(SEED)
    return faker
