"""Only for `scrapyd-deploy`, which builds an egg with `setup.py bdist_egg`: everything is
declared in pyproject.toml (packages, data files, the `scrapy` settings entry point)."""

from setuptools import setup

setup()
