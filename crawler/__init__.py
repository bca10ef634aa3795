"""Scrapy project: one spider per portal platform, sites as data, pages into `store/`."""
