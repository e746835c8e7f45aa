# The app's image: gunicorn by default; the same image runs the task workers, cron commands and
# releases (`python manage.py …`). docs/deploy.md describes the layout and every setting.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    DJANGO_SETTINGS_MODULE=cms.settings.production

# GNU gettext's msgfmt compiles the translation catalogs (manage.py build_catalogs).
RUN apt-get update \
    && apt-get install -y --no-install-recommends gettext \
    && rm -rf /var/lib/apt/lists/*

RUN groupadd --system app \
    && useradd --system --gid app --home-dir /app --no-create-home --shell /usr/sbin/nologin app

WORKDIR /app

# Dependencies first: this layer is rebuilt only when requirements.txt changes.
COPY requirements.txt ./
RUN pip install -r requirements.txt

# The code belongs to root and is read-only to the app; only var/ (local files, static) is its own.
COPY . .
# The build needs a SECRET_KEY to load the production settings; this one is used for nothing else.
RUN SECRET_KEY=image-build-only python manage.py build_catalogs --verbosity 0 \
    && SECRET_KEY=image-build-only python manage.py collectstatic --noinput --verbosity 0 \
    && mkdir -p var/media var/documents \
    && chown -R app:app var

USER app

EXPOSE 8000

# gunicorn reads WEB_CONCURRENCY (workers: 2 × cores + 1, at most (RAM − 1 GB) / 256 MB) and
# GUNICORN_CMD_ARGS; the timeout covers a 50 MB upload and its PDF check (30 s).
ENV WEB_CONCURRENCY=3 \
    GUNICORN_CMD_ARGS="--timeout 90 --graceful-timeout 30 --access-logfile -"
CMD ["gunicorn", "cms.wsgi:application", "--bind", "0.0.0.0:8000"]
