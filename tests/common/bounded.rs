//! The gongwen binary run as a hostile input would meet it on an office's
//! desktop: within 500 MB of memory and 10 s of processor time, so a bomb
//! that gets past the bounds fails the test instead of taking the machine
//! down with it.
//!
//! Memory is what the process really held at its peak (its maximum resident
//! set), not the address space it reserved: the allocator reserves far more
//! than it touches (a PDF redline holding 250 MB reserves 1.3 GB). A hard cap
//! on address space ([`GUARD`]) stops a bomb long before it could hurt the
//! machine.
//!
//! The kernel's figure for a child (`ru_maxrss`) starts from what the test
//! process held when it spawned the child (Linux counts the parent's pages
//! until the child's `exec`), so once the tests in this process have held
//! more than a child's bound, it says nothing of the child. Then the child's
//! own high-water mark (`VmHWM`, which `exec` starts afresh) is read while
//! it runs, and the largest reading is its peak.
//!
//! Time is processor time, not time on the clock: the tests run side by side
//! on a machine that may be busy, and a run's own work is what the bound is
//! about. A run that waits without working (a hang) is stopped by the clock,
//! at [`HANG`].

use std::io::Read;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// The memory a hostile input may make gongwen hold, at its peak.
pub const MEMORY: u64 = 500 * 1024 * 1024;
/// The address space past which a run is stopped (`prlimit --as`): a guard
/// for the machine, far above what any allocator reserves for [`MEMORY`].
pub const GUARD: u64 = 4 * 1024 * 1024 * 1024;
/// The processor time it may take (`prlimit --cpu`), in seconds.
pub const CPU_SECONDS: u64 = 10;
/// The time on the clock after which a run is taken to hang, and killed.
pub const HANG: Duration = Duration::from_secs(90);

/// How a bounded run ended.
#[derive(Debug)]
pub struct Bounded {
    /// The exit code; `None` if the process was killed (by a signal, or by the
    /// wall-clock limit).
    pub code: Option<i32>,
    pub stdout: String,
    pub stderr: String,
    pub elapsed: Duration,
    /// The run took longer than [`HANG`] on the clock and was killed.
    pub timed_out: bool,
    /// Processor time the run used, its threads' included.
    pub cpu: Duration,
    /// The most memory it held at once (maximum resident set), in bytes.
    pub peak: u64,
}

impl Bounded {
    /// Asserts the run ended by itself, inside every bound, with `code`, and
    /// returns standard error for the caller's own checks of the message.
    pub fn refused_with(&self, code: i32) -> &str {
        assert!(
            !self.timed_out,
            "killed after {:?} on the clock (taken to hang); stderr: {}",
            self.elapsed, self.stderr
        );
        assert_eq!(
            self.code,
            Some(code),
            "ended with {:?} after {:?} of processor time ({:?} on the clock, {} MB at its \
             peak); a process past {CPU_SECONDS} s of processor time, or out of its address \
             space, is killed or aborts (no code); stderr: {}",
            self.code,
            self.cpu,
            self.elapsed,
            self.peak >> 20,
            self.stderr
        );
        self.within_bounds();
        assert!(
            !self.stderr.contains("panicked") && !self.stderr.contains("memory allocation"),
            "{}",
            self.stderr
        );
        &self.stderr
    }

    /// Asserts the run held at most [`MEMORY`] (whatever its exit code).
    pub fn within_bounds(&self) {
        assert!(
            self.peak <= MEMORY,
            "held {} MB at its peak, more than {} MB; stderr: {}",
            self.peak >> 20,
            MEMORY >> 20,
            self.stderr
        );
    }
}

/// Runs `gongwen ARGS` in `dir` under [`GUARD`] and [`CPU_SECONDS`] (with
/// `prlimit`, from util-linux, present on every Debian), killed at [`HANG`];
/// its peak memory and processor time are what the kernel reports of it.
// The child is reaped by `wait4` below, which clippy cannot see.
#[allow(clippy::zombie_processes)]
pub fn gongwen(dir: &Path, args: &[&str]) -> Bounded {
    let bin = assert_cmd::cargo::cargo_bin("gongwen");
    let mut child = Command::new("prlimit")
        .arg(format!("--as={GUARD}"))
        .arg(format!("--cpu={CPU_SECONDS}"))
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
    // prlimit execs gongwen in its own process: what the kernel says of the
    // child when it ends is gongwen's, once it is more than this process
    // held before (see the module's note).
    let pid = child.id() as libc::pid_t;
    let inherited = own_peak();
    let mut seen = 0;
    let mut timed_out = false;
    let (status, usage) = loop {
        seen = seen.max(high_water(pid));
        let mut status = 0;
        // SAFETY: all-zero bytes are a valid `rusage` (integers and timevals).
        let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
        // SAFETY: `pid` is our own child, not yet reaped (std's `Child` is
        // never waited on here); `status` and `usage` are valid for writes.
        let ended = unsafe { libc::wait4(pid, &mut status, libc::WNOHANG, &mut usage) };
        if ended == pid {
            break (status, usage);
        }
        assert!(ended == 0, "wait4: {}", std::io::Error::last_os_error());
        if !timed_out && start.elapsed() > HANG {
            timed_out = true;
            let _ = child.kill();
        }
        std::thread::sleep(Duration::from_millis(10));
    };
    let elapsed = start.elapsed();
    let time = |t: libc::timeval| Duration::new(t.tv_sec as u64, t.tv_usec as u32 * 1000);
    Bounded {
        code: libc::WIFEXITED(status).then(|| libc::WEXITSTATUS(status)),
        stdout: String::from_utf8_lossy(&reading.join().unwrap()).into_owned(),
        stderr: String::from_utf8_lossy(&reading_err.join().unwrap()).into_owned(),
        elapsed,
        timed_out,
        cpu: time(usage.ru_utime) + time(usage.ru_stime),
        // Linux reports the maximum resident set in kilobytes.
        peak: if usage.ru_maxrss as u64 * 1024 > inherited {
            usage.ru_maxrss as u64 * 1024
        } else {
            seen
        },
    }
}

/// The most this test process has held at once, in bytes.
fn own_peak() -> u64 {
    // SAFETY: all-zero bytes are a valid `rusage`; getrusage only writes it.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: `usage` is valid for writes.
    unsafe { libc::getrusage(libc::RUSAGE_SELF, &mut usage) };
    usage.ru_maxrss as u64 * 1024
}

/// A running process's high-water mark of resident memory (`VmHWM`), in
/// bytes; 0 once it has ended.
fn high_water(pid: libc::pid_t) -> u64 {
    std::fs::read_to_string(format!("/proc/{pid}/status"))
        .ok()
        .and_then(|s| {
            let line = s.lines().find(|l| l.starts_with("VmHWM:"))?;
            let kb: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
            Some(kb * 1024)
        })
        .unwrap_or(0)
}
