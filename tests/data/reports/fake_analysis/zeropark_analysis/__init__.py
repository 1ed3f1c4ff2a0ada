"""Test stand-in for the real zeropark_analysis package (see ../README.md)."""
