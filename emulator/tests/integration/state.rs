//! `--state` persistence, start-up failures and the binary's start-up line.

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};

use serde_json::json;
use wix_emulator::{serve, Config, StartError};

use crate::common::*;

#[tokio::test]
async fn state_survives_a_restart() {
    let path = temp_path("state.json");
    let with_state = || Config {
        state_file: Some(path.clone()),
        ..config()
    };
    let connection = {
        let emulator = start_with(with_state()).await;
        let c = emulator.apple_connection(SCHEDULE).await;
        let id = c["id"].as_str().unwrap();
        emulator
            .post(&format!("/connections/{id}/disconnect"), json!({}))
            .await;
        emulator.set_premium(false).await;
        emulator.get(&format!("/connections/{id}")).await.body["connection"].clone()
    };
    let dir_entries: Vec<_> = std::fs::read_dir(path.parent().unwrap())
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| {
            e.file_name().to_string_lossy().contains(&format!(
                "{}.tmp",
                path.file_name().unwrap().to_string_lossy()
            ))
        })
        .collect();
    assert!(dir_entries.is_empty(), "no temporary file is left behind");

    let emulator = start_with(with_state()).await;
    let id = connection["id"].as_str().unwrap();
    let r = emulator.get(&format!("/connections/{id}")).await;
    assert_eq!(r.body["connection"], connection);
    assert_eq!(r.body["connection"]["status"], "DISCONNECTED");
    let r = emulator.get(&format!("/connections/{id}/calendars")).await;
    assert_app_error(&r, 403, "PREMIUM_FEATURE_NOT_ENABLED");
    std::fs::remove_file(path).unwrap();
}

#[tokio::test]
async fn an_empty_state_file_starts_empty() {
    let path = temp_path("empty-state.json");
    std::fs::write(&path, "").unwrap();
    let emulator = start_with(Config {
        state_file: Some(path.clone()),
        ..config()
    })
    .await;
    assert_eq!(
        emulator.get("/connections").await.body["connections"],
        json!([])
    );
    emulator.apple_connection(SCHEDULE).await;
    let saved: serde_json::Value = serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
    assert_eq!(saved["connections"].as_array().unwrap().len(), 1);
    std::fs::remove_file(path).unwrap();
}

#[tokio::test]
async fn a_corrupt_state_file_is_refused_and_left_alone() {
    let path = temp_path("corrupt-state.json");
    std::fs::write(&path, "{\"version\": 1, \"connections\": [").unwrap();
    let result = serve(Config {
        state_file: Some(path.clone()),
        ..config()
    })
    .await;
    match result {
        Err(error @ StartError::State { .. }) => {
            assert!(error.to_string().contains(&path.display().to_string()))
        }
        Err(other) => panic!("unexpected error {other}"),
        Ok(_) => panic!("started on a corrupt state file"),
    }
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        "{\"version\": 1, \"connections\": ["
    );
    std::fs::remove_file(path).unwrap();
}

#[tokio::test]
async fn a_bad_seed_file_is_refused() {
    let path = temp_path("seed.json");
    std::fs::write(&path, r#"{"providers": [{"id": "google", "name": "G"}]}"#).unwrap();
    let result = serve(Config {
        seed_file: Some(path.clone()),
        ..config()
    })
    .await;
    assert!(matches!(result, Err(StartError::Seed { .. })));
    std::fs::remove_file(path).unwrap();
}

#[test]
fn the_binary_prints_its_address_first() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_wix-emulator"))
        .args(["--port", "0", "--sync-delay-ms", "0"])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let _ = child.kill();
    let _ = child.wait();
    let address = line
        .trim()
        .strip_prefix("wix-emulator listening on http://127.0.0.1:")
        .unwrap_or_else(|| panic!("unexpected first line {line:?}"));
    assert!(address.parse::<u16>().unwrap() > 0);
}

#[test]
fn the_binary_exits_with_a_message_on_a_corrupt_state_file() {
    let path = temp_path("bin-corrupt.json");
    std::fs::write(&path, "garbage").unwrap();
    let output = Command::new(env!("CARGO_BIN_EXE_wix-emulator"))
        .args(["--port", "0", "--state"])
        .arg(&path)
        .output()
        .unwrap();
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("state file") && stderr.contains("left untouched"),
        "{stderr}"
    );
    assert!(output.stdout.is_empty());
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "garbage");
    std::fs::remove_file(path).unwrap();
}
