//! Messages of the command line.

crate::texts! {
    pub enum CliMsg {
        ErrorPrefix => ("error", "fout"),
    }
}
