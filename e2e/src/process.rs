//! Processes the harness starts (emulator, WebDriver servers) and the guarantee that they,
//! and the browsers they start, are gone when a test ends, whether it passed or panicked.

use std::collections::VecDeque;
use std::io::{BufRead, BufReader, Read};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::thread;

/// How many lines of a process's output are kept for failure reports.
const KEPT_LINES: usize = 200;

/// The last lines a process wrote, shared with the threads that drain its pipes.
#[derive(Clone, Default)]
pub struct OutputTail(Arc<Mutex<VecDeque<String>>>);

impl OutputTail {
    fn push(&self, line: String) {
        let mut lines = self
            .0
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        if lines.len() == KEPT_LINES {
            lines.pop_front();
        }
        lines.push_back(line);
    }

    /// The kept lines, oldest first, one per line.
    pub fn text(&self) -> String {
        let lines = self
            .0
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        lines.iter().cloned().collect::<Vec<_>>().join("\n")
    }

    /// Reads `pipe` line by line on a thread of its own until it closes, keeping the tail.
    /// Draining matters: a process blocks once nobody reads a full pipe.
    fn drain(&self, pipe: impl Read + Send + 'static) {
        let tail = self.clone();
        thread::spawn(move || {
            for line in BufReader::new(pipe).lines() {
                match line {
                    Ok(line) => tail.push(line),
                    Err(_) => break,
                }
            }
        });
    }
}

/// A child process in a process group of its own. Dropping it kills the group, then every
/// process whose command line mentions `marker` (the browsers, which a WebDriver server may
/// start outside its group), so nothing outlives the test.
pub struct Supervised {
    name: &'static str,
    child: Child,
    marker: Option<String>,
    output: OutputTail,
}

impl Supervised {
    /// Starts `command` in a new process group, with stdout and stderr kept in a tail.
    /// When `first_line` is true, stdout's first line is read synchronously and returned,
    /// before the rest of stdout is drained.
    pub fn spawn(
        name: &'static str,
        mut command: Command,
        marker: Option<&Path>,
        first_line: bool,
    ) -> (Self, Option<String>) {
        use std::os::unix::process::CommandExt;
        command
            .process_group(0)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        let mut child = command
            .spawn()
            .unwrap_or_else(|error| panic!("could not start {name} ({command:?}): {error}"));
        let output = OutputTail::default();
        output.drain(child.stderr.take().expect("stderr is piped"));
        let mut stdout = BufReader::new(child.stdout.take().expect("stdout is piped"));
        let mut line = None;
        if first_line {
            let mut first = String::new();
            // A read error or an early exit leaves `first` empty; the caller reports it.
            let _ = stdout.read_line(&mut first);
            line = Some(first.trim_end().to_owned());
        }
        output.drain(stdout);
        let supervised = Self {
            name,
            child,
            marker: marker.map(|path| path.display().to_string()),
            output,
        };
        (supervised, line)
    }

    /// What the process wrote last, for failure reports.
    pub fn output(&self) -> String {
        format!(
            "--- last output of {} ---\n{}",
            self.name,
            self.output.text()
        )
    }

    /// Kills the process group now, on purpose (the "emulator stopped" journey).
    pub fn kill_now(&mut self) {
        self.kill_group();
    }

    fn kill_group(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            let group = self.child.id() as libc::pid_t;
            // SAFETY: kill(2) with a negative pid signals the process group we created for
            // this child in `spawn`; it touches no memory.
            unsafe {
                libc::kill(-group, libc::SIGKILL);
            }
            let _ = self.child.wait();
        }
    }
}

impl Drop for Supervised {
    fn drop(&mut self) {
        self.kill_group();
        if let Some(marker) = &self.marker {
            kill_processes_mentioning(marker);
        }
    }
}

/// Kills (SIGKILL) every process whose command line contains `marker`, a temporary directory
/// unique to one test, so only processes started for that test match.
fn kill_processes_mentioning(marker: &str) {
    let Ok(entries) = std::fs::read_dir("/proc") else {
        return;
    };
    let own = std::process::id();
    for entry in entries.flatten() {
        let Some(pid) = entry
            .file_name()
            .to_str()
            .and_then(|n| n.parse::<u32>().ok())
        else {
            continue;
        };
        if pid == own {
            continue;
        }
        let Ok(cmdline) = std::fs::read(entry.path().join("cmdline")) else {
            continue;
        };
        if String::from_utf8_lossy(&cmdline).contains(marker) {
            // SAFETY: kill(2) on a pid read from /proc a moment ago; it touches no memory.
            unsafe {
                libc::kill(pid as libc::pid_t, libc::SIGKILL);
            }
        }
    }
}
