#include "query/terminal.hpp"

#include <gtest/gtest.h>

namespace lede::query {
namespace {

TEST(ColourPolicy, Table) {
  struct Row {
    ColorChoice choice;
    bool tty;
    const char* no_color;
    const char* term;
    bool expected;
  };
  const Row rows[] = {
      {ColorChoice::automatic, true, nullptr, "xterm-256color", true},
      {ColorChoice::automatic, false, nullptr, "xterm-256color", false},  // a pipe
      {ColorChoice::automatic, true, "1", "xterm", false},                // NO_COLOR set
      {ColorChoice::automatic, true, "", "xterm", true},                  // NO_COLOR empty
      {ColorChoice::automatic, true, nullptr, "dumb", false},
      {ColorChoice::automatic, true, nullptr, nullptr, true},
      {ColorChoice::always, false, "1", "dumb", true},
      {ColorChoice::never, true, nullptr, "xterm", false},
  };
  for (const Row& row : rows) {
    EXPECT_EQ(color_enabled(row.choice, row.tty, row.no_color, row.term), row.expected)
        << static_cast<int>(row.choice) << " tty=" << row.tty
        << " NO_COLOR=" << (row.no_color ? row.no_color : "(unset)")
        << " TERM=" << (row.term ? row.term : "(unset)");
  }
}

TEST(ColourPolicy, ChoiceNames) {
  EXPECT_EQ(parse_color_choice("auto"), ColorChoice::automatic);
  EXPECT_EQ(parse_color_choice("always"), ColorChoice::always);
  EXPECT_EQ(parse_color_choice("never"), ColorChoice::never);
  EXPECT_EQ(parse_color_choice("yes"), std::nullopt);
}

TEST(Paint, PlainWhenColourIsOff) {
  EXPECT_EQ(paint("oil", Style::highlight, false), "oil");
  EXPECT_EQ(paint("oil", Style::highlight, true), "\x1b[1;31moil\x1b[0m");
  EXPECT_EQ(paint("", Style::dim, true), "");
}

}  // namespace
}  // namespace lede::query
