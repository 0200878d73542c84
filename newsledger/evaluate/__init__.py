"""Scoring predictions against gold annotation files in the seed format."""
