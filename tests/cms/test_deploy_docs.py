"""docs/deploy.md and the deployment recipe (Dockerfile, compose.yaml) stay true to the code."""

import re
from pathlib import Path

import pytest
import yaml
from django.core.management import get_commands

ROOT = Path(__file__).resolve().parents[2]
SETTINGS = sorted((ROOT / "cms" / "settings").glob("*.py"))
DEPLOY = (ROOT / "docs" / "deploy.md").read_text(encoding="utf-8")
COMPOSE = yaml.safe_load((ROOT / "compose.yaml").read_text(encoding="utf-8"))
DOCKERFILE = (ROOT / "Dockerfile").read_text(encoding="utf-8")

# env("X"), env.str("X", …), env.db_url("X"), env.list(\n "X", …), os.environ["X"], os.environ.get("X")…
ENV_CALL = re.compile(r"""\benv(?:\.\w+)?\(\s*["']([A-Z][A-Z0-9_]*)["']""")
OS_ENVIRON = re.compile(r"""os\.environ(?:\.get|\.setdefault|\.pop)?[\[(]\s*["']([A-Z][A-Z0-9_]*)["']""")
# Variables read by prefix (every ANYMAIL_* variable): documented as the prefix followed by "*".
PREFIXES = re.compile(r"""\.startswith\(\s*["']([A-Z][A-Z0-9_]*_)["']""")
# Variables the processes read that are not Django settings.
NOT_SETTINGS = {"DJANGO_SETTINGS_MODULE", "WEB_CONCURRENCY", "GUNICORN_CMD_ARGS"}


def variables_read(pattern):
    found = {}
    for path in SETTINGS:
        for name in pattern.findall(path.read_text(encoding="utf-8")):
            found.setdefault(name, path.name)
    return found


def settings_variables():
    return {**variables_read(ENV_CALL), **variables_read(OS_ENVIRON)}


def _documented_names():
    """Upper-case names written as code in docs/deploy.md: in `spans` and in fenced blocks."""
    blocks = re.findall(r"```.*?```", DEPLOY, re.S)
    spans = re.findall(r"`([^`\n]+)`", re.sub(r"```.*?```", "", DEPLOY, flags=re.S))
    return {name for chunk in [*blocks, *spans] for name in re.findall(r"\b[A-Z][A-Z0-9_]*\b", chunk)}


DOCUMENTED = _documented_names()


def documented(name):
    return name in DOCUMENTED


def test_the_patterns_find_what_the_settings_read():
    # A guard on the test itself: a few variables read in each way, including a call over two lines.
    found = settings_variables()
    for name in ("SECRET_KEY", "DATABASE_URL", "EMAIL_URL", "CSP_FRAME_SOURCES", "PYTEST_XDIST_WORKER"):
        assert name in found
    assert "ANYMAIL_" in variables_read(PREFIXES)
    assert len(found) > 90


@pytest.mark.parametrize("name", sorted(settings_variables()))
def test_every_variable_the_settings_read_is_in_deploy_md(name):
    assert documented(name), (
        f"{name} (read in cms/settings/{settings_variables()[name]}) is not in docs/deploy.md"
    )


@pytest.mark.parametrize("prefix", sorted(variables_read(PREFIXES)))
def test_every_prefix_the_settings_read_is_in_deploy_md(prefix):
    assert f"`{prefix}*`" in DEPLOY


def app_services():
    return {
        name: service
        for name, service in COMPOSE["services"].items()
        if service.get("image", "").startswith("komuna-cms") or "build" in service
    }


def command_words(service):
    command = service.get("command")
    if isinstance(command, list):
        command = " ".join(command)
    return command.split() if command else []


def test_the_compose_file_has_the_production_layout():
    services = COMPOSE["services"]
    for name in ("postgres", "redis", "minio", "migrate", "app", "worker"):
        assert name in services
    assert set(app_services()) == {"migrate", "app", "worker"}
    assert services["worker"]["deploy"]["replicas"] >= 2
    assert services["app"]["depends_on"]["migrate"]["condition"] == "service_completed_successfully"
    assert services["worker"]["depends_on"]["migrate"]["condition"] == "service_completed_successfully"


