# capcom: one image for every shard process (see compose.yaml and README "Running a fleet").
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_DISABLE_PIP_VERSION_CHECK=1
WORKDIR /app

# Dependencies first (cached while only the code changes); psycopg comes as a binary wheel.
COPY pyproject.toml README.md ./
COPY bot/__init__.py bot/
COPY knowledge/__init__.py knowledge/
COPY commands/__init__.py commands/
RUN pip install --no-cache-dir .

COPY bot/ bot/
COPY knowledge/ knowledge/
COPY commands/ commands/
COPY config.yaml ./
RUN pip install --no-cache-dir --no-deps . && useradd --create-home capcom
USER capcom

# The token comes from the environment (DISCORD_TOKEN) or a secret file (token_file).
ENTRYPOINT ["capcom"]
CMD ["run"]
