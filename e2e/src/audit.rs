//! Accessibility checks: an axe-core audit of the whole page for the WCAG 2.0/2.1/2.2 A and
//! AA rules, and the browser's own computed role and name of an element (WebDriver's
//! "Get Computed Role" and "Get Computed Label"), which is what assistive technology gets.

use fantoccini::elements::Element;
use fantoccini::wd::WebDriverCompatibleCommand;
use serde_json::Value;

use crate::world::{workspace_root, World};

/// The rule tags the audit runs.
const WCAG_TAGS: [&str; 5] = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

/// Runs axe-core on the current page and panics, listing each violation readably, unless
/// there are none. `state` names the widget's state in the report.
pub async fn assert_no_axe_violations(world: &World, state: &str) {
    let axe = axe_source();
    world
        .browser
        .client
        .execute(&axe, Vec::new())
        .await
        .expect("injecting axe-core");
    let script = format!(
        "const done = arguments[arguments.length - 1];
         axe.run(document, {{ runOnly: {{ type: 'tag', values: {tags} }} }})
           .then((results) => done({{ violations: results.violations.map((v) => ({{
               id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
               nodes: v.nodes.map((n) => ({{ target: n.target.join(' '), summary: n.failureSummary }}))
             }})) }}))
           .catch((error) => done({{ error: String(error) }}));",
        tags = serde_json::to_string(&WCAG_TAGS).expect("tags serialise"),
    );
    let result = world
        .browser
        .client
        .execute_async(&script, Vec::new())
        .await
        .expect("running axe-core");
    if let Some(error) = result.get("error") {
        panic!("axe-core failed in state {state:?}: {error}");
    }
    let violations = result["violations"].as_array().cloned().unwrap_or_default();
    if violations.is_empty() {
        return;
    }
    let report = violations
        .iter()
        .map(|violation| {
            let nodes = violation["nodes"]
                .as_array()
                .map(|nodes| {
                    nodes
                        .iter()
                        .map(|node| {
                            format!(
                                "    at {}\n      {}",
                                node["target"].as_str().unwrap_or("?"),
                                node["summary"]
                                    .as_str()
                                    .unwrap_or("")
                                    .replace('\n', "\n      ")
                            )
                        })
                        .collect::<Vec<_>>()
                        .join("\n")
                })
                .unwrap_or_default();
            format!(
                "  [{}] {}: {} ({})\n{nodes}",
                violation["impact"].as_str().unwrap_or("?"),
                violation["id"].as_str().unwrap_or("?"),
                violation["help"].as_str().unwrap_or("?"),
                violation["helpUrl"].as_str().unwrap_or(""),
            )
        })
        .collect::<Vec<_>>()
        .join("\n");
    panic!(
        "axe-core found {} violation(s) in state {state:?}:\n{report}\n{}",
        violations.len(),
        world.context().await
    );
}

fn axe_source() -> String {
    let path = std::env::var_os("E2E_AXE")
        .map(|path| workspace_root().join(path))
        .unwrap_or_else(|| workspace_root().join("node_modules/axe-core/axe.min.js"));
    std::fs::read_to_string(&path).unwrap_or_else(|error| {
        panic!(
            "reading axe-core at {}: {error}; run scripts/setup.sh (npm ci)",
            path.display()
        )
    })
}

/// The role and accessible name the browser computes for `element`.
pub async fn computed_role_and_name(world: &World, element: &Element) -> (String, String) {
    let mut answers = Vec::new();
    for property in ["computedrole", "computedlabel"] {
        let answer = world
            .browser
            .client
            .issue_cmd(ComputedProperty {
                element: element.element_id().to_string(),
                property,
            })
            .await
            .unwrap_or_else(|error| panic!("WebDriver {property}: {error}"));
        answers.push(match answer {
            Value::String(text) => text,
            other => other.to_string(),
        });
    }
    let name = answers.pop().unwrap_or_default();
    let role = answers.pop().unwrap_or_default();
    (role, name)
}

/// `GET /session/{id}/element/{element}/computedrole|computedlabel`, which fantoccini does
/// not wrap.
#[derive(Debug)]
struct ComputedProperty {
    element: String,
    property: &'static str,
}

impl WebDriverCompatibleCommand for ComputedProperty {
    fn endpoint(
        &self,
        base: &url::Url,
        session: Option<&str>,
    ) -> Result<url::Url, url::ParseError> {
        base.join(&format!(
            "session/{}/element/{}/{}",
            session.unwrap_or_default(),
            self.element,
            self.property
        ))
    }

    fn method_and_body(&self, _url: &url::Url) -> (hyper::Method, Option<String>) {
        (hyper::Method::GET, None)
    }
}
