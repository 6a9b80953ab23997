/**
 * @file
 * @brief Feed autodiscovery: the feeds an HTML page links to with <link rel="alternate">.
 *
 * `<link rel="alternate" type="application/rss+xml" href="…">` (also atom+xml, rdf+xml,
 * feed+json, and JSON Feed's older application/json) in the page, resolved against the page's
 * URL or its <base href>. Parsed with libxml2's HTML parser, as indexer/html_text.cpp does.
 * @see https://www.rssboard.org/rss-autodiscovery
 * @see https://www.jsonfeed.org/version/1.1/ ("Discovery")
 */
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace lede::update {

/// True when the bytes (or the Content-Type) say HTML rather than a feed.
bool looks_like_html(std::string_view bytes, std::string_view media_type);

/// The absolute http(s) feed URLs the page links to, in document order, without duplicates.
std::vector<std::string> discover_feeds(std::string_view html, std::string_view page_url);

}  // namespace lede::update
