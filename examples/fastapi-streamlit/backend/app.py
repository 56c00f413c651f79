"""FastAPI backend. The ALB forwards /api/* unchanged, so routes live under /api; /health is for ECS."""
import os

from fastapi import FastAPI

app = FastAPI(title="fastapi-streamlit backend")


@app.get("/health")
def health() -> dict:
    """Container health check (ECS healthCheck and Docker HEALTHCHECK)."""
    return {"status": "ok"}


@app.get("/api/health")
def public_health() -> dict:
    """The same check through the load balancer, polled by the workflow after each deploy."""
    return {"status": "ok", "environment": os.environ.get("APP_ENV", "local")}


@app.get("/api/greeting")
def greeting(name: str = "world") -> dict:
    return {"message": f"Hello, {name}!"}
