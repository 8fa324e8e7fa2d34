"""Generators of hostile inputs, made at test time under tmp_path (nothing big or binary is committed)."""
