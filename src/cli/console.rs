//! Standard output and error for the commands: printing never panics, a
//! closed pipe ends it quietly, a full disk is reported once.

use std::process::ExitCode;

use gongwen::chars;
use gongwen::diagnostic::Diagnostic;

/// Text for the terminal. Every path is shown escaped where it is put into
/// a message (`gongwen::paths::shown`); this is the net under that: no
/// escape sequence, bidi control or other control character but the line
/// break reaches the terminal from a line or a message, whatever its origin.
/// (Raw bytes, such as the coloured redline, go through `bytes`.)
fn safe(text: &str) -> std::borrow::Cow<'_, str> {
    if text
        .chars()
        .any(|c| (c.is_control() && c != '\n') || chars::is_bidi_control(c))
    {
        std::borrow::Cow::Owned(chars::visible(text))
    } else {
        std::borrow::Cow::Borrowed(text)
    }
}

/// How a command ended.
#[derive(Clone, Copy, PartialEq)]
pub enum Outcome {
    Ok,
    Problems,
    Trouble,
}

/// Standard output and error as the commands use them. A closed pipe
/// (`gongwen build | head -1`) ends the printing quietly and the command goes
/// on with its work; any other failure to print (a full disk) is reported once
/// on standard error and makes the exit code 2. Nothing here panics.
#[derive(Default)]
pub struct Console {
    closed: bool,
    failure: Option<std::io::Error>,
}

impl Console {
    /// Prints a line on standard output.
    pub fn line(&mut self, text: impl std::fmt::Display) {
        self.text(&format!("{text}\n"));
    }

    /// Prints text on standard output, made safe for a terminal (see [`safe`]).
    pub fn text(&mut self, text: &str) {
        self.bytes(safe(text).as_bytes());
    }

    /// Writes bytes to standard output.
    pub fn bytes(&mut self, bytes: &[u8]) {
        use std::io::Write;
        if self.closed {
            return;
        }
        let mut out = std::io::stdout().lock();
        if let Err(e) = out.write_all(bytes).and_then(|()| out.flush()) {
            self.closed = true;
            if e.kind() != std::io::ErrorKind::BrokenPipe {
                self.failure = Some(e);
            }
        }
    }

    /// Prints a line on standard error; if that is closed too, there is no one to tell.
    pub fn err(&self, text: impl std::fmt::Display) {
        use std::io::Write;
        let _ = writeln!(std::io::stderr().lock(), "{}", safe(&text.to_string()));
    }

    /// Prints a diagnostic with its source line.
    pub fn diagnostic(&self, d: &Diagnostic) {
        self.err(d.render());
    }

    /// The exit code: the command's, unless standard output failed.
    pub fn finish(self, outcome: Outcome) -> u8 {
        if let Some(e) = &self.failure {
            self.err(gongwen::tr!(
                "run-stdout-failed",
                error = gongwen::paths::io_error(e)
            ));
            return 2;
        }
        match outcome {
            Outcome::Ok => 0,
            Outcome::Problems => 1,
            Outcome::Trouble => 2,
        }
    }
}

/// Ends the process with `code` as soon as what it printed is out. Unix:
/// without the allocator's tidying at exit, which walks and returns every
/// page a long draft used (about a millisecond of the Civil Code's 40 ms
/// HTML build), when the system takes the whole address space back at once.
/// Every command has joined its threads and written its files by now.
pub fn end(code: u8) -> ExitCode {
    #[cfg(unix)]
    {
        use std::io::Write;
        let _ = std::io::stdout().flush();
        let _ = std::io::stderr().flush();
        // SAFETY: _exit ends the process and runs nothing more; what was
        // left to do, flushing what was printed, is done.
        unsafe { libc::_exit(i32::from(code)) }
    }
    #[cfg(not(unix))]
    ExitCode::from(code)
}
