"""The application: use cases with their authorisation, settings, GraphQL, CLI."""
