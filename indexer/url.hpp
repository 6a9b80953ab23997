/**
 * @file
 * @brief URLs of articles and feeds: resolution, canonical form, host (libxml2's uri.h).
 * @see RFC 3986 §5 (reference resolution), §6 (normalisation)
 */
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace lede::url {

/// True for an absolute http:// or https:// URL (scheme case-insensitive) with a host.
bool is_http(std::string_view url);

/// Resolves `reference` against `base` (RFC 3986 §5). Either may be empty; returns the
/// reference unchanged when it is already absolute, and "" when nothing usable results.
/// As browsers do, surrounding whitespace is trimmed, tabs and newlines inside removed, and
/// bytes a URI cannot hold (space, non-ASCII, quotes, …) percent-encoded first.
std::string resolve(std::string_view base, std::string_view reference);

/// The host of an absolute URL, lower-cased, without port; "" if none.
std::string host(std::string_view url);

/// The identity form of a link: scheme and host lower-cased, default port and fragment
/// removed, tracking parameters (utm_*, fbclid, gclid, mc_cid, mc_eid, …) dropped, an empty
/// path made "/". nullopt for anything that is not an http(s) URL.
/// Also: dot segments removed, percent-encoded unreserved characters decoded and other escapes
/// upper-cased (RFC 3986 §6.2.2), empty parameters ("a=1&&b=2") dropped, the rest kept in order;
/// the path keeps its case. canonical(canonical(x)) == canonical(x).
std::optional<std::string> canonical(std::string_view url);

}  // namespace lede::url
