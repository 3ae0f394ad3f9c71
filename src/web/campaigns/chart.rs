//! The funnel as horizontal bars in inline SVG, like the other dashboard charts: no
//! JavaScript, prints well, drawn at its own size.

use super::text::thousands;
use maud::{Markup, html};

/// `title` names the chart for screen readers, with every step and count in its label.
pub(super) fn funnel_chart(title: &str, steps: &[(String, i64)]) -> Markup {
    let max = steps.iter().map(|(_, n)| *n).max().unwrap_or(0).max(1) as f64;
    let height = steps.len() * 34 + 10;
    let label = steps
        .iter()
        .map(|(name, n)| format!("{name} {}", thousands(*n)))
        .collect::<Vec<_>>()
        .join(", ");
    html! {
        svg.chart role="img" aria-label=(format!("{title}: {label}")) viewBox=(format!("0 0 720 {height}"))
            width="720" height=(height) xmlns="http://www.w3.org/2000/svg" {
            title { (title) }
            @for (i, (name, n)) in steps.iter().enumerate() {
                @let y = i * 34 + 5;
                @let width = (*n as f64 / max * 400.0).round().max(2.0);
                text x="0" y=(y + 17) font-size="13" { (name) }
                rect x="200" y=(y) width=(width) height="24" fill="#16a34a" {}
                text x=(205.0 + width) y=(y + 17) font-size="13" { (thousands(*n)) }
            }
        }
    }
}
