//! New files only the user can read, that never overwrite one already
//! there: exports and the emergency copy of a session that could not be
//! saved. The name is claimed and written in one go, so two writers never
//! share a file and a failed write leaves nothing behind.

use std::fs::File;
use std::io;
use std::os::unix::fs::OpenOptionsExt;
use std::path::{Path, PathBuf};

use crate::i18n::os::Own;

/// How many `-N` steps are tried before giving up on a free name.
const MAX_TRIES: u32 = 10_000;

/// Creates `dir/STEM.EXT` (or `STEM-2.EXT`, `STEM-3.EXT`, … when taken) as
/// a 0600 file, lets `fill` write it, and syncs it. If writing fails, the
/// file is removed again, so the name stays free for the next attempt.
pub fn write_new(
    dir: &Path,
    stem: &str,
    ext: &str,
    fill: impl FnOnce(&mut File) -> io::Result<()>,
) -> io::Result<PathBuf> {
    let (mut file, path) = claim(dir, stem, ext)?;
    match fill(&mut file).and_then(|()| file.sync_all()) {
        Ok(()) => Ok(path),
        Err(e) => {
            drop(file);
            let _ = std::fs::remove_file(&path);
            Err(e)
        }
    }
}

/// The first free name, created atomically: another process that claims
/// the same name first makes this one step on instead of sharing it.
fn claim(dir: &Path, stem: &str, ext: &str) -> io::Result<(File, PathBuf)> {
    for n in 1..=MAX_TRIES {
        let name = if n == 1 {
            format!("{stem}.{ext}")
        } else {
            format!("{stem}-{n}.{ext}")
        };
        let path = dir.join(name);
        match std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .mode(0o600)
            .open(&path)
        {
            Ok(file) => return Ok((file, path)),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(e),
        }
    }
    Err(Own::NoFreeName {
        dir: dir.to_path_buf(),
        name: format!("{stem}.{ext}"),
    }
    .into_io(io::ErrorKind::AlreadyExists))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;
    use std::os::unix::fs::PermissionsExt;

    fn write_text(dir: &Path, text: &str) -> io::Result<PathBuf> {
        write_new(dir, "team", "md", |f| f.write_all(text.as_bytes()))
    }

    #[test]
    fn names_step_on_and_nothing_is_overwritten() {
        let dir = tempfile::tempdir().unwrap();
        let first = write_text(dir.path(), "one").unwrap();
        let second = write_text(dir.path(), "two").unwrap();
        assert_eq!(first, dir.path().join("team.md"));
        assert_eq!(second, dir.path().join("team-2.md"));
        assert_eq!(std::fs::read_to_string(first).unwrap(), "one");
        assert_eq!(std::fs::read_to_string(&second).unwrap(), "two");
        let mode = std::fs::metadata(second).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }

    #[test]
    fn a_failed_write_leaves_no_partial_file_and_keeps_the_name_free() {
        let dir = tempfile::tempdir().unwrap();
        let failed = write_new(dir.path(), "team", "md", |f| {
            f.write_all(b"half of it")?;
            Err(io::Error::other("disk full"))
        });
        assert!(failed.is_err());
        assert!(!dir.path().join("team.md").exists(), "no partial file");
        let next = write_text(dir.path(), "all of it").unwrap();
        assert_eq!(next, dir.path().join("team.md"));
    }

    #[test]
    fn a_name_taken_between_looking_and_creating_is_stepped_over() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("team.md"), "someone else's").unwrap();
        std::fs::write(dir.path().join("team-2.md"), "someone else's").unwrap();
        let path = write_text(dir.path(), "mine").unwrap();
        assert_eq!(path, dir.path().join("team-3.md"));
        let theirs = std::fs::read_to_string(dir.path().join("team.md")).unwrap();
        assert_eq!(theirs, "someone else's");
    }
}
