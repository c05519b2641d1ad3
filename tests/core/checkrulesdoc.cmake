# SPDX-License-Identifier: GPL-2.0-or-later
# ctest validation_rules_doc: docs/validation-rules.md is what the rule registry produces.
# cmake -DLIMES=path/to/limes -DDOC=path/to/docs/validation-rules.md -P checkrulesdoc.cmake
execute_process(COMMAND "${LIMES}" validate --list-rules --markdown
  OUTPUT_VARIABLE generated ERROR_VARIABLE errors RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "limes validate --list-rules --markdown failed (${rc}): ${errors}")
endif()
file(READ "${DOC}" committed)
if(NOT generated STREQUAL committed)
  message(FATAL_ERROR "${DOC} differs from the rule registry; regenerate it:\n"
    "  limes validate --list-rules --markdown > docs/validation-rules.md")
endif()
message(STATUS "${DOC} matches the rule registry")
