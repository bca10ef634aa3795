"""`cchc sites detect`: which platform a homepage looks like (example table)."""

from __future__ import annotations

import pytest

from crawler.detect import detect_platform, load_signatures

CASES = [
    ('<html><head><meta name="generator" content="NukeViet v4.5"></head>'
     '<a href="/news/cai-cach-hanh-chinh/hop-ban-12.html">x</a></html>', "nukeviet"),
    ('<a href="/Trang/ChiTietTinTuc.aspx?nid=13066&title=a.html">Tin</a>'
     '<img src="/HinhAnhBaiViet/a.jpg">', "trang"),
    ('<div class="tandan-p-article-news-title"><a href="/portal/Pages/2024-5-17/De-cuong-CAhvbq96.aspx">'
     'x</a></div>', "portal_pages"),
    ('<div id="p_p_id_dsnews_WAR_vnpteportalnewsportlet_INSTANCE_ab12_">'
     '<a href="/web/trang-chu/tin-tuc/a.html">x</a></div>', "liferay"),
    ('<span>Skip Ribbon Commands</span><a href="/Lists/TinTuc/View_Detail.aspx?ItemID=70">x</a>',
     "sharepoint_lists"),
    ('<meta name="generator" content="WordPress 6.5"><link href="/wp-content/themes/x.css">',
     "wordpress"),
    ('<meta name="generator" content="Joomla! - Open Source Content Management">', "joomla"),
    ('<meta name="Generator" content="Drupal 9 (https://www.drupal.org)">', "drupal"),
    ('<link rel="stylesheet" href="/sites/default/files/css/css_a1.css">'
     '<a href="/index.php/node/782">Hội nghị</a>', "drupal"),
    ("<html><body><p>Trang chủ xã</p><a href='/tin-tuc/a.html'>a</a></body></html>", "generic"),
]


@pytest.mark.parametrize(("html", "platform"), CASES)
def test_detect_platform(html: str, platform: str) -> None:
    assert detect_platform(html).platform == platform


def test_detection_names_its_evidence() -> None:
    result = detect_platform('<meta name="generator" content="NukeViet v4.5">')
    assert result.evidence and "NukeViet" in result.evidence[0]


def test_signature_table_loads() -> None:
    assert {s.platform for s in load_signatures()} >= {"nukeviet", "trang", "liferay"}


def test_every_replica_home_page_is_detected_as_its_spider() -> None:
    """Each platform of the replica (incl. portal/Pages, SharePoint Lists and the unknown-CMS
    sites) is recognised from its home page, and the answer names an existing spider."""
    from scrapy.spiderloader import SpiderLoader

    from cchc.crawl import project_settings
    from replica import build_replica

    spiders = set(SpiderLoader.from_settings(project_settings()).list())
    replica = build_replica(seed=0)
    for spec in replica.sites:
        site = replica.site(spec.id)
        url = site.url(site.home_path())
        found = detect_platform(replica.fetch(url)[2].decode("utf-8"), url).platform
        assert found == spec.platform, spec.id
        assert found in spiders
