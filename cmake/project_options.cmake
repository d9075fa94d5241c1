# Interface targets every project target links: warnings, and sanitizers when asked for.
# Nothing here touches global flags, so third-party headers and tools keep their own settings.

add_library(depeches_warnings INTERFACE)
target_compile_options(depeches_warnings INTERFACE
    -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wold-style-cast -Wcast-align
    -Woverloaded-virtual -Wnull-dereference -Wimplicit-fallthrough -Wformat=2)

add_library(depeches_sanitizers INTERFACE)
if(DEPECHES_SANITIZE)
    target_compile_options(depeches_sanitizers INTERFACE
        -fsanitize=${DEPECHES_SANITIZE} -fno-omit-frame-pointer -fno-sanitize-recover=all)
    target_link_options(depeches_sanitizers INTERFACE -fsanitize=${DEPECHES_SANITIZE})
endif()

# The one target the project's own targets link to get both.
add_library(depeches_options INTERFACE)
target_link_libraries(depeches_options INTERFACE depeches_warnings depeches_sanitizers)
# Includes are rooted at the repository root: #include "indexer/analysis/analyzer.hpp".
target_include_directories(depeches_options INTERFACE ${PROJECT_SOURCE_DIR})
target_compile_definitions(depeches_options INTERFACE
    DEPECHES_VERSION="${PROJECT_VERSION}")
