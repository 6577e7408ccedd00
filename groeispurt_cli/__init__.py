"""The `groeispurt` command: the entry point, above the web app and the service.

It is the one package that may import both `web` (to serve the pages) and
`service` (for everything else); see the layers in pyproject.toml.
"""
