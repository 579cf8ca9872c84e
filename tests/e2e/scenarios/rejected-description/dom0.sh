#!/bin/bash
# Never runs: xenplan rejects the description before any machine starts.
echo "FAIL: a rejected description reached the machine"
exit 1
