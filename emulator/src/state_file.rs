//! The `--state FILE`: the store's contents as JSON, replaced atomically on every write and
//! never overwritten when it cannot be read.

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::store::StoredConnection;
use crate::StartError;

/// The format version this build reads and writes.
const VERSION: u32 = 1;

/// Everything that survives a restart.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PersistedState {
    pub version: u32,
    pub premium: bool,
    pub connections: Vec<StoredConnection>,
}

impl Default for PersistedState {
    fn default() -> Self {
        PersistedState {
            version: VERSION,
            premium: true,
            connections: Vec::new(),
        }
    }
}

/// A state file on disk.
#[derive(Debug, Clone)]
pub struct StateFile {
    path: PathBuf,
}

impl StateFile {
    pub fn new(path: impl Into<PathBuf>) -> Self {
        StateFile { path: path.into() }
    }

    /// The saved state; `None` when the file does not exist yet or is empty (as a freshly
    /// made temporary file is). Anything unreadable is an error, so that it is not replaced.
    pub fn load(&self) -> Result<Option<PersistedState>, StartError> {
        let corrupt = |reason: String| StartError::State {
            path: self.path.clone(),
            reason,
        };
        let bytes = match fs::read(&self.path) {
            Ok(bytes) => bytes,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
            Err(e) => return Err(corrupt(e.to_string())),
        };
        if bytes.iter().all(u8::is_ascii_whitespace) {
            return Ok(None);
        }
        let state: PersistedState =
            serde_json::from_slice(&bytes).map_err(|e| corrupt(e.to_string()))?;
        if state.version != VERSION {
            return Err(corrupt(format!(
                "version {} is not the supported version {VERSION}",
                state.version
            )));
        }
        Ok(Some(state))
    }

    /// Writes `state` to a temporary file beside the target, flushes it to disk and renames
    /// it over the target, so that a crash leaves either the old or the new file.
    pub fn save(&self, state: &PersistedState) -> io::Result<()> {
        let json = serde_json::to_vec_pretty(state)?;
        let temp = temp_path(&self.path);
        let mut file = fs::File::create(&temp)?;
        file.write_all(&json)?;
        file.sync_all()?;
        drop(file);
        fs::rename(&temp, &self.path)
    }
}

fn temp_path(path: &Path) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(format!(".tmp-{}", std::process::id()));
    path.with_file_name(name)
}
