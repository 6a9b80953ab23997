#include "indexer/interrupt.hpp"

#include <csignal>

namespace lede::interrupt {

namespace {

// Only a lock-free atomic or volatile sig_atomic_t may be touched in a signal handler.
volatile std::sig_atomic_t flag = 0;

extern "C" void on_signal(int signal_number) {
  flag = 1;
  std::signal(signal_number, SIG_DFL);  // async-signal-safe; the next signal is not ignored
}

}  // namespace

void install_handlers() {
  struct sigaction action {};
  action.sa_handler = on_signal;
  sigemptyset(&action.sa_mask);
  action.sa_flags = 0;  // no SA_RESTART: a blocking read returns so the flag is seen
  sigaction(SIGINT, &action, nullptr);
  sigaction(SIGTERM, &action, nullptr);
}

bool requested() {
  return flag != 0;
}

void set_requested(bool value) {
  flag = value ? 1 : 0;
}

}  // namespace lede::interrupt
