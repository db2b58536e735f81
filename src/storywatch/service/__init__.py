"""Application operations shared by the web API and the CLI, one module per resource."""
