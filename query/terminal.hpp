/**
 * @file
 * @brief The colour policy and the few ANSI styles lede-query paints with.
 *
 * Colour follows ripgrep's manners: `--color auto` paints only when stdout is a terminal,
 * `NO_COLOR` is unset or empty (https://no-color.org) and `TERM` is not "dumb".
 * @see ECMA-48 §8.3.117 (SGR: select graphic rendition)
 */
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace lede::query {

enum class ColorChoice { automatic, always, never };

/// "auto", "always", "never"; nullopt for anything else.
std::optional<ColorChoice> parse_color_choice(std::string_view name);

/// The policy itself, with its inputs explicit (for tests): `no_color` and `term` are the
/// environment variables' values, nullptr when unset.
bool color_enabled(ColorChoice choice, bool stdout_is_terminal, const char* no_color,
                   const char* term);

/// The policy for this process: isatty(stdout), $NO_COLOR and $TERM.
bool color_enabled(ColorChoice choice);

/// Whether stdout is a terminal (relative ages like "3 days ago" are shown only there).
bool stdout_is_terminal();

enum class Style {
  title,      ///< bold
  highlight,  ///< bold red: the matched words
  dim,        ///< faint: metadata (source, date, link)
};

/// Wraps already sanitised text in a style when colour is on; returns it unchanged otherwise.
std::string paint(std::string_view sanitised, Style style, bool color);

}  // namespace lede::query
