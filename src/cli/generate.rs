//! Shell completions and the man page, generated from the clap definition ([`Cli`]): they list
//! exactly the commands and options the tool parses, and change when those do.

use std::io::{self, Write};

use clap::CommandFactory;
use clap_complete::Shell;
use clap_mangen::Man;
use clap_mangen::roff::{Roff, bold, roman};

use crate::cli::args::Cli;
use crate::cli::help::{self, Page};

/// The completion script for `shell`.
pub fn completions(shell: Shell) -> Vec<u8> {
    let mut command = Cli::command();
    let name = command.get_name().to_owned();
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut command, name, &mut script);
    script
}

/// The man page, section 1, in roff: the tool's own sections as clap_mangen renders them, then
/// every command with its synopsis and options (clap_mangen alone would only name the commands
/// and point to one page each), the exit statuses and the examples `--help` shows.
pub fn man() -> String {
    let mut tool = Cli::command();
    tool.build();
    let page = Man::new(tool.clone());
    let mut out = ManPage::default();
    out.add(|w| page.render_title(w));
    out.add(|w| page.render_name_section(w));
    out.add(|w| page.render_synopsis_section(w));
    out.add(|w| page.render_description_section(w));
    out.add(|w| page.render_options_section(w));

    let mut commands = Roff::new();
    commands.control("SH", ["COMMANDS"]);
    out.roff(&commands);
    for command in tool
        .get_subcommands()
        .filter(|c| !c.is_hide_set() && c.get_name() != "help")
    {
        let name = format!("{} {}", tool.get_name(), command.get_name());
        let mut heading = Roff::new();
        heading.control("SS", [name.as_str()]);
        if let Some(about) = command.get_about() {
            heading.text([roman(about.to_string())]);
        }
        out.roff(&heading);
        let page = Man::new(command.clone());
        // Each piece comes with its own `.SH`: under the command's `.SS` they are paragraphs.
        out.add_under(|w| page.render_synopsis_section(w));
        if command.get_arguments().any(|a| !a.is_hide_set()) {
            out.add_under(|w| page.render_options_section(w));
        }
    }

    let mut status = Roff::new();
    status.control("SH", ["EXIT STATUS"]);
    for (code, meaning) in help::exit_statuses(Page::Tool) {
        status.control("TP", []);
        status.text([bold(code.to_string())]);
        status.text([roman(meaning)]);
    }
    status.control("PP", []);
    status.text([roman(help::BASELINE_NOTE)]);
    status.control("SH", ["EXAMPLES"]);
    let mut shown = Vec::new();
    for page in [Page::Tool, Page::Check, Page::Fix, Page::Revert] {
        for example in help::examples(page) {
            if shown.contains(&example.command) {
                continue;
            }
            shown.push(example.command);
            status.control("TP", []);
            status.text([bold(example.command)]);
            status.text([roman(example.does)]);
        }
    }
    out.roff(&status);
    out.add(|w| page.render_version_section(w));
    out.text
}

/// A man page put together from pieces that each come with roff's preamble (the definitions
/// every rendering starts with): the first keeps it, the others leave it out.
#[derive(Default)]
struct ManPage {
    text: String,
}

impl ManPage {
    fn add(&mut self, render: impl FnOnce(&mut dyn Write) -> io::Result<()>) {
        let piece = rendered(render);
        self.push(&piece);
    }

    /// A piece whose `.SH` headings become paragraph breaks, under the current `.SS`.
    fn add_under(&mut self, render: impl FnOnce(&mut dyn Write) -> io::Result<()>) {
        let piece = rendered(render);
        let lines: Vec<&str> = piece
            .lines()
            .map(|line| {
                if line.starts_with(".SH ") {
                    ".PP"
                } else {
                    line
                }
            })
            .collect();
        self.push(&(lines.join("\n") + "\n"));
    }

    fn roff(&mut self, roff: &Roff) {
        self.push(&roff.render());
    }

    fn push(&mut self, piece: &str) {
        let preamble = Roff::new().render();
        let piece = match self.text.is_empty() {
            true => piece,
            false => piece.strip_prefix(preamble.as_str()).unwrap_or(piece),
        };
        self.text.push_str(piece);
    }
}

/// What a clap_mangen `render_*` writes. Roff renders text lines from UTF-8 text as UTF-8.
fn rendered(render: impl FnOnce(&mut dyn Write) -> io::Result<()>) -> String {
    let mut piece = Vec::new();
    render(&mut piece).expect("writing to memory does not fail");
    String::from_utf8(piece).expect("roff from UTF-8 text is UTF-8")
}
