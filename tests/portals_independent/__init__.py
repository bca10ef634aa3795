"""An independent set of portals for crawl tests: 15 small sites of the platform families of
../shared/portals.md (NukeViet default and eGov, Tân Dân "Trang" and "portal/Pages", Liferay
asset publisher and VNPT dsnews, SharePoint Lists, WordPress, Drupal, and the unidentified
families of §7/§7b), written by someone who had not read the spiders, with real-world mess.
`build.build_set()` makes it, `serve.StaticPortals` serves it, `score` crawls and scores it;
README.md has the first-seen scores."""
