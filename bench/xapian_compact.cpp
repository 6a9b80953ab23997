#include "bench/xapian_compact.hpp"

#include <xapian.h>

#include "common/error.hpp"

namespace lede::bench {

void compact_xapian(const std::string& path, const std::string& into) {
  try {
    Xapian::Database(path).compact(into, Xapian::DBCOMPACT_NO_RENUMBER);
  } catch (const Xapian::Error& e) {
    throw Error(path + ": cannot compact: " + e.get_description());
  }
}

}  // namespace lede::bench
