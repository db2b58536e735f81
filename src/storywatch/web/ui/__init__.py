"""The web app's pages: Jinja2 templates, a little vanilla JS, the service worker and icons."""
