"""The database: models, migrations, and the operations the CLI and the UI share."""
