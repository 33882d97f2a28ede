//! The lock file beside each session: `<id>.lock`, holding the pid.
//!
//! The lock itself is an advisory `flock`-style lock on that file, which
//! the system drops when the holder's process ends in any way, `kill -9`
//! included; so a crash never leaves a session locked. The pid inside is
//! only there so a second instance can say who holds it.

use std::fs::{self, File, OpenOptions, TryLockError};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use super::fsutil;
use crate::i18n::os::Own;

/// A held lock. Dropping it lets go and removes the file.
#[derive(Debug)]
pub(crate) struct SessionLock {
    file: File,
    path: PathBuf,
}

/// The result of trying to take a lock.
#[derive(Debug)]
pub(crate) enum Acquire {
    Held(SessionLock),
    /// Another process holds it; its pid when the file says so.
    Busy(Option<u32>),
}

impl SessionLock {
    /// Tries once, without waiting.
    pub(crate) fn acquire(path: &Path) -> io::Result<Acquire> {
        // A holder that lets go removes the file; if that happened between
        // our open and our lock, we locked a file nobody else will see, so
        // try again on the new one.
        for _ in 0..8 {
            let mut options = OpenOptions::new();
            options.read(true).write(true).create(true).truncate(false);
            fsutil::private_open_options(&mut options);
            // A link in the lock's place (from an archive, say) is not
            // followed: the lock file is truncated and written to.
            #[cfg(unix)]
            {
                use std::os::unix::fs::OpenOptionsExt;
                options.custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK);
            }
            let mut file = options.open(path)?;
            if !file.metadata()?.is_file() {
                return Err(
                    Own::NotRegular(path.to_path_buf()).into_io(io::ErrorKind::InvalidInput)
                );
            }
            match file.try_lock() {
                Ok(()) => {}
                Err(TryLockError::WouldBlock) => return Ok(Acquire::Busy(read_pid(path))),
                Err(TryLockError::Error(e)) => return Err(e),
            }
            if !fsutil::is_same_file(&file, path) {
                continue;
            }
            fsutil::make_private_file(&file)?;
            file.set_len(0)?;
            write!(file, "{}", std::process::id())?;
            file.flush()?;
            return Ok(Acquire::Held(SessionLock {
                file,
                path: path.to_path_buf(),
            }));
        }
        // The file keeps being replaced: others are busy with it.
        Ok(Acquire::Busy(read_pid(path)))
    }
}

impl Drop for SessionLock {
    fn drop(&mut self) {
        // Still holding the lock here, so nobody else is using the file;
        // the lock itself goes when `file` closes right after.
        let _ = self.file.set_len(0);
        let _ = fs::remove_file(&self.path);
    }
}

/// The pid written in a lock file, if it holds one.
fn read_pid(path: &Path) -> Option<u32> {
    // Never more than a pid's worth, and never from a pipe put in its place.
    let bytes =
        crate::regular_file::read_capped(path, crate::regular_file::Links::Refuse, 32).ok()?;
    std::str::from_utf8(&bytes).ok()?.trim().parse().ok()
}
