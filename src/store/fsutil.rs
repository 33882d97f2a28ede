//! File-system helpers of the store: private modes and durable writes.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Read, Seek, SeekFrom, Write};
use std::path::Path;

use crate::i18n::os::Own;
use atomic_write_file::AtomicWriteFile;

/// Session files are private to the user.
#[cfg(unix)]
const FILE_MODE: u32 = 0o600;
/// So is the folder that holds them.
#[cfg(unix)]
const DIR_MODE: u32 = 0o700;

/// New files are created 0600 (before the umask; the mode is then set
/// explicitly by [`make_private_file`]).
pub(crate) fn private_open_options(options: &mut OpenOptions) {
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(FILE_MODE);
    }
    #[cfg(not(unix))]
    let _ = options;
}

/// Sets 0600 on an open file, whatever the umask was.
pub(crate) fn make_private_file(file: &File) -> io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        file.set_permissions(fs::Permissions::from_mode(FILE_MODE))?;
    }
    #[cfg(not(unix))]
    let _ = file;
    Ok(())
}

/// Creates a folder 0700 if it is not there yet. An existing folder keeps
/// the mode its owner gave it.
pub(crate) fn ensure_private_dir(path: &Path) -> io::Result<()> {
    if path.is_dir() {
        return Ok(());
    }
    if let Some(file) = path.ancestors().find(|p| p.is_file()) {
        // The OS would only say "File exists" or "Not a directory".
        return Err(Own::FileNotFolder(file.to_path_buf()).into_io(io::ErrorKind::NotADirectory));
    }
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        fs::create_dir_all(parent)?;
    }
    let mut builder = fs::DirBuilder::new();
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        builder.mode(DIR_MODE);
    }
    match builder.create(path) {
        Ok(()) => {}
        // Another instance made it at the same moment.
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists && path.is_dir() => return Ok(()),
        Err(e) => return Err(e),
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        fs::set_permissions(path, fs::Permissions::from_mode(DIR_MODE))?;
    }
    Ok(())
}

/// Whether an open file is still the one at `path` (not removed or replaced).
pub(crate) fn is_same_file(file: &File, path: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        match (file.metadata(), fs::metadata(path)) {
            (Ok(a), Ok(b)) => a.dev() == b.dev() && a.ino() == b.ino(),
            _ => false,
        }
    }
    #[cfg(not(unix))]
    {
        let _ = file;
        path.exists()
    }
}

/// Replaces `path` with `bytes`, all or nothing, and durably: a temporary
/// file is written, synced, read back and compared, then renamed over the
/// old one and the folder synced (`atomic-write-file` does the last two).
/// On any error the old file is untouched.
pub(crate) fn atomic_write(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let mut file = AtomicWriteFile::options().read(true).open(path)?;
    file.write_all(bytes)?;
    file.flush()?;
    make_private_file(file.as_file())?;
    file.seek(SeekFrom::Start(0))?;
    let mut back = Vec::with_capacity(bytes.len());
    file.read_to_end(&mut back)?;
    if back != bytes {
        let _ = file.discard();
        return Err(io::Error::new(io::ErrorKind::InvalidData, ReadBackDiffers));
    }
    file.commit()
}

/// What [`atomic_write`] reports when the disk gave back other bytes than
/// were written; the store tells it in the user's language.
#[derive(Debug)]
pub(crate) struct ReadBackDiffers;

impl std::fmt::Display for ReadBackDiffers {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("read back differs")
    }
}

impl std::error::Error for ReadBackDiffers {}

/// Makes a rename in `dir` durable. Best effort: a failure here cannot
/// undo the rename, and the file is whole either way.
pub(crate) fn sync_dir(dir: &Path) {
    if let Ok(d) = File::open(dir) {
        let _ = d.sync_all();
    }
}
