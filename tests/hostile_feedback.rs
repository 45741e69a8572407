//! Issue 23, "Safe with what others send" — the 意见反馈表 (.xlsx, .csv) and comments files: bounds, hidden sheets, columns, messages (findings 10, 12, 14, 18, 21, 22).
//! One test per finding, named for it: `finding_NN_…`.

