#include "bench/xapian_compact.hpp"

#include <xapian.h>

#include "common/error.hpp"

namespace lede::bench {

void compact_xapian(const std::string& path, const std::string& into, unsigned block_size) {
  try {
    Xapian::Database(path).compact(into, Xapian::DBCOMPACT_NO_RENUMBER,
                                   static_cast<int>(block_size));
  } catch (const Xapian::Error& e) {
    throw Error(path + ": cannot compact: " + e.get_description());
  }
}

}  // namespace lede::bench
