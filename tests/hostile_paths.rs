//! Issue 23, "Safe with what others send" — paths: links that lead out, outputs that are inputs, names shown escaped (findings 1–8, 16, 19).
//! One test per finding, named for it: `finding_NN_…`.

