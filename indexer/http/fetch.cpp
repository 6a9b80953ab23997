// One feed at a time (lede-index add): the shared transfer setup, performed with
// curl_easy_perform. The parallel fetcher (indexer/http/parallel_fetch) uses the same setup.
#include "indexer/fetch.hpp"

#include "common/error.hpp"
#include "indexer/http/easy_transfer.hpp"

namespace lede::http {

Response fetch(const std::string& url, const FetchOptions& options) {
  EasyTransfer transfer(url, options);
  Result result = transfer.finish(curl_easy_perform(transfer.handle()));
  if (!result.ok()) throw Error(result.error);
  return std::move(result.response);
}

}  // namespace lede::http
