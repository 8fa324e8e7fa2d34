"""A Streamlit dashboard over the published warehouse snapshot (the optional extra `dashboard`)."""
