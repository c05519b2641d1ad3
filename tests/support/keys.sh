# SPDX-License-Identifier: GPL-2.0-or-later
# Signing keys for the shell tests (sourced). Every write that records a ledger entry needs a
# registered key: `test_keys DIR LIMES` makes TJ's, KG's and the secretariat's (and a spare,
# an attacker's) with a fixed passphrase, and exports
#   LIMES_KEY_PASSPHRASE   the passphrase, for every limes command
#   LIMES_KEY              the secretariat's key (the default signer)
#   TJ_KEY KG_KEY SEC_KEY MALLORY_KEY        the key files
#   TJ_FP KG_FP SEC_FP MALLORY_FP            their fingerprints
#   TRUST                  --trust options naming the three parties' keys
# `register_keys TARGET` then registers TJ's, KG's and the secretariat's keys in a workspace.
export LIMES_KEY_PASSPHRASE=limes-test-passphrase

test_keys() {
  local dir=$1 limes=$2 who
  mkdir -p "$dir"
  for who in tj kg sec mallory; do
    [ -e "$dir/$who.key" ] || "$limes" key generate --out "$dir/$who.key" >/dev/null || { echo "cannot make test key $who"; exit 1; }
  done
  export TJ_KEY="$dir/tj.key" KG_KEY="$dir/kg.key" SEC_KEY="$dir/sec.key" MALLORY_KEY="$dir/mallory.key"
  export LIMES_KEY="$SEC_KEY"
  TJ_FP=$("$limes" key fingerprint --key "$TJ_KEY") KG_FP=$("$limes" key fingerprint --key "$KG_KEY")
  SEC_FP=$("$limes" key fingerprint --key "$SEC_KEY") MALLORY_FP=$("$limes" key fingerprint --key "$MALLORY_KEY")
  export TJ_FP KG_FP SEC_FP MALLORY_FP
  TRUST=(--trust "TJ=$TJ_FP" --trust "KG=$KG_FP" --trust "SECRETARIAT=$SEC_FP")
  TEST_LIMES=$limes
}

register_keys() {
  local target=$1
  "$TEST_LIMES" workspace register-key "$target" --party TJ --key "$TJ_KEY" --holder "TJ delegation" >/dev/null &&
    "$TEST_LIMES" workspace register-key "$target" --party KG --key "$KG_KEY" --holder "KG delegation" >/dev/null &&
    "$TEST_LIMES" workspace register-key "$target" --party SECRETARIAT --key "$SEC_KEY" --holder "Secretariat" >/dev/null ||
    { echo "cannot register the test keys in $target"; exit 1; }
}
