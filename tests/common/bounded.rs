//! The gongwen binary run as a hostile input would meet it on an office's
//! desktop: under 500 MB of address space and 10 s, so a bomb that gets past
//! the bounds fails the test instead of taking the machine down with it.

use std::io::Read;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// The memory a hostile input may make gongwen take: address space, as
/// `prlimit --as` counts it.
pub const MEMORY: u64 = 500 * 1024 * 1024;
/// The time it may take, wall clock.
pub const TIME: Duration = Duration::from_secs(10);

/// How a bounded run ended.
#[derive(Debug)]
pub struct Bounded {
    /// The exit code; `None` if the process was killed (by a signal, or by the
    /// wall-clock limit).
    pub code: Option<i32>,
    pub stdout: String,
    pub stderr: String,
    pub elapsed: Duration,
    /// The run took longer than [`TIME`] and was killed.
    pub timed_out: bool,
}

impl Bounded {
    /// Asserts the run ended by itself, inside both limits, with `code`, and
    /// returns standard error for the caller's own checks of the message.
    pub fn refused_with(&self, code: i32) -> &str {
        assert!(
            !self.timed_out,
            "killed after {:?} (limit {TIME:?}); stderr: {}",
            self.elapsed, self.stderr
        );
        assert_eq!(
            self.code,
            Some(code),
            "ended with {:?} in {:?}; a process out of memory under `prlimit --as` aborts \
             (no code); stderr: {}",
            self.code,
            self.elapsed,
            self.stderr
        );
        assert!(
            !self.stderr.contains("panicked") && !self.stderr.contains("memory allocation"),
            "{}",
            self.stderr
        );
        &self.stderr
    }
}

/// Runs `gongwen ARGS` in `dir` under [`MEMORY`] (with `prlimit`, from
/// util-linux, present on every Debian) and [`TIME`].
pub fn gongwen(dir: &Path, args: &[&str]) -> Bounded {
    let bin = assert_cmd::cargo::cargo_bin("gongwen");
    let mut child = Command::new("prlimit")
        .arg(format!("--as={MEMORY}"))
        .arg("--")
        .arg(bin)
        .args(args)
        .current_dir(dir)
        .env_remove("SOURCE_DATE_EPOCH")
        .env("NO_COLOR", "1")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("cannot run prlimit (util-linux)");
    let mut out = child.stdout.take().unwrap();
    let mut err = child.stderr.take().unwrap();
    let reading = std::thread::spawn(move || {
        let mut s = Vec::new();
        let _ = out.read_to_end(&mut s);
        s
    });
    let reading_err = std::thread::spawn(move || {
        let mut s = Vec::new();
        let _ = err.read_to_end(&mut s);
        s
    });
    let start = Instant::now();
    let (status, timed_out) = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break (Some(status), false);
        }
        if start.elapsed() > TIME {
            let _ = child.kill();
            break (child.wait().ok(), true);
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let elapsed = start.elapsed();
    Bounded {
        code: status.and_then(|s| s.code()),
        stdout: String::from_utf8_lossy(&reading.join().unwrap()).into_owned(),
        stderr: String::from_utf8_lossy(&reading_err.join().unwrap()).into_owned(),
        elapsed,
        timed_out,
    }
}
