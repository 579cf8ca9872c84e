#!/bin/bash
# Runs the damaged xenplan-up; the scenario expects it to fail at the RTDS step.
# shellcheck source=../../dom0/checks.sh
source /e2e/checks.sh
step "xenplan-up" xenplan-up
finish
