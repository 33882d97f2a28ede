//! Why a file someone gave us is not read: it is no regular file, or too
//! large. Clauses of a sentence, after "cannot be read:".

crate::texts! {
    pub enum FileMsg {
        NotFound => ("the file does not exist", "het bestand bestaat niet"),
        Directory => ("it is a folder, not a file", "het is een map, geen bestand"),
        Fifo => (
            "it is a named pipe, not a regular file",
            "het is een named pipe, geen gewoon bestand",
        ),
        Device => (
            "it is a device, not a regular file",
            "het is een apparaat, geen gewoon bestand",
        ),
        Socket => (
            "it is a socket, not a regular file",
            "het is een socket, geen gewoon bestand",
        ),
        Symlink => (
            "it is a symbolic link; datakompas saves sessions only in regular files, so open the file it points to by its own path",
            "het is een symbolische koppeling; datakompas bewaart sessies alleen in gewone bestanden, dus open het bestand waar hij naar wijst met zijn eigen pad",
        ),
        Other => ("it is not a regular file", "het is geen gewoon bestand"),
        TooLarge => ("it is larger than {mib} MiB", "het is groter dan {mib} MiB"),
        Io => ("the file cannot be opened ({detail})", "het bestand gaat niet open ({detail})"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_text_reads_in_both_languages() {
        crate::i18n::check_table(FileMsg::ALL, FileMsg::get);
    }
}
