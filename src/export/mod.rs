//! Session notes and the policy draft as Markdown, HTML and JSON: pure
//! functions of the session, its deck and the language.
