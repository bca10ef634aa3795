"""One spider per portal platform; shared behaviour in `base.PortalSpider`."""
