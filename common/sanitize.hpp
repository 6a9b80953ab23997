/**
 * @file
 * @brief Making untrusted article text safe to show on a terminal or hand to a script.
 *
 * Article text is untrusted: an ESC sequence in a title could recolour, retitle or rewrite a
 * user's terminal. Every string that reaches stdout goes through here first.
 * @see ECMA-48 §5 (control functions: CSI, OSC, DCS, …), Unicode TR #9 (bidi controls)
 */
#pragma once

#include <string>
#include <string_view>

namespace lede::text {

/// Removes every C0 and C1 control character, every escape sequence (CSI, OSC, DCS, APC, PM,
/// SOS and two-byte ESC sequences, including their 8-bit C1 introducers) and Unicode bidi
/// override/isolate controls; tabs and newlines become spaces unless `keep_newlines`, in which
/// case "\n" is kept (CR LF, CR, U+2028 and U+2029 count as newlines). Invalid UTF-8 becomes
/// U+FFFD, except raw bytes 0x80–0x9F, which an 8-bit terminal would obey as C1 controls: they
/// are removed like the controls (and sequences) they stand for. The implicit direction marks
/// LRM, RLM and ALM (U+200E, U+200F, U+061C) are kept: they cannot reorder other text and
/// right-to-left writing needs them. The result is plain printable text.
std::string sanitize_for_terminal(std::string_view untrusted, bool keep_newlines = false);

}  // namespace lede::text
