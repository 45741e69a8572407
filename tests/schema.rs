//! Issue 24: `gongwen schema` — a JSON Schema of the draft and comments formats that agrees with `check`.
