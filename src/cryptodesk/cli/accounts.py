"""Accounts: agents for the console, identity tokens for the exchange's customers."""

from __future__ import annotations

import time

import typer

from .. import credentials
from ..config import Settings
from ..domain.agents import Role
from ..services import agents as agent_services
from .common import desk, emit, run

agent_app = typer.Typer(help="Support agents.", no_args_is_help=True)
customer_app = typer.Typer(help="The exchange's customers.", no_args_is_help=True)


def register(app: typer.Typer) -> None:
    app.add_typer(agent_app, name="agent")
    app.add_typer(customer_app, name="customer")


@agent_app.command("create")
def agent_create(
    username: str,
    name: str = typer.Option(..., "--name", help="display name"),
    email: str = typer.Option(..., help="work email"),
    role: Role = typer.Option(Role.AGENT, help="agent, supervisor or admin"),
    team: str = typer.Option("support", help="support, wallet-ops, security, compliance..."),
    password: str = typer.Option(
        ..., prompt=True, hide_input=True, confirmation_prompt=True,
        envvar="CRYPTODESK_NEW_AGENT_PASSWORD", help="asked for when not given",
    ),
    totp: bool = typer.Option(True, help="enrol an authenticator (always on for admins)"),
) -> None:
    """Create an agent and print their authenticator enrolment."""
    with desk() as d:
        created = run(d, agent_services.create_agent, d.hasher, username=username,
                      display_name=name, email=email, password=password, role=role, team=team,
                      now=d.now(), with_totp=totp)
    typer.echo(f"agent {created.agent.username} created ({created.agent.role}, {team})")
    if created.totp_secret:
        typer.echo(f"authenticator secret: {created.totp_secret}")
        typer.echo(f"enrolment URI: {credentials.totp_uri(created.totp_secret, username)}")


@customer_app.command("token")
def customer_token(
    ref: str,
    hours: int = typer.Option(1, min=1, max=24 * 30, help="validity"),
    name: str | None = typer.Option(None, help="display name to pass along"),
    lang: str | None = typer.Option(None, help="zh or en"),
    json_out: bool = typer.Option(False, "--json", help="one JSON object"),
) -> None:
    """Sign an identity token for a customer, as the exchange's back end would."""
    secret = Settings().identity_secret.get_secret_value()
    identity = credentials.CustomerIdentity(ref, int(time.time()) + hours * 3600, name, None, lang)
    token = credentials.sign_identity(secret, identity)
    if json_out:
        emit({"ref": ref, "expires": identity.expires, "token": token})
    else:
        typer.echo(token)