@pytest.mark.parametrize("service", ["migrate", "app", "worker"])
def test_the_app_services_run_the_production_settings_on_the_shared_parts(service):
    environment = COMPOSE["services"][service]["environment"]
    module = environment["DJANGO_SETTINGS_MODULE"]
    assert module == "cms.settings.production"
    assert (ROOT / Path(*module.split("."))).with_suffix(".py").is_file()
    assert environment["DATABASE_URL"].startswith("postgres://")
    assert environment["DATABASE_URL"].split("@")[1].startswith("postgres:5432/")
    assert environment["CACHE_URL"] == "redis://redis:6379/0"  # shared: cms.E001
    assert environment["AWS_S3_ENDPOINT_URL"] == "http://minio:9000"
    assert environment["AWS_STORAGE_BUCKET_NAME"]


@pytest.mark.parametrize("service", ["migrate", "app", "worker"])
def test_every_variable_given_to_the_app_is_one_the_settings_read(service):
    read = set(settings_variables()) | NOT_SETTINGS
    for name in COMPOSE["services"][service]["environment"]:
        assert name in read, f"{service}: {name} is read by no setting"
        assert documented(name), f"{service}: {name} is not in docs/deploy.md"


@pytest.mark.parametrize("service", ["migrate", "worker"])
def test_the_management_commands_in_compose_exist(service):
    words = command_words(COMPOSE["services"][service])
    commands = [words[index + 1] for index, word in enumerate(words) if word == "manage.py"]
    assert commands
    available = get_commands()
    for command in commands:
        assert command in available, f"{service}: manage.py {command} does not exist"


def test_the_app_service_and_the_image_run_gunicorn_on_the_wsgi_application():
    assert command_words(COMPOSE["services"]["app"])[:2] == ["gunicorn", "cms.wsgi:application"]
    assert 'CMD ["gunicorn", "cms.wsgi:application"' in DOCKERFILE
    assert "DJANGO_SETTINGS_MODULE=cms.settings.production" in DOCKERFILE
    assert (ROOT / "cms" / "wsgi.py").is_file()


def test_the_image_runs_as_an_unprivileged_user_with_catalogs_and_static_files():
    assert DOCKERFILE.startswith("#") and "FROM python:3.11-slim" in DOCKERFILE
    assert re.search(r"^USER app$", DOCKERFILE, re.M)
    assert DOCKERFILE.index("USER app") > DOCKERFILE.index("collectstatic")
    assert "gettext" in DOCKERFILE and "build_catalogs" in DOCKERFILE
    assert "pip install -r requirements.txt" in DOCKERFILE
    ignored = (ROOT / ".dockerignore").read_text(encoding="utf-8").split()
    for secret_or_state in (".env", ".git", ".venv", "var"):
        assert secret_or_state in ignored


def commands_in_deploy_md():
    return set(re.findall(r"manage\.py ([a-z_]+)", DEPLOY))


@pytest.mark.parametrize("command", sorted(commands_in_deploy_md()))
def test_every_command_in_deploy_md_exists(command):
    assert command in get_commands(), f"docs/deploy.md names manage.py {command}, which does not exist"


@pytest.mark.parametrize(
    "command",
    [
        "publish_scheduled",
        "send_due_notices",
        "send_acknowledgements",
        "notify_translation_deadlines",
        "send_subscriptions",
        "send_citizens_digest",
        "anonymise_citizen_messages",
    ],
)
def test_every_scheduled_command_is_in_the_cron_table(command):
    cron = DEPLOY.split("```cron", 1)[1].split("```", 1)[0]
    assert re.search(rf"^\S+\s+\S+\s+\S+\s+\S+\s+\S+\s+.*manage\.py {command}\b", cron, re.M)
