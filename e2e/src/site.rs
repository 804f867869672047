//! The site the emulator serves in a test: a private copy of the release build (`dist/`) plus
//! host pages written by the test, each embedding the widget the way a real site would.

use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::{SystemTime, UNIX_EPOCH};

/// The static token host pages configure: the emulator accepts any non-empty Authorization.
const ACCESS_TOKEN: &str = "e2e-static-token";

/// The request time limit host pages give the widget (`data-timeout-ms`, the widget's
/// setting), so that the journeys with a hanging API end sooner than the 15 s default.
pub const REQUEST_TIMEOUT_MS: u64 = 6_000;

/// A temporary directory unique to one test, removed when dropped. Its path also marks the
/// browser processes started for the test (their profiles live inside it).
pub struct TempRoot(PathBuf);

impl TempRoot {
    /// Creates `$TMPDIR/calendar-connect-e2e-<pid>-<n>-<nanos>`.
    pub fn create() -> Self {
        static COUNTER: AtomicU32 = AtomicU32::new(0);
        let nanos = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map(|d| d.subsec_nanos())
            .unwrap_or_default();
        let path = std::env::temp_dir().join(format!(
            "calendar-connect-e2e-{}-{}-{nanos}",
            std::process::id(),
            COUNTER.fetch_add(1, Ordering::Relaxed)
        ));
        fs::create_dir_all(&path)
            .unwrap_or_else(|error| panic!("creating {}: {error}", path.display()));
        Self(path)
    }

    /// The directory.
    pub fn path(&self) -> &Path {
        &self.0
    }
}

impl Drop for TempRoot {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.0);
    }
}

/// The static directory: a copy of `dist/` and the host pages written into it.
pub struct Site {
    dir: PathBuf,
    /// The `<link>` and `<script>` tags trunk wrote into `dist/index.html` (file names may be
    /// hashed), copied into every host page.
    widget_tags: String,
}

impl Site {
    /// Copies `dist` into `root/site`.
    pub fn copy_from(dist: &Path, root: &TempRoot) -> Self {
        let index = dist.join("index.html");
        let html = fs::read_to_string(&index).unwrap_or_else(|error| {
            panic!(
                "reading {}: {error}; build the widget first (`trunk build --release` or \
                 scripts/e2e.sh), or point E2E_DIST at the build",
                index.display()
            )
        });
        let widget_tags = widget_tags(&html);
        assert!(
            widget_tags.contains("<script"),
            "{} has no <script> tag to take the widget from:\n{html}",
            index.display()
        );
        let dir = root.path().join("site");
        copy_dir(dist, &dir);
        Self { dir, widget_tags }
    }

    /// The directory the emulator serves with `--static`.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Writes the host page `file` (e.g. `host.html`) embedding `mounts`, each a mount element
    /// configured through the data attributes of DESIGN.md. The page also records every
    /// `calendar-connect:*` event in `window.ccEvents` as `{type, target}`.
    pub fn write_host_page(&self, file: &str, title: &str, mounts: &[Mount]) {
        let mut body = String::new();
        for mount in mounts {
            let _ = write!(
                body,
                "<section aria-labelledby=\"{id}-heading\">\n<h2 id=\"{id}-heading\">{heading}</h2>\n\
                 <div id=\"{id}\" data-calendar-connect data-api-base=\"{api}\" \
                 data-access-token=\"{ACCESS_TOKEN}\" \
                 data-timeout-ms=\"{REQUEST_TIMEOUT_MS}\"></div>\n</section>\n",
                id = mount.id,
                heading = mount.heading,
                api = mount.api_base,
            );
        }
        let page = format!(
            "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
             <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
             <title>{title}</title>\n<style>{HOST_STYLE}</style>\n<script>\n{EVENT_RECORDER}</script>\n\
             {tags}\n</head>\n\
             <body>\n<main>\n<h1>{title}</h1>\n{body}</main>\n</body>\n</html>\n",
            tags = self.widget_tags,
        );
        let path = self.dir.join(file);
        fs::write(&path, page)
            .unwrap_or_else(|error| panic!("writing {}: {error}", path.display()));
    }
}

/// A plain host page's own look: the widget brings its own styles.
const HOST_STYLE: &str = "body { margin: 0; font-family: system-ui, sans-serif; } \
     main { max-width: 40rem; margin: 0 auto; padding: 0.5rem 1rem; } \
     section { padding: 0.25rem 0.5rem 1rem; }";

/// Records the widget's events, which bubble from the mount elements to the document.
const EVENT_RECORDER: &str = r#"window.ccEvents = [];
for (const type of ["calendar-connect:ready", "calendar-connect:redirecting",
                    "calendar-connect:connected", "calendar-connect:failed"]) {
  document.addEventListener(type, (event) => {
    window.ccEvents.push({ type, target: event.target && event.target.id || "" });
  });
}
"#;

/// One mount element of a host page.
#[derive(Clone, Debug)]
pub struct Mount {
    /// The element's id, also how the test scopes its queries to this instance.
    pub id: String,
    /// The heading of the section around it (host-page content, for a realistic page).
    pub heading: String,
    /// `data-api-base`.
    pub api_base: String,
}

impl Mount {
    /// A mount element `id` calling the API at `api_base`.
    pub fn new(id: &str, api_base: &str) -> Self {
        Self {
            id: id.to_owned(),
            heading: "Calendar sync".to_owned(),
            api_base: api_base.to_owned(),
        }
    }

    /// The same with another section heading.
    pub fn heading(mut self, heading: &str) -> Self {
        self.heading = heading.to_owned();
        self
    }
}

/// The `<link>` and `<script>` elements of trunk's `index.html`, in document order.
fn widget_tags(html: &str) -> String {
    let mut tags = Vec::new();
    let mut rest = html;
    loop {
        let next_link = rest.find("<link");
        let next_script = rest.find("<script");
        let (start, is_script) = match (next_link, next_script) {
            (Some(l), Some(s)) if l < s => (l, false),
            (Some(l), None) => (l, false),
            (_, Some(s)) => (s, true),
            (None, None) => break,
        };
        let after = &rest[start..];
        let end = if is_script {
            after.find("</script>").map(|e| e + "</script>".len())
        } else {
            after.find('>').map(|e| e + 1)
        };
        let Some(end) = end else { break };
        tags.push(&after[..end]);
        rest = &after[end..];
    }
    tags.join("\n")
}

fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap_or_else(|error| panic!("creating {}: {error}", to.display()));
    let entries =
        fs::read_dir(from).unwrap_or_else(|error| panic!("reading {}: {error}", from.display()));
    for entry in entries.flatten() {
        let target = to.join(entry.file_name());
        if entry.file_type().is_ok_and(|t| t.is_dir()) {
            copy_dir(&entry.path(), &target);
        } else {
            fs::copy(entry.path(), &target).unwrap_or_else(|error| {
                panic!(
                    "copying {} to {}: {error}",
                    entry.path().display(),
                    target.display()
                )
            });
        }
    }
}
