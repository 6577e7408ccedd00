"""The GraphQL API for integrators (LMS, HRIS, BI): see docs/integrators.md."""

from service.graphql.app import create_graphql_app

__all__ = ["create_graphql_app"]
