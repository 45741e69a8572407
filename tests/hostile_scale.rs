//! Issue 23, "Safe with what others send" — scale and serve: linear where it was quadratic, serve's HTTP as its README says (findings 13, 14, 20).
//! One test per finding, named for it: `finding_NN_…`.
