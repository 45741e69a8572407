//! Issue 24: `scripts/test` finds the outside programs the tests need, and names each one missing.
