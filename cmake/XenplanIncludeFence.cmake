# Only the two PEGTL readers (the language, xl.cfg) see PEGTL and only the YAML reader sees yaml-cpp, so upgrading either
# touches one file. PEGTL is header-only in /usr/include: target links cannot stop another file
# including it, so this scans every source. Runs at configure time (include() it) and before
# each build (cmake -DXENPLAN_SOURCE_DIR=... -P this file), and fails with the offending lines.

# Per library: its include prefix, and the files (relative to the source dir; a directory ends
# in /) allowed to include it.
set(XENPLAN_FENCED_LIBRARIES "PEGTL" "yaml-cpp")
set(XENPLAN_FENCE_PEGTL_PREFIX "tao/pegtl")
set(XENPLAN_FENCE_PEGTL_ALLOWED "src/syntax/dsl_reader.cpp" "src/syntax/xl_cfg_reader.cpp" "grammar/")
set(XENPLAN_FENCE_yaml-cpp_PREFIX "yaml-cpp/")
set(XENPLAN_FENCE_yaml-cpp_ALLOWED "src/syntax/yaml_reader.cpp")

# Every C and C++ file of ours that could include a header.
function(xenplan_fenced_sources source_dir out)
  set(globs)
  foreach(dir src backends grammar tests)
    foreach(ext c cc cpp h hh hpp ipp)
      list(APPEND globs "${source_dir}/${dir}/*.${ext}")
    endforeach()
  endforeach()
  file(GLOB_RECURSE files ${globs})
  list(FILTER files EXCLUDE REGEX "/node_modules/")
  set(${out} ${files} PARENT_SCOPE)
endfunction()

function(xenplan_check_include_fence source_dir)
  xenplan_fenced_sources(${source_dir} files)
  set(problems "")
  foreach(file ${files})
    file(RELATIVE_PATH relative ${source_dir} ${file})
    foreach(library ${XENPLAN_FENCED_LIBRARIES})
      set(allowed FALSE)
      foreach(place ${XENPLAN_FENCE_${library}_ALLOWED})
        string(FIND "${relative}" "${place}" at)
        if(relative STREQUAL place OR (place MATCHES "/$" AND at EQUAL 0))
          set(allowed TRUE)
        endif()
      endforeach()
      if(allowed)
        continue()
      endif()
      file(STRINGS ${file} lines REGEX "^[ \t]*#[ \t]*include[ \t]*[<\"]${XENPLAN_FENCE_${library}_PREFIX}")
      foreach(line ${lines})
        string(STRIP "${line}" line)
        string(JOIN ", " where ${XENPLAN_FENCE_${library}_ALLOWED})
        string(APPEND problems "\n  ${relative}: ${line}  (${library} belongs to ${where} only)")
      endforeach()
    endforeach()
  endforeach()
  if(problems)
    message(FATAL_ERROR "xenplan: a fenced library is included outside its reader:${problems}\n"
                        "Go through the reader's interface (src/syntax/*.h) instead; "
                        "cmake/XenplanIncludeFence.cmake says why.")
  endif()
endfunction()

if(CMAKE_SCRIPT_MODE_FILE)
  xenplan_check_include_fence(${XENPLAN_SOURCE_DIR})
endif()
