"""Streamlit frontend; talks to the backend through BACKEND_URL (the ALB's /api prefix)."""
import os

import requests
import streamlit as st

BACKEND_URL = os.environ.get("BACKEND_URL", "http://localhost:8000/api")

st.title("fastapi-streamlit")
name = st.text_input("Your name", "world")
if st.button("Greet"):
    response = requests.get(f"{BACKEND_URL}/greeting", params={"name": name}, timeout=5)
    response.raise_for_status()
    st.success(response.json()["message"])
