"""Placeholder: filled in below."""

from starlette.routing import Route

routes: list[Route] = []
