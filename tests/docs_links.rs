//! Issue 24: every relative link and anchor in README.md and docs/ resolves.
