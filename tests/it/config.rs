//! Configuration precedence through the environment and a file, as `serve` reads it.

use kairos::config::{Config, Flags, Source};

#[test]
fn environment_beats_file_and_flags_beat_both() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("kairos.toml");
    std::fs::write(
        &file,
        format!(
            "data_dir = \"{}\"\nlisten = \"127.0.0.1:7000\"\nbase_url = \"https://file.example\"\n",
            dir.path().join("from-file").display()
        ),
    )
    .expect("write");
    let env = |name: &str| match name {
        "KAIROS_CONFIG" => Some(file.display().to_string()),
        "KAIROS_BASE_URL" => Some("https://env.example/".to_string()),
        "KAIROS_DATA_DIR" => Some(dir.path().join("from-env").display().to_string()),
        _ => None,
    };
    let config = Config::load_from(&Flags::default(), env).expect("loads");
    assert_eq!(
        config.file.as_deref(),
        Some(file.as_path()),
        "KAIROS_CONFIG names the file"
    );
    assert_eq!(config.listen.port(), 7000);
    assert_eq!(config.base_url.as_deref(), Some("https://env.example"));
    assert_eq!(config.data_dir, dir.path().join("from-env"));
    assert_eq!(config.source("data_dir"), Source::Env("KAIROS_DATA_DIR"));

    let flags = Flags {
        data_dir: Some(dir.path().join("from-flag")),
        listen: Some("127.0.0.1:7001".parse().expect("address")),
        ..Flags::default()
    };
    let config = Config::load_from(&flags, env).expect("loads");
    assert_eq!(config.data_dir, dir.path().join("from-flag"));
    assert_eq!(config.listen.port(), 7001);
    assert_eq!(config.source("listen"), Source::Flag("--listen"));
    assert!(
        config
            .render()
            .contains("base_url = \"https://env.example\"  # env KAIROS_BASE_URL")
    );
}

#[test]
fn a_missing_config_file_named_explicitly_is_an_error() {
    let dir = tempfile::tempdir().expect("tempdir");
    let flags = Flags {
        config_file: Some(dir.path().join("absent.toml")),
        data_dir: Some(dir.path().to_path_buf()),
        ..Flags::default()
    };
    let err = Config::load_from(&flags, |_| None).expect_err("refused");
    assert!(err.to_string().contains("absent.toml"), "{err}");
}
