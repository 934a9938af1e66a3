//! The report of a session and the leak gate (being built).
