/**
 * @file
 * @brief Ctrl-C and SIGTERM as a request to stop: the pipeline finishes the item at hand,
 *        commits what it did and exits 130. A second signal ends the process at once.
 */
#pragma once

namespace lede::interrupt {

/// Installs SIGINT and SIGTERM handlers that set the flag (and restore the default action, so
/// that a second Ctrl-C is not ignored).
void install_handlers();

/// True once a signal arrived.
bool requested();

/// Sets or clears the flag by hand (tests, and embedders without signals).
void set_requested(bool value);

}  // namespace lede::interrupt
