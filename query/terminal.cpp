#include "query/terminal.hpp"

#include <cstdlib>

#include <unistd.h>

namespace lede::query {

std::optional<ColorChoice> parse_color_choice(std::string_view name) {
  if (name == "auto") return ColorChoice::automatic;
  if (name == "always") return ColorChoice::always;
  if (name == "never") return ColorChoice::never;
  return std::nullopt;
}

bool color_enabled(ColorChoice choice, bool stdout_is_terminal, const char* no_color,
                   const char* term) {
  switch (choice) {
    case ColorChoice::always:
      return true;
    case ColorChoice::never:
      return false;
    case ColorChoice::automatic:
      break;
  }
  const bool no_color_set = no_color != nullptr && *no_color != '\0';
  const bool dumb = term != nullptr && std::string_view(term) == "dumb";
  return stdout_is_terminal && !no_color_set && !dumb;
}

bool stdout_is_terminal() {
  return isatty(STDOUT_FILENO) == 1;
}

bool color_enabled(ColorChoice choice) {
  return color_enabled(choice, stdout_is_terminal(), std::getenv("NO_COLOR"), std::getenv("TERM"));
}

std::string paint(std::string_view sanitised, Style style, bool color) {
  if (!color || sanitised.empty()) return std::string(sanitised);
  // SGR parameters: 1 bold, 2 faint, 31 red; 0 resets everything.
  std::string_view start;
  switch (style) {
    case Style::title:
      start = "\x1b[1m";
      break;
    case Style::highlight:
      start = "\x1b[1;31m";
      break;
    case Style::dim:
      start = "\x1b[2m";
      break;
  }
  std::string out(start);
  out += sanitised;
  out += "\x1b[0m";
  return out;
}

}  // namespace lede::query
