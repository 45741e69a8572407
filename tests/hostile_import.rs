//! Issue 23, "Safe with what others send" — import: .docx, Markdown and text read as Word and a reader show them, within bounds (findings 9, 11, 12, 15, 17, 19, 22).
//! One test per finding, named for it: `finding_NN_…`.
