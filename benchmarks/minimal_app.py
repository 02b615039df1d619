"""The reference: a minimal Typer app that imports typer, rich and yaml and prints one small table."""

import typer
import yaml
from rich.console import Console
from rich.table import Table

app = typer.Typer()


@app.command()
def main() -> None:
    data = yaml.safe_load("roles: [{id: a, low: 1, high: 2}, {id: b, low: 3, high: 4}]")
    table = Table("id", "low", "high")
    for row in data["roles"]:
        table.add_row(row["id"], str(row["low"]), str(row["high"]))
    Console().print(table)


if __name__ == "__main__":
    app()
