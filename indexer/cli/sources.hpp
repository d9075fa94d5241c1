// Resolving SOURCE arguments into the files to read, with their format and identity.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace depeches::cli {

/// Input formats, chosen by file extension.
enum class Format { text, jsonl, newsml, unknown };

/// One file to read.
struct SourceFile {
    std::filesystem::path path; ///< as found (for opening)
    std::string absolute;       ///< absolute, normalised: the origin recorded in the index
    std::string relative;       ///< relative to the source root, '/'-separated: ids derive from it
    Format format = Format::unknown;
    std::uintmax_t size = 0; ///< bytes, for progress
};

/// One SOURCE argument, resolved.
struct Source {
    std::string argument;  ///< as given
    bool is_stdin = false; ///< "-": JSON Lines on standard input
    bool is_directory = false;
    std::string absolute;          ///< absolute, normalised path (empty for standard input)
    std::vector<SourceFile> files; ///< sorted by relative path; unknown formats left out of
                                   ///< directory walks
    std::size_t skipped = 0;       ///< files of a walk left out (unknown format, hidden)
};

/// The format a file name implies.
Format format_of(const std::filesystem::path& path);

/// Resolves `argument`. Throws UsageError when it does not exist or is neither a regular file
/// nor a directory, or when a file given by name has an unknown format.
Source resolve_source(const std::string& argument);

/// The file at `path` under the directory `root` (both absolute), as a source of its own whose
/// id still derives from its path under `root` (watch mode). Nothing when it is not a regular
/// file of a known format.
std::optional<Source> file_under_root(const std::filesystem::path& root,
                                      const std::filesystem::path& path);

/// True for names a directory walk leaves out (hidden files: ".", editors' and tools' files).
bool is_hidden_name(const std::string& name);

} // namespace depeches::cli
