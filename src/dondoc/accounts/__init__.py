"""Staff accounts: local passwords (argon2), personal access tokens, login throttling, OpenID Connect.

No FastAPI or Typer here: the web console (web/console/) and the CLI (cli/user.py) call these."""
