"""The HTMX front end."""
