//! Reading files that came from someone else: only regular files, never
//! more than [`MAX_FILE_BYTES`], and never waiting. A named pipe, a device
//! or a folder where a session or deck should be is reported at once
//! instead of hanging the app or reading until memory runs out.

use std::fs::{File, OpenOptions};
use std::io::{self, Read};
use std::path::Path;

use crate::domain::Lang;
use crate::i18n::files::FileMsg as M;
use crate::i18n::fill;

/// The largest session, deck or asset file that is read: far above any
/// real one (the built-in deck is well under 1 MiB), low enough to bound
/// what a hostile file can cost.
pub const MAX_FILE_BYTES: u64 = 16 * 1024 * 1024;

/// Whether a symbolic link at the path itself is followed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Links {
    /// Decks and assets are only read, so a link to a regular file is fine.
    Follow,
    /// Session files are written back; a link would be replaced by a
    /// regular file on the first save, so it is refused instead.
    Refuse,
}

/// What is at a path instead of a regular file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    Directory,
    Fifo,
    Device,
    Socket,
    Symlink,
    Other,
}

/// Why a file was not read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReadError {
    NotFound,
    NotRegular(FileKind),
    TooLarge {
        cap: u64,
    },
    /// What the system said, worded later in the reader's language.
    Io(crate::i18n::os::IoFailure),
}

impl ReadError {
    /// Why, as a clause of a sentence, in `lang`.
    pub fn describe(&self, lang: Lang) -> String {
        match self {
            ReadError::NotFound => M::NotFound.get(lang).to_string(),
            ReadError::NotRegular(kind) => match kind {
                FileKind::Directory => M::Directory,
                FileKind::Fifo => M::Fifo,
                FileKind::Device => M::Device,
                FileKind::Socket => M::Socket,
                FileKind::Symlink => M::Symlink,
                FileKind::Other => M::Other,
            }
            .get(lang)
            .to_string(),
            ReadError::TooLarge { cap } => fill(
                M::TooLarge.get(lang),
                &[("mib", &(cap / (1024 * 1024)).to_string())],
            ),
            ReadError::Io(error) => fill(M::Io.get(lang), &[("detail", &error.describe(lang))]),
        }
    }
}

/// In English; users read [`ReadError::describe`] in their language.
impl std::fmt::Display for ReadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.describe(Lang::En))
    }
}

impl std::error::Error for ReadError {}

/// The bytes of the regular file at `path`, at most [`MAX_FILE_BYTES`].
pub fn read(path: &Path, links: Links) -> Result<Vec<u8>, ReadError> {
    read_capped(path, links, MAX_FILE_BYTES)
}

/// As [`read`], with a cap of its own.
pub fn read_capped(path: &Path, links: Links, cap: u64) -> Result<Vec<u8>, ReadError> {
    let file = open(path, links)?;
    let meta = file.metadata().map_err(|e| io_error(&e))?;
    // Checked on the opened handle, so nothing can swap the file between
    // the check and the read.
    if !meta.is_file() {
        return Err(ReadError::NotRegular(kind_of(&meta.file_type())));
    }
    if meta.len() > cap {
        return Err(ReadError::TooLarge { cap });
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    // The file can grow while it is read; `take` bounds it all the same.
    file.take(cap + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| io_error(&e))?;
    if bytes.len() as u64 > cap {
        return Err(ReadError::TooLarge { cap });
    }
    Ok(bytes)
}

/// Opens for reading without blocking: opening a named pipe waits for a
/// writer unless `O_NONBLOCK` is given.
fn open(path: &Path, links: Links) -> Result<File, ReadError> {
    let mut options = OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        let mut flags = libc::O_NONBLOCK;
        if links == Links::Refuse {
            flags |= libc::O_NOFOLLOW;
        }
        options.custom_flags(flags);
    }
    match options.open(path) {
        Ok(file) => Ok(file),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Err(ReadError::NotFound),
        // `O_NOFOLLOW` on a link says ELOOP.
        #[cfg(unix)]
        Err(e) if links == Links::Refuse && e.raw_os_error() == Some(libc::ELOOP) => {
            Err(ReadError::NotRegular(FileKind::Symlink))
        }
        Err(e) => Err(io_error(&e)),
    }
}

fn io_error(e: &io::Error) -> ReadError {
    match e.kind() {
        io::ErrorKind::NotFound => ReadError::NotFound,
        io::ErrorKind::IsADirectory => ReadError::NotRegular(FileKind::Directory),
        _ => ReadError::Io(e.into()),
    }
}

fn kind_of(t: &std::fs::FileType) -> FileKind {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if t.is_fifo() {
            return FileKind::Fifo;
        }
        if t.is_char_device() || t.is_block_device() {
            return FileKind::Device;
        }
        if t.is_socket() {
            return FileKind::Socket;
        }
    }
    if t.is_dir() {
        FileKind::Directory
    } else if t.is_symlink() {
        FileKind::Symlink
    } else {
        FileKind::Other
    }
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::time::{Duration, Instant};

    #[test]
    fn special_files_are_refused_at_once() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("x.json");
        let c = std::ffi::CString::new(fifo.to_str().unwrap()).unwrap();
        // SAFETY: a valid C string for a path in a folder this test owns.
        assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
        let zero = dir.path().join("z.json");
        std::os::unix::fs::symlink("/dev/zero", &zero).unwrap();
        let start = Instant::now();
        assert_eq!(
            read(&fifo, Links::Follow),
            Err(ReadError::NotRegular(FileKind::Fifo))
        );
        assert_eq!(
            read(&zero, Links::Follow),
            Err(ReadError::NotRegular(FileKind::Device))
        );
        assert_eq!(
            read(&zero, Links::Refuse),
            Err(ReadError::NotRegular(FileKind::Symlink))
        );
        assert_eq!(
            read(dir.path(), Links::Follow),
            Err(ReadError::NotRegular(FileKind::Directory))
        );
        assert_eq!(
            read(&dir.path().join("none"), Links::Follow),
            Err(ReadError::NotFound)
        );
        assert!(start.elapsed() < Duration::from_secs(1));
    }

    #[test]
    fn the_cap_holds_to_the_byte() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("big.json");
        std::fs::write(&path, vec![b' '; 11]).unwrap();
        assert_eq!(read_capped(&path, Links::Refuse, 11).unwrap().len(), 11);
        assert_eq!(
            read_capped(&path, Links::Refuse, 10),
            Err(ReadError::TooLarge { cap: 10 })
        );
        let target = dir.path().join("link.json");
        std::os::unix::fs::symlink(&path, &target).unwrap();
        assert_eq!(read(&target, Links::Follow).unwrap().len(), 11);
    }

    #[test]
    fn reasons_read_in_both_languages() {
        let e = ReadError::TooLarge {
            cap: MAX_FILE_BYTES,
        };
        assert_eq!(e.describe(Lang::En), "it is larger than 16 MiB");
        assert_eq!(e.describe(Lang::Nl), "het is groter dan 16 MiB");
    }
}
