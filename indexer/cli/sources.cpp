// Walking SOURCE arguments: sorted, hidden entries skipped, symbolic links to directories not
// followed (no loops), unreadable directories reported rather than fatal.
#include "indexer/cli/sources.hpp"

#include <algorithm>

#include "indexer/cli/options.hpp"

namespace depeches::cli {

namespace fs = std::filesystem;

namespace {

std::string absolute_of(const fs::path& path) {
    std::error_code ec;
    fs::path absolute = fs::absolute(path, ec);
    if (ec) {
        absolute = path;
    }
    return absolute.lexically_normal().string();
}

} // namespace

bool is_hidden_name(const std::string& name) {
    return !name.empty() && (name[0] == '.' || name.back() == '~');
}

Format format_of(const fs::path& path) {
    std::string ext = path.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (ext == ".txt") {
        return Format::text;
    }
    if (ext == ".jsonl" || ext == ".ndjson") {
        return Format::jsonl;
    }
    if (ext == ".xml") {
        return Format::newsml;
    }
    return Format::unknown;
}

Source resolve_source(const std::string& argument) {
    Source source;
    source.argument = argument;
    if (argument == "-") {
        source.is_stdin = true;
        return source;
    }
    const fs::path path(argument);
    std::error_code ec;
    const fs::file_status status = fs::status(path, ec);
    if (ec || !fs::exists(status)) {
        throw UsageError("no such file or directory: " + argument);
    }
    source.absolute = absolute_of(path);
    if (fs::is_regular_file(status)) {
        SourceFile file{path, source.absolute, path.filename().string(), format_of(path),
                        fs::file_size(path, ec)};
        if (file.format == Format::unknown) {
            throw UsageError("unsupported file type: " + argument +
                             " (expected .txt, .jsonl, .ndjson or .xml)");
        }
        source.files.push_back(std::move(file));
        return source;
    }
    if (!fs::is_directory(status)) {
        throw UsageError("not a regular file or directory: " + argument);
    }
    source.is_directory = true;
    fs::recursive_directory_iterator it(path, fs::directory_options::skip_permission_denied, ec);
    if (ec) {
        throw UsageError("cannot read directory " + argument + ": " + ec.message());
    }
    for (; it != fs::recursive_directory_iterator(); it.increment(ec)) {
        if (ec) {
            break;
        }
        const fs::path& entry = it->path();
        if (is_hidden_name(entry.filename().string())) {
            if (it->is_directory(ec)) {
                it.disable_recursion_pending();
            }
            ++source.skipped;
            continue;
        }
        if (!it->is_regular_file(ec)) {
            continue;
        }
        const Format format = format_of(entry);
        if (format == Format::unknown) {
            ++source.skipped;
            continue;
        }
        source.files.push_back({entry, absolute_of(entry),
                                entry.lexically_relative(path).generic_string(), format,
                                it->file_size(ec)});
    }
    std::sort(source.files.begin(), source.files.end(),
              [](const SourceFile& a, const SourceFile& b) { return a.relative < b.relative; });
    return source;
}

} // namespace depeches::cli

namespace depeches::cli {

std::optional<Source> file_under_root(const fs::path& root, const fs::path& path) {
    std::error_code ec;
    const Format format = format_of(path);
    if (format == Format::unknown || is_hidden_name(path.filename().string()) ||
        !fs::is_regular_file(path, ec)) {
        return std::nullopt;
    }
    Source source;
    source.argument = path.string();
    source.absolute = absolute_of(path);
    source.files.push_back({path, source.absolute, path.lexically_relative(root).generic_string(),
                            format, fs::file_size(path, ec)});
    return source;
}

} // namespace depeches::cli
